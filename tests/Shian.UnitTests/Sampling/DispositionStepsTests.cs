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
    public void ARetest_AddsItsSubSteps_AndAnUnacceptedApplication_IsOverdueTheDayAfterItsDueDate()
    {
        var d = Started();
        d.NotifiedOn = new DateOnly(2026, 11, 3);
        d.RetestRequestedOn = new DateOnly(2026, 11, 4);
        d.RetestAcceptBy = new DateOnly(2026, 11, 11);
        var steps = DispositionSteps.Of(d, new DateOnly(2026, 11, 12));
        Assert.Equal(["送达检验结论", "复检申请期", "复检受理", "确定复检机构", "移交复检备份样品", "复检结论"], steps.Take(6).Select(s => s.Name));
        Assert.True(steps.Single(s => s.Name == "复检受理").Overdue);
        Assert.False(DispositionSteps.Of(d, new DateOnly(2026, 11, 11)).Single(s => s.Name == "复检受理").Overdue);
        Assert.Contains("第三十二条第一款", steps.Single(s => s.Name == "复检受理").Note);

        // A concluded 复检 ends the chain: nothing of it is overdue any more.
        d.RetestConforming = false;
        Assert.DoesNotContain(DispositionSteps.Of(d, new DateOnly(2026, 12, 30)), s => s.Name.StartsWith("复检", StringComparison.Ordinal) && s.Overdue);
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
    public void AnObjection_AddsItsAcceptanceStep_WithTheGround_ThenItsDecisionStepOnceAccepted()
    {
        var d = Started();
        d.NotifiedOn = new DateOnly(2026, 11, 6);
        d.ObjectionFiledOn = new DateOnly(2026, 11, 10);
        d.ObjectionGround = ObjectionGround.Procedure;
        d.ObjectionReason = "封样时未由被抽样单位签字";
        d.ObjectionAcceptBy = new DateOnly(2026, 11, 17);
        var accept = DispositionSteps.Of(d, new DateOnly(2026, 11, 12)).Single(s => s.Name == "异议受理");
        Assert.Contains("抽样过程：封样时未由被抽样单位签字", accept.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(DispositionSteps.Of(d, new DateOnly(2026, 11, 12)), s => s.Name == "异议审核");
        Assert.True(DispositionSteps.Of(d, new DateOnly(2026, 11, 18)).Single(s => s.Name == "异议受理").Overdue);

        d.ObjectionAcceptedOn = new DateOnly(2026, 11, 16);
        d.ObjectionDecisionDue = new DateOnly(2026, 12, 14);
        Assert.False(DispositionSteps.Of(d, new DateOnly(2026, 11, 18)).Single(s => s.Name == "异议受理").Overdue);
        Assert.True(DispositionSteps.Of(d, new DateOnly(2026, 12, 15)).Single(s => s.Name == "异议审核").Overdue);
    }

    [Fact]
    public void RiskMonitoring_HasNoRetestNorPublicationStep() =>
        Assert.DoesNotContain(DispositionSteps.Of(new Disposition { RegionCode = "210503001000", Kind = SampleKind.RiskMonitoring, ConcludedOn = new DateOnly(2026, 11, 2) }, new DateOnly(2026, 11, 20)),
            s => s.Name is "复检申请期" or "信息公开");

    [Fact]
    public void CompletingTheChecks_DoesNotCloseIt_WhileTheRetestWindowIsOpen_OrTheResultUnpublished()
    {
        var d = Started();
        d.NotifiedOn = new DateOnly(2026, 11, 6);
        d.RetestApplyBy = new DateOnly(2026, 11, 17);
        d.ActionCompletedOn = new DateOnly(2026, 11, 10);
        Assert.Equal(["复检申请期", "信息公开"], DispositionSteps.Outstanding(d, new DateOnly(2026, 11, 17)));
        Assert.False(DispositionSteps.IsClosed(d, new DateOnly(2026, 11, 17)));
        Assert.Equal(["信息公开"], DispositionSteps.Outstanding(d, new DateOnly(2026, 11, 18))); // the window ended the day before
        d.PublishedOn = new DateOnly(2026, 11, 20);
        Assert.True(DispositionSteps.IsClosed(d, new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void APendingRetestOrObjection_HoldsItOpen_AndAConformingRetestEndsIt()
    {
        var d = Started();
        d.NotifiedOn = new DateOnly(2026, 11, 6);
        d.RetestApplyBy = new DateOnly(2026, 11, 17);
        d.RetestRequestedOn = new DateOnly(2026, 11, 9);
        d.ObjectionFiledOn = new DateOnly(2026, 11, 9);
        d.ActionCompletedOn = new DateOnly(2026, 11, 10);
        d.PublishedOn = new DateOnly(2026, 11, 20);
        Assert.Equal(["复检结论", "异议审核"], DispositionSteps.Outstanding(d, new DateOnly(2026, 12, 1)));
        d.RetestConforming = true;
        Assert.True(DispositionSteps.IsClosed(d, new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void ARiskMonitoringDisposition_HasNoRetestOrPublicationToWaitFor()
    {
        var d = new Disposition
        {
            RegionCode = "210503001000", Kind = SampleKind.RiskMonitoring, ConcludedOn = new DateOnly(2026, 11, 2), NotifyBy = new DateOnly(2026, 11, 9),
            ActionBy = new DateOnly(2027, 1, 31), CaseDecisionDue = new DateOnly(2026, 11, 23), PublishBy = new DateOnly(2026, 11, 30),
        };
        d.NotifiedOn = new DateOnly(2026, 11, 6);
        Assert.Equal(["核查处置"], DispositionSteps.Outstanding(d, new DateOnly(2026, 11, 7)));
        d.ActionCompletedOn = new DateOnly(2026, 11, 8);
        Assert.True(DispositionSteps.IsClosed(d, new DateOnly(2026, 11, 8)));
    }
}
