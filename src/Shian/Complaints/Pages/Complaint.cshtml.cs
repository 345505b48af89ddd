using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Complaints;
using Shian.Complaints.Contracts;
using Shian.Complaints.Domain;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Kernel.Attachments;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Web;

namespace Shian.Complaints.Pages;

/// <summary>
/// One complaint or report: what was said, where, the photos, the clocks (受理 7, 调解 45, 核查 15 (+15), 告知 5 working
/// days) with their dates, possible duplicates to merge, the history, and the officer's steps. The filer's identity is
/// masked; revealing it is a separate, audited act.
/// </summary>
[Requires(ComplaintsPermissions.Read)]
public sealed class ComplaintModel(ComplaintQueries queries, Handling handling, Rewards rewards, RespondentDesk respondents, ShianDb db, IAttachmentStore store, TimeProvider clock) : PageModel
{
    public ComplaintQueries.Detail Detail { get; private set; } = null!;

    public Complaint Item => Detail.Complaint;

    public DateOnly Today { get; private set; }

    public string RegionName { get; private set; } = "";

    public IReadOnlyList<Region> TransferTargets { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> DuplicateCodes { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The clear name and phone after an audited reveal (this response only).</summary>
    public (string? Name, string? Phone)? Revealed { get; private set; }

    public string? Form { get; private set; }

    /// <summary>The complaint's requests to the respondent business, newest first.</summary>
    public IReadOnlyList<RespondentRequest> Respondent { get; private set; } = [];

    public bool CanHandle => User.Grants(ComplaintsPermissions.Handle);

    public bool CanReveal => User.Grants(ComplaintsPermissions.Reveal);

    public bool CanApproveReward => User.Grants(ComplaintsPermissions.ApproveReward);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A photo of this complaint, to whoever may see the complaint (the photo keeps the region of first receipt after a transfer).</summary>
    public async Task<IActionResult> OnGetPhotoAsync(Guid id, Guid photoId, CancellationToken ct)
    {
        var a = await queries.PhotoAsync(id, photoId, ct);
        if (a is null || await store.OpenReadAsync(a.StorageKey, ct) is not { } stream)
        {
            return NotFound();
        }

        return File(stream, a.ContentType);
    }

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostAcceptAsync(Guid id, bool mediation, CancellationToken ct) => RunAsync(id, "steps", () => handling.AcceptAsync(id, mediation, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostRefuseAsync(Guid id, string? reason, string? note, CancellationToken ct) => RunAsync(id, "steps", () => handling.RefuseAsync(id, reason, note, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostKindAsync(Guid id, ComplaintKind kind, string? reason, CancellationToken ct) => RunAsync(id, "steps", () => handling.ChangeKindAsync(id, kind, reason, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostPauseAsync(Guid id, int days, string? reason, CancellationToken ct) => RunAsync(id, "steps", () => handling.PauseAsync(id, days, reason, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostMediateAsync(Guid id, MediationOutcome outcome, decimal? amount, string? note, CancellationToken ct) =>
        RunAsync(id, "steps", () => handling.MediateAsync(id, outcome, amount, note, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostClueAsync(Guid id, string? what, CancellationToken ct) => RunAsync(id, "steps", () => handling.FlagClueAsync(id, what, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostExtendAsync(Guid id, string? approver, CancellationToken ct) => RunAsync(id, "steps", () => handling.ExtendVerificationAsync(id, approver, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostVerifyAsync(Guid id, bool substantiated, bool violation, string? findings, CancellationToken ct) =>
        RunAsync(id, "steps", () => handling.VerifyAsync(id, substantiated, violation, findings, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostCaseAsync(Guid id, bool opened, DateOnly? decidedOn, CancellationToken ct) =>
        RunAsync(id, "steps", () => handling.RecordCaseDecisionAsync(id, opened, decidedOn ?? ChinaTime.Today(clock), ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostReplyAsync(Guid id, string? reply, string? replyChannel, CancellationToken ct) =>
        RunAsync(id, "reply", () => handling.ReplyAsync(id, reply, replyChannel, ct), ct);

    /// <summary>Passes a complaint to the respondent business for its account (我的企业), with a summary free of the complainant's identity.</summary>
    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostRespondentAsync(Guid id, string? summary, string? question, CancellationToken ct) =>
        RunAsync(id, "respondent", () => respondents.AskAsync(id, summary, question, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => RunAsync(id, "steps", () => handling.CloseAsync(id, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostMergeAsync(Guid id, Guid intoId, CancellationToken ct) => RunAsync(id, "duplicates", () => handling.MergeAsync(id, intoId, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public async Task<IActionResult> OnPostTransferAsync(Guid id, string? regionCode, string? reason, CancellationToken ct)
    {
        Form = "transfer";
        return await this.TryAsync(async () =>
        {
            await handling.TransferAsync(id, regionCode, reason, ct);
            // Transferred out of the caller's regions: back to the list, which no longer shows it.
            return await db.Complaints.AnyAsync(c => c.Id == id, ct) ? Redirect($"/complaints/{id}#history") : Redirect("/complaints?transferred=1");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostNoteAsync(Guid id, string? text, bool question, CancellationToken ct) => RunAsync(id, "history", () => handling.NoteAsync(id, text, question, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostProposeRewardAsync(Guid id, int level, decimal? confiscated, bool notKnownBefore, string? reason, CancellationToken ct) =>
        RunAsync(id, "reward", () => rewards.ProposeAsync(id, level, confiscated, notKnownBefore, reason, ct), ct);

    [Requires(ComplaintsPermissions.ApproveReward)]
    public Task<IActionResult> OnPostDecideRewardAsync(Guid id, Guid rewardId, bool approve, bool financeAgreed, string? note, CancellationToken ct) =>
        RunAsync(id, "reward", () => rewards.DecideAsync(rewardId, approve, financeAgreed, note, ct), ct);

    [Requires(ComplaintsPermissions.Handle)]
    public Task<IActionResult> OnPostPayRewardAsync(Guid id, Guid rewardId, DateOnly? paidOn, string? reference, CancellationToken ct) =>
        RunAsync(id, "reward", () => rewards.PayAsync(rewardId, paidOn, reference, ct), ct);

    [Requires(ComplaintsPermissions.Reveal)]
    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        Form = "complainant";
        return await this.TryAsync(async () =>
        {
            var revealed = await handling.RevealAsync(id, ct);
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            Revealed = revealed;
            Response.Headers.CacheControl = "no-store";
            return Page();
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<IActionResult> RunAsync(Guid id, string form, Func<Task> action, CancellationToken ct)
    {
        Form = form;
        return await this.TryAsync(async () =>
        {
            await action();
            return Redirect($"/complaints/{id}#{form}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var d = await queries.DetailAsync(id, ct);
        if (d is null)
        {
            return false;
        }

        Detail = d;
        Today = ChinaTime.Today(clock);
        Respondent = await respondents.RequestsOfAsync(id, ct);
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == d.Complaint.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? d.Complaint.RegionCode;
        DuplicateCodes = await queries.CodesAsync([.. d.PossibleDuplicates.Select(x => x.Id)], ct);
        if (CanHandle)
        {
            var county = RegionCode.CountyOf(d.Complaint.RegionCode);
            TransferTargets = [.. (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Town).OrderBy(r => r.Code).ToListAsync(ct))
                .Where(r => r.Level == RegionLevel.County || (county is not null && r.Code.StartsWith(RegionCode.Prefix(county), StringComparison.Ordinal)))
                .Where(r => r.Code != d.Complaint.RegionCode)];
        }

        return true;
    }
}
