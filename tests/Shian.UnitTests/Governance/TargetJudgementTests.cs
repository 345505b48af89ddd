using Shian.Governance.Parsing;
using Shian.Governance.Rules;

namespace Shian.UnitTests.Governance;

public sealed class TargetJudgementTests
{
    [Theory]
    [InlineData(Comparator.AtLeast, "98", "98", TargetResult.Met)] // 合格率稳定在98%以上: exactly 98 meets it
    [InlineData(Comparator.AtLeast, "98", "97.9", TargetResult.NotMet)]
    [InlineData(Comparator.AtLeast, "4.5", "4.6", TargetResult.Met)]
    [InlineData(Comparator.AtMost, "7", "7", TargetResult.Met)]
    [InlineData(Comparator.AtMost, "7", "7.01", TargetResult.NotMet)]
    [InlineData(Comparator.Equal, "100", "100", TargetResult.Met)]
    [InlineData(Comparator.Equal, "100", "99", TargetResult.NotMet)]
    public void Judge_ComparesMeasuredWithTarget_EqualMeetsTheThreshold(Comparator comparator, string target, string measured, TargetResult expected) =>
        Assert.Equal(expected, TargetJudgement.Judge(comparator, decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(measured, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Judge_ARedactedTargetOrNoMeasurement_IsUnknown()
    {
        Assert.Equal(TargetResult.Unknown, TargetJudgement.Judge(Comparator.AtLeast, null, 50));
        Assert.Equal(TargetResult.Unknown, TargetJudgement.Judge(Comparator.AtLeast, 50, null));
    }

    [Theory]
    [InlineData(Comparator.AtLeast, "340", "170", "0.5")] // 创建放心示范餐饮店340家, 170 done
    [InlineData(Comparator.AtLeast, "340", "400", "1")]
    [InlineData(Comparator.AtMost, "5", "10", "0.5")]
    [InlineData(Comparator.Equal, "100", "99", "0")]
    public void Attainment_IsTheShareReached_CappedAtOne(Comparator comparator, string target, string measured, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            TargetJudgement.Attainment(comparator, decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(measured, System.Globalization.CultureInfo.InvariantCulture)));
}
