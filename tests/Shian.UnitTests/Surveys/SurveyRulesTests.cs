using Shian.Surveys.Domain;
using Shian.Surveys.Rules;

namespace Shian.UnitTests.Surveys;

public sealed class SurveyDesignTests
{
    // n₀ = 1.96² × 0.25 / e²; n = n₀ / (1 + (n₀ − 1)/N), rounded up (worked by hand).
    [Theory]
    [InlineData(0.05, null, 385)]       // n₀ = 384.15
    [InlineData(0.05, 204_660L, 384)]   // 溪湖区 (七普): 383.43
    [InlineData(0.05, 55_560L, 382)]    // 南芬区: 381.51
    [InlineData(0.05, 1_000L, 278)]     // a small population: 277.73
    [InlineData(0.03, null, 1068)]      // 1067.07
    [InlineData(0.10, null, 97)]        // 96.04
    public void TheSampleSize_FollowsTheMarginOfError_AndThePopulation(double margin, long? population, int expected) =>
        Assert.Equal(expected, SurveyDesign.SampleSize(margin, population));

    [Fact]
    public void Quotas_FollowPopulation_ByTheLargestRemainder()
    {
        // 385 over 溪湖区, 明山区, 南芬区: 123.28, 228.25, 33.47 → 123, 228, 33 (384) and the one left to the largest remainder (.47).
        Assert.Equal([123, 228, 34], SurveyDesign.Allocate(385, [204_660, 378_936, 55_560], 0));
    }

    [Fact]
    public void ASmallDistrict_GetsAtLeastTheMinimum()
    {
        Assert.Equal([123, 228, 40], SurveyDesign.Allocate(385, [204_660, 378_936, 55_560], 40));
        Assert.Equal([5, 3], SurveyDesign.Allocate(10, [5, 3], 30)); // never more than the people there are
    }

    [Fact]
    public void TheStratifiedEstimate_WeighsDistrictsByPopulation_WithA95PercentInterval()
    {
        // A: 1,0,1,1 (mean .75, s² .25); B: .5,.5 (mean .5, s² 0); equal populations of 1 000:
        // ȳ = .625; var = .25×(1−4/1000)×.25/4 + .25×(1−2/1000)×0/2 = .0155625; ± 1.96×.12475 → .3805 … .8695.
        var r = SurveyDesign.Stratified([new("A", 1000, [1, 0, 1, 1]), new("B", 1000, [0.5, 0.5])]);
        Assert.Equal(0.625, r.Overall!.Value, 9);
        Assert.Equal(0.380495, r.Overall.Low, 6);
        Assert.Equal(0.869505, r.Overall.High, 6);
        Assert.Equal(6, r.Overall.Respondents);
        Assert.Equal(0.75, r.ByStratum["A"]!.Value, 9);
        Assert.Equal(0.260990, r.ByStratum["A"]!.Low, 6);
        Assert.Equal(1, r.ByStratum["A"]!.High, 9); // clamped
        Assert.Empty(r.Incomplete);
    }

    [Fact]
    public void ADistrictWithoutResponses_IsNamed_AndLeftOutOfTheWeights()
    {
        var r = SurveyDesign.Stratified([new("A", 1000, [1, 0]), new("B", 9000, [])]);
        Assert.Equal(0.5, r.Overall!.Value, 9); // A alone, not 0.05
        Assert.Equal(["B"], r.Incomplete);
        Assert.Null(r.ByStratum["B"]);
    }

    [Fact]
    public void OneResponse_HasAnHonestInterval_NotAZeroOne()
    {
        var e = SurveyDesign.Stratified([new("A", 1000, [1])]).Overall!;
        Assert.True(e.High - e.Low > 0.5, "one response says little");
    }

    [Fact]
    public void NoResponses_NoEstimate() => Assert.Null(SurveyDesign.Stratified([new("A", 1000, [])]).Overall);
}

public sealed class SurveyFormsTests
{
    private static readonly SurveyQuestion[] Quiz =
    [
        new("投诉举报电话？", QuestionKind.Single, ["12315", "12306"], [0], false, true),
        new("预包装食品应查看？", QuestionKind.Multiple, ["生产日期", "保质期", "包装颜色"], [0, 1], false, true),
        new("您从哪里了解？", QuestionKind.Multiple, ["电视", "网络"], null, false, false),
        new("建议", QuestionKind.Text, [], null, false, false),
    ];

