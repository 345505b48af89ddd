namespace Shian.Kernel.Users;

/// <summary>Named authorization policies (role checks); data scope is always the region filter on top.</summary>
public static class Policies
{
    /// <summary>Issue 督办 and run assessments: 食安办 coordinators and administrators.</summary>
    public const string Supervise = "governance.supervise";

    /// <summary>Run 双随机 draws and plan inspections: district officers, coordinators and administrators.</summary>
    public const string PlanInspections = "inspections.plan";

    /// <summary>Officers, inspectors (who declare their own conflicts) and those who plan.</summary>
    public const string PlanInspectionsOrInspect = "inspections.inspect";
}
