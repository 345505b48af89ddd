using System.Text.Json;
using Shian.Inspections.Rules;
using Shian.Kernel.Audit;

namespace Shian.Inspections.Domain;

/// <summary>
/// One version of a checklist family (CATERING, SALES, PRODUCTION, FARM): the items in force from a date. Versions are
/// added, never edited, so a finished record is always read with the items it was filled with (its ChecklistCode).
/// </summary>
public sealed class ChecklistVersion : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Family { get; init; }

    public int Version { get; init; }

    /// <summary>"CATERING-v2": what records store.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>The items, as JSON.</summary>
    public required string ItemsJson { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    public string? Basis { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public Checklist ToChecklist() => new(Code, Name, JsonSerializer.Deserialize<List<ChecklistItem>>(ItemsJson, JsonSerializerOptions.Web) ?? []);

    string IAudited.AuditKey => Code;

    // Reference data of the whole platform: the system chain.
    string? IAudited.AuditRegionCode => null;
}
