using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

/// <summary>A unit name of a task that no rule resolved; it stays listed on the task until a person maps it.</summary>
public sealed class UnresolvedUnit : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TaskId { get; init; }

    public required string RegionCode { get; init; }

    public required string Text { get; init; }

    public AssignmentRole Role { get; init; }
}
