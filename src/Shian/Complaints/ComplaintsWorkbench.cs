using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shian.Complaints.Contracts;
using Shian.Complaints.Domain;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Kernel.Workbench;

namespace Shian.Complaints;

/// <summary>工作台: open complaints and reports of the caller's regions by their next statutory date (受理, 核查, 调解, 告知举报人).</summary>
internal sealed class ComplaintsWorkbench(ShianDb db) : IWorkbenchSource
{
    public int Order => 40;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        if (!user.Grants(ComplaintsPermissions.Handle))
        {
            return [];
        }

        // Only the clock columns: 工作台 opens often, and a complaint row carries up to 4 000 characters of text.
        var open = await db.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.Received || c.Status == ComplaintStatus.InProgress)
            .Select(c => new ComplaintQueries.Clocks(c.Status, c.Kind, c.AcceptBy, c.VerifyBy, c.VerifiedOn, c.MediationEndsBy, c.Mediation, c.ReporterToldBy, c.ReporterToldOn))
            .ToListAsync(ct);
        var todo = WorkbenchToDos.Count("Todo.Complaints", open.Select(c => ComplaintQueries.NextDue(c).Due), today, "/complaints");
        return todo.Open > 0 ? [todo] : [];
    }
}

/// <summary>Tells Risk how many complaints and reports about a business were found true (查实) in the last 12 months.</summary>
internal sealed class ComplaintsEvidence(ShianDb db, TimeProvider clock) : Risk.Contracts.IRiskEvidenceSource
{
    public async Task<IReadOnlyDictionary<Guid, Risk.Contracts.RiskEvidence>> EvidenceAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct)
    {
        var since = Kernel.Calendar.ChinaTime.Today(clock).AddMonths(-12);
        var result = new Dictionary<Guid, Risk.Contracts.RiskEvidence>();
        foreach (var chunk in businessIds.Chunk(1000))
        {
            var found = await db.Complaints.AsNoTracking().Where(c => c.BusinessId != null && chunk.Contains(c.BusinessId.Value) && c.Substantiated == true && c.VerifiedOn >= since)
                .GroupBy(c => c.BusinessId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var f in found)
            {
                result[f.Key] = Risk.Contracts.RiskEvidence.None with { SubstantiatedComplaints = f.Count };
            }
        }

        return result;
    }
}

/// <summary>On the public home: file a complaint or report, and follow one.</summary>
internal sealed class ComplaintsPublicSection : Kernel.Public.IPublicSection
{
    public int Order => 5;

    public string TitleKey => "Complaints.PublicTitle";

    public string DescriptionKey => "Complaints.PublicIntro";

    public string Href => "/public/complaints";

    public Task<IReadOnlyList<Kernel.Public.PublicItem>> LatestAsync(int take, CancellationToken ct) => Task.FromResult<IReadOnlyList<Kernel.Public.PublicItem>>([]);
}
