using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Enforcement.Pages;

/// <summary>行政处罚裁量基准: the imported benchmarks by issuing region, and the import of one's own (replacing it whole).</summary>
[Requires(EnforcementPermissions.Read)]
public sealed class BenchmarksModel(Benchmarks benchmarks, ShianDb db) : PageModel
{
    public IReadOnlyList<IGrouping<string, DiscretionBenchmark>> ByRegion { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The regions the caller may import for: the granted regions themselves (province, city or county).</summary>
    public IReadOnlyList<(string Code, string Name)> Own { get; private set; } = [];

    public int? Imported { get; private set; }

    public async Task OnGetAsync(int? imported, CancellationToken ct)
    {
        Imported = imported;
        await LoadAsync(ct);
    }

    [Requires(EnforcementPermissions.Benchmark)]
    public async Task<IActionResult> OnPostImportAsync(string? regionCode, string? document, IFormFile? file, CancellationToken ct) =>
        await this.TryAsync(async () =>
        {
            if (file is null || file.Length == 0)
            {
                throw Kernel.Errors.ShianProblemException.Invalid("enforcement.benchmark-invalid", "请选择裁量基准文件（.xlsx 或 .csv）", Input.Error("file", "请选择裁量基准文件（.xlsx 或 .csv）"));
            }

            if (file.Length > Benchmarks.MaxBytes)
            {
                throw Kernel.Errors.ShianProblemException.Invalid("enforcement.benchmark-too-large", "文件不超过 2 MB", Input.Error("file", "文件不超过 2 MB"));
            }

            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            stream.Position = 0;
            var n = await benchmarks.ImportAsync(regionCode, stream, file.FileName, document, ct);
            return Redirect($"/enforcement/benchmarks?imported={n}");
        }, async () =>
        {
            await LoadAsync(ct);
            return Page();
        }, underFields: false);

    private async Task LoadAsync(CancellationToken ct)
    {
        ByRegion = [.. (await benchmarks.ListAsync(ct)).GroupBy(b => b.RegionCode)];
        var granted = db.Request.Scope.Prefixes.Select(Kernel.Regions.RegionCode.Pad).ToList();
        var codes = ByRegion.Select(g => g.Key).Concat(granted).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        Own = db.Request.Scope.Unrestricted
            ? [.. (await db.Regions.AsNoTracking().Where(r => r.Level == Kernel.Regions.RegionLevel.Province || r.Level == Kernel.Regions.RegionLevel.City)
                .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct)).Select(r => (r.Code, r.Name))]
            : [.. granted.Where(RegionNames.ContainsKey).Select(c => (c, RegionNames[c]))];
    }

    public string Name(string code) => RegionNames.GetValueOrDefault(code, code);
}
