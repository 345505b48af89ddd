using Shian.Kernel.Users;

namespace Shian.Indicators.Contracts;

/// <summary>What may be done with indicators (指标).</summary>
public static class IndicatorsPermissions
{
    [GrantedTo("查阅本辖区指标看板（各项指标的实时值、目标与下钻）", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Read = "indicators.read";

    [GrantedTo("填报系统无法计算的指标值（附佐证）", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Enter = "indicators.enter";

    [GrantedTo("创建示范城市自评：建立自评、填写创建指标值（x）、逐项评定（查阅与导出差距报告随指标查阅权限）", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Assess = "indicators.assess";
}
