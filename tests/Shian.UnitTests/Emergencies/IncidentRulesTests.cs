using Shian.Emergencies.Rules;
using Shian.Kernel.Calendar;
using Shian.UnitTests.Kernel.Calendar;

namespace Shian.UnitTests.Emergencies;

/// <summary>Grading on the default criteria (deadlines.md §5), each threshold at its edge.</summary>
public sealed class IncidentGradingTests
{
    private static readonly GradeCriteria Default = new();

    private static IncidentGrade? G(GradeFacts f, GradeCriteria? c = null) => IncidentGrading.Grade(f, c ?? Default).Grade;

    [Fact]
    public void Harm_WithoutDeath_IsGeneralFrom30_AndLargerFrom100()
    {
        Assert.Null(G(new GradeFacts(29, 0)));
        Assert.Equal(IncidentGrade.General, G(new GradeFacts(30, 0)));
        Assert.Equal(IncidentGrade.General, G(new GradeFacts(99, 0)));
        Assert.Equal(IncidentGrade.Larger, G(new GradeFacts(100, 0)));
    }

    [Fact]
    public void AnyDeath_IsLarger_100HarmedWithADeath_Or10Deaths_IsMajor()
    {
        Assert.Equal(IncidentGrade.Larger, G(new GradeFacts(3, 1)));
        Assert.Equal(IncidentGrade.Larger, G(new GradeFacts(99, 9)));
        Assert.Equal(IncidentGrade.Major, G(new GradeFacts(100, 1)));
        Assert.Equal(IncidentGrade.Major, G(new GradeFacts(12, 10)));
    }

    [Fact]
    public void Spread_AcrossTowns_Cities_Provinces_RaisesTheGrade()
    {
        Assert.Equal(IncidentGrade.General, G(new GradeFacts(5, 0, Towns: 2)));
        Assert.Equal(IncidentGrade.Larger, G(new GradeFacts(5, 0, Cities: 2)));
        Assert.Equal(IncidentGrade.Major, G(new GradeFacts(5, 0, Provinces: 2)));
        Assert.Equal(IncidentGrade.Major, G(new GradeFacts(0, 0, NewContaminantSpreading: true)));
    }

    [Fact]
    public void ASchool_IsRaisedOneLevel_ButNeverToGradeI_AndNotBelowTheThreshold()
    {
        var school = IncidentGrading.Grade(new GradeFacts(36, 0, SpecialPopulation: true), Default);
        Assert.Equal(IncidentGrade.Larger, school.Grade);
        Assert.Contains("提高一级", school.Reason, StringComparison.Ordinal);
        Assert.Equal(IncidentGrade.Major, G(new GradeFacts(100, 0, SpecialPopulation: true)));
        Assert.Equal(IncidentGrade.Major, G(new GradeFacts(100, 1, SpecialPopulation: true)));
        Assert.Null(G(new GradeFacts(5, 0, SpecialPopulation: true)));

        // A local plan that does not raise.
        Assert.Equal(IncidentGrade.General, G(new GradeFacts(36, 0, SpecialPopulation: true), new GradeCriteria { RaiseSpecialPopulation = false }));
    }

    [Fact]
    public void ALocalPlan_MayLowerTheThresholds()
    {
        var local = new GradeCriteria { GeneralHarmed = 10, LargerHarmed = 50 };
        Assert.Empty(local.Problems());
        Assert.Equal(IncidentGrade.General, G(new GradeFacts(10, 0), local));
        Assert.Equal(IncidentGrade.Larger, G(new GradeFacts(50, 0), local));
        Assert.NotEmpty(new GradeCriteria { GeneralHarmed = 200 }.Problems());
    }

    [Fact]
    public void ARaise_IsAnyMoreSeriousGrade()
    {
        Assert.True(IncidentGrading.IsRaise(null, IncidentGrade.General));
        Assert.True(IncidentGrading.IsRaise(IncidentGrade.General, IncidentGrade.Larger));
        Assert.False(IncidentGrading.IsRaise(IncidentGrade.Larger, IncidentGrade.General));
        Assert.False(IncidentGrading.IsRaise(IncidentGrade.Larger, null));
        Assert.False(IncidentGrading.IsRaise(IncidentGrade.Larger, IncidentGrade.Larger));
    }
}

