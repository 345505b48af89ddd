using Shian.Enforcement.Contracts;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.UnitTests.Kernel.Calendar;

namespace Shian.UnitTests.Enforcement;

/// <summary>The clocks of a clue and a case on the shipped 2026 calendar (国办发明电〔2025〕7号), literal dates across holidays.</summary>
public sealed class CaseDeadlineTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendarTests.Shipped();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The立案Decision_IsDue15WorkingDaysAfterTheClue_Plus15WithApproval_PlusTheTestingDays()
    {
        // Found Wed 23 Sep: 25–27 Sep (中秋) and 1–7 Oct off, Sat 10 Oct worked (程序规定 第十八条).
        Assert.Equal(D("2026-10-21"), CaseClock.DecisionDue(Cal, D("2026-09-23")));
        Assert.Equal(D("2026-11-11"), CaseClock.DecisionDue(Cal, D("2026-09-23"), extended: true, pausedWorkingDays: 0));
        Assert.Equal(D("2026-10-26"), CaseClock.DecisionDue(Cal, D("2026-09-23"), extended: false, pausedWorkingDays: 3));
    }

    [Fact]
    public void Preservation_IsDecidedWithin7WorkingDays()
    {
        // 行政处罚法 第五十六条 with 第八十五条: Wed 30 Sep → 8, 9, Sat 10, 12, 13, 14, 15 Oct.
        Assert.Equal(D("2026-10-15"), CaseDeadlines.PreservationDecideBy(Cal, D("2026-09-30")));
    }

    [Fact]
    public void ASeizure_Lasts30Days_EndingAfterTheHoliday_And60WhenExtended()
    {
        // 5 Sep + 30 = Mon 5 Oct, inside 国庆: the period ends on Thu 8 Oct.
        Assert.Equal(D("2026-10-08"), CaseDeadlines.SeizureEndsBy(Cal, D("2026-09-05"), extended: false));
        Assert.Equal(D("2026-11-04"), CaseDeadlines.SeizureEndsBy(Cal, D("2026-09-05"), extended: true));
    }

    [Fact]
    public void AHearing_IsAskedWithin5WorkingDaysOfTheNotice_AcrossTheSpringFestival()
    {
        // Notice served Fri 13 Feb: Sat 14 Feb worked, 15–23 Feb off, then 24, 25, 26, 27.
        Assert.Equal(D("2026-02-27"), CaseDeadlines.HearingRequestBy(Cal, D("2026-02-13")));
    }

    [Fact]
    public void TheHearingNotice_GoesOut7WorkingDaysBefore()
    {
        // A hearing on Thu 15 Oct: from 7 Oct, 7 working days end on 15 Oct (8, 9, Sat 10, 12, 13, 14, 15); from 8 Oct they end on 16 Oct.
        Assert.Equal(D("2026-10-07"), CaseDeadlines.HearingNoticeLatest(Cal, D("2026-10-15")));
        Assert.Equal(D("2026-11-10"), CaseDeadlines.HearingNoticeLatest(Cal, D("2026-11-19")));
    }

    [Fact]
    public void TheDecision_IsDue90DaysAfter立案_Plus30_PlusPausedDays()
    {
        Assert.Equal(D("2026-05-31"), CaseDeadlines.DecisionDue(D("2026-03-02"), 0, 0));
        Assert.Equal(D("2026-06-30"), CaseDeadlines.DecisionDue(D("2026-03-02"), 30, 0));
        Assert.Equal(D("2026-06-10"), CaseDeadlines.DecisionDue(D("2026-03-02"), 0, 10));
    }

    [Fact]
    public void TheDecision_IsServedWithin7WorkingDays_AcrossMayDay()
    {
        // Decided Mon 27 Apr: 28, 29, 30 Apr, 1–5 May off, 6, 7, 8, Sat 9 May worked.
        Assert.Equal(D("2026-05-09"), CaseDeadlines.ServeBy(Cal, D("2026-04-27")));
    }

    [Fact]
    public void TheFine_IsPaidWithin15Days_EndingAfterAHoliday()
    {
        Assert.Equal(D("2026-10-08"), CaseDeadlines.PayBy(Cal, D("2026-09-16")));
        Assert.Equal(D("2026-11-17"), CaseDeadlines.PayBy(Cal, D("2026-11-02")));
    }

    [Fact]
    public void TheSurcharge_Is3PercentADay_CappedAtTheFine()
    {
        Assert.Equal(0m, CaseDeadlines.Surcharge(50_000m, D("2026-11-17"), D("2026-11-17")));
        Assert.Equal(4_500m, CaseDeadlines.Surcharge(50_000m, D("2026-11-17"), D("2026-11-20")));
        Assert.Equal(50_000m, CaseDeadlines.Surcharge(50_000m, D("2026-11-17"), D("2026-12-31")));
        Assert.Equal(10.00m, CaseDeadlines.Surcharge(333.33m, D("2026-11-17"), D("2026-11-18")));
    }

    [Fact]
    public void PenaltyInformation_IsPublishedWithin20WorkingDays()
    {
        // Decided Fri 18 Sep: Sun 20 Sep worked; 21–24, 28–30 Sep, 8, 9, Sat 10, 12–16, 19–22 Oct.
        Assert.Equal(D("2026-10-22"), Shian.Credit.Rules.PublicationRules.PublishBy(Cal, D("2026-09-18")));
    }

    [Fact]
    public void ATransferToThePolice_IsApprovedIn3WorkingDays_SentIn24Hours_AndAnsweredOnItsClocks()
    {
        // Reported Wed 30 Sep: 8, 9 Oct and Sat 10 Oct (调休) → approve by 10 Oct; sent by 11 Oct; accepted by 14, decided by 24, told by 27 Oct.
        Assert.Equal(D("2026-10-10"), TransferDeadlines.ApproveBy(Cal, D("2026-09-30")));
        Assert.Equal(D("2026-10-11"), TransferDeadlines.TransferBy(D("2026-10-10")));
        Assert.Equal(D("2026-10-14"), TransferDeadlines.AcceptBy(D("2026-10-11")));
        Assert.Equal(D("2026-10-24"), TransferDeadlines.PoliceDecisionDue(D("2026-10-14")));
        Assert.Equal(D("2026-10-27"), TransferDeadlines.FeedbackBy(D("2026-10-24")));
    }

    [Fact]
    public void Limitation_IsTwoYears_OrFiveWithHarmToHealth()
    {
        Assert.False(Limitation.Check(D("2024-05-10"), D("2026-05-10"), lifeHealthHarm: false).Expired);
        var late = Limitation.Check(D("2024-05-10"), D("2026-05-11"), lifeHealthHarm: false);
        Assert.True(late.Expired);
        Assert.Equal(D("2026-05-10"), late.LastDay);
        Assert.False(Limitation.Check(D("2024-05-10"), D("2026-05-11"), lifeHealthHarm: true).Expired);
        Assert.Equal(D("2029-05-10"), Limitation.Check(D("2024-05-10"), D("2026-05-11"), lifeHealthHarm: true).LastDay);
    }
}

