using Shian.Sampling.Rules;

namespace Shian.UnitTests.Sampling;

public sealed class SamplingDashboardTests
{
    private static readonly Dictionary<string, string?> Parents = new()
    {
        ["VEG"] = null, ["VEG.LEAFY"] = "VEG", ["VEG.LEAFY.SPINACH"] = "VEG.LEAFY", ["VEG.BULB"] = "VEG", ["GRAIN"] = null, ["GRAIN.RICE"] = "GRAIN",
    };

    private static IReadOnlyList<string> TopDown(string code)
    {
        var list = new List<string>();
        for (var c = code; c is not null; c = Parents[c])
        {
            list.Insert(0, c);
        }

        return list;
    }

    private static readonly IReadOnlyList<(string, string, string)> Districts = [("210503000000", "210503", "溪湖区"), ("210504000000", "210504", "明山区")];

    private static Dashboard Compute(string? category = null) => SamplingDashboard.Compute(
        [
            new("210503001000", "VEG.LEAFY.SPINACH", 2, false, 40), new("210503001000", "VEG.LEAFY.SPINACH", 2, true, 2),
            new("210503002000", "VEG.BULB", 3, false, 18), new("210504001000", "GRAIN.RICE", 2, false, 39), new("210504001000", "GRAIN.RICE", 2, true, 1),
        ],
        [new("VEG.LEAFY.SPINACH", 3, false, 40), new("VEG.LEAFY.SPINACH", 3, true, 2), new("VEG.BULB", 4, false, 18), new("GRAIN.RICE", 4, false, 39), new("GRAIN.RICE", 5, true, 1)],
        Districts, category, TopDown, new Dictionary<string, string> { ["VEG"] = "新鲜蔬菜", ["GRAIN"] = "谷物", ["VEG.LEAFY"] = "叶菜类蔬菜", ["VEG.BULB"] = "鳞茎类蔬菜" },
        new Dictionary<int, string> { [2] = "食品销售经营者", [3] = "餐饮服务经营者" });

    [Fact]
    public void PassRates_AreCountedPerDistrictCategoryKindAndMonth()
    {
        var d = Compute();
        Assert.Equal(100, d.Overall.Samples);
        Assert.Equal(3, d.Overall.NonConforming);
        Assert.Equal(97.0m, d.Overall.Rate);
        Assert.Equal((60, 2), (d.ByRegion[0].Samples, d.ByRegion[0].NonConforming)); // 溪湖区
        Assert.Equal(96.7m, d.ByRegion[0].Rate);
        Assert.Equal(97.5m, d.ByRegion[1].Rate); // 明山区 39/40
        Assert.Equal("新鲜蔬菜", d.ByCategory[0].Name);
        Assert.Equal(60, d.ByCategory[0].Samples);
        Assert.Equal(42, d.ByMonth[2].Samples); // March
        Assert.Equal(1, d.ByMonth[4].NonConforming); // May
        Assert.Equal(60, d.AgriculturalProducts.Samples); // fresh vegetables only: rice is not 食用农产品 here
        Assert.Equal(2, d.AgriculturalProducts.NonConforming);
    }

    [Fact]
    public void DrillingIntoACategory_CountsOnlyItsSamples_ByItsChildren()
    {
        var d = Compute("VEG");
        Assert.Equal(60, d.Overall.Samples);
        Assert.Equal(["VEG.LEAFY", "VEG.BULB"], d.ByCategory.Select(c => c.Key));
        Assert.Equal(0, d.ByRegion[1].Samples); // 明山区 sampled no vegetables
        Assert.Equal(18, d.ByMonth[3].Samples); // April: only the bulb vegetables, not the rice
        var leaf = Compute("VEG.LEAFY.SPINACH");
        Assert.Equal("VEG.LEAFY.SPINACH", Assert.Single(leaf.ByCategory).Key); // a leaf shows itself
        Assert.Null(new PassRate("x", "x", 0, 0).Rate);
    }
}
