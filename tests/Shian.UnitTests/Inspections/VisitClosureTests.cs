using Shian.Inspections.Domain;
using Shian.Inspections.Rules;

namespace Shian.UnitTests.Inspections;

public sealed class VisitClosureTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    private static PlannedVisit Visit(VisitPurpose purpose, DateOnly? from, DateOnly? by, Guid? follows = null, VisitStatus status = VisitStatus.Planned) => new()
    {
        Purpose = purpose, DueFrom = from, DueBy = by, FollowsRecordId = follows, Status = status, BusinessName = "好味餐馆", RegionCode = "210503001000", InspectorIds = "", InspectorNames = "",
    };

    [Fact]
    public void AnInspectionStartedFromAPlanVisit_AlsoCarriesOutTheDrawVisitOfThatPeriod()
    {
        var plan = Visit(VisitPurpose.RiskPlan, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var draw = Visit(VisitPurpose.RandomDraw, null, new DateOnly(2026, 12, 31));
        Assert.True(VisitClosure.IsCarriedOutBy(plan, plan.Id, Day));
        Assert.True(VisitClosure.IsCarriedOutBy(draw, plan.Id, Day));
    }

    [Fact]
    public void AVisitOfAnotherPeriod_ARecheckOrADoneVisit_IsNotCarriedOutByIt()
    {
        Assert.False(VisitClosure.IsCarriedOutBy(Visit(VisitPurpose.RiskPlan, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), null, Day));
        Assert.False(VisitClosure.IsCarriedOutBy(Visit(VisitPurpose.RiskPlan, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), null, Day));
        Assert.False(VisitClosure.IsCarriedOutBy(Visit(VisitPurpose.Reinspection, null, new DateOnly(2026, 12, 31), follows: Guid.NewGuid()), null, Day));
        Assert.False(VisitClosure.IsCarriedOutBy(Visit(VisitPurpose.RandomDraw, null, null, status: VisitStatus.Done), null, Day));
        var recheck = Visit(VisitPurpose.Reinspection, null, new DateOnly(2026, 12, 31), follows: Guid.NewGuid());
        Assert.True(VisitClosure.IsCarriedOutBy(recheck, recheck.Id, Day)); // started from the 复查 itself
    }
}
