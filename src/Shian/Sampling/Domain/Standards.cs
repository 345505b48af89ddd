using Shian.Kernel.Audit;
using Shian.Sampling.Rules;

namespace Shian.Sampling.Domain;

/// <summary>A food category of the standards library (GB 2763 附录A style tree); limits on it reach its sub-categories.</summary>
public sealed class FoodCategory
{
    public required string Code { get; init; }

    public string? ParentCode { get; set; }

    public required string Name { get; set; }

    public string? Note { get; set; }
}

/// <summary>A test item (检测项目): a contaminant, residue, additive, prohibited substance …</summary>
public sealed class Analyte
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public AnalyteGroup Group { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// A standard family's own placement of a category where it differs from the shared tree (GB 2762 files 芹菜 under 茎类蔬菜,
/// GB 2763 under 叶菜类; review D-10).
/// </summary>
public sealed class CategoryPlacementRow
{
    public required string Standard { get; init; }

    public required string CategoryCode { get; init; }

    public required string ParentCode { get; set; }

    public string? Note { get; set; }
}

public enum LimitSource
{
    /// <summary>Shipped with Shian (development data, see data/README.md).</summary>
    Seed,

    /// <summary>Imported by an administrator from .xlsx.</summary>
    Import,
}

/// <summary>
/// A limit row: category, analyte, the maximum and its unit or 不得检出, the standard and edition, when it is in force,
/// the sub-categories it excludes, the basis (干样品 …) and how sure we are of it. Changes are audited (system chain).
/// </summary>
public sealed class Limit : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string CategoryCode { get; init; }

    public required string AnalyteCode { get; init; }

    public decimal? Value { get; set; }

    public string? Unit { get; set; }

    public bool NotDetectable { get; set; }

    public required string Standard { get; set; }

    public required string Edition { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    /// <summary>Excluded sub-category codes, separated by ';'.</summary>
    public string? Excludes { get; set; }

    public string? Basis { get; set; }

    /// <summary>H/M/L as the source rates it; C/P/U status is in the note.</summary>
    public string? Confidence { get; set; }

    public string? Note { get; set; }

    /// <summary>全数值比较法 (default) or 修约值比较法 (GB/T 8170 §4.3; review D-7).</summary>
    public LimitComparison Comparison { get; set; }

    /// <summary>判定值 of a 不得检出 row, in <see cref="Unit"/>: the LOD/LOQ of the method the 实施细则 names (review D-8).</summary>
    public decimal? DecisionValue { get; set; }

    /// <summary>Microbiological plan: n units (review D-11); <see cref="Value"/> is m.</summary>
    public int? PlanN { get; set; }

    /// <summary>Microbiological plan: c, the units allowed above m.</summary>
    public int? PlanC { get; set; }

    /// <summary>Microbiological plan: M (three-class plans only).</summary>
    public decimal? UpperLimit { get; set; }

    public int? SourceRow { get; init; }

    public LimitSource Source { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => null;

    public LimitRule ToRule() => new(Id, CategoryCode, AnalyteCode, Value, Unit, NotDetectable, Standard, Edition, EffectiveFrom, EffectiveTo,
        (Excludes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Basis, Comparison, DecisionValue,
        PlanN is int n ? new MicrobialPlan(n, PlanC ?? 0, UpperLimit) : null);
}
