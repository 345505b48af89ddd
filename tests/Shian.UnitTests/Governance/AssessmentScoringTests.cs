using Shian.Governance.Parsing;
using Shian.Governance.Rules;

namespace Shian.UnitTests.Governance;

public sealed class AssessmentScoringTests
{
    private static readonly ItemSpec Target = new(Guid.NewGuid(), "抽检 4.5 份/千人", AssessmentItemKind.Target, 40, 0);
    private static readonly ItemSpec Tasks = new(Guid.NewGuid(), "任务完成情况", AssessmentItemKind.TaskCompletion, 40, 0);
    private static readonly ItemSpec Checks = new(Guid.NewGuid(), "暗访检查", AssessmentItemKind.IncognitoChecks, 20, 2);
    private static readonly ItemSpec Bonus = new(Guid.NewGuid(), "加分项", AssessmentItemKind.Bonus, 5, 0);

    private static AssesseeScore Score(Dictionary<ItemSpec, ItemEvidence> evidence, bool vetoed = false) =>
        AssessmentScoring.Score([Target, Tasks, Checks, Bonus], s => evidence.GetValueOrDefault(s, ItemEvidence.NotApplicable), vetoed, GradeThresholds.Default);

    [Fact]
    public void AMetTarget_EarnsFullMarks_APartlyMetOneProportionally_AnUnreportedOneNothing()
    {
        Assert.Equal(40, AssessmentScoring.ScoreItem(Target, new ItemEvidence(true, [1m], 0, null)).Points);
        Assert.Equal(20, AssessmentScoring.ScoreItem(Target, new ItemEvidence(true, [0.5m], 0, null)).Points);
        var unreported = AssessmentScoring.ScoreItem(Target, new ItemEvidence(true, [null], 0, null));
        Assert.Equal(0, unreported.Points);
        Assert.Equal("未报送实际值", unreported.Explanation);
        Assert.True(unreported.TargetMissed);
    }

