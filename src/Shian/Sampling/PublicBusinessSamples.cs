using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// A business's announced 监督抽检 results on its public page: food, sampling date, conclusion and the failed items
/// (named, as the national announcement names them), with the announcement they were published in. Reviewed: reads past
/// the region filter by business id, samples of a published announcement only (风险监测 and 评价性抽检 are never announced).
/// </summary>
internal sealed class PublicBusinessSamples(ShianDb db, Standards standards) : IPublicBusinessSection
{
    public sealed record Row(string ProductName, DateOnly SampledOn, SampleVerdict Verdict, string? Failures, Guid AnnouncementId, string Announcement);

    public sealed record Model(IReadOnlyList<Row> Rows);

    public int Order => 20;

    public string Key => "samples";

    public string PartialView => "/Sampling/Pages/Shared/_PublicSamples.cshtml";

    public async Task<object?> LoadAsync(PublicBusiness business, CancellationToken ct)
    {
        var samples = await db.Samples.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(s => s.BusinessId == business.Id && s.AnnouncementId != null && s.Kind == SampleKind.Supervision)
            .OrderByDescending(s => s.SampledOn).ThenBy(s => s.Code).Take(20)
            .Select(s => new { s.Id, s.ProductName, s.SampledOn, s.Verdict, s.AnnouncementId }).ToListAsync(ct);
        if (samples.Count == 0)
        {
            return new Model([]);
        }

        var ids = samples.Select(s => s.Id).ToList();
        var announcementIds = samples.Select(s => s.AnnouncementId!.Value).Distinct().ToList();
        var numbers = await db.Announcements.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(a => announcementIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Number, ct);
        var failed = (await db.SampleResults.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(r => ids.Contains(r.SampleId) && r.Verdict == ItemVerdict.NonConforming && !r.Retest).Select(r => new { r.SampleId, r.AnalyteCode }).ToListAsync(ct))
            .ToLookup(r => r.SampleId, r => r.AnalyteCode);
        var library = await standards.LibraryAsync(ct);
        return new Model([.. samples.Select(s => new Row(s.ProductName, s.SampledOn, s.Verdict ?? SampleVerdict.Undetermined, failed[s.Id].Any()
            ? string.Join("、", failed[s.Id].Distinct().Select(c => library.Analytes.TryGetValue(c, out var a) ? a.Name : c)) : null,
            s.AnnouncementId!.Value, numbers.GetValueOrDefault(s.AnnouncementId!.Value, "")))]);
    }
}
