namespace Shian.Indicators.Rules;

/// <summary>A figure with the parts it came from (null value: nothing to divide, or nothing entered).</summary>
public sealed record Figure(decimal? Value, decimal? Numerator, decimal? Denominator)
{
    public static Figure None { get; } = new(null, null, null);
}

/// <summary>
/// Pure arithmetic of indicators: the value from its parts, sums by region-code prefix (a county's figure is the sum of
/// the records of its streets), the year's period, the month ends of a year-to-date trend, and whether a target is met.
/// </summary>
public static class IndicatorMath
{
    /// <summary>
    /// Percent to one decimal, per thousand to two; rounded half to even (GB/T 8170 修约: 四舍六入五成双), the
    /// rounding the offices' statistics use.
    /// </summary>
    public static Figure Compute(IndicatorUnit unit, decimal numerator, decimal? denominator) => unit switch
    {
        IndicatorUnit.Percent => new(denominator is > 0 ? Math.Round(numerator * 100m / denominator.Value, 1, MidpointRounding.ToEven) : null, numerator, denominator),
        IndicatorUnit.PerThousand => new(denominator is > 0 ? Math.Round(numerator * 1000m / denominator.Value, 2, MidpointRounding.ToEven) : null, numerator, denominator),
        IndicatorUnit.PerMonth => new(denominator is > 0 ? Math.Round(numerator / denominator.Value, 1, MidpointRounding.ToEven) : null, numerator, denominator),
        // Hours per person (人均学时) when a headcount divides them; plain hours otherwise.
        IndicatorUnit.Hours when denominator is not null => new(denominator > 0 ? Math.Round(numerator / denominator.Value, 1, MidpointRounding.ToEven) : null, numerator, denominator),
        _ => new(numerator, numerator, null),
    };

    /// <summary>The sum of the cells whose region code starts with <paramref name="prefix"/>.</summary>
    public static decimal Within(IReadOnlyDictionary<string, decimal> cells, string prefix) =>
        cells.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);

    /// <summary>A year's period: 1 January to 31 December, or to today in the current year; null for a year not begun.</summary>
    public static (DateOnly From, DateOnly To)? Year(int year, DateOnly today)
    {
        var from = new DateOnly(year, 1, 1);
        if (from > today)
        {
            return null;
        }

        var end = new DateOnly(year, 12, 31);
        return (from, end < today ? end : today);
    }

    /// <summary>The end of each month of the period (the last one its own end): the points of a year-to-date trend.</summary>
    public static IReadOnlyList<DateOnly> MonthEnds(DateOnly from, DateOnly to)
    {
        var ends = new List<DateOnly>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var end = m.AddMonths(1).AddDays(-1);
            ends.Add(end < to ? end : to);
        }

        return ends;
    }

    /// <summary>Whether a value meets a target ("≥", "≤", "="); null when either is unknown. "= 100 %" is met only at 100.</summary>
    public static bool? Meets(string comparator, decimal? target, decimal? value) =>
        target is not decimal t || value is not decimal v ? null
        : comparator switch { "≥" => v >= t, "≤" => v <= t, _ => v == t };

    /// <summary>
    /// A region's entered figure when it has no entry of its own: its highest entries below (a town's is not added
    /// when its county entered one); counts add up, rates only when each entry gave its parts. Null otherwise.
    /// </summary>
    public static Figure Combine(IndicatorUnit unit, IReadOnlyList<(string Region, decimal Value, decimal? Numerator, decimal? Denominator)> below)
    {
        var top = below.Where(e => !below.Any(o => o.Region != e.Region && e.Region.StartsWith(Kernel.Regions.RegionCode.Prefix(o.Region), StringComparison.Ordinal))).ToList();
        if (top.Count == 0)
        {
            return Figure.None;
        }

        if (unit == IndicatorUnit.Count)
        {
            var sum = top.Sum(e => e.Value);
            return new(sum, sum, null);
        }

        return unit is IndicatorUnit.Percent or IndicatorUnit.PerThousand && top.All(e => e.Numerator is not null && e.Denominator is > 0)
            ? Compute(unit, top.Sum(e => e.Numerator!.Value), top.Sum(e => e.Denominator!.Value))
            : Figure.None;
    }
}
