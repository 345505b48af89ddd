using Shian.Inspections.Rules;

namespace Shian.UnitTests.Inspections;

public sealed class VisitPlannerTests
{
    private static readonly DateOnly YearStart = new(2027, 1, 1);
    private static readonly DateOnly YearEnd = new(2027, 12, 31);

    private static List<Inspector> Inspectors(int n) => [.. Enumerable.Range(0, n).Select(i => new Inspector(new Guid(i + 1, 0, 0, new byte[8]), []))];

    /// <summary>
    /// A register with the default scheme's grade mix: visits per year A 1, B 1, C 2, D 3; last full inspections spread over
    /// the last two years, 5 % never inspected and 3 % past their two-year floor (a backlog).
    /// </summary>
    private static List<PlanTarget> Register(int n, int seed = 7)
    {
        var rng = new Random(seed);
        var result = new List<PlanTarget>(n);
        for (var i = 0; i < n; i++)
        {
            var b = new byte[16];
            rng.NextBytes(b);
            var grade = rng.Next(100);
            var visits = grade < 40 ? 1 : grade < 75 ? 1 : grade < 93 ? 2 : 3;
            var r = rng.Next(100);
            DateOnly? last = r < 5 ? null : r < 8 ? YearStart.AddDays(-rng.Next(2 * 365 + 1, 4 * 365)) : YearStart.AddDays(-rng.Next(1, 2 * 365));
            result.Add(new PlanTarget(new Guid(b), visits, last, []));
        }

        return result;
    }

    [Fact]
    public void EveryBusiness_GetsAtLeastItsGradesVisits_InDistinctMonths()
    {
        var targets = Register(3000);
        var plan = VisitPlanner.Plan(new VisitPlanRequest(targets, Inspectors(20), YearStart, YearEnd));
        var byBusiness = plan.Visits.ToLookup(v => v.BusinessId);
        Assert.Equal(12, plan.Periods.Count);
        foreach (var t in targets)
        {
            var mine = byBusiness[t.BusinessId].ToList();
            Assert.True(mine.Count >= t.Visits, $"{t.BusinessId}: {mine.Count} < {t.Visits}");
            Assert.Equal(mine.Count, mine.Select(v => v.Period).Distinct().Count());
        }
    }

    [Fact]
    public void VisitsOfABusiness_AreSpreadOverTheYear_NotBunched()
    {
        var targets = Register(2000);
        var plan = VisitPlanner.Plan(new VisitPlanRequest(targets, Inspectors(10), YearStart, YearEnd));
        foreach (var g in plan.Visits.GroupBy(v => v.BusinessId).Where(g => g.Count() >= 2))
        {
            var periods = g.Select(v => v.Period).Order().ToList();
            var gaps = periods.Zip(periods.Skip(1), (a, b) => b - a).ToList();
            var expected = 12 / g.Count();
            Assert.All(gaps, gap => Assert.InRange(gap, expected - 1, expected + 1));
        }
    }

    [Fact]
    public void TheYearsLoad_IsBalancedAcrossMonths()
    {
        var plan = VisitPlanner.Plan(new VisitPlanRequest(Register(6000), Inspectors(30), YearStart, YearEnd));

        var mean = plan.VisitsPerPeriod.Average();
        Assert.True(plan.VisitsPerPeriod.Max() <= mean * 1.35, $"months: {string.Join(",", plan.VisitsPerPeriod)}");
        Assert.True(plan.VisitsPerPeriod.Min() >= mean * 0.75, $"months: {string.Join(",", plan.VisitsPerPeriod)}");
    }

    [Fact]
    public void WithoutOverdueFloors_MonthsDifferByAtMostOneVisitPerVisitFrequency()
    {
        var targets = Enumerable.Range(0, 1200).Select(i => new PlanTarget(Guid.NewGuid(), 1 + (i % 3), YearStart.AddDays(-100), [])).ToList();
        var plan = VisitPlanner.Plan(new VisitPlanRequest(targets, Inspectors(8), YearStart, YearEnd));
        Assert.Equal(targets.Sum(t => t.Visits), plan.Visits.Count);
        Assert.True(plan.VisitsPerPeriod.Max() - plan.VisitsPerPeriod.Min() <= 3, $"months: {string.Join(",", plan.VisitsPerPeriod)}");
    }

