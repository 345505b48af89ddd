using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Sampling;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Web;

namespace Shian.Sampling.Pages;

/// <summary>抽样单 on a phone: the business is given; choosing a food category loads (htmx) the test items that have a limit for it, pre-ticked.</summary>
[Requires(SamplingPermissions.Sample)]
public sealed class NewModel(ShianDb db, Samples samples, Standards standards, IBusinessDirectory directory, People people, TimeProvider clock) : PageModel
{
    public BusinessFacts Business { get; private set; } = null!;

    public Standards.Library Library { get; private set; } = null!;

    public IReadOnlyList<SamplingPlan> Plans { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name, bool HasLimit)> AnalyteChoices { get; private set; } = [];

    [BindProperty] public Guid? PlanId { get; set; }
    [BindProperty] public SampleKind Kind { get; set; }
    [BindProperty] public string? ProductName { get; set; }
    [BindProperty(SupportsGet = true)] public string? CategoryCode { get; set; }
    [BindProperty] public string? Brand { get; set; }
    [BindProperty] public string? Specification { get; set; }
    [BindProperty] public string? Batch { get; set; }

    [BindProperty] public string? Gtin { get; set; }
    [BindProperty] public DateOnly? ProductionDate { get; set; }

    [BindProperty] public DateOnly? BestBefore { get; set; }

    [BindProperty] public bool Prepackaged { get; set; }
    [BindProperty] public string? LabelledProducer { get; set; }
    [BindProperty] public string? LabelledProducerAddress { get; set; }
    [BindProperty] public string? Quantity { get; set; }
    [BindProperty] public DateOnly SampledOn { get; set; }
    /// <summary>The staff ticked as samplers (user names): people whose jurisdiction covers the business.</summary>
    [BindProperty] public List<string> Samplers { get; set; } = [];

    /// <summary>Samplers without an account (the 承检机构's staff), names separated by 、.</summary>
    [BindProperty] public string? OtherSamplers { get; set; }

    /// <summary>Whom to tick: officers, inspectors and lab staff covering the business's region.</summary>
    public IReadOnlyList<People.Person> Staff { get; private set; } = [];
    [BindProperty] public string? Lab { get; set; }
    [BindProperty] public List<string> Analytes { get; set; } = [];
    [BindProperty(SupportsGet = true)] public Guid? RapidTestId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        SampledOn = ChinaTime.Today(clock);
        Samplers = db.Request.UserName is { } me ? [me] : [];
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>htmx: the test items for a category — those with a limit in force ticked first.</summary>
    public async Task<IActionResult> OnGetAnalytesAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Analytes = [.. AnalyteChoices.Where(a => a.HasLimit).Select(a => a.Code)];
        return Partial("_Analytes", this);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        return await this.TryAsync(async () =>
        {
            var sample = await samples.CreateAsync(id, new Samples.SampleRequest(PlanId, Kind, ProductName, CategoryCode, Brand, Specification, Batch, ProductionDate, LabelledProducer,
                LabelledProducerAddress, Quantity, SampledOn, [.. Samplers, .. (OtherSamplers ?? "").Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], Lab, Analytes, RapidTestId, BestBefore, Gtin, Prepackaged), ct);
            return Redirect($"/sampling/samples/{sample.Id}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var business = (await directory.FindAsync([id], ct)).SingleOrDefault();
        if (business is null)
        {
            return false;
        }

        Business = business;
        Staff = await people.CoveringAsync(business.RegionCode, [ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Lab], ct);
        Library = await standards.LibraryAsync(ct);
        var year = ChinaTime.Today(clock).Year;
        Plans = (await db.SamplingPlans.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.RegionCode).ToListAsync(ct))
            .Where(p => Kernel.Regions.RegionCode.IsWithin(business.RegionCode, p.RegionCode)).ToList();
        var on = ChinaTime.Today(clock);
        AnalyteChoices = [.. Library.Analytes.Values.OrderBy(a => a.Group).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => (a.Code, a.Name, CategoryCode is not null && Library.Book.Resolve(CategoryCode, a.Code, on) is not null))
            .OrderByDescending(a => a.Item3)];
        return true;
    }
}