    [Fact]
    public void ADistrictWithSeveralUnitsOnATarget_ScoresTheMeanOfTheirAttainment()
    {
        var score = AssessmentScoring.ScoreItem(Target, new ItemEvidence(true, [1m, 0.5m, null], 0, null));
        Assert.Equal(20, score.Points); // (1 + 0.5 + 0) / 3 × 40
        Assert.Contains("1 个单位未报送", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetAttainment_UsesTheJudgement_EqualToTheTargetIsMet()
    {
        Assert.Equal(1, AssessmentScoring.TargetAttainment(Comparator.AtLeast, 98, 98));
        Assert.Equal(0.5m, AssessmentScoring.TargetAttainment(Comparator.AtLeast, 4.5m, 2.25m));
        Assert.Null(AssessmentScoring.TargetAttainment(Comparator.AtLeast, 4.5m, null));
    }

    [Fact]
    public void IncognitoChecks_DeductPerProblem_NeverBelowZero()
    {
        Assert.Equal(20, AssessmentScoring.ScoreItem(Checks, new ItemEvidence(true, [], 0, null)).Points);
        Assert.Equal(14, AssessmentScoring.ScoreItem(Checks, new ItemEvidence(true, [], 3, null)).Points);
        Assert.Equal(0, AssessmentScoring.ScoreItem(Checks, new ItemEvidence(true, [], 50, null)).Points);
    }

    [Fact]
    public void ItemsThatDoNotApply_AreLeftOut_AndTheBaseIsRescaledToTheFullWeight()
    {
        // Only Tasks (40) and Checks (20) apply: 30 + 20 = 50 of 60 → 83.33 of 100.
        var score = Score(new() { [Tasks] = new(true, [0.75m], 0, null), [Checks] = new(true, [], 0, null) });
        Assert.Equal(83.33m, score.Base);
        Assert.False(score.Items.Single(i => i.ItemId == Target.Id).Applicable);
        Assert.Equal(AssessmentGrade.Good, score.Grade);
    }

    [Fact]
    public void BonusPoints_AddOnTopOfTheBase_CappedAtTheItemsWeight()
    {
        var full = new Dictionary<ItemSpec, ItemEvidence>
        {
            [Target] = new(true, [1m], 0, null), [Tasks] = new(true, [1m], 0, null), [Checks] = new(true, [], 0, null), [Bonus] = new(true, [], 0, 9),
        };
        var score = Score(full);
        Assert.Equal(100, score.Base);
        Assert.Equal(5, score.Bonus);
        Assert.Equal(105, score.Total);
    }

    [Fact]
    public void AVeto_MakesTheGradeFail_WhateverTheScore()
    {
        var full = new Dictionary<ItemSpec, ItemEvidence> { [Target] = new(true, [1m], 0, null), [Tasks] = new(true, [1m], 0, null), [Checks] = new(true, [], 0, null) };
        var score = Score(full, vetoed: true);
        Assert.Equal(100, score.Total);
        Assert.True(score.Vetoed);
        Assert.Equal(AssessmentGrade.Fail, score.Grade);
    }

    [Theory]
    [InlineData("90", AssessmentGrade.Excellent)]
    [InlineData("89.99", AssessmentGrade.Good)]
    [InlineData("80", AssessmentGrade.Good)]
    [InlineData("60", AssessmentGrade.Pass)]
    [InlineData("59.99", AssessmentGrade.Fail)]
    public void Grades_StartAtTheirThreshold(string total, AssessmentGrade expected) =>
        Assert.Equal(expected, GradeThresholds.Default.Grade(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Ranking_SharesRanksOnTies_AndPutsVetoedLast()
    {
        var rows = new[] { ("甲", 90m, false), ("乙", 95m, true), ("丙", 90m, false), ("丁", 80m, false) };
        var ranked = AssessmentScoring.Rank(rows, r => r.Item2, r => r.Item3).Select(x => (x.Item.Item1, x.Rank)).ToList();
        Assert.Equal([("甲", 1), ("丙", 1), ("丁", 3), ("乙", 4)], ranked);
    }

    [Fact]
    public void AnUnscoredManualItem_CountsZero_AndAScoreAboveItsWeightIsCapped()
    {
        var manual = new ItemSpec(Guid.NewGuid(), "现场评估", AssessmentItemKind.Manual, 10, 0);
        Assert.Equal("未评分", AssessmentScoring.ScoreItem(manual, new ItemEvidence(true, [], 0, null)).Explanation);
        Assert.Equal(10, AssessmentScoring.ScoreItem(manual, new ItemEvidence(true, [], 0, 12)).Points);
    }

    [Theory]
    [InlineData(AssessmentGrade.Fail, 0, null, InterviewTrigger.AssessmentFailed)]
    [InlineData(AssessmentGrade.Good, 1, 2, InterviewTrigger.TargetsMissedTwoYears)]
    public void Seed000_AFailedRegionOrOneMissingTargetsTwoYearsRunning_IsProposedForAnInterview(AssessmentGrade grade, int missed, int? lastYear, InterviewTrigger expected) =>
        Assert.Equal(expected, InterviewRule.Propose(grade, missed, lastYear));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, null)]
    [InlineData(0, 3)]
    public void MissingTargetsInOnlyOneOfTwoYears_ProposesNoInterview(int missed, int? lastYear) =>
        Assert.Null(InterviewRule.Propose(AssessmentGrade.Pass, missed, lastYear));

    [Fact]
    public void Split_SharesPointsInTwoDecimals_SummingExactly()
    {
        var parts = Shian.Governance.Rules.AssessmentWeights.Split(40, 3);
        Assert.Equal([13.33m, 13.33m, 13.34m], parts);
        Assert.Equal(40, parts.Sum());
    }

    [Fact]
    public void WithNothingReportedScoredOrChecked_TheAssesseeIsNotMeasured_NotJudgedFailed()
    {
        var nothing = Score(new()
        {
            [Target] = new ItemEvidence(true, [null, null], 0, null),
            [Tasks] = new ItemEvidence(true, [0m, 0m], 0, null),
            [Checks] = new ItemEvidence(false, [], 0, null, "本年度未开展暗访，不计分（按其余项目折算）"),
        });
        Assert.False(nothing.Measured);
        Assert.Equal("本年度未开展暗访，不计分（按其余项目折算）", nothing.Items.Single(i => i.Kind == AssessmentItemKind.IncognitoChecks).Explanation);
        Assert.All(nothing.Items.Where(i => i.Applicable && i.Kind != AssessmentItemKind.Bonus), i => Assert.True(i.NoData));

        var oneValue = Score(new() { [Target] = new ItemEvidence(true, [0.5m, null], 0, null), [Tasks] = new ItemEvidence(true, [0m], 0, null) });
        Assert.True(oneValue.Measured);
        Assert.True(Score(new() { [Target] = new ItemEvidence(true, [null], 0, null) }, vetoed: true).Measured); // 一票否决 is a judgement
    }

    [Fact]
    public void TwoTargetsOfOneTask_GetDifferentItemNames()
    {
        const string sentence = "食品抽检量达到每千人4.5份，合格率稳定在98%以上";
        Assert.Equal("目标 （二）3（≥4.5份/千人）：食品抽检量达到每千人4.5份，合格率稳定在98%以上", TargetJudgement.ItemName("（二）3", sentence, Comparator.AtLeast, 4.5m, "份/千人"));
        Assert.NotEqual(TargetJudgement.ItemName("（二）3", sentence, Comparator.AtLeast, 4.5m, "份/千人"), TargetJudgement.ItemName("（二）3", sentence, Comparator.AtLeast, 98m, "%"));
    }
}
