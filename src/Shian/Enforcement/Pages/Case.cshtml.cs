using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Enforcement.Pages;

/// <summary>
/// One case: who, what, the clocks (90-day decision with extensions and paused days, 陈述申辩/听证, 送达, 缴款 and the
/// surcharge so far), the measures on goods, the proposed or decided handling, and the next step for the case officers or
/// the head. Each step posts to <see cref="Cases"/>, which checks stage, person and dates.
/// </summary>
[Requires(EnforcementPermissions.Read)]
public sealed class CaseModel(EnforcementQueries queries, Cases cases, Transfers transfers, Evidence evidence, AssistanceDesk assistance, SummaryPenalties summary,
    PaymentPlanDesk plans, ShianDb db, TimeProvider clock) : PageModel
{
    /// <summary>The 延期/分期 requests, newest first, with their schedules.</summary>
    public IReadOnlyList<PaymentPlanDesk.View> Plans { get; private set; } = [];

    /// <summary>The next unpaid part of the approved plan, and its surcharge if paid today.</summary>
    public (CaseInstalment Part, decimal Surcharge)? NextPart => PaymentPlanDesk.NextPart(Detail.Instalments, Item.Fine, Today);

    /// <summary>The case's 协查, 警力支援 and 上下游通报.</summary>
    public IReadOnlyList<CaseAssistance> Assists { get; private set; } = [];

    /// <summary>The party's trading partners (only for its officers, when the party is a register business), and those already notified.</summary>
    public (Traceability.Contracts.TradePartners Found, IReadOnlySet<Guid> Notified)? Partners { get; private set; }

    /// <summary>Other counties a 协助调查函 may go to: (city name, [(code, name)]).</summary>
    public IReadOnlyList<(string City, IReadOnlyList<(string Code, string Name)> Counties)> Counties { get; private set; } = [];

    public IReadOnlyList<CaseEvidence> EvidenceItems { get; private set; } = [];

    /// <summary>The result of an integrity check just run: the evidence and whether its file is unchanged.</summary>
    public (Guid Id, bool Intact)? Verified { get; private set; }

    public IReadOnlyList<PoliceTransfer> PoliceTransfers { get; private set; } = [];

    public EnforcementQueries.CaseDetail Detail { get; private set; } = null!;

    public EnforcementCase Item => Detail.Case;

    public DateOnly Today { get; private set; }

    public string RegionName { get; private set; } = "";

    public string? Form { get; private set; }

    public bool IsOfficer => Cases.IsOfficer(Item, User.Identity?.Name ?? "");

    public bool CanHandle => User.Grants(EnforcementPermissions.Handle) && IsOfficer;

    public bool CanApprove => User.Grants(EnforcementPermissions.Approve) && !IsOfficer;

    public (decimal Principal, decimal Surcharge) Owed => Cases.Owed(Item, Item.PaidOn ?? Today, Detail.Instalments);

    public PenaltyBand? Band => Item.Article is PenaltyArticle a && Item.GoodsValue is decimal v ? PenaltyBands.Band(a, v) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostPauseAsync(Guid id, int days, string? reason, CancellationToken ct) => RunAsync(id, "clocks", () => cases.PauseAsync(id, days, reason, ct), ct);

    [Requires(EnforcementPermissions.Approve)]
    public Task<IActionResult> OnPostExtendAsync(Guid id, int days, string? reason, DateOnly? discussedOn, CancellationToken ct) =>
        RunAsync(id, "clocks", () => cases.ExtendAsync(id, days, reason, discussedOn, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostMeasureAsync(Guid id, MeasureKind kind, string? items, DateOnly? startedOn, CancellationToken ct) =>
        RunAsync(id, "measures", () => cases.AddMeasureAsync(id, kind, items, startedOn, ct), ct);

    [Requires(EnforcementPermissions.Approve)]
    public Task<IActionResult> OnPostExtendMeasureAsync(Guid id, Guid measureId, CancellationToken ct) => RunAsync(id, "measures", () => cases.ExtendMeasureAsync(id, measureId, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostEndMeasureAsync(Guid id, Guid measureId, string? outcome, CancellationToken ct) =>
        RunAsync(id, "measures", () => cases.EndMeasureAsync(id, measureId, outcome, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostSubmitAsync(Guid id, string? report, CaseOutcome outcome, NoPenaltyGround? ground, PenaltyArticle? article, decimal? goodsValue, decimal? fine,
        decimal? confiscated, bool warning, string? otherMeasures, string? discretionLevel, string? discretionReason, CancellationToken ct) =>
        RunAsync(id, "step", () => cases.SubmitAsync(id, new Cases.Findings(report, outcome, ground, article, goodsValue, fine ?? 0, confiscated ?? 0, warning, otherMeasures,
            string.IsNullOrWhiteSpace(discretionLevel) ? null : discretionLevel, discretionReason), ct), ct);

    [Requires(EnforcementPermissions.Approve)]
    public Task<IActionResult> OnPostReviewAsync(Guid id, bool pass, string? opinion, CancellationToken ct) => RunAsync(id, "step", () => cases.ReviewAsync(id, pass, opinion, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostNotifyAsync(Guid id, DateOnly? servedOn, CancellationToken ct) => RunAsync(id, "step", () => cases.NotifyAsync(id, servedOn, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostStatementAsync(Guid id, string? statement, bool waived, CancellationToken ct) => RunAsync(id, "step", () => cases.StatementAsync(id, statement, waived, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostHearingAsync(Guid id, DateOnly? requestedOn, DateOnly? hearingOn, DateOnly? noticedOn, CancellationToken ct) =>
        RunAsync(id, "step", () => cases.HearingAsync(id, requestedOn, hearingOn, noticedOn, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostHearingHeldAsync(Guid id, DateOnly? heldOn, string? record, CancellationToken ct) => RunAsync(id, "step", () => cases.HearingHeldAsync(id, heldOn, record, ct), ct);

    [Requires(EnforcementPermissions.Approve)]
    public Task<IActionResult> OnPostDiscussAsync(Guid id, DateOnly? discussedOn, string? conclusion, CancellationToken ct) =>
        RunAsync(id, "step", () => cases.DiscussAsync(id, discussedOn, conclusion, ct), ct);

    [Requires(EnforcementPermissions.Approve)]
    public Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct) => RunAsync(id, "step", () => cases.DecideAsync(id, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostServeAsync(Guid id, DateOnly? servedOn, string? method, CancellationToken ct) => RunAsync(id, "step", () => cases.ServeAsync(id, servedOn, method, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostPayAsync(Guid id, DateOnly? paidOn, decimal? amount, CancellationToken ct) => RunAsync(id, "step", () => cases.PayAsync(id, paidOn, amount, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostCloseAsync(Guid id, string? note, CancellationToken ct) => RunAsync(id, "step", () => cases.CloseAsync(id, note, ct), ct);

    [Requires(EnforcementPermissions.Approve)]
    public Task<IActionResult> OnPostFileAsync(Guid id, string? note, CancellationToken ct) => RunAsync(id, "step", () => summary.FileAsync(id, note, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostPlanRequestAsync(Guid id, PaymentPlanKind? kind, string? reason, DateOnly? receivedOn, CancellationToken ct) =>
        RunAsync(id, "payment-plan", () => plans.RequestAsync(id, kind, reason, receivedOn, ct), ct);

    /// <summary>The head's decision: the schedule's rows come as dueOn1/amount1 …; rows left empty are not part of it.</summary>
    [Requires(EnforcementPermissions.Approve)]
    public Task<IActionResult> OnPostPlanDecideAsync(Guid id, bool approve, string? opinion, CancellationToken ct)
    {
        var lines = new List<PlanLine>();
        for (var n = 1; n <= PaymentPlans.MaxParts; n++)
        {
            var due = Request.Form[$"dueOn{n}"].ToString();
            var amount = Request.Form[$"amount{n}"].ToString();
            if (due.Length == 0 && amount.Length == 0)
            {
                continue;
            }

            // An unreadable date or amount stays in the schedule as one the rule refuses by its part's number.
            lines.Add(new PlanLine(DateOnly.TryParse(due, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : DateOnly.MinValue,
                decimal.TryParse(amount, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : -1m));
        }

        return RunAsync(id, "payment-plan", () => plans.DecideAsync(id, approve, lines, opinion, ct), ct);
    }

    [Requires(EnforcementPermissions.Approve)]
    public Task<IActionResult> OnPostRevokeAsync(Guid id, DateOnly? revokedOn, string? ground, string? note, CancellationToken ct) =>
        RunAsync(id, "revoke", () => cases.RevokeAsync(id, revokedOn, ground, note, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostTransferReportAsync(Guid id, string? grounds, string? evidence, CancellationToken ct) =>
        RunAsync(id, "transfer", () => transfers.ReportAsync(id, grounds, evidence, ct), ct);

    [Requires(EnforcementPermissions.Approve)]
    public Task<IActionResult> OnPostTransferDecideAsync(Guid id, Guid transferId, bool approve, string? opinion, CancellationToken ct) =>
        RunAsync(id, "transfer", () => transfers.DecideAsync(id, transferId, approve, opinion, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostTransferSentAsync(Guid id, Guid transferId, DateOnly? sentOn, string? police, bool copied, CancellationToken ct) =>
        RunAsync(id, "transfer", () => transfers.SendAsync(id, transferId, sentOn, police, copied, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostTransferAcceptedAsync(Guid id, Guid transferId, DateOnly? acceptedOn, CancellationToken ct) =>
        RunAsync(id, "transfer", () => transfers.AcceptedAsync(id, transferId, acceptedOn, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostPoliceDecisionAsync(Guid id, Guid transferId, string? decision, DateOnly? decidedOn, DateOnly? feedbackOn, CancellationToken ct) =>
        RunAsync(id, "transfer", () => transfers.PoliceDecisionAsync(id, transferId, decision, decidedOn, feedbackOn, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostTransferFollowUpAsync(Guid id, Guid transferId, string? followUp, DateOnly? on, CancellationToken ct) =>
        RunAsync(id, "transfer", () => transfers.FollowUpAsync(id, transferId, followUp, on, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostTransferCloseAsync(Guid id, Guid transferId, CancellationToken ct) =>
        RunAsync(id, "transfer", () => transfers.CloseCaseAsync(id, transferId, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostAssistAsync(Guid id, AssistanceKind? kind, string? regionCode, string? addressee, string? subject, string? matters, DateTime? requestedAt, CancellationToken ct) =>
        RunAsync(id, "assistance", () => assistance.RequestAsync(id, new AssistanceDesk.Request(kind, regionCode, addressee, subject, matters, ChinaTime.UtcOf(requestedAt)), ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostAssistAnswerAsync(Guid id, Guid assistanceId, string? answer, DateTime? arrivedAt, CancellationToken ct) =>
        RunAsync(id, "assistance", () => assistance.AnswerAsync(assistanceId, answer, ChinaTime.UtcOf(arrivedAt), ct), ct);

    /// <summary>The case officers record that an outside department said, before the date, it needs longer (once).</summary>
    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostAssistExtendAsync(Guid id, Guid assistanceId, DateOnly? to, string? reason, CancellationToken ct) =>
        RunAsync(id, "assistance", () => assistance.ExtendAsync(assistanceId, to, reason, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostAssistWithdrawAsync(Guid id, Guid assistanceId, string? reason, CancellationToken ct) =>
        RunAsync(id, "assistance", () => assistance.WithdrawAsync(id, assistanceId, reason, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostChainNoticeAsync(Guid id, List<Guid>? partnerIds, string? facts, CancellationToken ct) =>
        RunAsync(id, "assistance", () => assistance.NotifyChainAsync(id, partnerIds, facts, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, EvidenceKind? kind, string? description, DateOnly? collectedOn, IFormFile? file, CancellationToken ct)
    {
        (string, byte[])? upload = null;
        if (file is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            upload = (file.FileName, buffer.ToArray());
        }

        return await RunAsync(id, "evidence", () => evidence.AddAsync(id, kind, description, collectedOn, null, upload, ct), ct);
    }

    [Requires(EnforcementPermissions.Read)]
    public async Task<IActionResult> OnPostVerifyAsync(Guid id, Guid evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Verified = (evidenceId, await evidence.VerifyAsync(id, evidenceId, ct));
        Form = "evidence";
        return Page();
    }

    private async Task<IActionResult> RunAsync(Guid id, string form, Func<Task> action, CancellationToken ct)
    {
        Form = form;
        return await this.TryAsync(async () =>
        {
            await action();
            return Redirect($"/enforcement/cases/{id}#{form}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var d = await queries.CaseAsync(id, ct);
        if (d is null)
        {
            return false;
        }

        Detail = d;
        PoliceTransfers = await transfers.OfCaseAsync(id, ct);
        EvidenceItems = await evidence.OfCaseAsync(id, ct);
        Assists = await assistance.OfCaseAsync(id, ct);
        Plans = await plans.OfCaseAsync(id, ct);
        if (CanHandle && d.Case.Stage is not (CaseStage.Closed or CaseStage.Proposed) && d.Case.Procedure == CaseProcedure.Ordinary)
        {
            Partners = d.Case.BusinessId is null ? null : await assistance.PartnersAsync(d.Case, ct);
            var own = Kernel.Regions.RegionCode.CountyOf(d.Case.RegionCode) ?? d.Case.RegionCode;
            var regions = await db.Regions.AsNoTracking().Where(r => r.Level == Kernel.Regions.RegionLevel.City || r.Level == Kernel.Regions.RegionLevel.County || r.Level == Kernel.Regions.RegionLevel.Zone)
                .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct);
            var cities = regions.Where(r => r.Level == Kernel.Regions.RegionLevel.City).ToDictionary(r => r.Code, r => r.Name);
            Counties = [.. regions.Where(r => r.Level != Kernel.Regions.RegionLevel.City && r.Code != own)
                .GroupBy(r => r.ParentCode ?? "").OrderBy(g => g.Key != (Kernel.Regions.RegionCode.Parent(own) ?? "")).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (cities.GetValueOrDefault(g.Key, g.Key), (IReadOnlyList<(string, string)>)[.. g.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Name))]))];
        }

        Today = ChinaTime.Today(clock);
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == d.Case.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? d.Case.RegionCode;
        return true;
    }
}