/// <summary>
/// The reporting clocks with literal Beijing times on the shipped 2026 calendar: hour limits run through midnight and
/// the National Day holiday; the final report counts working days (中秋·国庆 off, Sat 10 Oct worked).
/// </summary>
public sealed class IncidentClockTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendarTests.Shipped();
    private static readonly ReportingLimits Limits = new();

    /// <summary>A Beijing wall-clock time as UTC.</summary>
    private static DateTime B(string s) => TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), ChinaTime.Zone);

    [Fact]
    public void TheFirstReport_CrossesMidnight_IntoTheNationalDayHoliday_WithoutPausing()
    {
        // Received 23:10 on Wed 30 Sep; 1 Oct is a public holiday: an hour clock does not stop.
        Assert.Equal(B("2026-10-01 01:10"), IncidentClock.InitialDue(B("2026-09-30 23:10"), IncidentGrade.General, Limits));
        Assert.Equal(B("2026-10-01 01:10"), IncidentClock.InitialDue(B("2026-09-30 23:10"), null, Limits));

        // 较大 and above: 1 hour.
        Assert.Equal(B("2026-10-01 00:10"), IncidentClock.InitialDue(B("2026-09-30 23:10"), IncidentGrade.Larger, Limits));
        Assert.Equal(B("2026-10-01 00:10"), IncidentClock.InitialDue(B("2026-09-30 23:10"), IncidentGrade.Major, Limits));

        // A local plan that asks for 30 minutes … in hours: 1.
        Assert.Equal(B("2026-09-30 23:40"), IncidentClock.InitialDue(B("2026-09-30 22:40"), IncidentGrade.General, new ReportingLimits { InitialReportHours = 1 }));
    }

    [Fact]
    public void TheUnit_ReportsWithin2HoursOfLearning_ToTheMinute()
    {
        Assert.Equal(B("2026-10-02 00:30"), IncidentClock.UnitReportDue(B("2026-10-01 22:30"), Limits));
        Assert.False(IncidentClock.UnitReportedLate(B("2026-10-01 22:30"), B("2026-10-02 00:30"), Limits));
        Assert.True(IncidentClock.UnitReportedLate(B("2026-10-01 22:30"), B("2026-10-02 00:31"), Limits));
    }

    [Fact]
    public void ARaise_BringsAPendingFirstReportForward_NeverLater()
    {
        var due = B("2026-10-01 01:10");

        // Raised to 较大 at 23:30: 1 hour from the raise (00:30) is earlier than 01:10.
        Assert.Equal(B("2026-10-01 00:30"), IncidentClock.InitialDueAfterRegrade(due, B("2026-09-30 23:30"), IncidentGrade.Larger, Limits));

        // Raised at 00:45: 01:45 would be later; the first due stands.
        Assert.Equal(due, IncidentClock.InitialDueAfterRegrade(due, B("2026-10-01 00:45"), IncidentGrade.Larger, Limits));

        // After the first report went up, the raise is reported on its own clock (核报).
        Assert.Equal(B("2026-10-01 01:45"), IncidentClock.EscalationDue(B("2026-10-01 00:45"), IncidentGrade.Larger, Limits));
    }

    [Fact]
    public void ProgressReports_FollowEvery24Hours_FromTheLastReport()
    {
        Assert.Equal(B("2026-10-02 01:00"), IncidentClock.NextProgressDue(B("2026-10-01 01:00"), Limits));
        Assert.Equal(B("2026-10-01 13:00"), IncidentClock.NextProgressDue(B("2026-10-01 01:00"), new ReportingLimits { ProgressIntervalHours = 12 }));
    }

    [Fact]
    public void TheFinalReport_Counts7WorkingDays_OnTheBeijingDate_AcrossTheHoliday()
    {
        // Ended Tue 29 Sep 23:30 Beijing: 30 Sep, (1–7 Oct off), 8, 9, Sat 10 (调休 worked), 12, 13, 14 → end of Wed 14 Oct.
        var (due, provisional) = IncidentClock.FinalDue(Cal, B("2026-09-29 23:30"), Limits);
        Assert.Equal(B("2026-10-14 23:59:59"), due);
        Assert.False(provisional);

        // One hour later it is already 30 Sep in Beijing (still 29 Sep in UTC): one day later.
        Assert.Equal(B("2026-10-15 23:59:59"), IncidentClock.FinalDue(Cal, B("2026-09-30 00:30"), Limits).DueUtc);
    }

    [Fact]
    public void LateAndOverdue_AreMeasured()
    {
        var due = B("2026-10-01 01:10");
        Assert.False(IncidentClock.IsLate(due, B("2026-10-01 01:10"), B("2026-10-03 00:00")));
        Assert.True(IncidentClock.IsLate(due, B("2026-10-01 01:11"), B("2026-10-01 01:11")));
        Assert.True(IncidentClock.IsLate(due, null, B("2026-10-01 01:11")));
        Assert.False(IncidentClock.IsLate(due, null, B("2026-10-01 01:00")));
    }

    [Fact]
    public void BadLimits_AreRefused()
    {
        Assert.Empty(Limits.Problems());
        Assert.NotEmpty(new ReportingLimits { InitialReportHours = 0 }.Problems());
        Assert.NotEmpty(new ReportingLimits { FinalReportWorkingDays = 0 }.Problems());
    }
}
