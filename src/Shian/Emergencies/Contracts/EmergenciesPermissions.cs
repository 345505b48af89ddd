using Shian.Kernel.Users;

namespace Shian.Emergencies.Contracts;

/// <summary>What may be done with food-safety incidents (应急) and the direct-reporting network (信息直报).</summary>
public static class EmergenciesPermissions
{
    [GrantedTo("食品安全事故信息直报（学校、食堂等单位与街道信息员）", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Business)]
    public const string Report = "emergencies.report";

    [GrantedTo("查阅本辖区食品安全事故与应急处置", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Read = "emergencies.read";

    [GrantedTo("应急指挥：研判分级、向上报告、部署任务、结束响应", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Command = "emergencies.command";

    [GrantedTo("管理信息直报网络（直报点与信息员）", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Network = "emergencies.network";

    [GrantedTo("查阅本辖区舆情条目、预警与趋势", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string OpinionRead = "opinion.read";

    [GrantedTo("处置舆情预警：核实、回应、发布，转事故或移送案件线索", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string OpinionHandle = "opinion.handle";

    [GrantedTo("录入舆情、上传监测服务导出、立即抓取订阅源", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string OpinionIntake = "opinion.intake";

    [GrantedTo("管理舆情来源（订阅地址、厂商推送密钥）", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string OpinionFeeds = "opinion.feeds";
}
