using BenchmarkDotNet.Attributes;
using Shian.Inspections.Rules;

namespace Shian.Benchmarks;

/// <summary>
/// A city's yearly risk-based plan: 150 000 businesses (grades A 40 %, B 35 %, C 18 %, D 7 % → 1/1/2/3 visits; last full
/// inspections over the last two years, 5 % never, 3 % past the floor) spread over 12 months with 300 inspectors.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class VisitPlannerBenchmarks
{
    private VisitPlanRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var start = new DateOnly(2027, 1, 1);
        var targets = new List<PlanTarget>(150_000);
        var bytes = new byte[16];
        for (var i = 0; i < 150_000; i++)
        {
            rng.NextBytes(bytes);
            var g = rng.Next(100);
            var r = rng.Next(100);
            DateOnly? last = r < 5 ? null : r < 8 ? start.AddDays(-rng.Next(731, 1460)) : start.AddDays(-rng.Next(1, 730));
            targets.Add(new PlanTarget(new Guid(bytes), g < 75 ? 1 : g < 93 ? 2 : 3, last, []));
        }

        var inspectors = Enumerable.Range(0, 300).Select(i => new Inspector(new Guid(i + 1, 0, 0, new byte[8]), [])).ToList();
        _request = new VisitPlanRequest(targets, inspectors, start, new DateOnly(2027, 12, 31));
    }

    [Benchmark(Description = "yearly plan for 150 000 businesses, 300 inspectors")]
    public int Plan() => VisitPlanner.Plan(_request).Visits.Count;
}
