using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Surveys.Contracts;
using Shian.Surveys.Domain;
using Shian.Web;

namespace Shian.Surveys.Pages;

/// <summary>问卷调查: the region's surveys and, for those who manage them, the form to start one.</summary>
[Requires(SurveysPermissions.Read)]
public sealed class IndexModel(SurveyDesk desk, ShianDb db, TimeProvider clock) : PageModel
{
    public int ThisYear => Kernel.Calendar.ChinaTime.Today(clock).Year;

    public IReadOnlyList<Survey> Surveys { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> Responses { get; private set; } = new Dictionary<Guid, int>();

    /// <summary>Open surveys of the city above the caller's district, which its officers interview for.</summary>
    public IReadOnlyList<Survey> Above { get; private set; } = [];

    public bool CanInterview => User.Grants(SurveysPermissions.Interview);

    /// <summary>The cities and counties the caller may run a survey for.</summary>
    public IReadOnlyList<(string Code, string Name)> Offices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public bool CanManage => User.Grants(SurveysPermissions.Manage);

    public string Posted(string name, string fallback = "") => Request.HasFormContentType && Request.Form.ContainsKey(name) ? Request.Form[name].ToString() : fallback;

    private async Task LoadAsync(CancellationToken ct)
    {
        Surveys = await desk.ListAsync(ct);
        Above = await desk.AboveAsync(ct);
        var ids = Surveys.Select(s => s.Id).ToList();
        Responses = await db.SurveyResponses.AsNoTracking().Where(r => ids.Contains(r.SurveyId)).GroupBy(r => r.SurveyId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City || r.Level == RegionLevel.County).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        RegionNames = regions.ToDictionary(r => r.Code, r => r.Name);
        Offices = [.. regions.Where(r => db.Request.Scope.AllowsCreateIn(r.Code)).Select(r => (r.Code, r.Name)).Take(300)];
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Requires(SurveysPermissions.Manage)]
    public async Task<IActionResult> OnPostAsync(string? regionCode, string? title, string? intro, string? purpose, string? access, int? year, decimal? marginOfError, int? minPerDistrict, CancellationToken ct) =>
        await this.TryAsync(async () =>
        {
            var s = await desk.CreateAsync(new SurveyDesk.Input(regionCode, title, intro, FormValues.Choice<SurveyPurpose>(purpose), FormValues.Choice<SurveyAccess>(access),
                year, marginOfError, minPerDistrict), ct);
            return Redirect($"/surveys/{s.Id}?saved=created");
        }, () => LoadAsync(ct));
}
