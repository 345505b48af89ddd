using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Kernel.Scoping;

namespace Shian.Governance;

/// <summary>Read models of plans and tasks for the API and the pages.</summary>
public sealed class GovernanceQueries(ShianDb db)
{
    public sealed record PlanSummary(Guid Id, string Title, int Year, string RegionCode, string? IssuerName, int Tasks, string ImportedBy, DateTime ImportedAtUtc);

    public sealed record TaskView(PlanTask Task, string SectionTitle, IReadOnlyList<TaskAssignment> Assignments, IReadOnlyList<Milestone> Milestones,
        IReadOnlyList<Target> Targets, IReadOnlyList<UnresolvedUnit> Unresolved);

    public sealed record PlanView(Plan Plan, IReadOnlyList<PlanSection> Sections, IReadOnlyList<TaskView> Tasks);

    /// <summary>A unit's latest measured value of a target and whether it meets it.</summary>
    public sealed record Measured(string UnitName, decimal Value, DateTime ReportedAtUtc, Rules.TargetResult Result);

    /// <summary>One quantified target of a plan with every reporting unit's latest value (usability finding 18).</summary>
    public sealed record TargetRow(TaskView Task, Target Target, IReadOnlyList<Measured> Latest);

    public sealed record MyTask(PlanTask Task, string PlanTitle, IReadOnlyList<TaskAssignment> MyAssignments, Milestone? NextMilestone);

