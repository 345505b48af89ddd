using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Web;

namespace Shian.Emergencies.Pages;

/// <summary>
/// 信息直报 from a phone in two minutes: what, where, how many ill, symptoms, the suspected food and business, photos. A
/// business reports for its own site; street reporters and officers for the streets they cover. Times are Beijing time.
/// </summary>
[Requires(EmergenciesPermissions.Report)]
public sealed class ReportModel(Incidents incidents, ShianDb db, IBusinessDirectory directory, IPublicRegister register, TimeProvider clock,
    Complaints.Contracts.IComplaintTips tips) : PageModel
{
    /// <summary>A complaint or report being escalated to an incident (投诉举报转事故处置).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Complaint { get; set; }

    public Complaints.Contracts.ComplaintTip? Tip { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty, Display(Name = "发生场所")] public IncidentSetting Setting { get; set; } = IncidentSetting.School;
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty, Display(Name = "经营场所")] public Guid? BusinessId { get; set; }
    [BindProperty] public string? BusinessName { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty, Display(Name = "首例发病时间")] public DateTime? OnsetAt { get; set; }
    [BindProperty, Display(Name = "获知时间")] public DateTime? LearnedAt { get; set; }
    [BindProperty, Display(Name = "发病人数")] public int Harmed { get; set; }
    [BindProperty, Display(Name = "住院人数")] public int Hospitalised { get; set; }
    [BindProperty, Display(Name = "死亡人数")] public int Deaths { get; set; }
    [BindProperty] public string? Symptoms { get; set; }
    [BindProperty] public string? SuspectedFood { get; set; }
    [BindProperty] public string? ReporterUnit { get; set; }
    [BindProperty] public string? ReporterPhone { get; set; }
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    /// <summary>A business account's own sites (it reports for one of them).</summary>
    public IReadOnlyList<BusinessIdentity> Sites { get; private set; } = [];

    /// <summary>Streets and counties a staff reporter covers.</summary>
    public IReadOnlyList<Region> Places { get; private set; } = [];

    public bool AsBusiness { get; private set; }

    public IReadOnlyList<PublicBusiness> Matches { get; private set; } = [];

    public string? Query { get; private set; }

    /// <summary>The register lookup under the business name (htmx): staff pick the suspected business; a name alone is kept when it is not registered here.</summary>
    public async Task<IActionResult> OnGetBusinessesAsync(string? businessName, CancellationToken ct)
    {
        Query = businessName?.Trim();
        Matches = Query is { Length: >= 2 } ? await register.SearchAsync(Query, 8, ct) : [];
        return Partial("/Emergencies/Pages/Shared/_IncidentBusinessMatches.cshtml", (Query, Matches, BusinessId));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        LearnedAt = Trim(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, ChinaTime.Zone));
        await LoadAsync(ct);
        if (Tip is { } t)
        {
            Description = $"投诉举报 {t.TrackingCode} 反映：{t.Description}";
            BusinessId = t.BusinessId;
            BusinessName = t.BusinessName;
            Place = t.Address;
            RegionCode = t.RegionCode;
            Setting = t.AboutSchool ? IncidentSetting.School : IncidentSetting.Restaurant;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await this.TryAsync(async () =>
    {
        var photos = new List<Incidents.Photo>();
        foreach (var f in Photos.Where(f => f.Length > 0))
        {
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            photos.Add(new Incidents.Photo(f.FileName, ms.ToArray()));
        }

        var receipt = await incidents.ReportAsync(new Incidents.DirectReport(Title, Description, Setting, string.IsNullOrEmpty(RegionCode) ? null : RegionCode, BusinessId,
            BusinessName, Place, Incidents.FromBeijing(OnsetAt), Incidents.FromBeijing(LearnedAt), Harmed, Hospitalised, Deaths, Symptoms, SuspectedFood, ReporterUnit, ReporterPhone, photos, Complaint), ct);
        TempData["IncidentReceipt"] = receipt.ReportedLate
            ? "已报告。获知后超过规定时限才报告，已记为迟报；请尽快配合调查。"
            : "已报告，辖区市场监管部门已收到并将立即研判。";
        return User.Grants(EmergenciesPermissions.Read) ? Redirect($"/emergencies/{receipt.Id}") : Redirect("/emergencies/report?sent=1");
    }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Tip = Complaint is { } cid ? await tips.FindAsync(cid, ct) : null;
        var scope = db.Request.Scope;
        AsBusiness = scope.Uscc is not null && !scope.Unrestricted && scope.Prefixes.Count == 0;
        if (AsBusiness)
        {
            Sites = await directory.WithUsccAsync(scope.Uscc!, ct);
        }
        else
        {
            Places = await OfficeRegions.ForAsync(db, [RegionLevel.County, RegionLevel.Town], 400, ct);
        }
    }

    private static DateTime Trim(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0);
}
