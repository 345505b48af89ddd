using Shian.Kernel.Units;

namespace Shian.UnitTests.Kernel.Units;

public sealed class UnitNameResolverTests
{
    private const string Benxi = "210500000000";
    private const string Xihu = "210503000000";
    private const string Wenzhou = "330300000000";
    private const string Guiyang = "520100000000";

    private static readonly UnitCatalog Catalog = ShippedCatalog.Instance;

    private static UnitResolution R(string text, string context) => UnitNameResolver.Resolve(Catalog, text, context);

    [Theory]
    [InlineData("市公安局", Benxi, "210500:public-security")]
    [InlineData("市委宣传部", Benxi, "210500:publicity")]
    [InlineData("团市委", Benxi, "210500:youth-league")]
    [InlineData("水务局", Benxi, "210500:water")]
    [InlineData("大连海关驻本溪办事处", Benxi, "210500:customs")]
    [InlineData("区市场监督管理局", Xihu, "210503:market-regulation")]
    [InlineData("公安溪湖分局", Xihu, "210503:public-security")]
    [InlineData("市市场监管局", Wenzhou, "330300:market-regulation")]
    [InlineData("机场海关", Guiyang, "520100:customs-airport")]
    [InlineData("本溪市市场监督管理局", Xihu, "210500:market-regulation")]
    public void Resolve_ANameOfTheCatalogue_IsExactOrAlias(string text, string context, string key)
    {
        var r = R(text, context);
        Assert.Contains(r.Kind, new[] { ResolutionKind.Exact, ResolutionKind.Alias });
        Assert.Equal([key], r.UnitKeys);
    }

