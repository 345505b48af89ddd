using Shian.Kernel.Users;

namespace Shian.Governance.Contracts;

/// <summary>What may be done with work plans, 督办, 暗访 and 考核.</summary>
public static class GovernancePermissions
{
    [GrantedTo("查阅工作方案、任务、进展与督办", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Read = "governance.plan.read";

    [GrantedTo("导入工作方案", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Import = "governance.plan.import";

    [GrantedTo("撤销误导入的工作方案", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Delete = "governance.plan.delete";

    [GrantedTo("报送任务进展", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Report = "governance.report";

    [GrantedTo("督办与约谈", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Supervise = "governance.supervise";

    [GrantedTo("回复督办", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Reply = "governance.supervision.reply";

    [GrantedTo("记录暗访检查", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Incognito = "governance.incognito";

    [GrantedTo("查阅本辖区的暗访检查结果", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string IncognitoRead = "governance.incognito.read";

    [GrantedTo("制定、评分与公布考核（含草稿排名）", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Assess = "governance.assessment.manage";

    [GrantedTo("查阅本辖区已公布的考核结果", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Results = "governance.assessment.results";
}
