using Shian.Credit;
using Shian.Credit.Domain;
using Shian.Credit.Rules;
using Shian.Kernel.Calendar;
using Shian.UnitTests.Kernel.Calendar;

namespace Shian.UnitTests.Credit;

/// <summary>Publication (SAMR Order 45), the serious-dishonesty list (Order 44) and the credit grade, with literal 2026 dates.</summary>
public sealed class CreditRulesTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendarTests.Shipped();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void APenalty_IsPublishedWithin20WorkingDays_AcrossMidAutumnAndNationalDay()
    {
        // Decided Wed 23 Sep: 25–27 Sep and 1–7 Oct off, Sat 10 Oct worked (第九条).
        Assert.Equal(D("2026-10-28"), PublicationRules.PublishBy(Cal, D("2026-09-23")));
    }

    [Fact]
    public void ARevokedDecision_IsWithdrawnWithin3WorkingDays()
    {
        // Revoked Wed 30 Sep → Thu 8, Fri 9, Sat 10 Oct (调休 working day) (第十一条).
        Assert.Equal(D("2026-10-10"), PublicationRules.WithdrawBy(Cal, D("2026-09-30")));
    }

    [Fact]
    public void AWarningAlone_IsNotPublished_AnythingElseIs()
    {
        Assert.False(PublicationRules.Published(warning: true, fine: 0, confiscated: 0, otherMeasures: null));
        Assert.True(PublicationRules.Published(warning: true, fine: 2000, confiscated: 0, otherMeasures: null));
        Assert.True(PublicationRules.Published(warning: false, fine: 0, confiscated: 500, otherMeasures: null));
        Assert.True(PublicationRules.Published(warning: true, fine: 0, confiscated: 0, otherMeasures: "吊销食品经营许可证"));
    }

    [Fact]
    public void OnlyALowFine_IsShownThreeMonths_ByTheProvincesThresholdForPersonsAndOrganisations()
    {
        var o = new CreditOptions();
        Assert.Equal(3, PublicationRules.PeriodMonths(9_999m, 0, null, partyIsPerson: true, o));
        Assert.Equal(36, PublicationRules.PeriodMonths(10_000m, 0, null, partyIsPerson: true, o));
        Assert.Equal(3, PublicationRules.PeriodMonths(99_999m, 0, null, partyIsPerson: false, o));
        Assert.Equal(36, PublicationRules.PeriodMonths(100_000m, 0, null, partyIsPerson: false, o));
        Assert.Equal(36, PublicationRules.PeriodMonths(5_000m, 800m, null, partyIsPerson: false, o));
        Assert.Equal(36, PublicationRules.PeriodMonths(5_000m, 0, "责令停产停业", partyIsPerson: false, o));
        Assert.Equal(D("2027-02-26"), PublicationRules.ShowUntil(D("2026-11-27"), 3));
        Assert.Equal(D("2029-11-26"), PublicationRules.ShowUntil(D("2026-11-27"), 36));
        Assert.Equal(D("2027-11-27"), PublicationRules.RepairFrom(D("2026-11-27")));
    }

    [Fact]
    public void ANaturalPersonsName_IsMaskedAfterTheSurname()
    {
        Assert.Equal("张*", PublicationRules.Mask("张三"));
        Assert.Equal("欧***", PublicationRules.Mask("欧阳小明"));
        Assert.Equal("李", PublicationRules.Mask("李"));
    }

    [Theory]
    [InlineData("Art124", "从重", null, true)]
    [InlineData("Art123", "一般", "吊销食品经营许可证", true)]
    [InlineData("Art122", "一般", "责令停产停业三个月", true)]
    [InlineData("Art124", "一般", null, false)]
    [InlineData("Art125", "从重", null, false)]
    [InlineData("Art126", "一般", "吊销食品经营许可证", false)]
    [InlineData(null, "从重", null, false)]
    public void AListing_IsSuggestedForAHeavyPenalty_UnderTheFoodArticlesOfTheList(string? article, string level, string? measures, bool suggested) =>
        Assert.Equal(suggested, ListingRules.Suggest(article, level, measures));

    [Fact]
    public void AListing_GivesFiveWorkingDaysToState_LastsThreeYears_AndMayBeRepairedAfterOne()
    {
        // Notice served Mon 28 Sep → 29, 30 Sep, 8, 9, Sat 10 Oct.
        Assert.Equal(D("2026-10-10"), ListingRules.StatementBy(Cal, D("2026-09-28"), 5));
        Assert.Equal(D("2029-11-26"), ListingRules.ExpiresOn(D("2026-11-27")));
        Assert.Equal(D("2027-11-27"), ListingRules.RepairFrom(D("2026-11-27")));
        var l = new SeriousListing { RegionCode = "210503000000", Party = "x", DecisionNumber = "罚〔2026〕1 号", Penalty = "x", Status = ListingStatus.Listed, ListedOn = D("2026-11-27"), ExpiresOn = D("2029-11-26") };
        Assert.True(ListingRules.OnList(l, D("2029-11-26")));
        Assert.False(ListingRules.OnList(l, D("2029-11-27")));
        Assert.False(ListingRules.OnList(l, D("2026-11-26")));
    }

    [Fact]
    public void TheCreditGrade_CountsRecordsInTheirWindows_AndAListingIsAlwaysD()
    {
        var s = new CreditScheme();
        var today = D("2026-11-27");
        CreditRecord R(CreditRecordKind k, string on, bool good = false, string? revoked = null) => new()
        {
            RegionCode = "210503000000", Party = "x", Kind = k, Good = good, OccurredOn = D(on), Summary = k.ToString(), RecordedBy = "t",
            RevokedOn = revoked is null ? null : D(revoked),
        };

        Assert.Equal(("A", 100), G([]));
        // A penalty 20 months ago (within 36) and a failed sample 13 months ago (outside 12): 80 → B.
        Assert.Equal(("B", 80), G([R(CreditRecordKind.Penalty, "2025-03-27"), R(CreditRecordKind.SamplingFailure, "2025-10-27")]));
        // Two penalties and an inspection failure: 50 → C; a revoked penalty does not count.
        Assert.Equal(("C", 50), G([R(CreditRecordKind.Penalty, "2026-01-05"), R(CreditRecordKind.Penalty, "2026-06-05"), R(CreditRecordKind.InspectionFailure, "2026-11-01")]));
        Assert.Equal(("B", 80), G([R(CreditRecordKind.Penalty, "2026-01-05"), R(CreditRecordKind.Penalty, "2026-06-05", revoked: "2026-07-01")]));
        // An honour adds, capped at 100: 80 + 5 = 85.
        Assert.Equal(("B", 85), G([R(CreditRecordKind.Penalty, "2026-01-05"), R(CreditRecordKind.Honour, "2026-05-01", good: true)]));
        Assert.Equal("D", CreditGrading.Grade([], listed: true, today, s).Grade);

        (string, int) G(CreditRecord[] records)
        {
            var g = CreditGrading.Grade(records, listed: false, today, s);
            return (g.Grade, g.Score);
        }
    }
}
