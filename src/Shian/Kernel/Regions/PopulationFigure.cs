namespace Shian.Kernel.Regions;

/// <summary>
/// A population figure for a region, with the year it refers to and where it comes from. Figures are
/// partial: a region without one is reported as lacking it, never estimated (see regions.md).
/// </summary>
public sealed class PopulationFigure : Audit.IAudited
{
    public long Id { get; init; }

    public required string RegionCode { get; init; }

    public required long Population { get; set; }

    public required int Year { get; set; }

    public required string Source { get; set; }

    /// <summary>Confidence mark from the reference notes: C checked, P secondary page, U unverified, or A entered by an administrator.</summary>
    public required string Status { get; set; }

    string Audit.IAudited.AuditKey => RegionCode + ":" + Year;

    // Reference data of the whole city: the system chain.
    string? Audit.IAudited.AuditRegionCode => null;
}
