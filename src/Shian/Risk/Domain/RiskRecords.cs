using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;
using Shian.Risk.Rules;

namespace Shian.Risk.Domain;

/// <summary>A grading scheme version for a province (prefix "21") or the whole country ("00"), effective from a date.</summary>
public sealed class RiskScheme : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Code { get; init; }

    public int Version { get; init; }

    /// <summary>Settable only so the shipped default's label can be corrected (review D-14); versions are otherwise immutable.</summary>
    public required string Name { get; set; }

    /// <summary>Two-digit province code, or "00" for the national default.</summary>
    public required string Province { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    /// <summary>The <see cref="RiskSchemeDefinition"/> as JSON.</summary>
    public required string DefinitionJson { get; init; }

    /// <summary>Where the numbers come from and how sure we are (C/P/U as in the domain notes).</summary>
    public required string Basis { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => null;
}

/// <summary>A business's grade as computed; a new row only when the result changes, the previous one kept as history.</summary>
public sealed class RiskGrade : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BusinessId { get; init; }

    public required string RegionCode { get; init; }

    public required string SchemeCode { get; init; }

    public int SchemeVersion { get; init; }

    public int StaticScore { get; init; }

    public int DynamicScore { get; init; }

    public int Total { get; init; }

    public RiskGradeLevel Grade { get; init; }

    public int InspectionsPerYearMin { get; init; }

    public int InspectionsPerYearMax { get; init; }

    /// <summary>The factors (group, name, points, basis) as JSON: the grade explains itself.</summary>
    public required string FactorsJson { get; init; }

    public DateTime ComputedAtUtc { get; init; }

    public bool Current { get; set; }
}
