using Shian.Kernel.Regions;

namespace Shian.UnitTests.Kernel.Regions;

public sealed class PopulationRollupTests
{
    private static readonly RegionTree Tree = new(RegionReference.LoadRegions());
    private static readonly IReadOnlyList<PopulationFigure> Figures = RegionReference.LoadPopulations();

    [Fact]
    public void For_ACityWithItsOwnFigure_UsesIt()
    {
        var r = PopulationRollup.For("330300000000", Tree, Figures);
        Assert.Equal(9_572_903, r.Population);
        Assert.Equal(2020, r.Year);
        Assert.Empty(r.MissingRegionCodes);
    }

    [Fact]
    public void For_ACityWithoutAFigure_NamesTheDistrictsThatLackOne_InsteadOfGuessing()
    {
        // 本溪市 has no figure; only 溪湖区, 明山区 and 南芬区 do.
        var r = PopulationRollup.For("210500000000", Tree, Figures);
        Assert.Null(r.Population);
        Assert.Equal(["210502000000", "210521000000", "210522000000"], r.MissingRegionCodes);
    }

    [Fact]
    public void For_ACityWhoseDistrictsAllHaveFigures_SumsThem()
    {
        var figures = Figures.Concat([
            Figure("210502000000", 100_000), Figure("210521000000", 200_000), Figure("210522000000", 300_000),
        ]).ToList();
        var r = PopulationRollup.For("210500000000", Tree, figures);
        Assert.Equal(204_660 + 378_936 + 55_560 + 600_000, r.Population);
        Assert.Equal(6, r.Used.Count);
    }

    [Fact]
    public void For_ACountyWithoutAFigure_NamesItself() =>
        Assert.Equal(["210502000000"], PopulationRollup.For("210502000000", Tree, Figures).MissingRegionCodes);

    private static PopulationFigure Figure(string code, long population) =>
        new() { RegionCode = code, Population = population, Year = 2020, Source = "test", Status = "A" };
}
