using System.Globalization;
using Shian.Kernel.Reference;

namespace Shian.Sampling.Rules;

/// <summary>An analyte group: decides which quota a test counts toward (农药兽药残留 ≥ 2 份/千人, seed 002).</summary>
public enum AnalyteGroup
{
    Contaminant,
    Mycotoxin,
    Pesticide,
    VeterinaryDrug,
    Additive,
    Prohibited,
    Microbial,
    Quality,
}

public sealed record CategoryRow(string Code, string? Parent, string Name, string? Note);

public sealed record AnalyteRow(string Code, string Name, AnalyteGroup Group, string? Note);

public sealed record LimitRow(int? SourceRow, LimitRule Rule, string Confidence, string? Note);

/// <summary>
/// The development seed of the standards library shipped in <c>data/reference</c> (food-categories.csv, analytes.csv,
/// limits.csv, from shared/domain/sampling-and-limits.md §4 — every row formally unverified until checked against the
/// official PDF). Rows are validated here; the database loader and the unit tests share this reader.
/// </summary>
public static class StandardsReference
{
    public const string Categories = "food-categories.csv";
    public const string Analytes = "analytes.csv";
    public const string Limits = "limits.csv";
    public const string Placements = "category-placements.csv";

    public static IReadOnlyList<CategoryRow> ReadCategories() =>
        [.. ReferenceFiles.ReadRows(Categories).Select(r => new CategoryRow(r["code"], Empty(r["parent"]), r["name"], Empty(r["note"])))];

    public static IReadOnlyList<AnalyteRow> ReadAnalytes() =>
        [.. ReferenceFiles.ReadRows(Analytes).Select(r => new AnalyteRow(r["code"], r["name"], Enum.Parse<AnalyteGroup>(r["group"]), Empty(r["note"])))];

    public static IReadOnlyList<LimitRow> ReadLimits() =>
        [.. ReferenceFiles.ReadRows(Limits).Select(r => new LimitRow(int.Parse(r["source_row"], CultureInfo.InvariantCulture),
            new LimitRule(StableId(r), r["category"], r["analyte"], Empty(r["limit"]) is { } l ? decimal.Parse(l, CultureInfo.InvariantCulture) : null, Empty(r["unit"]),
                r["not_detectable"] == "Y", r["standard"], r["edition"], DateOnly.Parse(r["effective_from"], CultureInfo.InvariantCulture),
                Empty(r["effective_to"]) is { } to ? DateOnly.Parse(to, CultureInfo.InvariantCulture) : null,
                (Empty(r["excludes"]) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Empty(r["basis"]),
                Column(r, "comparison") == "R" ? LimitComparison.RoundedValue : LimitComparison.FullValue, Number(Column(r, "decision_value")),
                Column(r, "plan_n") is { } n ? new MicrobialPlan(int.Parse(n, CultureInfo.InvariantCulture), int.Parse(Column(r, "plan_c") ?? "0", CultureInfo.InvariantCulture), Number(Column(r, "upper_limit"))) : null),
            r["confidence"], Empty(r["note"])))];

    /// <summary>Per-standard placements of categories that differ from the shared tree (review D-10).</summary>
    public static IReadOnlyList<(CategoryPlacement Placement, string? Note)> ReadPlacements() =>
        [.. ReferenceFiles.ReadRows(Placements).Select(r => (new CategoryPlacement(r["standard"], r["category"], r["parent"]), Empty(r["note"])))];

    /// <summary>The shipped library as a <see cref="LimitBook"/>.</summary>
    public static LimitBook Book()
    {
        var categories = ReadCategories();
        return new(categories.Select(c => (c.Code, c.Parent)), ReadLimits().Select(l => l.Rule), categories.ToDictionary(c => c.Code, c => c.Name),
            ReadPlacements().Select(p => p.Placement));
    }

    private static string? Column(IReadOnlyDictionary<string, string> r, string name) => r.TryGetValue(name, out var v) ? Empty(v) : null;

    private static decimal? Number(string? s) => s is null ? null : decimal.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>A seed row's id is derived from what identifies it, so reloading never duplicates it.</summary>
    private static Guid StableId(IReadOnlyDictionary<string, string> r)
    {
        var key = $"limit|{r["category"]}|{r["analyte"]}|{r["standard"]}|{r["edition"]}";
        return new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
