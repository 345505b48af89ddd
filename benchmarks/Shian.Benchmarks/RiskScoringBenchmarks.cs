using BenchmarkDotNet.Attributes;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;
using Shian.Registry.Demo;
using Shian.Risk.Contracts;
using Shian.Risk.Rules;

namespace Shian.Benchmarks;

/// <summary>The pure part of re-grading a city: scoring 150 000 businesses of the demo register on the default scheme.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class RiskScoringBenchmarks
{
    private List<BusinessFacts> _facts = [];
    private readonly RiskSchemeDefinition _scheme = new();
    private readonly DateOnly _today = new(2026, 11, 23);

    [GlobalSetup]
    public void Setup()
    {
        var tree = new RegionTree(RegionReference.LoadRegions());
        var populations = RegionReference.LoadPopulations().ToDictionary(p => RegionCode.Prefix(p.RegionCode), p => p.Population);
        _facts = [.. DemoRegister.Generate(tree, populations, "210500000000", 150_000, 20261123, _today)
            .Select(v => new BusinessFacts(Guid.NewGuid(), v.RegionCode, v.Name, v.Kind, v.Status, v.FloorArea, v.Employees, v.ServesSpecialPopulation))];
    }

    [Benchmark(Description = "score 150 000 businesses")]
    public int ScoreCity()
    {
        var d = 0;
        foreach (var f in _facts)
        {
            if (RiskScoring.Score(_scheme, f, RiskEvidence.None, _today).Grade == RiskGradeLevel.D)
            {
                d++;
            }
        }

        return d;
    }
}
