namespace Shian.Emergencies.Rules;

/// <summary>
/// The preparedness cycle, as data (section <c>Emergencies:Preparedness</c>): a drill of the food-safety emergency plan
/// at least every 2 years (seed 004, stricter than 《突发事件应急预案管理办法》's 3 years for special and department plans),
/// training at least once a year (seed 004), and the plan evaluated and, if need be, revised every 3 years (the same
/// 办法: 原则上每3年评估一次).
/// </summary>
public sealed class PreparednessCycle
{
    public int DrillEveryYears { get; set; } = 2;

    public int TrainingEveryYears { get; set; } = 1;

    public int PlanReviewYears { get; set; } = 3;

    public IEnumerable<string> Problems()
    {
        if (DrillEveryYears is < 1 or > 5 || TrainingEveryYears is < 1 or > 5 || PlanReviewYears is < 1 or > 10)
        {
            yield return "Emergencies:Preparedness 的演练、培训周期应为 1–5 年，预案评估周期 1–10 年";
        }
    }
}

/// <summary>Where a region stands in the cycle on a day: each next due date, and whether it has passed.</summary>
public sealed record PreparednessStatus(DateOnly? PlanApprovedOn, DateOnly? PlanReviewDue, DateOnly? LastDrill, DateOnly? DrillDue, DateOnly? LastTraining, DateOnly? TrainingDue,
    bool NoPlan, bool PlanReviewOverdue, bool DrillOverdue, bool TrainingOverdue)
{
    public bool AnyOverdue => NoPlan || PlanReviewOverdue || DrillOverdue || TrainingOverdue;
}

/// <summary>
/// Due dates of the cycle (calendar years, the same day; 29 February falls to the 28th). A drill is due the cycle after
/// the last drill — or, with none yet, after the plan in force was approved; training likewise. Pure.
/// </summary>
public static class PreparednessClock
{
    public static PreparednessStatus Status(DateOnly today, DateOnly? planApprovedOn, DateOnly? lastDrill, DateOnly? lastTraining, PreparednessCycle cycle)
    {
        var reviewDue = planApprovedOn?.AddYears(cycle.PlanReviewYears);
        var drillDue = (lastDrill ?? planApprovedOn)?.AddYears(cycle.DrillEveryYears);
        var trainingDue = (lastTraining ?? planApprovedOn)?.AddYears(cycle.TrainingEveryYears);
        return new PreparednessStatus(planApprovedOn, reviewDue, lastDrill, drillDue, lastTraining, trainingDue, planApprovedOn is null,
            reviewDue < today, drillDue < today, trainingDue < today);
    }
}
