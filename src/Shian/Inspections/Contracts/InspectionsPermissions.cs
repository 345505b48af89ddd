using Shian.Kernel.Users;

namespace Shian.Inspections.Contracts;

/// <summary>What may be done with 双随机 draws, inspection plans and inspections.</summary>
public static class InspectionsPermissions
{
    [GrantedTo("查阅抽查、检查计划与检查任务", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector)]
    public const string Read = "inspections.read";

    [GrantedTo("查阅检查记录与结论（经营者仅本企业）", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Business)]
    public const string ReadRecords = "inspections.records.read";

    [GrantedTo("“双随机”抽取与公开", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Draw = "inspections.draw";

    [GrantedTo("制定风险分级检查计划与专项检查", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Plan = "inspections.plan";

    [GrantedTo("现场检查（填写检查表、申报回避）", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector)]
    public const string Inspect = "inspections.inspect";

    [GrantedTo("审核并公开检查结果，审核经营者的整改回复与答复", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Review = "inspections.review";

    [GrantedTo("经营者：对本企业的检查结果提交整改回复与答复", ShianRoles.Business)]
    public const string Reply = "inspections.reply";
}
