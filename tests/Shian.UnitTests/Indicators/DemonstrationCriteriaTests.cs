using Shian.Indicators.Rules;

namespace Shian.UnitTests.Indicators;

/// <summary>Seed 004's criteria as a scored checklist: how each criterion is judged, the score, the veto, the stages.</summary>
public sealed class DemonstrationCriteriaTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly IReadOnlyDictionary<string, decimal> NoThresholds = new Dictionary<string, decimal>();

    private static DemonstrationCriterion C(string code) => DemonstrationCriteria.Find(code)!;

    [Fact]
    public void TheCatalogue_CoversEveryItemOfSeed004_InItsGroups()
    {
        // 工作目标 2 (无重大事故, 满意度) + (一) 7 + (二) 10 + (三) 7 + (四) 4 + (五) 6 items, each "x." in the seed.
        Assert.Equal([2, 7, 10, 7, 4, 6], DemonstrationCriteria.All.GroupBy(c => c.Group).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(DemonstrationCriteria.All.Count, DemonstrationCriteria.All.Select(c => c.Code).Distinct().Count());
        // Every x of the seed with a unit is a parameter, each used by a criterion and served by a catalogued indicator of that unit.
        Assert.Equal(16, DemonstrationCriteria.Parameters.Count);
        foreach (var p in DemonstrationCriteria.Parameters)
        {
            Assert.Contains(DemonstrationCriteria.All, c => c.Measures.Any(m => m.Parameter == p.Key));
            var indicator = IndicatorCatalogue.Find(p.IndicatorKey);
            Assert.NotNull(indicator);
            Assert.Equal(p.Unit, indicator.DisplayUnit);
        }

        Assert.All(DemonstrationCriteria.IndicatorKeys, k => Assert.NotNull(IndicatorCatalogue.Find(k)));
        Assert.Single(DemonstrationCriteria.All, c => c.Veto);
    }

    [Fact]
    public void AFigureBelowItsX_IsNotMet_WhateverTheJudgement()
    {
        var r = DemonstrationCriteria.Evaluate(C("1.2"), new Dictionary<string, decimal> { ["regulator-hours"] = 40 },
            new Dictionary<string, decimal?> { ["training.regulator-hours"] = 32 }, Verdict.Met);
        Assert.Equal(CriterionStatus.NotMet, r.Status);
        Assert.Equal("指标未达到要求", r.Reason);
        Assert.Equal(40, r.Measures[0].Threshold);
        Assert.False(r.Measures[0].Met);
    }

    [Fact]
    public void AnXNotFilled_OrNoData_OrNoJudgement_LeavesItPending()
    {
        var values = new Dictionary<string, decimal?> { ["training.regulator-hours"] = 42 };
        Assert.Equal("尚未设定创建指标值（x）", DemonstrationCriteria.Evaluate(C("1.2"), NoThresholds, values, Verdict.Met).Reason);
        var x = new Dictionary<string, decimal> { ["regulator-hours"] = 40 };
        Assert.Equal("指标暂无数据", DemonstrationCriteria.Evaluate(C("1.2"), x, new Dictionary<string, decimal?>(), Verdict.Met).Reason);
        var pending = DemonstrationCriteria.Evaluate(C("1.2"), x, values, null);
        Assert.Equal(CriterionStatus.Pending, pending.Status);
        Assert.Equal("尚未自查评定", pending.Reason);
        Assert.Equal(CriterionStatus.Met, DemonstrationCriteria.Evaluate(C("1.2"), x, values, Verdict.Met).Status);
        Assert.Equal(CriterionStatus.PartlyMet, DemonstrationCriteria.Evaluate(C("1.2"), x, values, Verdict.PartlyMet).Status);
    }

    [Fact]
    public void AWhollyNumericCriterion_IsMetByItsFigures_AndAJudgementOfNotMetStillFailsIt()
    {
        // 3.6: 量化分级 ≥ xx% and 公示率 ≥ xxx% — no judgement needed.
        var x = new Dictionary<string, decimal> { ["rating-share"] = 80, ["rating-publicity"] = 100 };
        var values = new Dictionary<string, decimal?> { ["duty.quantified-rating"] = 85.5m, ["programme.rating-publicity"] = 100 };
        Assert.Equal(CriterionStatus.Met, DemonstrationCriteria.Evaluate(C("3.6"), x, values, null).Status);
        Assert.Equal(CriterionStatus.NotMet, DemonstrationCriteria.Evaluate(C("3.6"), x, values, Verdict.NotMet).Status);
        values["programme.rating-publicity"] = 99.9m;
        Assert.Equal(CriterionStatus.NotMet, DemonstrationCriteria.Evaluate(C("3.6"), x, values, null).Status);
    }

    [Fact]
    public void ACriterionWithoutFigures_IsWhatThePersonJudged()
    {
        Assert.Equal(CriterionStatus.Pending, DemonstrationCriteria.Evaluate(C("1.6"), NoThresholds, new Dictionary<string, decimal?>(), null).Status);
        Assert.Equal(CriterionStatus.NotMet, DemonstrationCriteria.Evaluate(C("1.6"), NoThresholds, new Dictionary<string, decimal?>(), Verdict.NotMet).Status);
        Assert.Equal(CriterionStatus.Met, DemonstrationCriteria.Evaluate(C("1.6"), NoThresholds, new Dictionary<string, decimal?>(), Verdict.Met).Status);
    }

    [Fact]
    public void TheScore_CountsMetOneAndPartlyMetHalf_OutOf100_RoundedHalfToEven()
    {
        // 36 criteria: 1.1 and 1.6 met, 1.7 partly met; 0.1 (no major incident) met by its figure; the rest pending.
        var verdicts = new Dictionary<string, Verdict> { ["1.1"] = Verdict.Met, ["1.6"] = Verdict.Met, ["1.7"] = Verdict.PartlyMet, ["0.1"] = Verdict.Met };
        var values = new Dictionary<string, decimal?> { ["emergencies.major-incidents"] = 0 };
        var r = DemonstrationCriteria.Assess(NoThresholds, values, verdicts);
        Assert.Equal(36, r.Criteria.Count);
        Assert.Equal(3, r.Count(CriterionStatus.Met));
        Assert.Equal(1, r.Count(CriterionStatus.PartlyMet));
        Assert.Equal(9.7m, r.Score); // 3.5 / 36 = 9.722…
        Assert.False(r.Vetoed);
    }

    [Fact]
    public void AMajorIncident_VetoesTheWholeAssessment()
    {
        var verdicts = DemonstrationCriteria.All.ToDictionary(c => c.Code, _ => Verdict.Met);
        var values = new Dictionary<string, decimal?> { ["emergencies.major-incidents"] = 1 };
        var r = DemonstrationCriteria.Assess(NoThresholds, values, verdicts);
        Assert.Equal(CriterionStatus.NotMet, r.Criteria.Single(c => c.Criterion.Code == "0.1").Status);
        Assert.True(r.Vetoed);
    }

    [Theory]
    [InlineData("2025-12-31", DemonstrationStage.NotStarted)]
    [InlineData("2026-01-01", DemonstrationStage.Preparation)]
    [InlineData("2026-03-31", DemonstrationStage.Preparation)]
    [InlineData("2026-04-01", DemonstrationStage.Implementation)]
    [InlineData("2026-10-01", DemonstrationStage.SelfCheck)]
    [InlineData("2026-12-31", DemonstrationStage.SelfCheck)]
    [InlineData("2027-01-01", DemonstrationStage.Ended)]
    public void TheStageOfADay_FollowsTheThreeStagesOfSeed004(string day, DemonstrationStage expected) =>
        Assert.Equal(expected, DemonstrationStages.On(D(day), D("2026-01-01"), D("2026-03-31"), D("2026-09-30"), D("2026-12-31")));

    [Fact]
    public void StageDates_MustFollowEachOther()
    {
        Assert.Empty(DemonstrationStages.Validate(D("2026-01-01"), D("2026-03-31"), D("2026-09-30"), D("2026-12-31")));
        Assert.Equal(["endsOn", "startsOn"], DemonstrationStages.Validate(null, D("2026-03-31"), D("2026-09-30"), null).Keys.Order());
        Assert.Contains("implementationEnds", DemonstrationStages.Validate(D("2026-01-01"), D("2026-10-31"), D("2026-09-30"), D("2026-12-31")).Keys);
        Assert.Contains("endsOn", DemonstrationStages.Validate(D("2026-01-01"), D("2026-03-31"), D("2026-09-30"), D("2026-09-30")).Keys);
        Assert.Contains("endsOn", DemonstrationStages.Validate(D("2020-01-01"), D("2020-03-31"), D("2020-09-30"), D("2026-12-31")).Keys);
    }
}
