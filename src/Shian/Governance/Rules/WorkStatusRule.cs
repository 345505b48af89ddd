using Shian.Governance.Domain;

namespace Shian.Governance.Rules;

/// <summary>
/// Decides a unit's status on a task from its milestones and its latest report. Pure.
/// A completed report completes the task; a passed milestone without completion is overdue; a recurring task
/// (持续实施) without a passed milestone is ongoing; otherwise in progress once reported, else not started.
/// Callers pass the milestones the unit has not yet declared met (<see cref="OpenMilestones"/>), so that a task with
/// several dated steps ("2016年底前…20%，2020年底前…70%") is overdue only for a step that passed unmet.
/// </summary>
public static class WorkStatusRule
{
    public static WorkStatus Evaluate(IReadOnlyList<DateOnly> milestones, bool recurring, (int Percent, bool Completed)? latestReport, DateOnly today)
    {
        if (latestReport is { Completed: true })
        {
            return WorkStatus.Completed;
        }

        if (milestones.Any(d => d < today))
        {
            return WorkStatus.Overdue;
        }

        if (recurring)
        {
            return WorkStatus.Ongoing;
        }

        return latestReport is null ? WorkStatus.NotStarted : WorkStatus.InProgress;
    }

    /// <summary>The milestones not declared met by one of the unit's reports.</summary>
    public static IReadOnlyList<T> OpenMilestones<T>(IEnumerable<T> milestones, Func<T, Guid> id, IEnumerable<Guid?> metByReports)
    {
        var met = metByReports.OfType<Guid>().ToHashSet();
        return [.. milestones.Where(m => !met.Contains(id(m)))];
    }
}
