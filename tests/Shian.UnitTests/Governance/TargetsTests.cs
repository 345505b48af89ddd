using Shian.Governance.Parsing;

namespace Shian.UnitTests.Governance;

public sealed class TargetsTests
{
    private static ParsedTarget One(string text, int? year = 2018) => Assert.Single(Targets.Parse(text, TimePhrases.Parse(text, year).Milestones, year));

    [Theory]
    [InlineData("重点领域70%规模以上食品生产经营单位投保食品安全责任险", Comparator.AtLeast, "70", "%")]
    [InlineData("力争食品检验量达到4.5份/千人", Comparator.AtLeast, "4.5", "份/千人")]
    [InlineData("全年食用农产品监测总体合格率稳定在98%以上", Comparator.AtLeast, "98", "%")]
    [InlineData("全年市本级定量监测1400批次以上", Comparator.AtLeast, "1400", "批次")]
    [InlineData("创建放心示范餐饮店340家", Comparator.AtLeast, "340", "家")]
    [InlineData("12315热线接通率达到85%以上", Comparator.AtLeast, "85", "%")]
    [InlineData("食品安全监管人员培训时间不低于40学时", Comparator.AtLeast, "40", "学时")]
    [InlineData("明厨亮灶改造率达到100%", Comparator.Equal, "100", "%")]
    [InlineData("投诉处理时间不超过7%", Comparator.AtMost, "7", "%")]
    public void Parse_TheSeedsTargets_GiveComparatorValueAndUnit(string text, Comparator comparator, string value, string unit)
    {
        var t = One(text);
        Assert.Equal(comparator, t.Comparator);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), t.Value);
        Assert.Equal(unit, t.Unit);
    }

    [Fact]
    public void Parse_APerYearRate_HasItsPeriod()
    {
        var t = One("其中主要针对农药兽药残留的食品检验量不低于每年2份/千人");
        Assert.Equal((Comparator.AtLeast, 2m, "份/千人", "年"), (t.Comparator, t.Value!.Value, t.Unit, t.Period));
    }

    [Fact]
    public void Parse_CoverageEveryFiveYears_IsAllWithinFiveYears()
    {
        var targets = Targets.Parse("每年对辖区内20%的食品生产经营单位进行随机的监督检查，每5年对辖区内的食品生产经营单位、品种全部覆盖一次。", [], null);
        Assert.Equal([(Comparator.AtLeast, 20m, "年"), (Comparator.Equal, 100m, "5年")], targets.Select(t => (t.Comparator, t.Value!.Value, t.Period!)));
    }

    [Fact]
    public void Parse_ARedactedValue_IsATargetWithoutValue()
    {
        var t = One("将食品安全纳入地方政府绩效考核，食品安全工作所占权重不低于xx%", 2024);
        Assert.Null(t.Value);
        Assert.Equal("%", t.Unit);
    }

    [Fact]
    public void Parse_CountsWithoutATargetVerb_AreNotTargets() =>
        Assert.DoesNotContain(Targets.Parse("8月前龙湾、洞头等6个首批创建县（市、区）通过验收", [], 2018), t => t.Unit == "个");

    [Fact]
    public void Parse_ATargetAfterADatedPhrase_TakesThatDeadline()
    {
        var text = "11月前主要农产品入社（场、企）率达90%以上";
        var t = One(text);
        Assert.Equal(new DateOnly(2018, 10, 31), t.Deadline);
    }
}