    [Fact]
    public void TheTwoYearFloor_IsMet_EvenForABusinessWhoseGradeAsksForNoVisitThisYear()
    {
        var inspectedLongAgo = new PlanTarget(Guid.NewGuid(), 0, new DateOnly(2025, 4, 10), []);
        var inspectedLastYear = new PlanTarget(Guid.NewGuid(), 0, new DateOnly(2026, 6, 1), []);
        var neverInspected = new PlanTarget(Guid.NewGuid(), 0, null, []);
        var overdue = new PlanTarget(Guid.NewGuid(), 0, new DateOnly(2024, 3, 1), []);
        var plan = VisitPlanner.Plan(new VisitPlanRequest([inspectedLongAgo, inspectedLastYear, neverInspected, overdue], Inspectors(4), YearStart, YearEnd));

        // Order 49 第二十二条: at least one full-checklist inspection every two years.
        var due = plan.Visits.Single(v => v.BusinessId == inspectedLongAgo.BusinessId);
        Assert.True(due.FullChecklistDue);
        Assert.True(due.DueBy <= new DateOnly(2027, 4, 10), $"due by {due.DueBy}");
        Assert.True(due.DueFrom <= due.DueBy);
        Assert.DoesNotContain(plan.Visits, v => v.BusinessId == inspectedLastYear.BusinessId); // its floor is in 2028
        Assert.True(plan.Visits.Single(v => v.BusinessId == neverInspected.BusinessId).FullChecklistDue);
        var late = plan.Visits.Single(v => v.BusinessId == overdue.BusinessId);
        Assert.InRange(late.Period, 0, 2); // already past its floor: within the first quarter
    }

    [Fact]
    public void EveryVisit_HasTwoDistinctInspectors_NeverOneWithADeclaredConflict_AndNotLastTimesWhenOthersAreFree()
    {
        var targets = Register(800);
        var inspectors = Inspectors(6);
        var conflicted = targets.Take(50).Select(t => t.BusinessId).ToHashSet();
        inspectors[0] = inspectors[0] with { Conflicts = conflicted };
        var last = targets[100] with { LastInspectors = [inspectors[1].Id, inspectors[2].Id] };
        targets[100] = last;
        var plan = VisitPlanner.Plan(new VisitPlanRequest(targets, inspectors, YearStart, YearEnd));
        Assert.All(plan.Visits, v => Assert.Equal(2, v.Inspectors.Distinct().Count()));
        Assert.DoesNotContain(plan.Visits, v => conflicted.Contains(v.BusinessId) && v.Inspectors.Contains(inspectors[0].Id));
        Assert.All(plan.Visits.Where(v => v.BusinessId == last.BusinessId), v => Assert.Empty(v.Inspectors.Intersect(last.LastInspectors)));
    }

    [Fact]
    public void InspectorLoad_IsBalanced_WithinEachMonthAndOverTheYear()
    {
        var inspectors = Inspectors(9);
        var plan = VisitPlanner.Plan(new VisitPlanRequest(Register(2500), inspectors, YearStart, YearEnd));
        Assert.True(plan.VisitsPerInspector.Values.Max() - plan.VisitsPerInspector.Values.Min() <= 2, string.Join(",", plan.VisitsPerInspector.Values));
        foreach (var month in plan.Visits.GroupBy(v => v.Period))
        {
            var loads = inspectors.Select(i => month.Count(v => v.Inspectors.Contains(i.Id))).ToList();
            Assert.True(loads.Max() - loads.Min() <= 1, $"month {month.Key}: {string.Join(",", loads)}");
        }
    }

    [Fact]
    public void ThePlan_IsDeterministic_WhateverTheOrderOfTheRegister()
    {
        var targets = Register(500);
        var a = VisitPlanner.Plan(new VisitPlanRequest(targets, Inspectors(5), YearStart, YearEnd));
        var b = VisitPlanner.Plan(new VisitPlanRequest([.. targets.AsEnumerable().Reverse()], Inspectors(5), YearStart, YearEnd));
        static string Key(ScheduledVisit v) => $"{v.BusinessId}:{v.Period}:{string.Join(",", v.Inspectors)}";
        Assert.Equal(a.Visits.Select(Key).Order(), b.Visits.Select(Key).Order());
    }

