using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Traceability.Contracts;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;
using Shian.Web;

namespace Shian.Traceability.Pages;

/// <summary>
/// One recall: its level and the two clocks, what to do next (grade or dismiss, publish the notice, report progress,
/// complete, close, publish, 拒不召回), the scope from the trace with its export, the district tasks and the progress.
/// </summary>
[Requires(TraceabilityPermissions.Read)]
public sealed class RecallModel(ShianDb db, Recalls recalls, TimeProvider clock) : PageModel
{
    public Recall Item { get; private set; } = null!;

    public IReadOnlyList<RecallProgress> Progress { get; private set; } = [];

    public IReadOnlyList<RecallTask> Tasks { get; private set; } = [];

    public RecallScopeResult? Scope { get; private set; }

    /// <summary>Names of the regions the scope and tasks mention (reference data).</summary>
    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public string RegionName(string code) => RegionNames.GetValueOrDefault(code, code);

    public string? ScopeError { get; private set; }

    public DateTime Now { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanAct => User.Grants(TraceabilityPermissions.RecallAct);

    public bool CanSupervise => User.Grants(TraceabilityPermissions.RecallSupervise);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(TraceabilityPermissions.RecallSupervise)]
    public Task<IActionResult> OnPostGradeAsync(Guid id, RecallLevel? level, string? reason, CancellationToken ct) => RunAsync(id, () => recalls.GradeAsync(id, level, reason, ct), ct);

    [Requires(TraceabilityPermissions.RecallSupervise)]
    public Task<IActionResult> OnPostDismissAsync(Guid id, string? reason, CancellationToken ct) => RunAsync(id, () => recalls.DismissAsync(id, reason, ct), ct);

    [Requires(TraceabilityPermissions.RecallAct)]
    public Task<IActionResult> OnPostStartAsync(Guid id, DateOnly? noticeOn, string? notice, decimal? quantityToRecall, string? unit, CancellationToken ct) =>
        RunAsync(id, () => recalls.StartAsync(id, new Recalls.StartRequest(noticeOn, notice, quantityToRecall, unit), ct), ct);

    [Requires(TraceabilityPermissions.RecallAct)]
    public Task<IActionResult> OnPostProgressAsync(Guid id, DateOnly? on, decimal? recovered, decimal? destroyed, string? note, CancellationToken ct) =>
        RunAsync(id, () => recalls.ProgressAsync(id, new Recalls.ProgressRequest(on, recovered, destroyed, note), ct), ct);

    [Requires(TraceabilityPermissions.RecallAct)]
    public Task<IActionResult> OnPostCompleteAsync(Guid id, string? summary, CancellationToken ct) => RunAsync(id, () => recalls.CompleteAsync(id, summary, ct), ct);

    [Requires(TraceabilityPermissions.RecallSupervise)]
    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => RunAsync(id, () => recalls.CloseAsync(id, ct), ct);

    [Requires(TraceabilityPermissions.RecallSupervise)]
    public Task<IActionResult> OnPostExtendAsync(Guid id, DateOnly? until, string? reason, CancellationToken ct) => RunAsync(id, () => recalls.ExtendAsync(id, until, reason, ct), ct);

    [Requires(TraceabilityPermissions.RecallSupervise)]
    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => RunAsync(id, () => recalls.PublishAsync(id, ct), ct);

    [Requires(TraceabilityPermissions.RecallSupervise)]
    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) => RunAsync(id, () => recalls.RefuseAsync(id, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<Recall>> action, CancellationToken ct) =>
        await this.TryAsync(async () =>
        {
            await action();
            return Redirect($"/trace/recalls/{id}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var item = await db.Recalls.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        Item = item;
        Now = clock.GetUtcNow().UtcDateTime;
        Today = ChinaTime.Today(clock);
        Progress = await db.RecallProgress.AsNoTracking().Where(p => p.RecallId == id).OrderBy(p => p.On).ThenBy(p => p.AtUtc).ToListAsync(ct);
        Tasks = await recalls.TasksOfAsync(item, ct);
        if (CanSupervise)
        {
            try
            {
                Scope = await recalls.ScopeAsync(item, ct);
            }
            catch (ShianProblemException e)
            {
                ScopeError = e.Message;
            }
        }

        var codes = Tasks.Select(t => t.RegionCode).Concat(Scope?.Parties.Select(p => p.RegionCode) ?? []).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        return true;
    }
}
