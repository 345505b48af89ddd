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
}
