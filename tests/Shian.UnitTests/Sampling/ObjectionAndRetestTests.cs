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
