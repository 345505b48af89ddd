using Shian.Governance.Parsing;
using Shian.UnitTests.Kernel.Units;

namespace Shian.UnitTests.Governance;

/// <summary>The five seed work plans (data/seeds) parsed with the shipped unit catalogue.</summary>
internal static class SeedPlans
{
    public static string PathOf(string seed) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), seed + "_*.txt").Single();

    public static string Text(string seed) => PlanText.Decode(File.ReadAllBytes(PathOf(seed)));

    public static ParsedPlan Parse(string seed, int? year = null) =>
        PlanParser.Parse(PlanText.Lines(Text(seed)), ShippedCatalog.Instance, new PlanParser.Options(year));
}
