using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Scoping;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// A lot's published 监督抽检 results for the public 追溯码 page. Read past the region filter by name (reviewed: only
/// samples an 抽检信息公告 has published, and of them what the announcement itself shows).
/// </summary>
internal sealed class LotResults(ShianDb db, Standards standards) : ILotResults
{
    public async Task<IReadOnlyList<PublishedLotResult>> PublishedAsync(string gtin, string batch, CancellationToken ct)
    {
        var samples = await db.Samples.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(s => s.Gtin == gtin && s.Batch == batch && s.AnnouncementId != null && s.Verdict != null)
            .OrderByDescending(s => s.SampledOn).Take(50).ToListAsync(ct);
        if (samples.Count == 0)
        {
            return [];
        }

        var announcementIds = samples.Select(s => s.AnnouncementId!.Value).Distinct().ToList();
        var announcements = await db.Announcements.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(a => announcementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var ids = samples.Select(s => s.Id).ToList();
        var failures = (await db.SampleResults.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(r => ids.Contains(r.SampleId) && r.Verdict == ItemVerdict.NonConforming && !r.Retest).ToListAsync(ct)).ToLookup(r => r.SampleId);
        var library = await standards.LibraryAsync(ct);
        return [.. samples.Select(s =>
        {
            var a = announcements[s.AnnouncementId!.Value];
            var failed = s.Verdict == SampleVerdict.NonConforming;
            return new PublishedLotResult(s.Code, s.SampledOn, s.ProductName, s.LabelledProducer, s.BusinessName, !failed,
                failed ? string.Join("；", failures[s.Id].Select(r => $"{(library.Analytes.TryGetValue(r.AnalyteCode, out var an) ? an.Name : r.AnalyteCode)} {Value(r)}（{r.LimitText ?? "—"}）")) : null,
                a.Id, a.Number, a.PublishedOn);
        })];
    }

    private static string Value(SampleResult r) => r.Value is decimal v ? $"{v.ToString("0.##########", CultureInfo.InvariantCulture)}{r.Unit}" : "检出";
}
