using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

public sealed class PlanSection : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    /// <summary>The plan's region (every governance row carries it, so the region filter applies to each table).</summary>
    public required string RegionCode { get; init; }

    public int Ordinal { get; init; }

    public string? Number { get; init; }

    public required string Title { get; init; }
}
