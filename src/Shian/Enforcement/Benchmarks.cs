using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;

namespace Shian.Enforcement;

/// <summary>
/// Local 裁量基准 as imported data: a province's, city's or county's office imports its benchmark sheet (.xlsx or .csv; every row
/// validated first and named by row in Chinese, then the region's lines replaced in one transaction, or nothing); a case's
/// proposed fine is judged against the lines of the most specific region above the case that has any.
/// </summary>
public sealed class Benchmarks(ShianDb db, TimeProvider clock)
{
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>Replaces the benchmark of <paramref name="regionCode"/> with the sheet's lines; the number stored.</summary>
    public async Task<int> ImportAsync(string? regionCode, Stream file, string? fileName, string? document, CancellationToken ct)
    {
        var code = regionCode?.Trim();
        var region = code is not null && RegionCode.IsValid(code) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct) : null;
        if (region is null || region.Level is not (RegionLevel.Province or RegionLevel.City or RegionLevel.County or RegionLevel.Zone))
        {
            throw ShianProblemException.Invalid("enforcement.benchmark-invalid", "裁量基准有误，未导入", Input.Error("regionCode", "请选择制定裁量基准的省、市或区县"));
        }

        if (!db.Request.Scope.AllowsCreateIn(region.Code))
        {
            throw ShianProblemException.RegionForbidden($"只能导入本辖区的裁量基准，{region.Name}不在您的辖区");
        }

        var doc = Input.Clean(document);
        if (doc is { Length: > 200 })
        {
            throw ShianProblemException.Invalid("enforcement.benchmark-invalid", "裁量基准有误，未导入", Input.Error("document", "文件名称不超过 200 字"));
        }

        var rows = Read(file, fileName);
        var (lines, errors) = DiscretionBenchmarks.Parse(rows, doc);
        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.benchmark-invalid", "裁量基准有误，未导入：" + errors[0], new Dictionary<string, string[]> { ["file"] = [.. errors] });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DiscretionBenchmarks.RemoveRange(await db.DiscretionBenchmarks.Where(b => b.RegionCode == region.Code).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.DiscretionBenchmarks.AddRange(lines.Select(l => new DiscretionBenchmark
        {
            RegionCode = region.Code, Article = l.Article, Level = l.Level, LowerPercent = l.LowerPercent, UpperPercent = l.UpperPercent, Circumstances = l.Circumstances,
            Document = l.Document, ImportedBy = db.Request.UserName, ImportedAtUtc = now,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return lines.Count;
    }

    /// <summary>Removes a region's benchmark (its cases then fall back to the benchmark above, or to the statutory band only).</summary>
    public async Task<int> RemoveAsync(string regionCode, CancellationToken ct)
    {
        if (!RegionCode.IsValid(regionCode) || !db.Request.Scope.AllowsCreateIn(regionCode))
        {
            throw ShianProblemException.RegionForbidden("只能删除本辖区的裁量基准");
        }

        var rows = await db.DiscretionBenchmarks.Where(b => b.RegionCode == regionCode).ToListAsync(ct);
        db.DiscretionBenchmarks.RemoveRange(rows);
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>The lines that apply in a case's region: those of the most specific region at or above it that has any.</summary>
    public async Task<(string? RegionCode, IReadOnlyList<BenchmarkLine> Lines)> ForRegionAsync(string caseRegion, CancellationToken ct)
    {
        var candidates = RegionCode.Ancestors(caseRegion).Append(caseRegion).ToList();
        var rows = await db.DiscretionBenchmarks.AsNoTracking().Where(b => candidates.Contains(b.RegionCode)).ToListAsync(ct);
        var best = rows.GroupBy(r => r.RegionCode).OrderByDescending(g => RegionCode.SignificantLength(g.Key)).FirstOrDefault();
        return best is null ? (null, []) : (best.Key, [.. best.Select(Line)]);
    }

    /// <summary>Every imported benchmark, by region (published documents: every office may read them).</summary>
    public async Task<IReadOnlyList<DiscretionBenchmark>> ListAsync(CancellationToken ct) =>
        await db.DiscretionBenchmarks.AsNoTracking().OrderBy(b => b.RegionCode).ThenBy(b => b.Article).ThenBy(b => b.LowerPercent).ToListAsync(ct);

    public static BenchmarkLine Line(DiscretionBenchmark b) => new(b.Article, b.Level, b.LowerPercent, b.UpperPercent, b.Circumstances, b.Document);

    /// <summary>The sheet's rows as text cells by header (MiniExcel streams .xlsx; .csv is read by the same library).</summary>
    private static List<IReadOnlyDictionary<string, string?>> Read(Stream file, string? fileName)
    {
        var csv = fileName?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true;
        if (!csv && Kernel.Reference.OfficePackages.Problem(file) is { } problem)
        {
            throw ShianProblemException.Invalid("enforcement.benchmark-unreadable", problem);
        }

        try
        {
            var rows = new List<IReadOnlyDictionary<string, string?>>();
            var header = ((file.Query(useHeaderRow: false, excelType: csv ? ExcelType.CSV : ExcelType.XLSX).FirstOrDefault() as IDictionary<string, object?>)?.Values
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "").ToHashSet()) ?? [];
            var missing = DiscretionBenchmarks.Columns.Take(4).Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                throw ShianProblemException.Invalid("enforcement.benchmark-invalid", $"缺少列：{string.Join("、", missing)}（第 1 行应为表头：{string.Join("、", DiscretionBenchmarks.Columns)}）");
            }

            file.Position = 0;
            foreach (IDictionary<string, object?> cells in file.Query(useHeaderRow: true, excelType: csv ? ExcelType.CSV : ExcelType.XLSX))
            {
                rows.Add(cells.ToDictionary(kv => kv.Key.Trim(), kv => kv.Value switch
                {
                    null => null,
                    double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
                    _ => Convert.ToString(kv.Value, CultureInfo.InvariantCulture),
                }));
            }

            return rows;
        }
        catch (Exception e) when (e is not ShianProblemException)
        {
            throw ShianProblemException.Invalid("enforcement.benchmark-unreadable", "无法读取文件：请上传 .xlsx 或 UTF-8 编码的 .csv（第 1 行为表头）");
        }
    }
}
