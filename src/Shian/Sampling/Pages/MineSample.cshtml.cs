using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;
using Shian.Web;

namespace Shian.Sampling.Pages;

/// <summary>
/// One of the business's own samples as the business sees it: the result item by item with the limit, and for a failure
/// what the law asks of it and what it may do by when — apply for 复检 (食品安全法 第八十八条) or file an 异议 (《食品安全抽样
/// 检验管理办法》第三十七条) online, dated today; the district office is told at once.
/// </summary>
[Requires(SamplingPermissions.Own)]
public sealed class MineSampleModel(ShianDb db, Dispositions dispositions, Standards standards, BusinessNotices notices, WorkingDayCalendarProvider calendar, TimeProvider clock) : PageModel
{
    public Sample Item { get; private set; } = null!;

    public IReadOnlyList<SampleResult> Results { get; private set; } = [];

    public Disposition? Disposition { get; private set; }

    public Standards.Library Library { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>Why 复检 is not open to this failure (microbiological items, backup sample expired, not 监督抽检), or null.</summary>
    public string? RetestExcluded { get; private set; }

    /// <summary>Last day for an 异议 on the sampling procedure (7 working days after sampling).</summary>
    public DateOnly ProcedureObjectionBy { get; private set; }

    public bool CanApplyRetest => Disposition is { Kind: SampleKind.Supervision, NotifiedOn: not null, RetestRequestedOn: null, RetestApplyBy: DateOnly by } && Today <= by && RetestExcluded is null && !IsClosed;

    public bool CanObject => Disposition is { Kind: SampleKind.Supervision, ObjectionFiledOn: null } d && !IsClosed
        && (Today <= ProcedureObjectionBy || (d.NotifiedOn is not null && d.RetestApplyBy is DateOnly by && Today <= by));

    public bool IsClosed => Disposition is { } d && DispositionSteps.IsClosed(d, Today);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRetestAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct); // the application and the office's notice together
            await dispositions.RetestRequestedAsync(id, Today, ct);
            await notices.ToOfficeAsync(id, "经营者在线申请复检", $"申请日期 {Today:yyyy-MM-dd}", ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Redirect($"/sampling/mine/{id}#rights");
        }, async () => { await LoadAsync(id, ct); }, underFields: false);
    }

    public async Task<IActionResult> OnPostObjectionAsync(Guid id, ObjectionGround? ground, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var d = await dispositions.ObjectionAsync(id, new Dispositions.ObjectionBody(Today, reason, ground), ct);
            await notices.ToOfficeAsync(id, "经营者在线提出异议", $"{DispositionSteps.GroundLabel(d.ObjectionGround)}：{d.ObjectionReason}（请于 {d.ObjectionAcceptBy:yyyy-MM-dd} 前决定是否受理）", ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Redirect($"/sampling/mine/{id}#rights");
        }, async () => { await LoadAsync(id, ct); }, underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var uscc = User.FindFirstValue(ShianClaims.Uscc) ?? "";
        var sample = await db.Samples.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.BusinessUscc == uscc, ct);
        if (sample is null)
        {
            return false;
        }

        Item = sample;
        Today = ChinaTime.Today(clock);
        Library = await standards.LibraryAsync(ct);
        Results = sample.Status == SampleStatus.Reported
            ? await db.SampleResults.AsNoTracking().Where(r => r.SampleId == id).OrderBy(r => r.Retest).ThenBy(r => r.Verdict != ItemVerdict.NonConforming).ThenBy(r => r.AnalyteCode).ToListAsync(ct)
            : [];
        Disposition = await db.Dispositions.AsNoTracking().FirstOrDefaultAsync(d => d.SampleId == id, ct);
        ProcedureObjectionBy = SamplingClock.ProcedureObjectionBy(calendar.Current, sample.SampledOn);
        if (Disposition is not null)
        {
            var failed = Results.Where(r => !r.Retest && r.Verdict == ItemVerdict.NonConforming).Select(r => r.AnalyteCode).ToHashSet();
            var groups = Library.Analytes.Values.Where(a => failed.Contains(a.Code)).Select(a => a.Group);
            RetestExcluded = RetestRules.Refusal(sample.Kind == SampleKind.Supervision, groups, sample.BestBefore, Today);
        }

        return true;
    }
}
