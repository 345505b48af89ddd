using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

/// <summary>A dated point of a task and the rule that dated it (shown, and editable before saving).</summary>
public sealed class Milestone : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TaskId { get; init; }

    public required string RegionCode { get; init; }

    /// <summary>Order within the task, as the document lists them.</summary>
    public int Ordinal { get; init; }

    public DateOnly Date { get; set; }

    public required string Phrase { get; init; }

    public required string Text { get; init; }

    public required string Rule { get; set; }
}
