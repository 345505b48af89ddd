using Shian.Kernel.Regions;

namespace Shian.UnitTests.Kernel.Regions;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("210000000000", 2, RegionLevel.Province)]
    [InlineData("210500000000", 4, RegionLevel.City)]
    [InlineData("210503000000", 6, RegionLevel.County)]
    [InlineData("210503001000", 9, RegionLevel.Town)]
    [InlineData("210503001001", 12, RegionLevel.Village)]
    [InlineData("520100901000", 9, RegionLevel.Zone)]
    public void SignificantLengthAndLevel_FollowTheTwoTwoTwoThreeThreeStructure(string code, int length, RegionLevel level)
    {
        Assert.Equal(length, RegionCode.SignificantLength(code));
        Assert.Equal(level, RegionCode.LevelOf(code));
    }

    [Theory]
    [InlineData("21050300000")]
    [InlineData("2105030000000")]
    [InlineData("21050300000A")]
    [InlineData("000000000000")]
    [InlineData("")]
    public void IsValid_RejectsWhatIsNotTwelveDigits(string code) => Assert.False(RegionCode.IsValid(code));

    [Fact]
    public void ParentAndAncestors_WalkUpThePrefixes()
    {
        Assert.Equal("210503000000", RegionCode.Parent("210503001000"));
        Assert.Equal("210500000000", RegionCode.Parent("210503000000"));
        Assert.Equal("210000000000", RegionCode.Parent("210500000000"));
        Assert.Null(RegionCode.Parent("210000000000"));
        Assert.Equal(["210000000000", "210500000000", "210503000000"], RegionCode.Ancestors("210503001000"));
    }

    [Fact]
    public void Parent_OfATownInACityWithoutCounties_IsTheCity() =>
        Assert.Equal("441900000000", RegionCode.Parent("441900003000")); // 东莞市 东城街道

    [Fact]
    public void Parent_OfAShianZone_IsItsCity() =>
        Assert.Equal("520100000000", RegionCode.Parent("520100901000"));

    [Theory]
    [InlineData("210503001000", "210503000000", true)]
    [InlineData("210503000000", "210503000000", true)]
    [InlineData("210503000000", "210500000000", true)]
    [InlineData("210504000000", "210503000000", false)]
    [InlineData("210500000000", "210503000000", false)]
    [InlineData("520100901000", "520100000000", true)]
    [InlineData("520102000000", "520100901000", false)]
    public void IsWithin_IsAPrefixTestOnSignificantDigits(string code, string scope, bool expected) =>
        Assert.Equal(expected, RegionCode.IsWithin(code, scope));

    [Theory]
    [InlineData("210503001000", "210503000000")]
    [InlineData("210503000000", "210503000000")]
    [InlineData("520100901000", "520100901000")]
    [InlineData("210500000000", null)]
    public void CountyOf_GivesTheCountyLevelRegion(string code, string? county) => Assert.Equal(county, RegionCode.CountyOf(code));

    [Fact]
    public void ShianZoneCodes_NeverCollideWithOfficialCodesInTheShippedTree()
    {
        var regions = RegionReference.LoadRegions();
        Assert.All(regions.Where(r => r.IsOfficial), r => Assert.False(RegionCode.IsShianZone(r.Code), r.Code));
        Assert.All(regions.Where(r => !r.IsOfficial), r => Assert.True(RegionCode.IsShianZone(r.Code), r.Code));

        // The township digits' first figure in official codes is 0–5 (街道, 镇, 乡, special units); zones use 9.
        Assert.All(regions.Where(r => r.Level == RegionLevel.Town), r => Assert.InRange(r.Code[6], '0', '5'));
    }

    [Fact]
    public void ShippedTree_HasTheFourSeedCitiesDownToTowns_WithConsistentParents()
    {
        var regions = RegionReference.LoadRegions();
        var tree = new RegionTree(regions);
        Assert.Equal(6, tree.CountiesOf("210500000000").Count());
        Assert.Equal(12, tree.CountiesOf("330300000000").Count());
        Assert.Equal(10, tree.CountiesOf("520100000000").Count());
        Assert.Equal(18, tree.CountiesOf("230100000000").Count());
        Assert.Equal(3, tree.ZonesOf("520100000000").Count());
        Assert.Equal(7, tree.ChildrenOf("210503000000").Count);
        Assert.All(regions.Where(r => r.ParentCode is not null), r =>
        {
            Assert.NotNull(tree.Find(r.ParentCode!));
            Assert.Equal(r.ParentCode, RegionCode.Parent(r.Code));
        });
    }
}
