namespace Shian.Indicators.Contracts;

/// <summary>
/// A count a module keeps over its own records (businesses operating, samples taken, complaints replied …), which
/// indicators divide into rates. <paramref name="Snapshot"/>: a state as it is today (the register, 主体责任 items), not
/// events within a period. <paramref name="Records"/>: the list page behind the number, with <c>{region}</c>,
/// <c>{from}</c> and <c>{to}</c> placeholders (yyyy-MM-dd), or null when no list shows them.
/// </summary>
public sealed record MeasureInfo(string Key, string Name, bool Snapshot = false, string? Records = null);

/// <summary>
/// A module's measures (ADR 0004: the indicators module reads no module's tables; each module counts its own). Counts
/// are per record region code (12 digits, as stored), within the region prefix and the period (both dates included);
/// the caller's region filter applies as to any query, and the indicators module only asks for regions the caller
/// may read, so every count is the same for whoever may see it.
/// </summary>
public interface IMeasureSource
{
    IReadOnlyList<MeasureInfo> Measures { get; }

    Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct);
}

/// <summary>One indicator's name and unit, as offered for linking a plan's target.</summary>
public sealed record IndicatorSummary(string Key, string Name, string Unit, bool Computed);

/// <summary>An indicator's value in a region and year: null while there is no data (nothing to divide, or not entered).</summary>
public sealed record IndicatorReading(string Key, string Name, string Unit, decimal? Value, decimal? Numerator, decimal? Denominator, bool Computed, string Href, string? Note = null);

/// <summary>What other modules (the plan's targets, 考核) read of indicators.</summary>
public interface IIndicatorReader
{
    IReadOnlyList<IndicatorSummary> Catalogue { get; }

    /// <summary>The indicator a target's wording and unit most likely measures (suggested at import, confirmed by a person).</summary>
    string? Suggest(string targetText, string unit, int nth = 0);

    Task<IndicatorReading?> ReadAsync(string key, string regionCode, int year, CancellationToken ct);
}

/// <summary>Helpers for a module's <see cref="IMeasureSource"/>: counts per region code, in the database or in memory.</summary>
public static class MeasureCounts
{
    public static async Task<IReadOnlyDictionary<string, decimal>> ByRegionAsync<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, string>> region, CancellationToken ct)
    {
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            query.GroupBy(region).Select(g => new { g.Key, N = g.Count() }), ct);
        return rows.ToDictionary(r => r.Key, r => (decimal)r.N, StringComparer.Ordinal);
    }

    public static IReadOnlyDictionary<string, decimal> Tally(IEnumerable<string> regionCodes) =>
        regionCodes.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (decimal)g.Count(), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, decimal> Sum<T>(IEnumerable<T> rows, Func<T, string> region, Func<T, decimal> value) =>
        rows.GroupBy(region, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(value), StringComparer.Ordinal);

    public static InvalidOperationException Unknown(string key) => new($"Unknown measure '{key}'");
}
