using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shian.Credit.Contracts;
using Shian.Credit.Domain;
using Shian.Credit.Rules;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Workbench;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Credit;

/// <summary>工作台: publications due (20 working days), listing matters to weigh or notify; for the head, listing and repair decisions.</summary>
internal sealed class CreditWorkbench(ShianDb db) : IWorkbenchSource
{
    public int Order => 47;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var result = new List<ToDo>();
        if (user.Grants(CreditPermissions.Handle))
        {
            var pending = await db.Publications.AsNoTracking().Where(p => p.Status == PublicationStatus.Pending).Select(p => (DateOnly?)p.PublishBy).ToListAsync(ct);
            var suggested = await db.Listings.AsNoTracking().CountAsync(l => l.Status == ListingStatus.Suggested, ct);
            var todo = WorkbenchToDos.Count("Todo.Publications", pending.Concat(Enumerable.Repeat<DateOnly?>(null, suggested)), today, "/credit");
            if (todo.Open > 0)
            {
                result.Add(todo);
            }
        }

        if (user.Grants(CreditPermissions.Approve))
        {
            var noticed = await db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Noticed).Select(l => l.StatementBy).ToListAsync(ct);
            var repairs = await db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Listed && l.RepairAppliedOn != null && l.RepairApproved == null).Select(l => l.RepairDecideBy)
                .Concat(db.Publications.AsNoTracking().Where(p => p.Status == PublicationStatus.Published && p.RepairAppliedOn != null && p.RepairApproved == null).Select(p => p.RepairDecideBy))
                .ToListAsync(ct);
            var todo = WorkbenchToDos.Count("Todo.CreditDecisions", noticed.Concat(repairs), today, "/credit/listings");
            if (todo.Open > 0)
            {
                result.Add(todo);
            }
        }

        return result;
    }
}

/// <summary>Tells Risk which businesses are on the serious-dishonesty list today (listed entities take the highest grade).</summary>
internal sealed class CreditEvidence(ShianDb db, TimeProvider clock) : Risk.Contracts.IRiskEvidenceSource
{
    public async Task<IReadOnlyDictionary<Guid, Risk.Contracts.RiskEvidence>> EvidenceAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var result = new Dictionary<Guid, Risk.Contracts.RiskEvidence>();
        foreach (var chunk in businessIds.Chunk(1000))
        {
            var listed = await db.Listings.AsNoTracking()
                .Where(l => l.BusinessId != null && chunk.Contains(l.BusinessId.Value) && l.Status == ListingStatus.Listed && l.ListedOn <= today && l.ExpiresOn >= today)
                .Select(l => l.BusinessId!.Value).Distinct().ToListAsync(ct);
            foreach (var id in listed)
            {
                result[id] = Risk.Contracts.RiskEvidence.None with { SeriouslyDishonest = true };
            }
        }

        return result;
    }
}

/// <summary>The credit part of a business's profile: grade by the local scheme, list status, publications, the records that made the grade.</summary>
internal sealed class BusinessCreditSection(CreditQueries queries, TimeProvider clock) : IBusinessProfileSection
{
    public sealed record Model(CreditQueries.CreditFile File, DateOnly Today, bool CanAdd);

    public int Order => 35;

    public string PartialView => "/Credit/Pages/Shared/_BusinessCredit.cshtml";

    public async Task<object?> LoadAsync(Guid businessId, ClaimsPrincipal user, CancellationToken ct) =>
        user.Grants(CreditPermissions.Read) ? new Model(await queries.FileAsync(businessId, ct), ChinaTime.Today(clock), user.Grants(CreditPermissions.Handle)) : null;
}