/// <summary>食品安全法 第一百二十二至一百二十六条: the fine bands, by 货值金额.</summary>
public sealed class PenaltyBandTests
{
    [Theory]
    [InlineData(PenaltyArticle.Art122, 0, 50_000, 100_000)]
    [InlineData(PenaltyArticle.Art124, 9_999.99, 50_000, 100_000)]
    [InlineData(PenaltyArticle.Art124, 10_000, 100_000, 200_000)]
    [InlineData(PenaltyArticle.Art123, 5_000, 100_000, 150_000)]
    [InlineData(PenaltyArticle.Art123, 20_000, 300_000, 600_000)]
    [InlineData(PenaltyArticle.Art125, 3_000, 5_000, 50_000)]
    [InlineData(PenaltyArticle.Art125, 12_000, 60_000, 120_000)]
    [InlineData(PenaltyArticle.Art126, 80_000, 5_000, 50_000)]
    public void TheBand_FollowsTheArticleAndTheValue(PenaltyArticle article, double value, double min, double max)
    {
        var band = PenaltyBands.Band(article, (decimal)value);
        Assert.Equal((decimal)min, band.Min);
        Assert.Equal((decimal)max, band.Max);
        Assert.Equal(article == PenaltyArticle.Art126, band.WarningFirst);
    }

    [Fact]
    public void AFine_IsJudgedAgainstTheBand()
    {
        var band = PenaltyBands.Band(PenaltyArticle.Art124, 20_000m);
        Assert.Equal(BandJudgement.Within, PenaltyBands.Judge(band, 200_000m));
        Assert.Equal(BandJudgement.BelowMinimum, PenaltyBands.Judge(band, 199_999m - 100_000m));
        Assert.Equal(BandJudgement.AboveMaximum, PenaltyBands.Judge(band, 400_000.01m));
        Assert.Equal("《食品安全法》第一百二十四条", band.Citation);
        Assert.Contains("10倍以上20倍以下", band.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 100_000, 0, false, true)]
    [InlineData(false, 99_999, 0, false, false)]
    [InlineData(false, 0, 100_000, false, true)]
    [InlineData(true, 10_000, 0, false, true)]
    [InlineData(true, 9_999, 0, false, false)]
    [InlineData(false, 0, 0, true, true)]
    public void AHearingRight_ComesWithLargeFinesOrHeavyMeasures(bool person, double fine, double confiscated, bool heavy, bool expected) =>
        Assert.Equal(expected, HearingRight.Applies(person, (decimal)fine, (decimal)confiscated, heavy));
}
