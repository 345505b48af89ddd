using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// 抽检信息公告: a region's reported samples not yet announced, published as one numbered announcement (2026年第3期) —
/// the non-conforming ones in the national announcement's columns, the conforming ones counted — on the public portal
/// and as .xlsx. Publishing marks the dispositions' 信息公开 step done.
/// </summary>
public sealed class Announcements(ShianDb db, Standards standards, TimeProvider clock)
{
    /// <summary>One row of the 不合格产品信息 table, in the national announcement's columns.</summary>
    public sealed record Row(int No, string? LabelledProducer, string? LabelledProducerAddress, string BusinessName, string BusinessAddress, string ProductName,
        string? Specification, string? Brand, string? BatchOrDate, string Failures, string Category, string Number, DateOnly PublishedOn, string Task, string Lab, string SampleCode);

    public async Task<Announcement> PublishAsync(string regionCode, CancellationToken ct)
    {
        var region = RegionCode.IsValid(regionCode) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, ct) : null;
        if (region is null)
        {
            throw ShianProblemException.Invalid("sampling.announcement-invalid", "请选择发布公告的区划", new Dictionary<string, string[]> { ["regionCode"] = ["请选择发布公告的区划"] });
        }

        if (!db.Request.Scope.AllowsCreateIn(region.Code))
        {
            throw ShianProblemException.RegionForbidden($"您无权发布 {region.Name} 的抽检信息。");
        }

        var prefix = RegionCode.Prefix(region.Code);
        // 监督抽检 results only: 风险监测 and 评价性抽检 are not published as 监督抽检 results (review D-2).
        var samples = await db.Samples.Where(s => s.RegionCode.StartsWith(prefix) && s.Status == SampleStatus.Reported && s.AnnouncementId == null
            && s.Verdict != SampleVerdict.Undetermined && s.Kind == SampleKind.Supervision).ToListAsync(ct);
        if (samples.Count == 0)
        {
            throw ShianProblemException.Invalid("sampling.announcement-empty", "没有待公布的监督抽检结果（已出结论且未公布的监督抽检样品）");
        }

        var today = ChinaTime.Today(clock);
        var year = today.Year;
        var issued = await db.Announcements.CountAsync(a => a.RegionCode == region.Code && a.PublishedOn.Year == year, ct);
        var announcement = new Announcement
        {
            RegionCode = region.Code, Number = $"{region.Name}{year}年第{issued + 1}期", PublishedOn = today, Samples = samples.Count,
            NonConforming = samples.Count(s => s.Verdict == SampleVerdict.NonConforming), SampleIds = string.Join(',', samples.Select(s => s.Id)), PublishedBy = db.Request.UserName,
        };
        db.Announcements.Add(announcement);
        foreach (var s in samples)
        {
            s.AnnouncementId = announcement.Id;
        }

        var ids = samples.Select(s => s.Id).ToList();
        foreach (var d in await db.Dispositions.Where(d => ids.Contains(d.SampleId) && d.PublishedOn == null).ToListAsync(ct))
        {
            d.PublishedOn = today;
            d.Closed = d.Closed || Rules.DispositionSteps.IsComplete(d, today);
        }

        await db.SaveChangesAsync(ct);
        return announcement;
    }

    /// <summary>
    /// The published announcements, newest first: public data, read past the region filter by name (reviewed: only
    /// announcements that were published, and of them only the columns the national announcement shows).
    /// </summary>
    public async Task<IReadOnlyList<Announcement>> PublishedAsync(int max, CancellationToken ct) =>
        await db.Announcements.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.Number).Take(max).ToListAsync(ct);

    /// <summary>An announcement's non-conforming rows (public, reviewed as above).</summary>
    public async Task<(Announcement Announcement, IReadOnlyList<Row> Rows)?> RowsAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Announcements.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        var library = await standards.LibraryAsync(ct);
        var samples = await db.Samples.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(s => s.AnnouncementId == id && s.Verdict == SampleVerdict.NonConforming).OrderBy(s => s.Code).ToListAsync(ct);
        var ids = samples.Select(s => s.Id).ToList();
        var failures = (await db.SampleResults.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(r => ids.Contains(r.SampleId) && r.Verdict == ItemVerdict.NonConforming && !r.Retest).ToListAsync(ct)).ToLookup(r => r.SampleId);
        var rows = samples.Select((s, i) => new Row(i + 1, s.LabelledProducer, s.LabelledProducerAddress, s.BusinessName, s.BusinessAddress, s.ProductName, s.Specification, s.Brand,
            s.Batch ?? s.ProductionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.Join("；", failures[s.Id].Select(r => $"{(library.Analytes.TryGetValue(r.AnalyteCode, out var an) ? an.Name : r.AnalyteCode)}║{Value(r)}║{r.LimitText ?? "—"}")),
            library.Categories.TryGetValue(library.Book.Lineage(s.CategoryCode).Last(), out var top) ? top.Name : s.CategoryCode,
            a.Number, a.PublishedOn, Samples.KindLabels[s.Kind], s.Lab, s.Code)).ToList();
        return (a, rows);
    }

    public static void WriteXlsx(Stream output, IReadOnlyList<Row> rows) =>
        output.SaveAs(rows.Select(r => new Dictionary<string, object?>
        {
            ["序号"] = r.No, ["标称生产企业名称"] = r.LabelledProducer, ["标称生产企业地址"] = r.LabelledProducerAddress, ["被抽样单位名称"] = r.BusinessName,
            ["被抽样单位地址"] = r.BusinessAddress, ["食品名称"] = r.ProductName, ["规格型号"] = r.Specification, ["商标"] = r.Brand, ["生产日期/批号"] = r.BatchOrDate,
            ["不合格项目║检验结果║标准值"] = r.Failures, ["分类"] = r.Category, ["公告号"] = r.Number, ["公告日期"] = r.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["任务来源/项目名称"] = r.Task, ["检验机构"] = r.Lab, ["备注"] = r.SampleCode,
        }), sheetName: "不合格产品信息");

    private static string Value(SampleResult r) => r.Value is decimal v ? $"{v.ToString("0.##########", CultureInfo.InvariantCulture)}{r.Unit}" : "检出";
}
