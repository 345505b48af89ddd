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

    /// <summary>Enter lab results and 复检 results: the labs (承检机构) and administrators.</summary>
    public const string LabWork = "sampling.lab";

    /// <summary>Take samples, rapid tests, custody steps and dispositions: officers, inspectors, coordinators, administrators.</summary>
    public const string Sample = "sampling.sample";
}
