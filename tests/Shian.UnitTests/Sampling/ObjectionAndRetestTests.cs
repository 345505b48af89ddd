using Shian.Kernel.Calendar;
using Shian.Sampling.Rules;

namespace Shian.UnitTests.Sampling;

/// <summary>异议 windows and 复检 exclusions (《食品安全抽样检验管理办法》第三十一、三十七、三十八、三十九条; review D-3, D-4, D-5), literal dates.</summary>
public sealed class ObjectionAndRetestTests
{
    private static readonly WorkingDayCalendar Cal = Shian.UnitTests.Kernel.Calendar.WorkingDayCalendarTests.Shipped();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void AProcedureObjection_IsDue7WorkingDaysAfterSampling_AcrossMidAutumnAndNationalDay() =>
        Assert.Equal(D("2026-10-09"), SamplingClock.ProcedureObjectionBy(Cal, D("2026-09-22")));

    [Fact]
    public void Acceptance_IsDue5WorkingDaysAfterReceipt_CountingTheMakeUpSaturdayBeforeSpringFestival() =>
        Assert.Equal(D("2026-02-26"), SamplingClock.ObjectionAcceptBy(Cal, D("2026-02-12")));

    [Fact]
    public void TheDecision_IsDue20WorkingDaysAfterAcceptance_NotAfterFiling() =>
        Assert.Equal(D("2026-04-30"), SamplingClock.ObjectionDecisionDue(Cal, D("2026-04-01")));

    [Theory]
    // 抽检办法 第二十六条 (U): the lab reports a failure in 2 working days, a pass in 7, from the report date (a Friday).
    [InlineData(true, "2026-11-20", "2026-11-24")]
    [InlineData(false, "2026-11-20", "2026-12-01")]
    public void TheLabReportsAFailureIn2WorkingDays_APassIn7(bool failed, string concluded, string due) =>
        Assert.Equal(D(due), SamplingClock.LabReportBy(Cal, D(concluded), failed));

    [Fact]
    public void TheRetestSubClocks_RunFromEachStep_WithLiteralDates()
    {
        Assert.Equal(D("2026-11-09"), SamplingClock.RetestAcceptBy(Cal, D("2026-11-02"))); // 受理 5 WD (第三十二条第一款)
        Assert.Equal(D("2026-02-26"), SamplingClock.RetestAcceptBy(Cal, D("2026-02-12"))); // across 春节 2026 and its make-up Saturday
        Assert.Equal(D("2026-11-16"), SamplingClock.RetestLabBy(Cal, D("2026-11-09"), extended: false)); // 复检机构 5 WD (第二款)
        Assert.Equal(D("2026-11-23"), SamplingClock.RetestLabBy(Cal, D("2026-11-09"), extended: true)); // +5 for objective reasons
        Assert.Equal(D("2026-11-19"), SamplingClock.BackupHandOverBy(Cal, D("2026-11-16"))); // 备份样品 3 WD (第三款)
        Assert.Equal(D("2026-11-24"), SamplingClock.BackupHandOverBy(Cal, D("2026-11-16"), extended: true)); // +3 for objective reasons
        Assert.Equal(D("2026-10-09"), SamplingClock.BackupHandOverBy(Cal, D("2026-09-29"))); // 30 Sep, then past 国庆 1–7 Oct: 8, 9
        Assert.Equal(D("2026-10-13"), SamplingClock.BackupHandOverBy(Cal, D("2026-09-29"), extended: true)); // … Saturday 10 Oct worked (调休), 12, 13
        Assert.Equal(D("2026-12-03"), SamplingClock.RetestConclusionBy(Cal, D("2026-11-19"))); // 复检结论 10 WD (第三十五条)
    }

    [Fact]
    public void AMicrobialFailure_HasNoRetest_NamingArticle31Item1() =>
        Assert.Equal("微生物指标不合格的，不予复检（《食品安全抽样检验管理办法》第三十一条第一项）",
            RetestRules.Refusal(supervision: true, [AnalyteGroup.Contaminant, AnalyteGroup.Microbial], null, D("2026-11-20")));

    [Fact]
    public void ABackupSamplePastItsShelfLife_HasNoRetest() =>
        Assert.Contains("第三十一条第二项", RetestRules.Refusal(true, [AnalyteGroup.Pesticide], D("2026-11-19"), D("2026-11-20")), StringComparison.Ordinal);

    [Fact]
    public void RiskMonitoring_HasNoRetest() =>
        Assert.Contains("第八十八条", RetestRules.Refusal(false, [AnalyteGroup.Pesticide], null, D("2026-11-20")), StringComparison.Ordinal);

    [Fact]
    public void ASupervisionPesticideFailure_WithinShelfLife_MayBeRetested() =>
        Assert.Null(RetestRules.Refusal(true, [AnalyteGroup.Pesticide], D("2026-11-20"), D("2026-11-20")));
}
