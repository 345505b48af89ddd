using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Audit;
using Shian.Registry;

namespace Shian.Pages.Registry;

/// <summary>One business: header card, licences with their history, and the timeline of what happened (from the audit log).</summary>
public sealed class BusinessModel(RegistryService registry, Duties duties, Shian.Risk.RiskGrading risk, ShianDb db, TimeProvider clock) : PageModel
{
    public RegistryService.Profile Profile { get; private set; } = null!;

    public string RegionName { get; private set; } = "";

    public IReadOnlyList<AuditEntry> Timeline { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public Shian.Risk.Domain.RiskGrade? Risk { get; private set; }

    public IReadOnlyList<Shian.Inspections.Domain.InspectionRecord> Inspections { get; private set; } = [];

    /// <summary>Visits still to do (draws, plans, campaigns, re-inspections), the most urgent first.</summary>
    public IReadOnlyList<Shian.Inspections.Domain.PlannedVisit> OpenVisits { get; private set; } = [];

    public IReadOnlyList<Shian.Registry.Domain.Duty> DutyRecords { get; private set; } = [];

    public IReadOnlyList<Shian.Sampling.Domain.Sample> SampleList { get; private set; } = [];

    public IReadOnlyList<Shian.Risk.Rules.RiskFactor> RiskFactors { get; private set; } = [];

    public IReadOnlyList<Shian.Risk.Domain.RiskGrade> RiskHistory { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var profile = await registry.ProfileAsync(id, ct);
        if (profile is null)
        {
            return NotFound();
        }

        Profile = profile;
        Today = Kernel.Calendar.ChinaTime.Today(clock);
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == profile.Business.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? profile.Business.RegionCode;

        // The record's own audit entries (it passed the region filter above).
        var keys = profile.Licences.Select(l => l.Id.ToString()).Append(id.ToString()).ToList();
        Timeline = await db.AuditEntries.AsNoTracking().Where(a => keys.Contains(a.EntityId)).OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Sequence).Take(100).ToListAsync(ct);
        (Risk, RiskHistory) = await risk.OfBusinessAsync(id, ct);
        DutyRecords = await db.Duties.AsNoTracking().Where(d => d.BusinessId == id).OrderBy(d => d.Kind).ThenByDescending(d => d.Since).ToListAsync(ct);
        Inspections = await db.InspectionRecords.AsNoTracking().Where(r => r.BusinessId == id).OrderByDescending(r => r.InspectedOn).ThenByDescending(r => r.Id).Take(20).ToListAsync(ct);
        // Never to the business itself: inspections are unannounced (飞行检查 above all).
        OpenVisits = User.IsInRole(Kernel.Users.ShianRoles.Business) ? [] : await db.PlannedVisits.AsNoTracking().Where(v => v.BusinessId == id && v.Status == Shian.Inspections.Domain.VisitStatus.Planned)
            .OrderBy(v => v.DueBy == null).ThenBy(v => v.DueBy).Take(10).ToListAsync(ct);
        RiskFactors = Risk is null ? [] : Shian.Risk.RiskGrading.Factors(Risk);
        SampleList = await db.Samples.AsNoTracking().Where(s => s.BusinessId == id).OrderByDescending(s => s.SampledOn).Take(20).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDutyAsync(Guid id, Shian.Registry.Domain.DutyKind kind, string? value, string? since, string? until, CancellationToken ct)
    {
        try
        {
            DateOnly? Parse(string? s) => DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) ? d : null;
            await duties.AddAsync(id, new Duties.DutyRequest(kind, value, Parse(since), Parse(until), null), ct);
            return Redirect($"/registry/{id}#duties");
        }
        catch (Kernel.Errors.ShianProblemException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            Web.PageErrors.Add(ModelState, e, underFields: false);
            return await OnGetAsync(id, ct);
        }
    }
}
