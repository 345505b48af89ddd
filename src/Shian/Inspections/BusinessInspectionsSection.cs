using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Shian.Inspections.Contracts;
using Shian.Data;
using Shian.Inspections.Domain;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Inspections;

/// <summary>The inspections part of a business's profile: its records and (never for the business itself) its open visits.</summary>
internal sealed class BusinessInspectionsSection(ShianDb db, IBusinessDirectory directory) : IBusinessProfileSection
{
    /// <param name="Operating">Only an operating business is inspected or sampled (停业/注销: the buttons give way to a note).</param>
    public sealed record Model(Guid BusinessId, IReadOnlyList<InspectionRecord> Records, IReadOnlyList<PlannedVisit> OpenVisits, bool MayInspect, bool Operating = true);

    public int Order => 10;

    public string PartialView => "/Inspections/Pages/Shared/_BusinessInspections.cshtml";

    public async Task<object?> LoadAsync(Guid businessId, ClaimsPrincipal user, CancellationToken ct)
    {
        var records = await db.InspectionRecords.AsNoTracking().Where(r => r.BusinessId == businessId)
            .OrderByDescending(r => r.InspectedOn).ThenByDescending(r => r.Id).Take(20).ToListAsync(ct);

        // Never to the business itself (a caller scoped to its own USCC): inspections are unannounced (飞行检查 above all).
        var open = db.Request.Scope.Uscc is not null ? [] : await db.PlannedVisits.AsNoTracking()
            .Where(v => v.BusinessId == businessId && v.Status == VisitStatus.Planned)
            .OrderBy(v => v.DueBy == null).ThenBy(v => v.DueBy).Take(10).ToListAsync(ct);
        var mayInspect = user.Grants(InspectionsPermissions.Inspect);
        var operating = (await directory.FindAsync([businessId], ct)).SingleOrDefault()?.Status is null or BusinessStatus.Operating;
        return new Model(businessId, records, open, mayInspect, operating);
    }
}
