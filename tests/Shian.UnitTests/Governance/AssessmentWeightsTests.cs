using Shian.Governance.Domain;
using Shian.Governance.Rules;

namespace Shian.UnitTests.Governance;

public sealed class AssessmentWeightsTests
{
    [Theory]
    [InlineData(100, 1, new[] { 100.0 })]
    [InlineData(10, 4, new[] { 2.5, 2.5, 2.5, 2.5 })]
    [InlineData(20, 3, new[] { 6.66, 6.66, 6.68 })]
    public void Split_SumsExactly_TheLastPartTakingTheRemainder(decimal total, int parts, double[] expected)
    {
        var split = AssessmentWeights.Split(total, parts);
        Assert.Equal(expected.Select(e => (decimal)e), split);
        Assert.Equal(total, split.Sum());
    }

    [Fact]
    public void Split_IntoNoParts_IsEmpty() => Assert.Empty(AssessmentWeights.Split(10, 0));

    [Theory]
    [InlineData(WorkStatus.Completed, 0, false, 1.0)]
    [InlineData(WorkStatus.Ongoing, 0, true, 1.0)]
    [InlineData(WorkStatus.Ongoing, 0, false, 0.0)]
    [InlineData(WorkStatus.InProgress, 40, true, 0.4)]
    [InlineData(WorkStatus.InProgress, 140, true, 1.0)]
    [InlineData(WorkStatus.Overdue, 80, true, 0.0)]
    [InlineData(WorkStatus.NotStarted, 0, false, 0.0)]
    public void CompletionShare_CountsWhatIsDone(WorkStatus status, int percent, bool reported, double expected)
    {
        var a = new TaskAssignment
        {
            TaskId = Guid.NewGuid(), PlanId = Guid.NewGuid(), UnitKey = "u", UnitName = "单位", RegionCode = "210503000000", Resolution = "exact",
            Status = status, Percent = percent, LastReportedAtUtc = reported ? DateTime.UtcNow : null,
        };
        Assert.Equal((decimal)expected, AssessmentWeights.CompletionShare(a));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    [InlineData(0.5, false)]
    [InlineData(100, false)]
    [InlineData(100.01, true)]
    public void ValidateWeight_MoreThanZero_AtMostAHundred(double weight, bool refused)
    {
        var errors = new Dictionary<string, string[]>();
        AssessmentWeights.ValidateWeight((decimal)weight, errors);
        Assert.Equal(refused, errors.ContainsKey("weight"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("  ", true)]
    [InlineData("食品安全工作任务完成情况", false)]
    public void ValidateName_IsRequired(string? name, bool refused)
    {
        var errors = new Dictionary<string, string[]>();
        AssessmentWeights.ValidateName(name, errors);
        Assert.Equal(refused, errors.ContainsKey("name"));
    }
}
