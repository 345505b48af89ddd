using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;

namespace Shian.Kernel.Pages.Admin;

/// <summary>
/// 节假日安排: the years whose State Council notice is loaded, the days of one year, and the import of a new year's
/// notice (validated, the whole year replaced in one transaction, deadlines recomputed from then on).
/// </summary>
[Requires(KernelPermissions.AdminReference)]
public sealed class CalendarModel(Data.ShianDb db, CalendarImport import, TimeProvider clock) : PageModel
{
    public const long MaxFile = 256 * 1024;

    public sealed record YearRow(int Year, CalendarYear? Loaded, int Off, int Work);

    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Show { get; set; }

    [BindProperty, Display(Name = "年份")]
    public int? Year { get; set; }

    [BindProperty, Display(Name = "通知文号")]
    public string? Notice { get; set; }

    [BindProperty, Display(Name = "文件")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public int ThisYear { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var errors = new List<string>();
        var thisYear = ChinaTime.Today(clock).Year;
        if (Year is not int year || year < 2000 || year > thisYear + 1)
        {
            errors.Add($"年份：应在 2000–{thisYear + 1} 之间");
        }

        if (Upload is null || Upload.Length == 0)
        {
            errors.Add("文件：请选择节假日 .csv 文件");
        }
        else if (Upload.Length > MaxFile)
        {
            errors.Add("文件：不超过 256 KB");
        }

        if (!ModelState.IsValid)
        {
            errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }

        if (errors.Count == 0)
        {
            using var reader = new StreamReader(Upload!.OpenReadStream());
            var outcome = await import.ImportYearAsync(Year!.Value, Notice?.Trim() ?? "", reader, ct);
            if (outcome.Succeeded)
            {
                Saved = $"已导入 {Year} 年节假日安排（{outcome.Rows} 天），期限计算即时生效。";
                return RedirectToPage(new { show = Year });
            }

            errors.AddRange(outcome.Errors);
        }

        Errors = errors;
        Show = Year;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ThisYear = ChinaTime.Today(clock).Year;
        var loaded = await db.CalendarYears.AsNoTracking().ToDictionaryAsync(y => y.Year, ct);
        var counts = (await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(ct))
            .GroupBy(d => d.Date.Year).ToDictionary(g => g.Key, g => (Off: g.Count(d => d.Kind == CalendarDayKind.Off), Work: g.Count(d => d.Kind == CalendarDayKind.Work)));
        var years = loaded.Keys.Append(ThisYear).Append(ThisYear + 1).Distinct().OrderByDescending(y => y);
        Years = [.. years.Select(y => new YearRow(y, loaded.GetValueOrDefault(y), counts.GetValueOrDefault(y).Off, counts.GetValueOrDefault(y).Work))];
        Show ??= ThisYear;
        var from = new DateOnly(Show.Value is >= 1900 and <= 2200 ? Show.Value : ThisYear, 1, 1);
        var to = from.AddYears(1);
        Days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date < to).OrderBy(d => d.Date).ToListAsync(ct);
    }
}
