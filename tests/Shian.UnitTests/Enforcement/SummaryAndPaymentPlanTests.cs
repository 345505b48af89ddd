using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.UnitTests.Kernel.Calendar;

namespace Shian.UnitTests.Enforcement;

/// <summary>简易程序 (《行政处罚法》第五十一条、第六十八条) and 延期/分期缴纳 (第六十六条、第七十二条), with literal dates on the shipped 2026 calendar.</summary>
public sealed class SummaryAndPaymentPlanTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendarTests.Shipped();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(true, 200, true)]
    [InlineData(true, 200.01, false)]
    [InlineData(false, 3000, true)]
    [InlineData(false, 3000.5, false)]
    [InlineData(false, 50, true)]
    public void AnOnTheSpotFine_IsAtMost200ForAPersonAnd3000ForAnOrganisation(bool person, double fine, bool allowed)
    {
        var errors = SummaryProcedure.Check(person, false, (decimal)fine, null);
        Assert.Equal(allowed, errors.Count == 0);
        if (!allowed)
        {
            Assert.Contains(person ? "200 元" : "3000 元", errors["fine"], StringComparison.Ordinal);
            Assert.Contains("普通程序", errors["fine"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AWarningAlone_MayBeGivenOnTheSpot_ButNothingAtAllIsNoPenalty()
    {
        Assert.Empty(SummaryProcedure.Check(false, true, 0m, null));
        Assert.Contains("警告或者罚款", SummaryProcedure.Check(false, false, 0m, null)["fine"], StringComparison.Ordinal);
        Assert.Contains("两位小数", SummaryProcedure.Check(false, false, 10.555m, null)["fine"], StringComparison.Ordinal);
    }

    [Fact]
    public void TheFoodSafetyLawsFines_AreAboveTheLimit_OnlyArticle126sWarningFits()
    {
        // 第一百二十四条 starts at 50 000 yuan: no on-the-spot fine under it.
        Assert.Contains("50000 元", SummaryProcedure.Check(false, false, 2000m, PenaltyArticle.Art124)["article"], StringComparison.Ordinal);

        // 第一百二十六条 warns first; its fine is for refusing to correct.
        Assert.Empty(SummaryProcedure.Check(false, true, 0m, PenaltyArticle.Art126));
        Assert.Contains("只能给予警告", SummaryProcedure.Check(false, true, 1000m, PenaltyArticle.Art126)["article"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, false, true)]
    [InlineData(100.5, false, false)]
    [InlineData(1500, true, true)]
    [InlineData(0, true, false)]
    public void AFineIsTakenOnTheSpot_Only100OrLess_OrWhenHardToCollectLater(double fine, bool hard, bool allowed) =>
        Assert.Equal(allowed, SummaryProcedure.MayCollectOnSpot((decimal)fine, hard));

    [Fact]
    public void AnOnTheSpotDecision_IsFiledWithin7WorkingDays_AcrossNationalDay()
    {
        // Decided Wed 30 Sep: 1–7 Oct off, Sat 10 Oct worked.
        Assert.Equal(D("2026-10-15"), SummaryProcedure.FileBy(Cal, D("2026-09-30"), 7));
    }

    [Fact]
    public void TheHead_DecidesAnApplicationWithin10WorkingDays_AcrossTheSpringFestival()
    {
        // Received Fri 13 Feb: Sat 14 Feb worked, 15–23 Feb off, Sat 28 Feb worked.
        Assert.Equal(D("2026-03-05"), PaymentPlans.DecideBy(Cal, D("2026-02-13")));
    }

    [Fact]
    public void ADeferral_HasOneLaterDate_ForTheWholeAmount()
    {
        var approved = D("2026-12-01");
        Assert.Empty(PaymentPlans.Check(true, [new PlanLine(D("2027-03-01"), 5000m)], 5000m, approved));
        Assert.Contains("5000.00", PaymentPlans.Check(true, [new PlanLine(D("2027-03-01"), 4000m)], 5000m, approved)["amount1"], StringComparison.Ordinal);
        Assert.Contains("分期", PaymentPlans.Check(true, [new PlanLine(D("2027-01-01"), 2500m), new PlanLine(D("2027-02-01"), 2500m)], 5000m, approved)["schedule"], StringComparison.Ordinal);
        Assert.Contains("之后", PaymentPlans.Check(true, [new PlanLine(D("2026-12-01"), 5000m)], 5000m, approved)["dueOn1"], StringComparison.Ordinal);
    }

    [Fact]
    public void Instalments_AreTwoToTwelveRisingDates_AddingUpToWhatIsOwed()
    {
        var approved = D("2026-12-01");
        PlanLine[] good = [new(D("2026-12-31"), 1000m), new(D("2027-01-31"), 1000m), new(D("2027-02-28"), 1000m)];
        Assert.Empty(PaymentPlans.Check(false, good, 3000m, approved));

        Assert.Contains("合计 2000.00 元", PaymentPlans.Check(false, good[..2], 3000m, approved)["schedule"], StringComparison.Ordinal);
        Assert.Contains("晚于第 1 期", PaymentPlans.Check(false, [good[0], good[0] with { Amount = 2000m }], 3000m, approved)["dueOn2"], StringComparison.Ordinal);
        Assert.Contains("第 2 期的金额", PaymentPlans.Check(false, [good[0], good[1] with { Amount = 0m }, good[2]], 3000m, approved)["amount2"], StringComparison.Ordinal);
        Assert.Contains("2 年以内", PaymentPlans.Check(false, [good[0], new PlanLine(D("2029-01-01"), 2000m)], 3000m, approved)["dueOn2"], StringComparison.Ordinal);
        Assert.Contains("2–12 期", PaymentPlans.Check(false, [good[0]], 1000m, approved)["schedule"], StringComparison.Ordinal);
        var thirteen = Enumerable.Range(1, 13).Select(i => new PlanLine(approved.AddMonths(i), 100m)).ToList();
        Assert.Contains("2–12 期", PaymentPlans.Check(false, thirteen, 1300m, approved)["schedule"], StringComparison.Ordinal);
    }

    [Fact]
    public void TheSurcharge_RunsOnEachLatePartFromItsOwnDate_AndNeverExceedsTheFine()
    {
        PlanLine[] plan = [new(D("2026-12-31"), 1000m), new(D("2027-01-31"), 1000m)];

        // Part 1 five days late on 5 Jan, part 2 not yet due: 1000 × 3 % × 5.
        Assert.Equal(150m, PaymentPlans.Surcharge(plan, 2000m, D("2027-01-05")));

        // Part 1 paid 3 Jan (3 days late: 90), part 2 unpaid on 10 Feb (10 days late: 300).
        PlanLine[] paid = [plan[0] with { PaidOn = D("2027-01-03") }, plan[1]];
        Assert.Equal(390m, PaymentPlans.Surcharge(paid, 2000m, D("2027-02-10")));
        Assert.Equal(300m, PaymentPlans.SurchargeOfPart([paid[0]], plan[1], 2000m, D("2027-02-10")));

        // Both parts a year late: 3 % a day would be far more than the fine; all of it is capped at the fine.
        Assert.Equal(2000m, PaymentPlans.Surcharge(plan, 2000m, D("2028-01-31")));

        // Paid on its date: nothing.
        Assert.Equal(0m, PaymentPlans.SurchargeOfPart([], plan[0], 2000m, D("2026-12-31")));
    }
}
