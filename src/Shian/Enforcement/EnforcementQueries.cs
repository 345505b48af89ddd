using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.Kernel.Calendar;

namespace Shian.Enforcement;

/// <summary>Lists and records of clues and cases (region-filtered like every regulated read).</summary>
public sealed class EnforcementQueries(ShianDb db, TimeProvider clock)
{
    public const int PageSize = 30;

    public sealed record ClueRow(Guid Id, Contracts.CaseClueSource Source, string BusinessName, string Summary, string RegionCode, DateOnly FoundOn, DateOnly DecisionDue,
        ClueStatus Status, Guid? CaseId);

    public sealed record CluePage(IReadOnlyList<ClueRow> Rows, int Total, int Overdue);

    public sealed record CasePage(IReadOnlyList<CaseRow> Rows, int Total, int Overdue);

    /// <summary>Clues, undecided first by due date; <paramref name="open"/> keeps the undecided ones.</summary>
    public async Task<CluePage> CluesAsync(ClueStatus? status, bool open, bool overdue, int page, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var q = db.CaseClues.AsNoTracking();
        var undecided = q.Where(c => c.Status == ClueStatus.Pending || c.Status == ClueStatus.Proposed);
        if (open || overdue)
        {
            q = undecided;
        }

        if (status is ClueStatus s)
        {
            q = q.Where(c => c.Status == s);
        }

        if (overdue)
        {
            q = q.Where(c => c.DecisionDue < today);
        }

        var total = await q.CountAsync(ct);
        var late = await undecided.CountAsync(c => c.DecisionDue < today, ct);
        var rows = await q.OrderBy(c => c.Status == ClueStatus.Pending || c.Status == ClueStatus.Proposed ? 0 : 1).ThenBy(c => c.DecisionDue).ThenBy(c => c.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(c => new ClueRow(c.Id, c.Source, c.BusinessName, c.Summary.Length > 120 ? c.Summary.Substring(0, 120) : c.Summary, c.RegionCode, c.FoundOn, c.DecisionDue,
                c.Status, c.CaseId))
            .ToListAsync(ct);
        return new CluePage(rows, total, late);
    }

    public sealed record CaseRow(Guid Id, int Year, int? Number, string Party, string Cause, string RegionCode, DateOnly? OpenedOn, CaseStage Stage, DateOnly DecisionDue,
        DateOnly? ServeBy, DateOnly? PayBy, DateOnly? PaidOn, string Officers, CaseProcedure Procedure = CaseProcedure.Ordinary, int? DecisionYear = null, int? DecisionNumber = null)
    {
        /// <summary>立〔年〕N 号, or 当罚〔年〕N 号 for an on-the-spot decision; null while none.</summary>
        public string? Label => Procedure == CaseProcedure.Summary ? EnforcementHistory.SummaryDecisionNumber(DecisionYear ?? 0, DecisionNumber)
            : Number is int n ? EnforcementHistory.CaseNumber(Year, n) : null;

        public (DateOnly? Due, string Label) Next => NextDue(Stage, DecisionDue, ServeBy, PayBy, PaidOn);
    }

    /// <summary>The next date a case must meet, and what it is: the decision, the service, or the payment.</summary>
    public static (DateOnly? Due, string Label) NextDue(CaseStage stage, DateOnly decisionDue, DateOnly? serveBy, DateOnly? payBy, DateOnly? paidOn) => stage switch
    {
        CaseStage.Decided => (serveBy, "Serve"),
        CaseStage.Executing when payBy is not null && paidOn is null => (payBy, "Pay"),
        CaseStage.Executing or CaseStage.Closed => (null, ""),
        _ => (decisionDue, "Decide"),
    };

    /// <summary>What a case may be waiting for from the head, besides its steps.</summary>
    public enum Awaiting
    {
        /// <summary>An on-the-spot decision not yet filed (备案).</summary>
        Filing,

        /// <summary>A 延期/分期 application not yet decided.</summary>
        PaymentPlan,
    }

    public async Task<CasePage> CasesAsync(CaseStage? stage, bool mine, int page, CancellationToken ct, Awaiting? awaiting = null)
    {
        var today = ChinaTime.Today(clock);
        var q = db.Cases.AsNoTracking().Where(c => c.Stage != CaseStage.Proposed);
        if (awaiting == Awaiting.Filing)
        {
            q = q.Where(c => c.Procedure == CaseProcedure.Summary && c.FiledOn == null);
        }
        else if (awaiting == Awaiting.PaymentPlan)
        {
            var plans = db.CasePaymentPlans;
            q = q.Where(c => plans.Any(p => p.CaseId == c.Id && p.Status == PaymentPlanStatus.Pending));
        }

        if (stage is CaseStage s)
        {
            q = q.Where(c => c.Stage == s);
        }

        if (mine)
        {
            var me = db.Request.UserName;
            q = q.Where(c => ("、" + c.Officers + "、").Contains("、" + me + "、"));
        }

        var total = await q.CountAsync(ct);
        var late = await q.CountAsync(c => (c.Stage == CaseStage.Investigating || c.Stage == CaseStage.Review || c.Stage == CaseStage.Notified || c.Stage == CaseStage.Hearing
            || c.Stage == CaseStage.Deciding) && c.DecisionDue < today || c.Stage == CaseStage.Decided && c.ServeBy < today
            || c.Stage == CaseStage.Executing && c.PaidOn == null && c.PayBy < today, ct);
        var rows = await q.OrderBy(c => c.Stage == CaseStage.Closed ? 1 : 0).ThenByDescending(c => c.OpenedOn ?? c.DecidedOn).ThenByDescending(c => c.Number)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(c => new CaseRow(c.Id, c.Year, c.Number, c.Party, c.Cause, c.RegionCode, c.OpenedOn, c.Stage, c.DecisionDue, c.ServeBy, c.PayBy, c.PaidOn, c.Officers,
                c.Procedure, c.DecisionYear, c.DecisionNumber))
            .ToListAsync(ct);
        return new CasePage(rows, total, late);
    }

    public sealed record ClueDetail(CaseClue Clue, IReadOnlyList<CaseEntry> Entries, EnforcementCase? ProposedCase);

    public async Task<ClueDetail?> ClueAsync(Guid id, CancellationToken ct)
    {
        var c = await db.CaseClues.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var entries = await db.CaseEntries.AsNoTracking().Where(e => e.RecordId == id).OrderBy(e => e.AtUtc).ToListAsync(ct);
        var proposed = c.CaseId is Guid cid ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == cid, ct) : null;
        return new ClueDetail(c, entries, proposed);
    }

    /// <param name="Instalments">The parts of the approved 延期/分期 plan, if any (for <see cref="Cases.Owed"/>).</param>
    public sealed record CaseDetail(EnforcementCase Case, CaseClue Clue, IReadOnlyList<CaseMeasure> Measures, IReadOnlyList<CaseEntry> Entries, IReadOnlyList<CaseInstalment> Instalments);

    public async Task<CaseDetail?> CaseAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Stage != CaseStage.Proposed, ct);
        if (c is null)
        {
            return null;
        }

        var clue = await db.CaseClues.AsNoTracking().FirstAsync(x => x.Id == c.ClueId, ct);
        var measures = await db.CaseMeasures.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.StartedOn).ToListAsync(ct);
        var entries = await db.CaseEntries.AsNoTracking().Where(e => e.RecordId == id).OrderBy(e => e.AtUtc).ToListAsync(ct);
        var instalments = c.PaymentPlanId is Guid plan ? await db.CaseInstalments.AsNoTracking().Where(l => l.PlanId == plan).OrderBy(l => l.Seq).ToListAsync(ct) : [];
        return new CaseDetail(c, clue, measures, entries, instalments);
    }
}
