using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Scoping;

namespace Shian.Inspections;

/// <summary>What the public sees of inspections: date, result in plain words, rectification deadline.</summary>
public static class InspectionsPublic
{
    public sealed record Result(DateOnly InspectedOn, string Outcome, DateOnly? RectifyBy);

    /// <summary>Published results per business, newest first (reviewed: past the region filter, published rows, no findings text or inspectors).</summary>
    public static async Task<Dictionary<Guid, List<Result>>> ResultsAsync(ShianDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.InspectionRecords.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(r => ids.Contains(r.BusinessId) && r.PublishedAtUtc != null)
            .OrderByDescending(r => r.InspectedOn).Select(r => new { r.BusinessId, r.InspectedOn, r.Result, r.RectifyBy }).ToListAsync(ct))
        .GroupBy(r => r.BusinessId).ToDictionary(g => g.Key, g => g.Take(5).Select(r => new Result(r.InspectedOn, Rules.Checklists.Label(r.Result), r.RectifyBy)).ToList());
}
