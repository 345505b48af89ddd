using Shian.Kernel.Users;

namespace Shian.Risk.Contracts;

/// <summary>What may be done with risk grades (风险分级).</summary>
public static class RiskPermissions
{
    [GrantedTo("查阅风险等级与评分依据", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector)]
    public const string Read = "risk.read";

    [GrantedTo("重新评定辖区风险等级", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Recompute = "risk.recompute";
}
