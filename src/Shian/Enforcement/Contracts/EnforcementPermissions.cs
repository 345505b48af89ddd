using Shian.Kernel.Users;

namespace Shian.Enforcement.Contracts;

/// <summary>What may be done with case clues and cases (案件). The head's acts are checked against the case: never by its own officers.</summary>
public static class EnforcementPermissions
{
    [GrantedTo("查阅案件线索和案件", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Read = "enforcement.read";

    [GrantedTo("登记、核查案件线索，办理案件（调查取证、告知、送达、执行、结案），当场处罚（简易程序），登记延期、分期缴纳申请", ShianRoles.Admin, ShianRoles.Officer)]
    public const string Handle = "enforcement.handle";

    [GrantedTo("负责人审批：立案或不予立案、延期、审核、集体讨论、处罚决定，当场处罚备案，批准延期、分期缴纳", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Approve = "enforcement.approve";

    [GrantedTo("导入、替换本辖区的行政处罚裁量基准（拟处罚款偏离基准时须写明理由）", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Benchmark = "enforcement.benchmark";

    [GrantedTo("经营者：查阅本企业已告知或已决定的案件，在线陈述申辩、要求听证，查看缴款方式，申请延期或分期缴纳罚款", ShianRoles.Business)]
    public const string Own = "enforcement.own";
}
