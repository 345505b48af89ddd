using Shian.Governance.Parsing;

namespace Shian.UnitTests.Governance;

public sealed class TimePhrasesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2017年底前完成基层监管机构设立", 2018, "2017-12-31")]
    [InlineData("9月底前完成", 2017, "2017-09-30")]
    [InlineData("2月底前完成", 2024, "2024-02-29")] // leap year
    [InlineData("6月前各县出台实施细则", 2018, "2018-05-31")] // X月前 → end of month X−1
    [InlineData("年底前全面整合监管资源", 2018, "2018-12-31")]
    [InlineData("年内建成15家", 2018, "2018-12-31")]
    [InlineData("全年创建示范场5家", 2018, "2018-12-31")]
    [InlineData("到2018年底各县主城区80%以上", 2017, "2018-12-31")] // without 前
    [InlineData("2025年建成餐厨废弃物处理体系", 2023, "2025-12-31")]
    [InlineData("力争2026年前覆盖率明显提升", 2023, "2025-12-31")]
    [InlineData("上半年完成", 2019, "2019-06-30")]
    [InlineData("第三季度开展检查", 2019, "2019-09-30")]
    [InlineData("2017年9月底前，完成推进会议", 2017, "2017-09-30")]
    public void Parse_EachRule_GivesTheDateOfTheRule(string text, int planYear, string expected)
    {
        var m = Assert.Single(TimePhrases.Parse(text, planYear).Milestones);
        Assert.Equal(D(expected), m.Date);
        Assert.False(string.IsNullOrEmpty(m.Rule));
    }

    [Fact]
    public void Parse_SeveralPhrasesInOneCell_GiveSeveralMilestonesAndARecurringObligation()
    {
        var r = TimePhrases.Parse("2016年底前知晓率达到20%，2020年底前达到70%；持续实施", 2017);
        Assert.Equal([D("2016-12-31"), D("2020-12-31")], r.Milestones.Select(m => m.Date));
        Assert.Equal(["2016年底前知晓率达到20%", "2020年底前达到70%"], r.Milestones.Select(m => m.Text));
        Assert.True(r.Recurring);
    }

    [Theory]
    [InlineData("持续实施")]
    [InlineData("长期坚持")]
    public void Parse_Ongoing_IsRecurringWithoutADate(string text)
    {
        var r = TimePhrases.Parse(text, 2018);
        Assert.True(r.Recurring);
        Assert.Empty(r.Milestones);
    }

    [Fact]
    public void Parse_MonthPhrasesWithoutAPlanYear_AreLeftUndated_AndReported()
    {
        Assert.Empty(TimePhrases.Parse("10月底前完成培训", null).Milestones);
        Assert.True(TimePhrases.NeedsPlanYear("10月底前完成培训"));
        Assert.Single(TimePhrases.Parse("2020年底前完成", null).Milestones);
    }
}
