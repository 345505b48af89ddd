using BenchmarkDotNet.Attributes;
using Shian.Inspections.Rules;

namespace Shian.Benchmarks;

/// <summary>双随机 draw (issue 6 target &lt; 2 s): 20 % of 1 000 000 businesses, a third inspected within the 5-year window, 500 inspectors.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class RandomDrawBenchmarks
{
    private DrawRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var today = new DateOnly(2026, 11, 23);
        var bytes = new byte[16];
        var pool = new List<PoolEntry>(1_000_000);
        for (var i = 0; i < 1_000_000; i++)
        {
            rng.NextBytes(bytes);
            pool.Add(new PoolEntry(new Guid(bytes), i % 3 == 0 ? today.AddDays(-rng.Next(1, 1800)) : null, []));
        }

        var inspectors = Enumerable.Range(0, 500).Select(i => new Inspector(new Guid(i + 1, 0, 0, new byte[8]), [])).ToList();
        _request = new DrawRequest(pool, inspectors, 20, "benchmark-seed", today);
    }

    [Benchmark(Description = "draw 20 % of 1 000 000 with 500 inspectors")]
    public int Draw() => RandomDraw.Run(_request).Drawn;
}
