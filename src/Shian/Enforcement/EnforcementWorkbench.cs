using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Kernel.Users;
using Shian.Kernel.Workbench;

namespace Shian.Enforcement;

/// <summary>工作台: clues awaiting a 立案 decision (by their due date) and the caller's cases by their next date; the head's approvals.</summary>
internal sealed class EnforcementWorkbench(ShianDb db) : IWorkbenchSource
{
    public int Order => 45;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var result = new List<ToDo>();
        if (user.Grants(EnforcementPermissions.Handle))
        {
            var clues = await db.CaseClues.AsNoTracking().Where(c => c.Status == ClueStatus.Pending).Select(c => c.DecisionDue).ToListAsync(ct);
            var todo = WorkbenchToDos.Count("Todo.Clues", clues.Select(d => (DateOnly?)d), today, "/enforcement?open=true");
            if (todo.Open > 0)
            {
                result.Add(todo);
            }

            // 协助调查函 other districts sent this one, by their (extended) date.
            var asked = await db.CaseAssistance.AsNoTracking().Where(a => a.Kind == AssistanceKind.Investigation && a.Status == AssistanceStatus.Pending).Select(a => a.DueOn).ToListAsync(ct);
            var help = WorkbenchToDos.Count("Todo.Assistance", asked, today, "/enforcement/assistance?direction=Incoming&status=Pending");
            if (help.Open > 0)
            {
                result.Add(help);
            }

            var me = db.Request.UserName;
            var mine = await db.Cases.AsNoTracking().Where(c => c.Stage != CaseStage.Proposed && c.Stage != CaseStage.Closed && ("、" + c.Officers + "、").Contains("、" + me + "、"))
                .Select(c => new { c.Stage, c.DecisionDue, c.ServeBy, c.PayBy, c.PaidOn })
                .ToListAsync(ct);
            var cases = WorkbenchToDos.Count("Todo.Cases", mine.Select(c => EnforcementQueries.NextDue(c.Stage, c.DecisionDue, c.ServeBy, c.PayBy, c.PaidOn).Due), today, "/enforcement/cases?mine=true");
            if (cases.Open > 0)
            {
                result.Add(cases);
            }
        }

        if (user.Grants(EnforcementPermissions.Approve))
        {
            var proposed = await db.CaseClues.AsNoTracking().Where(c => c.Status == ClueStatus.Proposed).Select(c => c.DecisionDue).ToListAsync(ct);
            var review = await db.Cases.AsNoTracking().Where(c => c.Stage == CaseStage.Review && c.ReviewedOn == null || c.Stage == CaseStage.Deciding)
                .Select(c => c.DecisionDue).ToListAsync(ct);
            var transfers = await db.PoliceTransfers.AsNoTracking().Where(t => t.Status == TransferStatus.Proposed).Select(t => t.ApproveBy).ToListAsync(ct);
            var todo = WorkbenchToDos.Count("Todo.CaseApprovals", proposed.Concat(review).Concat(transfers).Select(d => (DateOnly?)d), today, "/enforcement?status=Proposed");
            if (todo.Open > 0)
            {
                result.Add(todo);
            }

            // On-the-spot decisions to file, and applications to pay later or in parts, by their dates.
            var filing = await db.Cases.AsNoTracking().Where(c => c.Procedure == CaseProcedure.Summary && c.FiledOn == null).Select(c => c.FileBy).ToListAsync(ct);
            var file = WorkbenchToDos.Count("Todo.SummaryFiling", filing, today, "/enforcement/cases?awaiting=Filing");
            if (file.Open > 0)
            {
                result.Add(file);
            }

            var plans = await db.CasePaymentPlans.AsNoTracking().Where(p => p.Status == PaymentPlanStatus.Pending).Select(p => (DateOnly?)p.DecideBy).ToListAsync(ct);
            var plan = WorkbenchToDos.Count("Todo.PaymentPlans", plans, today, "/enforcement/cases?awaiting=PaymentPlan");
            if (plan.Open > 0)
            {
                result.Add(plan);
            }
        }

        return result;
    }
}

/// <summary>Tells Risk how many penalty decisions a business received in the last 12 months.</summary>
internal sealed class EnforcementEvidence(ShianDb db, TimeProvider clock) : Risk.Contracts.IRiskEvidenceSource
{
    public async Task<IReadOnlyDictionary<Guid, Risk.Contracts.RiskEvidence>> EvidenceAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct)
    {
        var since = Kernel.Calendar.ChinaTime.Today(clock).AddMonths(-12);
        var result = new Dictionary<Guid, Risk.Contracts.RiskEvidence>();
        foreach (var chunk in businessIds.Chunk(1000))
        {
            var found = await db.Cases.AsNoTracking().Where(c => c.BusinessId != null && chunk.Contains(c.BusinessId.Value) && c.Outcome == CaseOutcome.Penalty && c.RevokedOn == null && c.DecidedOn >= since)
                .GroupBy(c => c.BusinessId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var f in found)
            {
                result[f.Key] = Risk.Contracts.RiskEvidence.None with { Cases = f.Count };
            }
        }

        return result;
    }
}

/// <summary>Whether a penalty decision has been carried out, for the credit module's repair conditions.</summary>
internal sealed class PenaltyFactsSource(ShianDb db) : IPenaltyFacts
{
    public async Task<PenaltyFacts?> FindAsync(Guid caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId && x.Outcome == CaseOutcome.Penalty && x.DecidedOn != null)
            .Select(x => new { x.Stage, x.PayBy, x.PaidOn, x.ClosedOn, x.RevokedOn }).FirstOrDefaultAsync(ct);
        return c is null ? null : new PenaltyFacts(caseId, c.Stage == CaseStage.Closed || (c.Stage == CaseStage.Executing && (c.PayBy is null || c.PaidOn is not null)),
            c.PaidOn, c.ClosedOn, c.RevokedOn is not null);
    }
}
