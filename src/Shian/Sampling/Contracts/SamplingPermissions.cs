using Shian.Kernel.Users;

namespace Shian.Sampling.Contracts;

/// <summary>What may be done with sampling plans, samples, lab results, dispositions and announcements.</summary>
public static class SamplingPermissions
{
    [GrantedTo("查阅抽检计划、样品、检验结果与统计", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Lab)]
    public const string Read = "sampling.read";

    [GrantedTo("制定抽检计划与指标", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Plan = "sampling.plan";

    [GrantedTo("抽样、快检、寄送与核查处置", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector)]
    public const string Sample = "sampling.sample";

    [GrantedTo("检验机构：接收样品、录入检验与复检结果、人工判定", ShianRoles.Admin, ShianRoles.Lab)]
    public const string Lab = "sampling.lab";

    [GrantedTo("异议审核结论", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string DecideObjection = "sampling.objection.decide";

    [GrantedTo("经营者：查阅本企业被抽样品的结论，在线申请复检、提出异议", ShianRoles.Business)]
    public const string Own = "sampling.own";

    [GrantedTo("发布抽检信息公告", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Publish = "sampling.publish";
}