    [Theory]
    [InlineData("市食品药品监管局", Benxi, "210500:market-regulation")]
    [InlineData("市工商局", Benxi, "210500:market-regulation")]
    [InlineData("市质监局", Benxi, "210500:market-regulation")]
    [InlineData("市卫生计生委", Benxi, "210500:health")]
    [InlineData("市农委", Benxi, "210500:agriculture")]
    [InlineData("市政府法制办", Benxi, "210500:justice")]
    [InlineData("辽宁出入境检验检疫局本溪办事处", Benxi, "210500:customs")]
    [InlineData("区卫计局", Xihu, "210503:health")]
    [InlineData("市卫计委", Wenzhou, "330300:health")]
    [InlineData("市环保局", Wenzhou, "330300:environment")]
    public void Resolve_ANameFromBeforeThe2018Reform_IsAnAliasOfTheSuccessor(string text, string context, string key)
    {
        var r = R(text, context);
        Assert.Equal(ResolutionKind.Alias, r.Kind);
        Assert.Equal([key], r.UnitKeys);
        Assert.Contains("曾用名", r.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SeedZeroFoodSafetyRegulators_ExpandsToTheNoteUnitsIncludingRailwayAndGarrison()
    {
        var r = R("市食品安全监管部门", Benxi);
        Assert.Equal(ResolutionKind.Group, r.Kind);
        Assert.Equal(9, r.UnitKeys.Count); // 8 named departments, 质监局 and 食品药品监管局 now one 市场监管局, plus 2
        Assert.Contains("210500:railway", r.UnitKeys);
        Assert.Contains("210500:military", r.UnitKeys);
        Assert.Contains("210500:customs", r.UnitKeys);
        Assert.DoesNotContain("210500:public-security", r.UnitKeys);
    }

    [Theory]
    [InlineData("县（区）政府", Benxi, 6)]
    [InlineData("各县（区）政府", Benxi, 6)]
    [InlineData("各县（市、区）政府", Wenzhou, 12)]
    [InlineData("各区（市、县）政府", Guiyang, 10)]
    public void Resolve_EachCountyGovernment_ExpandsToTheCitysCounties(string text, string context, int count)
    {
        var r = R(text, context);
        Assert.Equal(ResolutionKind.Group, r.Kind);
        Assert.Equal(count, r.UnitKeys.Count);
        Assert.All(r.UnitKeys, k => Assert.StartsWith("gov:" + context[..4], k, StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_DistrictGovernmentInADistrictPlan_IsThatDistrictNotAGroup()
    {
        var r = R("区政府", Xihu);
        Assert.Equal(["gov:210503000000"], r.UnitKeys);
    }

    [Fact]
    public void Resolve_CommitteeMembers_ExpandsToMembersOfThatLevel()
    {
        var city = R("市食安委成员单位", Benxi);
        Assert.Equal(ResolutionKind.Group, city.Kind);
        Assert.Contains("210500:market-regulation", city.UnitKeys);
        Assert.All(city.UnitKeys, k => Assert.Equal(Benxi, Catalog.Find(k)!.RegionCode));

        var guiyang = R("市政府食药安委各委员单位", Guiyang);
        Assert.Equal(ResolutionKind.Group, guiyang.Kind);
        Assert.Contains("520100:market-regulation", guiyang.UnitKeys);

        var district = R("区政府食安委各成员单位", Xihu);
        Assert.Equal(ResolutionKind.Group, district.Kind);
        Assert.All(district.UnitKeys, k => Assert.Equal(Xihu, Catalog.Find(k)!.RegionCode));
        Assert.Contains("210503:agriculture", district.UnitKeys);
    }

    [Fact]
    public void Resolve_SomeCommitteeMembers_IsUnresolvedWithTheMembersOffered()
    {
        var r = R("市政府食药安委有关委员单位", Guiyang);
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.Contains("520100:market-regulation", r.Candidates);
    }

    [Fact]
    public void Resolve_FoodSafetyOffice_InCityAndDistrictPlans()
    {
        Assert.Equal(["fso:210500000000"], R("市食安办", Benxi).UnitKeys);
        Assert.Equal(["fso:520100000000"], R("市政府食药安办", Guiyang).UnitKeys);
        Assert.Equal(["fso:210503000000"], R("区政府食安办", Xihu).UnitKeys);
    }

    [Fact]
    public void ResolveCell_CityAndCountyLevels_GivesTheOfficeOfTheCityAndEachCounty()
    {
        var results = UnitNameResolver.ResolveCell(Catalog, "市、县两级食安办、市场监管部门", Wenzhou);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(ResolutionKind.Group, r.Kind));
        Assert.Equal(13, results[0].UnitKeys.Count);
        Assert.Contains("fso:330381000000", results[0].UnitKeys);
        Assert.Equal(13, results[1].UnitKeys.Count);
        Assert.Contains("330300:market-regulation", results[1].UnitKeys);
    }

    [Fact]
    public void ResolveCell_CountyNamesWithoutSuffix_AreTheirGovernments()
    {
        var results = UnitNameResolver.ResolveCell(Catalog, "瑞安、永嘉、平阳、文成", Wenzhou);
        Assert.Equal(["gov:330381000000", "gov:330324000000", "gov:330326000000", "gov:330328000000"], results.SelectMany(r => r.UnitKeys));
    }

    [Fact]
    public void ResolveCell_ZonesAndTheirCommittees_AreTheZoneCommittees()
    {
        var results = UnitNameResolver.ResolveCell(Catalog, "高新开发区、经济技术开发区、贵州双龙航空港经济区管委会", Guiyang);
        Assert.Equal(["gov:520100901000", "gov:520100902000", "gov:520100903000"], results.SelectMany(r => r.UnitKeys));
        Assert.Equal(["gov:330300901000"], R("功能区管委会", Wenzhou).UnitKeys);
    }

    [Fact]
    public void Resolve_EveryLevelOfGovernmentAndStreetOffices_ExpandFromTheRegionTree()
    {
        var governments = R("各级政府", Benxi);
        Assert.Contains("gov:210500000000", governments.UnitKeys);
        Assert.Contains("gov:210521000000", governments.UnitKeys);
        Assert.DoesNotContain("gov:210503001000", governments.UnitKeys); // 河东街道 is an agency, not a government

        var streets = R("街道办事处", Benxi);
        Assert.Contains("gov:210503001000", streets.UnitKeys);
        Assert.All(streets.UnitKeys, k => Assert.EndsWith("办事处", Catalog.Find(k)!.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_AnUnknownName_IsUnresolved_AndAPersonsMappingMakesItResolve()
    {
        var before = R("市食品安全协调办", Benxi);
        Assert.Equal(ResolutionKind.Unresolved, before.Kind);

        var unit = Catalog.Find("fso:210500000000")!;
        var alias = UnitNameResolver.RelativeAlias(Catalog, "市食品安全协调办", unit);
        Assert.Equal("食品安全协调办", alias);

        var mapped = ShippedCatalog.Build([new UnitAlias { UnitKey = unit.Key, Alias = alias, Origin = UnitAliasOrigin.Mapped }]);
        var after = UnitNameResolver.Resolve(mapped, "市食品安全协调办", Benxi);
        Assert.Equal(ResolutionKind.Alias, after.Kind);
        Assert.Equal([unit.Key], after.UnitKeys);

        // The mapping is relative, so a district plan naming the city office the same way resolves too.
        Assert.Equal([unit.Key], UnitNameResolver.Resolve(mapped, "市食品安全协调办", Xihu).UnitKeys);
    }
}
