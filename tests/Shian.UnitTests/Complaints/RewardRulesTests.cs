using Shian.Complaints.Rules;

namespace Shian.UnitTests.Complaints;

/// <summary>举报奖励 amounts (国市监稽规〔2021〕4号 第十一、十二条): percentage of the 罚没款, the level's minimum, the cap.</summary>
public sealed class RewardRulesTests
{
    [Theory]
    [InlineData(1, null, "5000")] // no 罚没款: the minimum
    [InlineData(2, null, "3000")]
    [InlineData(3, null, "1000")]
    [InlineData(3, "50000", "1000")] // 1 % = 500 < 1 000
    [InlineData(3, "250000", "2500")]
    [InlineData(2, "200000", "6000")]
    [InlineData(1, "1000000", "50000")]
    [InlineData(1, "123456.78", "6172.84")] // 5 % rounded to the fen
    [InlineData(1, "30000000", "1000000")] // 1 500 000 capped at 1 000 000
    public void TheAward_IsThePercentage_NotLessThanTheMinimum_NorMoreThanTheCap(int level, string? confiscated, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RewardRules.Amount(level, confiscated is null ? null : decimal.Parse(confiscated, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void FromHalfAMillion_TheFinanceDepartmentDecidesToo()
    {
        Assert.False(RewardRules.NeedsFinance(499_999.99m));
        Assert.True(RewardRules.NeedsFinance(500_000m));
        Assert.Throws<ArgumentOutOfRangeException>(() => RewardRules.Amount(4, 1m));
    }

    [Fact]
    public void OnlyANamedConfirmedReport_ThatLedToACase_AndWasNotAlreadyKnown_Qualifies()
    {
        Assert.Empty(RewardRules.Ineligible(anonymous: false, substantiated: true, caseOpened: true, alreadyKnown: false));
        Assert.Equal(
            ["匿名举报：奖励须举报人提供真实身份", "举报事项未经核查属实", "尚未立案查处（须作出行政处罚决定或移送司法机关）", "违法行为在举报前已被市场监管部门掌握"],
            RewardRules.Ineligible(anonymous: true, substantiated: null, caseOpened: false, alreadyKnown: true));
    }

    [Fact]
    public void AProvince_MaySetItsOwnScheme()
    {
        var province = new RewardRules.Scheme([6m, 4m, 2m], [6000m, 4000m, 2000m], 2_000_000m, 1_000_000m);
        Assert.Equal(2000m, RewardRules.Amount(3, null, province));
        Assert.Equal(60000m, RewardRules.Amount(1, 1_000_000m, province));
        Assert.False(RewardRules.NeedsFinance(600_000m, province));
    }
}
