using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Emergencies.Pages;

/// <summary>
/// 零报告: what the signed-in reporter owes (one button: 本期无事件), the schedules local plans set, and the board of each
/// point's last periods (按时、补报、有事件、缺报、待报) with the on-time rate; forms to set or end a schedule and to
/// enter a report received by phone.
/// </summary>
[Requires(EmergenciesPermissions.Report)]
public sealed class ZeroReportsModel(ZeroReporting zero, ShianDb db, TimeProvider clock) : PageModel
{
    public DateOnly Today => ChinaTime.Today(clock);

    [BindProperty(SupportsGet = true)] public Guid? Schedule { get; set; }

    public IReadOnlyList<ZeroReporting.Owed> Mine { get; private set; } = [];

    public IReadOnlyList<ZeroReportSchedule> Schedules { get; private set; } = [];

    public ZeroReporting.Board? Board { get; private set; }

    public IReadOnlyList<Region> Choices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public string? Form { get; private set; }

    public bool CanRead => User.Grants(EmergenciesPermissions.Read);

    public bool CanManage => User.Grants(EmergenciesPermissions.Network);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    /// <summary>A reporter's 本期无事件 (or an officer's entry of a report received by phone).</summary>
    public async Task<IActionResult> OnPostReportAsync(Guid scheduleId, Guid pointId, DateOnly periodStart, string? note, CancellationToken ct)
    {
        Form = "report";
        return await this.TryAsync(async () =>
        {
            await zero.SubmitAsync(scheduleId, pointId, periodStart, note, ct);
            TempData["Flash"] = "零报告已报送";
            return Redirect(Schedule is { } s ? $"/emergencies/zero-reports?schedule={s}#board" : "/emergencies/zero-reports");
        }, async () => await ShowAsync(ct), underFields: false);
    }

    [Requires(EmergenciesPermissions.Network)]
    public async Task<IActionResult> OnPostScheduleAsync(string? title, string? regionCode, ZeroReportFrequency frequency, int dueHour, int dueOffsetDays, bool workingDaysOnly,
        bool includeKeySites, DateOnly? from, DateOnly? until, string? basis, CancellationToken ct)
    {
        Form = "schedule";
        return await this.TryAsync(async () =>
        {
            var id = await zero.AddScheduleAsync(new ZeroReporting.ScheduleInput(title, regionCode, frequency, dueHour, dueOffsetDays, workingDaysOnly, includeKeySites, from, until, basis), ct);
            return Redirect($"/emergencies/zero-reports?schedule={id}#board");
        }, async () => await ShowAsync(ct), underFields: false);
    }

    [Requires(EmergenciesPermissions.Network)]
    public async Task<IActionResult> OnPostEndAsync(Guid scheduleId, CancellationToken ct)
    {
        Form = "board";
        return await this.TryAsync(async () =>
        {
            await zero.EndScheduleAsync(scheduleId, ct);
            return Redirect($"/emergencies/zero-reports?schedule={scheduleId}#board");
        }, async () => await ShowAsync(ct), underFields: false);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Mine = await zero.MineAsync(ct);
        if (CanRead)
        {
            Schedules = await zero.SchedulesAsync(ct);
            var today = Today;
            var chosen = Schedule is { } id ? Schedules.FirstOrDefault(s => s.Id == id)
                : Schedules.FirstOrDefault(s => s.From <= today && (s.Until is null || s.Until >= today)) ?? Schedules.FirstOrDefault();
            if (chosen is not null)
            {
                Schedule = chosen.Id;
                Board = await zero.BoardAsync(chosen.Id, ct);
            }
        }

        Choices = CanManage ? await OfficeRegions.OfficesAsync(db, ct, 50) : [];
        var codes = Schedules.Select(s => s.RegionCode).Concat(Board?.Rows.Select(r => r.Point.RegionCode) ?? []).Concat(Mine.Select(m => m.Point.RegionCode)).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return Page();
    }

    /// <summary>The rule in words: 每日 16 时前（当日）, 每周（次周第 1 个工作日 10 时前）.</summary>
    public static string Describe(ZeroReportSchedule s) => s.Frequency switch
    {
        ZeroReportFrequency.Daily => s.DueOffsetDays == 0
            ? $"每{(s.WorkingDaysOnly ? "个工作日" : "日")} {s.DueHour} 时前报告当日情况"
            : $"每{(s.WorkingDaysOnly ? "个工作日" : "日")}报告，{s.DueOffsetDays} 个{(s.WorkingDaysOnly ? "工作日" : "自然日")}后 {s.DueHour} 时前",
        ZeroReportFrequency.Weekly => $"每周报告，周日后第 {s.DueOffsetDays} 个{(s.WorkingDaysOnly ? "工作日" : "自然日")} {s.DueHour} 时前",
        _ => $"每月报告，月末后第 {s.DueOffsetDays} 个{(s.WorkingDaysOnly ? "工作日" : "自然日")} {s.DueHour} 时前",
    };
}