    [Fact]
    public void Awareness_IsTheShareOfKnowledgeQuestionsRight_AMultipleChoiceOnlyWhenExact()
    {
        var (score, _, errors) = SurveyForms.Check(SurveyPurpose.Awareness, Quiz, [new(0, [0], null, null), new(1, [0, 1], null, null)]);
        Assert.Empty(errors);
        Assert.Equal(1m, score);
        (score, _, _) = SurveyForms.Check(SurveyPurpose.Awareness, Quiz, [new(0, [0], null, null), new(1, [0], null, null)]); // half right is wrong
        Assert.Equal(0.5m, score);
        (score, _, _) = SurveyForms.Check(SurveyPurpose.Awareness, Quiz, [new(0, [1], null, null), new(1, [0, 1, 2], null, null)]);
        Assert.Equal(0m, score);
    }

    [Fact]
    public void Satisfaction_IsTheMeanOfTheScoredRatings_FromZeroToOne()
    {
        SurveyQuestion[] form = [new("总体评价", QuestionKind.Rating, [], null, true, true), new("监管工作", QuestionKind.Rating, [], null, true, true), new("未计分", QuestionKind.Rating, [], null, false, false)];
        var (score, _, errors) = SurveyForms.Check(SurveyPurpose.Satisfaction, form, [new(0, null, 5, null), new(1, null, 4, null), new(2, null, 1, null)]);
        Assert.Empty(errors);
        Assert.Equal(0.875m, score); // (1 + .75) / 2; the unscored rating does not count
    }

    [Fact]
    public void EachWrongAnswer_IsNamedUnderItsQuestion()
    {
        var (_, _, errors) = SurveyForms.Check(SurveyPurpose.Awareness, Quiz,
            [new(0, [0, 1], null, null), new(1, [7], null, null), new(3, null, null, new string('字', 501)), new(9, [0], null, null)]);
        Assert.Equal("第 1 题：单选题只能选一项", errors["q1"][0]);
        Assert.Equal("第 2 题：所选项不存在", errors["q2"][0]);
        Assert.Contains("不超过 500 字", errors["q4"][0]);
        Assert.Contains("没有第 10 题", errors["q10"][0]);
        Assert.False(errors.ContainsKey("q3")); // optional, unanswered
        (_, _, errors) = SurveyForms.Check(SurveyPurpose.Awareness, Quiz, []);
        Assert.Equal(["q1", "q2"], errors.Keys.Order());
    }

    [Fact]
    public void AQuestion_IsCheckedWhole()
    {
        var (q, errors) = SurveyForms.Question(SurveyPurpose.Awareness, QuestionKind.Multiple, "预包装食品应查看哪些信息？", "生产日期\n保质期\n\n包装颜色\n", "1，2", false, false);
        Assert.Empty(errors);
        Assert.Equal(["生产日期", "保质期", "包装颜色"], q!.Options);
        Assert.Equal([0, 1], q.Correct!);
        Assert.True(q.Required); // a knowledge question is always required

        (_, errors) = SurveyForms.Question(SurveyPurpose.Awareness, QuestionKind.Single, "一", "是", "3", false, false);
        Assert.Contains("text", errors.Keys);
        Assert.Contains("options", errors.Keys);
        Assert.Contains("correct", errors.Keys);
        (_, errors) = SurveyForms.Question(SurveyPurpose.Awareness, (QuestionKind)9, "题目文字", null, null, false, false);
        Assert.Contains("kind", errors.Keys);
        (_, errors) = SurveyForms.Question(SurveyPurpose.Satisfaction, QuestionKind.Single, "您满意吗？", "是\n否", "1", false, false);
        Assert.Equal("只有知晓率调查的知识题有正确答案", errors["correct"][0]);
        (_, errors) = SurveyForms.Question(SurveyPurpose.Awareness, QuestionKind.Rating, "总体评价", null, null, true, true);
        Assert.Contains("scored", errors.Keys);
    }

    [Fact]
    public void AQuestionnaire_OpensOnlyWithAQuestionThatCounts()
    {
        Assert.Equal("问卷还没有题目", SurveyForms.ReadyToOpen(SurveyPurpose.Awareness, []));
        Assert.Contains("知识题", SurveyForms.ReadyToOpen(SurveyPurpose.Awareness, [Quiz[2]]));
        Assert.Null(SurveyForms.ReadyToOpen(SurveyPurpose.Awareness, Quiz));
        Assert.Contains("五级评价", SurveyForms.ReadyToOpen(SurveyPurpose.Satisfaction, [new("评价", QuestionKind.Rating, [], null, false, false)]));
    }
}
