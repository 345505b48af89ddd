using BenchmarkDotNet.Attributes;
using Shian.Sampling.Rules;

namespace Shian.Benchmarks;

/// <summary>
/// Automatic judgement (issue 7): 1 000 000 result items over the shipped limit rows — each one resolves its limit on
/// the sampling date (lineage walk, exclusions, edition in force) and is judged (GB/T 8170 rounding, unit conversion).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class JudgementBenchmarks
{
    private LimitBook _book = null!;
    private (string Category, string Analyte, ItemResult Result)[] _items = [];

    [GlobalSetup]
    public void Setup()
    {
        _book = StandardsReference.Book();
        var categories = StandardsReference.ReadCategories().Select(c => c.Code).ToArray();
        var limits = StandardsReference.ReadLimits().Select(l => l.Rule).ToArray();
        var rng = new Random(42);
        _items = new (string, string, ItemResult)[1_000_000];
        for (var i = 0; i < _items.Length; i++)
        {
            // Mostly a sub-category of a limited one (inheritance walk), some unrelated categories (no limit).
            var rule = limits[rng.Next(limits.Length)];
            var category = rng.Next(10) == 0 ? categories[rng.Next(categories.Length)] : rule.Category;
            var value = rule.Limit is decimal max ? Math.Round(max * (decimal)(rng.NextDouble() * 1.3), 4) : rng.Next(3) == 0 ? 0.8m : (decimal?)null;
            // The lab reports in the unit of the limit that applies (a per-volume result against a per-mass limit needs a density).
            var unit = _book.Resolve(category, rule.Analyte, new DateOnly(2024, 6, 1))?.Rule.Unit ?? rule.Unit ?? "μg/kg";
            _items[i] = (category, rule.Analyte, new ItemResult(value, rng.Next(4) == 0 && unit == "mg/kg" ? "mg/kg" : unit, 0.5m * (rule.Limit ?? 1m) / 100m, 3));
        }
    }

    [Benchmark(Description = "resolve and judge 1 000 000 result items")]
    public int Judge()
    {
        var failed = 0;
        var on = new DateOnly(2024, 6, 1);
        foreach (var (category, analyte, result) in _items)
        {
            if (Judgement.Judge(result, _book.Resolve(category, analyte, on)).Verdict == ItemVerdict.NonConforming)
            {
                failed++;
            }
        }

        return failed;
    }
}