    public async Task<IReadOnlyList<PlanSummary>> PlansAsync(CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.ImportedAtUtc).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var counts = await db.PlanTasks.AsNoTracking().Where(t => ids.Contains(t.PlanId)).GroupBy(t => t.PlanId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. plans.Select(p => new PlanSummary(p.Id, p.Title, p.Year, p.RegionCode, p.IssuerName, counts.GetValueOrDefault(p.Id), p.ImportedBy, p.ImportedAtUtc))];
    }

    /// <summary>
    /// The plan's targets in task order, each with the latest value every unit reported (the caller sees the units of
    /// its own regions: a district its own figure, the city every district's).
    /// </summary>
    public async Task<IReadOnlyList<TargetRow>> TargetsAsync(PlanView view, CancellationToken ct)
    {
        var targets = view.Tasks.SelectMany(t => t.Targets.Select(g => (Task: t, Target: g))).ToList();
        if (targets.Count == 0)
        {
            return [];
        }

        var ids = targets.Select(x => x.Target.Id).ToList();
        var rows = await (from m in db.TargetMeasurements.AsNoTracking()
                          join r in db.ProgressReports.AsNoTracking() on m.ReportId equals r.Id
                          where ids.Contains(m.TargetId)
                          select new { m.TargetId, r.UnitKey, r.UnitName, m.Value, r.ReportedAtUtc }).ToListAsync(ct);
        var latest = rows.GroupBy(x => (x.TargetId, x.UnitKey)).Select(g => g.MaxBy(x => x.ReportedAtUtc)!).ToLookup(x => x.TargetId);
        return [.. targets.Select(x => new TargetRow(x.Task, x.Target, [.. latest[x.Target.Id].OrderBy(m => m.UnitName, StringComparer.Ordinal)
            .Select(m => new Measured(m.UnitName, m.Value, m.ReportedAtUtc, Rules.TargetJudgement.Judge(x.Target.Comparator, x.Target.Value, m.Value)))]))];
    }

    public async Task<PlanView?> PlanAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return null;
        }

        var sections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == id).OrderBy(s => s.Ordinal).ToListAsync(ct);
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == id).OrderBy(t => t.Ordinal).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();

        // A plan's assignments carry their units' regions (a city plan assigns to districts). Whoever may read the plan
        // reads all of its assignments: reviewed bypass of the region filter, limited to this plan's tasks.
        var assignments = await db.TaskAssignments.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(a => a.PlanId == id).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => taskIds.Contains(m.TaskId)).OrderBy(m => m.Date).ThenBy(m => m.Ordinal).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(m => taskIds.Contains(m.TaskId)).OrderBy(g => g.Ordinal).ToListAsync(ct);
        var unresolved = await db.UnresolvedUnits.AsNoTracking().Where(m => taskIds.Contains(m.TaskId)).ToListAsync(ct);
        var sectionTitles = sections.ToDictionary(s => s.Id, s => s.Title);
        return new PlanView(plan, sections, [.. tasks.Select(t => new TaskView(t, sectionTitles.GetValueOrDefault(t.SectionId, ""),
            [.. assignments.Where(a => a.TaskId == t.Id).OrderBy(a => a.Role).ThenBy(a => a.Ordinal)], [.. milestones.Where(m => m.TaskId == t.Id)],
            [.. targets.Where(g => g.TaskId == t.Id)], [.. unresolved.Where(u => u.TaskId == t.Id)]))]);
    }

    public sealed record TimelineMonth(string Month, int Completed, int Open, int Overdue);

    /// <summary>
    /// Milestones of a plan by month: completed when every responsible unit of the task has completed it, overdue when
    /// the date has passed otherwise, open else. Feeds the plan page's ECharts timeline.
    /// </summary>
    public static IReadOnlyList<TimelineMonth> Timeline(PlanView view, DateOnly today) =>
        [.. view.Tasks.SelectMany(t => t.Milestones.Select(m => (Task: t, m.Date)))
            .GroupBy(x => x.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                int completed = 0, open = 0, overdue = 0;
                foreach (var (task, date) in g)
                {
                    var responsible = task.Assignments.Where(a => a.Role == AssignmentRole.Responsible).ToList();
                    if (responsible.Count > 0 && responsible.All(a => a.Status == WorkStatus.Completed))
                    {
                        completed++;
                    }
                    else if (date < today)
                    {
                        overdue++;
                    }
                    else
                    {
                        open++;
                    }
                }

                return new TimelineMonth(g.Key, completed, open, overdue);
            })];

    /// <summary>Every unit's reports on a plan the caller can read (reviewed: the plan itself passed the region filter).</summary>
    public async Task<IReadOnlyList<ProgressReport>> ReportsOfPlanAsync(Guid planId, CancellationToken ct) =>
        await db.Plans.AsNoTracking().AnyAsync(p => p.Id == planId, ct)
            ? await db.ProgressReports.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(ct)
            : [];

    /// <summary>
    /// Tasks given to units within the caller's regions, also from plans of an enclosing region (the city's plan
    /// assigns tasks to 溪湖区政府). The assignments are region-filtered; the task and plan rows they point to are
    /// read past the filter by name — reviewed: only tasks with one of the caller's assignments are returned.
    /// </summary>
    public async Task<IReadOnlyList<MyTask>> MyTasksAsync(DateOnly today, CancellationToken ct)
    {
        var mine = await db.TaskAssignments.AsNoTracking().OrderBy(a => a.Role).ThenBy(a => a.Ordinal).ToListAsync(ct);
        var taskIds = mine.Select(a => a.TaskId).Distinct().ToList();
        var tasks = await db.PlanTasks.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToListAsync(ct);
        var planIds = tasks.Select(t => t.PlanId).Distinct().ToList();
        var plans = await db.Plans.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var milestones = (await db.Milestones.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
                .Where(m => taskIds.Contains(m.TaskId)).ToListAsync(ct))
            .GroupBy(m => m.TaskId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Date).ToList());

        // The deadline that matters to the user: the passed one while any of their units is 逾期 (shown overdue, sorted
        // first); else the next one; else, all passed and done, the last one.
        Milestone? Deadline(PlanTask t, IReadOnlyList<TaskAssignment> own)
        {
            if (!milestones.TryGetValue(t.Id, out var ms) || ms.Count == 0)
            {
                return null;
            }

            var passed = ms.LastOrDefault(m => m.Date < today);
            if (passed is not null && own.Any(a => a.Status == WorkStatus.Overdue))
            {
                return passed;
            }

            return ms.FirstOrDefault(m => m.Date >= today) ?? passed;
        }

        return [.. tasks
            .Select(t =>
            {
                var own = mine.Where(a => a.TaskId == t.Id).ToList();
                return new MyTask(t, plans.GetValueOrDefault(t.PlanId, ""), own, Deadline(t, own));
            })
            .OrderBy(t => t.NextMilestone?.Date ?? DateOnly.MaxValue).ThenBy(t => t.PlanTitle, StringComparer.Ordinal).ThenBy(t => t.Task.Ordinal)];
    }
}
