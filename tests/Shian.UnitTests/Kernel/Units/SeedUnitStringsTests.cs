using Shian.Kernel.Units;

namespace Shian.UnitTests.Kernel.Units;

/// <summary>Every unit string of the five seed work plans resolves, except the ones that genuinely cannot.</summary>
public sealed class SeedUnitStringsTests
{
    // Names that do not denote fixed units: a person must pick (with candidates where the catalogue has them).
    private static readonly HashSet<string> ExpectedUnresolved =
    [
        "各责任单位",               // "each responsible unit" of the task itself
        "各相关部门",               // unspecified departments
        "市食品安全相关部门和单位",   // unspecified
        "市政府食安委有关成员单位",   // only some members of the committee
        "市政府食药安委有关委员单位", // only some members of the committee
    ];

    public static TheoryData<string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Kernel", "Units", "seed-unit-cells.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void EverySeedUnitCell_ResolvesEachName_ExceptTheVagueOnes(string seed, string context, string cell)
    {
        var seedText = File.ReadAllText(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), seed + "_*.txt").Single());
        Assert.Contains(cell, seedText, StringComparison.Ordinal);

        var results = UnitNameResolver.ResolveCell(ShippedCatalog.Instance, cell, context);
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            if (ExpectedUnresolved.Contains(r.Text))
            {
                Assert.Equal(ResolutionKind.Unresolved, r.Kind);
            }
            else
            {
                Assert.True(r.Kind != ResolutionKind.Unresolved, $"seed {seed}: “{r.Text}” in “{cell}” is unresolved: {r.Rule}");
                Assert.NotEmpty(r.UnitKeys);
            }
        }
    }

    [Fact]
    public void TheFixture_CoversEveryUnitBearingSeed() =>
        Assert.Equal(["000", "001", "002", "003"], Cells().Select(c => (string)c.Data.Item1).Distinct().Order());
}