    [Fact]
    public void AShortCampaign_IsCutIntoWeeks_AndEveryTargetVisitedOnceWithinIt()
    {
        var from = new DateOnly(2027, 2, 20);
        var to = new DateOnly(2027, 3, 20);
        var targets = Enumerable.Range(0, 90).Select(_ => new PlanTarget(Guid.NewGuid(), 1, null, [])).ToList();
        var plan = VisitPlanner.Plan(new VisitPlanRequest(targets, Inspectors(4), from, to, FullCycleYears: 1000));
        Assert.Equal(5, plan.Periods.Count);
        Assert.Equal(new PlanPeriod(new DateOnly(2027, 3, 20), new DateOnly(2027, 3, 20)), plan.Periods[^1]);
        Assert.Equal(90, plan.Visits.Count);
        Assert.All(plan.Visits, v => Assert.InRange(v.DueBy, from, to));
        Assert.True(plan.VisitsPerPeriod.Max() - plan.VisitsPerPeriod.Min() <= 1);
    }

    [Fact]
    public void APlanMadeMidMonth_StartsItsFirstPeriodOnThatDay()
    {
        var periods = VisitPlanner.Periods(new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 31));
        Assert.Equal([new PlanPeriod(new(2026, 11, 24), new(2026, 11, 30)), new PlanPeriod(new(2026, 12, 1), new(2026, 12, 7))], periods.Take(2));
        var months = VisitPlanner.Periods(new DateOnly(2026, 9, 15), new DateOnly(2026, 12, 31));
        Assert.Equal([new PlanPeriod(new(2026, 9, 15), new(2026, 9, 30)), new PlanPeriod(new(2026, 10, 1), new(2026, 10, 31))], months.Take(2));
        Assert.Equal(4, months.Count);
    }

    [Fact]
    public void TooFewInspectors_OrAllButOneInConflict_IsRefusedWithAReason()
    {
        var target = new PlanTarget(Guid.NewGuid(), 1, null, []);
        var one = Assert.Throws<DrawRefused>(() => VisitPlanner.Plan(new VisitPlanRequest([target], Inspectors(1), YearStart, YearEnd)));
        Assert.Contains("不足", one.Message);
        var inspectors = Inspectors(2);
        inspectors[1] = inspectors[1] with { Conflicts = new HashSet<Guid> { target.BusinessId } };
        var conflict = Assert.Throws<DrawRefused>(() => VisitPlanner.Plan(new VisitPlanRequest([target], inspectors, YearStart, YearEnd)));
        Assert.Contains("回避", conflict.Message);
    }

    /// <summary>Usability finding 10: a plan made in late November with 2 inspectors put 83 visits on 31 December.</summary>
    [Fact]
    public void APlanNeverExceedsTheInspectorsCapacity_AndSaysWhatDoesNotFit()
    {
        var from = new DateOnly(2026, 11, 26);
        var to = new DateOnly(2026, 12, 31);
        var targets = Register(499);
        var plan = VisitPlanner.Plan(new VisitPlanRequest(targets, Inspectors(2), from, to, VisitsPerInspectorPerDay: 2));

        // Weeks (a 36-day window): 2 inspectors × 2 visits a day ÷ 2 per visit = 2 visits a working day.
        Assert.Equal(6, plan.Periods.Count);
        Assert.Equal([10, 10, 10, 10, 10, 2], plan.CapacityPerPeriod); // five 7-day weeks from Thursday 26 Nov (5 weekdays each), then 31 Dec
        Assert.All(plan.Periods.Select((_, i) => i), i => Assert.True(plan.VisitsPerPeriod[i] <= plan.CapacityPerPeriod[i]));
        Assert.Equal(52, plan.Visits.Count);
        Assert.Equal(targets.Sum(t => Math.Max(t.Visits, 1)) - 52, plan.Unplaced.Count);
        Assert.True(plan.Visits.Count(v => v.DueBy == to) <= 2); // not 83 on 31 December
    }

    [Fact]
    public void TheCalendarsWorkingDays_SetTheCapacity_AndWithoutALimitEverythingIsPlaced()
    {
        var from = new DateOnly(2027, 1, 1);
        var to = new DateOnly(2027, 2, 28);
        var holidays = VisitPlanner.Plan(new VisitPlanRequest(Register(40), Inspectors(4), from, to, VisitsPerInspectorPerDay: 1, WorkingDays: _ => 1));
        Assert.All(holidays.CapacityPerPeriod, c => Assert.Equal(2, c)); // 4 × 1 × 1 ÷ 2
        var unlimited = VisitPlanner.Plan(new VisitPlanRequest(Register(40), Inspectors(4), from, to));
        Assert.Empty(unlimited.Unplaced);
    }
}
