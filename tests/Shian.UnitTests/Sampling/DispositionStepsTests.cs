using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.UnitTests.Sampling;

public sealed class DispositionStepsTests
{
    private static Disposition Started() => new()
    {
        RegionCode = "210503001000", ConcludedOn = new DateOnly(2026, 11, 2), NotifyBy = new DateOnly(2026, 11, 9),
        ActionBy = new DateOnly(2027, 1, 31), CaseDecisionDue = new DateOnly(2026, 11, 23), PublishBy = new DateOnly(2026, 11, 30), CaseClueRaised = true,
    };

    [Fact]
    public void AFreshDisposition_HasItsStatutorySteps_InOrder_NoneOverdue()
    {
        var steps = DispositionSteps.Of(Started(), new DateOnly(2026, 11, 5));
        Assert.Equal(["送达检验结论", "复检申请期", "核查处置（下架、召回、原因排查）", "案件线索（立案决定）", "信息公开"], steps.Select(s => s.Name));
        Assert.DoesNotContain(steps, s => s.Overdue);
        Assert.False(steps.Single(s => s.Name.StartsWith("案件线索", StringComparison.Ordinal)).Ours); // enforcement's step
    }

    [Fact]
    public void NotNotifiedAfterItsDueDate_IsOverdue_TheDayAfter()
    {
        var d = Started();
        Assert.False(DispositionSteps.IsOverdue(d, new DateOnly(2026, 11, 9))); // the due day itself is in time
        Assert.True(DispositionSteps.IsOverdue(d, new DateOnly(2026, 11, 10)));
        d.NotifiedOn = new DateOnly(2026, 11, 6);
        Assert.False(DispositionSteps.Of(d, new DateOnly(2026, 11, 10)).Single(s => s.Name == "送达检验结论").Overdue);
    }

    [Fact]
    public void AnObjection_AddsItsDecisionStep_WithTheGround()
    {
        var d = Started();
        d.NotifiedOn = new DateOnly(2026, 11, 6);
        d.ObjectionFiledOn = new DateOnly(2026, 11, 10);
        d.ObjectionReason = "抽样程序不合规";
        d.ObjectionDecisionDue = new DateOnly(2026, 12, 8);
        var step = DispositionSteps.Of(d, new DateOnly(2026, 11, 20)).Single(s => s.Name == "异议审核");
        Assert.Contains("抽样程序不合规", step.Note, StringComparison.Ordinal);
        Assert.True(DispositionSteps.Of(d, new DateOnly(2026, 12, 9)).Single(s => s.Name == "异议审核").Overdue);
    }
}
