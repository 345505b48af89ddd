using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;

namespace Shian.UnitTests.Registry;

public sealed class DutyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static Duty Record(DutyKind kind, string? value, DateOnly since, DateOnly? until = null) =>
        new() { RegionCode = "210503001000", Kind = kind, Value = value, Since = since, Until = until, RecordedBy = "test" };

    [Theory]
    [InlineData(DutyKind.OpenKitchen, BusinessKind.Caterer, true)]
    [InlineData(DutyKind.OpenKitchen, BusinessKind.SchoolCanteen, true)]
    [InlineData(DutyKind.OpenKitchen, BusinessKind.Seller, false)]
    [InlineData(DutyKind.Traceability, BusinessKind.Producer, true)]
    [InlineData(DutyKind.Traceability, BusinessKind.Caterer, false)]
    [InlineData(DutyKind.SafetyManager, BusinessKind.Vendor, false)]
    [InlineData(DutyKind.SafetyManager, BusinessKind.Seller, true)]
    [InlineData(DutyKind.LiabilityInsurance, BusinessKind.Vendor, true)]
    public void AppliesTo_CountsOnlyTheBusinessesTheSeedsName(DutyKind duty, BusinessKind kind, bool applies) =>
        Assert.Equal(applies, DutyRules.AppliesTo(duty, kind));

    [Theory]
    [InlineData("40", true)] // seed 001: 不低于 40 学时
    [InlineData("39", false)]
    [InlineData("四十", false)]
    [InlineData(null, false)]
    public void ASafetyManager_MeetsTheDuty_WithFortyTrainingHours(string? hours, bool meets) =>
        Assert.Equal(meets, DutyRules.Meets(Record(DutyKind.SafetyManager, hours, Today.AddDays(-10)), Today));

    [Fact]
    public void ARecord_MeetsItsDuty_OnlyWhileInForce()
    {
        Assert.True(DutyRules.Meets(Record(DutyKind.LiabilityInsurance, "保单", Today.AddYears(-1), Today), Today)); // the last day counts
        Assert.False(DutyRules.Meets(Record(DutyKind.LiabilityInsurance, "保单", Today.AddYears(-1), Today.AddDays(-1)), Today));
        Assert.False(DutyRules.Meets(Record(DutyKind.LiabilityInsurance, "保单", Today.AddDays(1)), Today));
    }

    [Fact]
    public void EveryDuty_HasAChineseName() =>
        Assert.All(Enum.GetValues<DutyKind>(), k => Assert.False(string.IsNullOrWhiteSpace(DutyRules.Names[k])));
}
