using Microsoft.EntityFrameworkCore;
using Shian.Complaints.Contracts;
using Shian.Complaints.Domain;
using Shian.Data;

namespace Shian.Complaints;

/// <summary>A complaint as a tip for another module, read through the region filter (the caller's regions only).</summary>
internal sealed class ComplaintTipLookup(ShianDb db) : IComplaintTips
{
    public async Task<ComplaintTip?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Complaints.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ComplaintTip(c.Id, c.TrackingCode, c.RegionCode, c.Description, c.BusinessId, c.BusinessName, c.Address, c.OccurredOn, c.ReceivedAtUtc,
                c.Category == ComplaintCategory.SchoolArea, c.IncidentId))
            .FirstOrDefaultAsync(ct);
}
