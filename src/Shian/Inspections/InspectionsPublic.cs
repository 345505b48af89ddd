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

    public sealed record PublishedDraw(Domain.Draw Draw, IReadOnlyList<(string BusinessName, string RegionCode)> Businesses);

    /// <summary>A published draw and its list (reviewed: past the region filter, published draws only, no inspectors).</summary>
    public static async Task<PublishedDraw?> PublishedDrawAsync(ShianDb db, Guid id, CancellationToken ct)
    {
        var draw = await db.Draws.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.PublishedAtUtc != null, ct);
        if (draw is null)
        {
            return null;
        }

        var visits = await db.PlannedVisits.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(v => v.DrawId == id)
            .OrderBy(v => v.RegionCode).ThenBy(v => v.BusinessName).Select(v => new { v.BusinessName, v.RegionCode }).ToListAsync(ct);
        return new PublishedDraw(draw, [.. visits.Select(v => (v.BusinessName, v.RegionCode))]);
    }

    public sealed record DrawSummary(Guid Id, string Title, string RegionCode, DateOnly DrawnOn, int PoolSize, int Drawn, DateTime PublishedAtUtc, bool? VerifiedMatches);

    /// <summary>Published draws, newest first, optionally of one year (reviewed: past the region filter, published draws only, summary columns).</summary>
    public static async Task<IReadOnlyList<DrawSummary>> PublishedDrawsAsync(ShianDb db, int? year, int take, CancellationToken ct)
    {
        var query = db.Draws.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(d => d.PublishedAtUtc != null);
        if (year is int y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            query = query.Where(d => d.DrawnOn >= from && d.DrawnOn <= to);
        }

        return await query.OrderByDescending(d => d.DrawnOn).ThenByDescending(d => d.PublishedAtUtc).Take(take)
            .Select(d => new DrawSummary(d.Id, d.Title, d.RegionCode, d.DrawnOn, d.PoolSize, d.Drawn, d.PublishedAtUtc!.Value, d.VerifiedMatches)).ToListAsync(ct);
    }
}
