using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Indicators.Domain;

/// <summary>
/// A value entered for an indicator the system cannot compute (知晓率 from a survey report, 林业标准化程度 from the
/// forestry bureau …), for one region and year, with its evidence. Entries are never edited: a correction is a new
/// entry, and the latest one counts (the history stays, audited).
/// </summary>
public sealed class IndicatorEntry : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string IndicatorKey { get; init; }

    public int IndicatorVersion { get; init; }

    public required string RegionCode { get; init; }

    public int Year { get; init; }

    public decimal Value { get; init; }

    /// <summary>For a rate: the parts it was computed from, when known (then districts' entries add up to the city's).</summary>
    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    /// <summary>Where the figure comes from: the report, its number and date, the department that gave it.</summary>
    public required string Evidence { get; init; }

    public Guid? AttachmentId { get; init; }

    public required string EnteredBy { get; init; }

    public DateTime EnteredAtUtc { get; init; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}
