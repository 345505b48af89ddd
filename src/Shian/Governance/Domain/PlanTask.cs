using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

/// <summary>One task of a plan, with the text and unit cells as the document wrote them.</summary>
public sealed class PlanTask : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public Guid SectionId { get; init; }

    public required string RegionCode { get; init; }

    public int Ordinal { get; init; }

    public string? Number { get; init; }

    public string? Title { get; init; }

    public required string Text { get; init; }

    public string? LeadText { get; init; }

    public string? UnitsText { get; init; }

    public string? TimeText { get; init; }

    /// <summary>持续实施: reported every <see cref="ReportingPeriod"/>.</summary>
    public bool Recurring { get; init; }

    public ReportingPeriod ReportingPeriod { get; set; } = ReportingPeriod.Quarterly;

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

public enum ReportingPeriod
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}
