using Shian.Governance.Domain;
using Shian.Governance.Rules;

namespace Shian.UnitTests.Governance;

public sealed class WorkStatusRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void NoReport_NoPassedMilestone_IsNotStarted() =>
        Assert.Equal(WorkStatus.NotStarted, WorkStatusRule.Evaluate([Today.AddDays(10)], false, null, Today));

    [Fact]
    public void AReport_BeforeTheMilestone_IsInProgress() =>
        Assert.Equal(WorkStatus.InProgress, WorkStatusRule.Evaluate([Today.AddDays(10)], false, (40, false), Today));

    [Fact]
    public void APassedMilestoneWithoutCompletion_IsOverdue()
    {
        Assert.Equal(WorkStatus.Overdue, WorkStatusRule.Evaluate([Today.AddDays(-1)], false, (90, false), Today));
        Assert.Equal(WorkStatus.Overdue, WorkStatusRule.Evaluate([Today.AddDays(-1)], true, null, Today));
    }

    [Fact]
    public void TheMilestoneDayItself_IsNotYetOverdue() =>
        Assert.Equal(WorkStatus.NotStarted, WorkStatusRule.Evaluate([Today], false, null, Today));

    [Fact]
    public void ACompletedReport_IsCompleted_EvenAfterTheMilestone() =>
        Assert.Equal(WorkStatus.Completed, WorkStatusRule.Evaluate([Today.AddDays(-30)], false, (100, true), Today));

    [Fact]
    public void ARecurringTaskWithoutPassedMilestones_IsOngoing() =>
        Assert.Equal(WorkStatus.Ongoing, WorkStatusRule.Evaluate([], true, (30, false), Today));

    [Fact]
    public void AMilestoneDeclaredMet_NoLongerMakesTheUnitOverdue()
    {
        var passed = (Id: Guid.NewGuid(), Date: Today.AddDays(-100));
        var ahead = (Id: Guid.NewGuid(), Date: Today.AddDays(100));
        var open = WorkStatusRule.OpenMilestones([passed, ahead], m => m.Id, [null, passed.Id]);
        Assert.Equal([ahead], open);
        Assert.Equal(WorkStatus.InProgress, WorkStatusRule.Evaluate([.. open.Select(m => m.Date)], false, (40, false), Today));
    }
}
