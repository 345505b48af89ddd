using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Sampling.Domain;

namespace Shian.Sampling.Pages.Admin;

/// <summary>限量库: what the library holds per standard and edition, and the .xlsx import (every row checked, all or nothing).</summary>
[Requires(KernelPermissions.AdminReference)]
public sealed class LimitsModel(Shian.Data.ShianDb db, LimitImport import) : PageModel
{
    public const long MaxFile = 5 * 1024 * 1024;

    public sealed record StandardRow(string Standard, string Edition, LimitSource Source, int Limits, DateOnly From, DateOnly? To, DateTime Added);

    public IReadOnlyList<StandardRow> Standards { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string[]>> RowErrors { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0 || !Upload.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            Problem = "文件：请选择按模板填写的 .xlsx 文件";
        }
        else if (Upload.Length > MaxFile)
        {
            Problem = "文件：不超过 5 MB";
        }
        else
        {
            try
            {
                using var ms = new MemoryStream();
                await Upload.CopyToAsync(ms, ct);
                ms.Position = 0;
                var n = await import.ImportAsync(ms, ct);
                Saved = $"已导入 {n} 条限量，判定即时生效。";
                return RedirectToPage();
            }
            catch (ShianProblemException e) when (e.Status == StatusCodes.Status400BadRequest)
            {
                Problem = e.Message;
                RowErrors = [.. (e.Errors ?? new Dictionary<string, string[]>()).Take(200)];
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Limits.AsNoTracking()
            .GroupBy(l => new { l.Standard, l.Edition, l.Source })
            .Select(g => new { g.Key.Standard, g.Key.Edition, g.Key.Source, Count = g.Count(), From = g.Min(l => l.EffectiveFrom), To = g.Max(l => l.EffectiveTo), Added = g.Max(l => l.CreatedAtUtc) })
            .ToListAsync(ct);
        Standards = [.. rows.OrderBy(r => r.Standard, StringComparer.Ordinal).ThenByDescending(r => r.Edition, StringComparer.Ordinal)
            .Select(r => new StandardRow(r.Standard, r.Edition, r.Source, r.Count, r.From, r.To, r.Added))];
    }
}
