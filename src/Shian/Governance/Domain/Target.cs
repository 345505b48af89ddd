using Shian.Governance.Parsing;
using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

/// <summary>A quantitative target of a task; <see cref="Value"/> is null while a redacted figure awaits the user.</summary>
public sealed class Target : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TaskId { get; init; }

    public required string RegionCode { get; init; }

    /// <summary>Order within the task, as the document lists them.</summary>
    public int Ordinal { get; init; }

    public required string Text { get; init; }

    public Comparator Comparator { get; init; }

    public decimal? Value { get; set; }

    public required string Unit { get; init; }

    public string? Period { get; init; }

    public DateOnly? Deadline { get; set; }

    /// <summary>
    /// The indicator measuring this target (<c>Indicators</c> catalogue key): suggested from the wording at import,
    /// confirmed or changed by a person; null when none fits.
    /// </summary>
    public string? IndicatorKey { get; set; }

    /// <summary>Who confirmed <see cref="IndicatorKey"/> (null: still the importer's suggestion).</summary>
    public string? IndicatorConfirmedBy { get; set; }
}
