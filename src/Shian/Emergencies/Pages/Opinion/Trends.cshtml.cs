using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;

namespace Shian.Emergencies.Pages.Opinion;

/// <summary>舆情趋势: items per topic per week (ECharts), per county and the businesses most named — each a link to the items behind it.</summary>
[Requires(EmergenciesPermissions.OpinionRead)]
public sealed class TrendsModel(OpinionQueries queries, ShianDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Weeks { get; set; } = 12;
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public OpinionQueries.Trends Result { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Weeks = Math.Clamp(ModelState.IsValid ? Weeks : 12, 4, 52);
        Result = await queries.TrendsAsync(ChinaTime.Today(clock), Weeks, Region, ct);
        var codes = Result.Regions.Select(r => r.Key).ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return Page();
    }

    /// <summary>The chart's data: weeks, and a series per topic (the top eight; the rest summed as 其他).</summary>
    public object ChartData()
    {
        var top = Result.Topics.Take(8).Select(t => new { name = t.Topic, data = t.PerWeek }).ToList();
        var rest = Result.Topics.Skip(8).ToList();
        if (rest.Count > 0)
        {
            top.Add(new { name = "其他", data = Enumerable.Range(0, Result.Weeks.Count).Select(w => rest.Sum(t => t.PerWeek[w])).ToArray() });
        }

        return new { weeks = Result.Weeks.Select(OpinionQueries.WeekLabel), from = Result.Weeks.Select(w => w.ToString("yyyy-MM-dd")), series = top };
    }
}
