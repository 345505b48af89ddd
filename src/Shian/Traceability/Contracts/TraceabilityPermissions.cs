using Shian.Kernel.Users;

namespace Shian.Traceability.Contracts;

/// <summary>What may be done with the traceability repository (GS1 EPCIS 2.0) and its master data.</summary>
public static class TraceabilityPermissions
{
    [GrantedTo("查询追溯事件（EPCIS 2.0），正向和反向追溯批次、产品与经营主体", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Business)]
    public const string Read = "traceability.read";

    [GrantedTo("提交追溯数据（EPCIS 2.0 采集）：企业报送本企业的事件，监管人员代辖区内经营主体上传", ShianRoles.Admin, ShianRoles.Officer, ShianRoles.Business)]
    public const string Capture = "traceability.capture";

    [GrantedTo("维护经营主体的 GS1 厂商识别代码和位置码（GLN）", ShianRoles.Admin, ShianRoles.Officer)]
    public const string Manage = "traceability.manage";

    [GrantedTo("召回：企业主动召回或监管人员责令召回，发布召回公告，报告召回进度与完成", ShianRoles.Admin, ShianRoles.Officer, ShianRoles.Business)]
    public const string RecallAct = "traceability.recall.act";

    [GrantedTo("召回监管：确定召回级别或不予召回、延长期限、核查结束、向社会公布、认定拒不召回、办理下游核查任务", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string RecallSupervise = "traceability.recall.supervise";
}
