using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Governance;
using Shian.Governance.Contracts;
using Shian.Governance.Domain;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Governance.Pages;

/// <summary>The plan tree with filters (section, unit, text, due soon/overdue) kept in the URL.</summary>
[Requires(GovernancePermissions.Read)]
public sealed class PlanModel(GovernanceQueries queries, TargetIndicators indicators, TimeProvider clock) : PageModel
{
    public GovernanceQueries.PlanView? View { get; private set; }

    public IReadOnlyList<GovernanceQueries.TaskView> Tasks { get; private set; } = [];

    public IReadOnlyList<(string Key, string Name)> Units { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Every quantified target of the plan with the units' latest values.</summary>
    public IReadOnlyList<GovernanceQueries.TargetRow> Targets { get; private set; } = [];

    /// <summary>Per linked target: the indicator and its live value for the plan's region and year.</summary>
    public IReadOnlyDictionary<Guid, TargetIndicators.Live> Live { get; private set; } = new Dictionary<Guid, TargetIndicators.Live>();

    public IReadOnlyList<Shian.Indicators.Contracts.IndicatorSummary> Catalogue => indicators.Catalogue;

    /// <summary>Whether the reader may confirm targets' indicators (the issuing office, with the import permission).</summary>
    public bool CanLink { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Section { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>yyyy-MM: tasks with a milestone in that month (a click on the timeline chart).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        View = await queries.PlanAsync(id, ct);
        if (View is null)
        {
            return NotFound();
        }

        Today = Shian.Kernel.Calendar.ChinaTime.Today(clock);
        Targets = await queries.TargetsAsync(View, ct);
        Live = await indicators.LiveAsync(View, ct);
        CanLink = User.Grants(GovernancePermissions.Import) && indicators.MayLink(View.Plan);
        Units = [.. View.Tasks.SelectMany(t => t.Assignments).Where(a => !a.UnitKey.StartsWith("gov:", StringComparison.Ordinal) || a.UnitKey.EndsWith("000000", StringComparison.Ordinal))
            .Select(a => (a.UnitKey, a.UnitName)).Distinct().OrderBy(u => u.UnitName, StringComparer.Ordinal)];
        Tasks = [.. View.Tasks.Where(t =>
            (Section is null || t.Task.SectionId == Section) &&
            (string.IsNullOrEmpty(Unit) || t.Assignments.Any(a => a.UnitKey == Unit)) &&
            (string.IsNullOrWhiteSpace(Q) || t.Task.Text.Contains(Q, StringComparison.Ordinal) || (t.Task.Title?.Contains(Q, StringComparison.Ordinal) ?? false)) &&
            (!Overdue || t.Milestones.Any(m => m.Date < Today)) &&
            (string.IsNullOrEmpty(Month) || t.Milestones.Any(m => m.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) == Month)))];
        return Page();
    }

    /// <summary>Confirms, changes or removes the indicator a target is measured by.</summary>
    [Requires(GovernancePermissions.Import)]
    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid targetId, string? indicatorKey, CancellationToken ct) =>
        await this.TryAsync(async () =>
        {
            await indicators.LinkAsync(targetId, indicatorKey, ct);
            return Redirect($"/governance/plans/{id}#target-{targetId}");
        }, async () => await OnGetAsync(id, ct));

    public IEnumerable<TaskAssignment> Shown(GovernanceQueries.TaskView t, AssignmentRole role) =>
        t.Assignments.Where(a => a.Role == role);
}
