using Shian.Sampling.Rules;

namespace Shian.UnitTests.Sampling;

public sealed class QuotaRulesTests
{
    [Theory]
    [InlineData("4.5", 204660, 921)] // 溪湖区 (7th census): 920.97 → 921
    [InlineData("2", 204660, 410)] // residues ≥ 2 份/千人: 409.32 → 410
    [InlineData("1", 55560, 56)] // risk monitoring 1 件/千人, 南芬区: 55.56 → 56
    [InlineData("4", 1000, 4)] // exact: no rounding up
    [InlineData("0", 204660, 0)]
    public void TheRequiredCount_IsTheRateTimesThePopulationInThousands_RoundedUp(string rate, long population, int expected) =>
        Assert.Equal(expected, QuotaRules.Required(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), population));

    [Fact]
    public void AllocationByPopulation_AddsUpExactly_AndFollowsPopulation()
    {
        // 溪湖区, 明山区, 南芬区 (7th census) sharing 640 samples.
        var parts = new List<(string, long)> { ("210503000000", 204660), ("210504000000", 378936), ("210505000000", 55560) };
        var shares = QuotaRules.Allocate(640, parts);
        Assert.Equal(640, shares.Values.Sum());
        Assert.Equal(205, shares["210503000000"]); // 204.92
        Assert.Equal(379, shares["210504000000"]); // 379.43
        Assert.Equal(56, shares["210505000000"]); // 55.63
    }

    [Fact]
    public void AllocationOfFewSamples_GivesTheRemainderToTheLargestFractions()
    {
        var shares = QuotaRules.Allocate(2, [("A", 100), ("B", 100), ("C", 100)]);
        Assert.Equal(2, shares.Values.Sum());
        Assert.Equal(0, shares["C"]); // equal fractions and populations: the lower codes first
        Assert.All(QuotaRules.Allocate(0, [("A", 1), ("B", 2)]).Values, v => Assert.Equal(0, v));
        Assert.Throws<ArgumentException>(() => QuotaRules.Allocate(3, [("A", 0)]));
    }
}
