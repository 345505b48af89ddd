using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Audit;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Web;

namespace Shian.Registry.Pages;

/// <summary>One business: header card, licences with their history, and the timeline of what happened (from the audit log).</summary>
[Requires(RegistryPermissions.Read)]
public sealed class BusinessModel(RegistryService registry, Duties duties, IEnumerable<IBusinessProfileSection> sections, ShianDb db, TimeProvider clock, SecurityAudit audit) : PageModel
{
    public RegistryService.Profile Profile { get; private set; } = null!;

    public string RegionName { get; private set; } = "";

    public IReadOnlyList<AuditEntry> Timeline { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Domain.Duty> DutyRecords { get; private set; } = [];

    /// <summary>What other modules show of this business (inspections, samples, risk), in their order.</summary>
    public IReadOnlyList<BusinessProfilePart> Sections { get; private set; } = [];

    /// <summary>The clear 身份证号, in place of the masked one (htmx); audited.</summary>
    [Requires(RegistryPermissions.RevealPersonal)]
    public async Task<IActionResult> OnGetPersonIdAsync(Guid id, CancellationToken ct)
    {
        if (await registry.RevealResponsiblePersonIdAsync(id, audit, ct) is not { } revealed)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Content(revealed.Clear ?? "—");
    }

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
        DutyRecords = await db.Duties.AsNoTracking().Where(d => d.BusinessId == id).OrderBy(d => d.Kind).ThenByDescending(d => d.Since).ToListAsync(ct);
        var parts = new List<BusinessProfilePart>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.LoadAsync(id, User, ct) is { } model)
            {
                parts.Add(new BusinessProfilePart(section.PartialView, model));
            }
        }

        Sections = parts;
        return Page();
    }

    /// <summary>An officer may confirm or decline self-reports here; the business's own account sees the self-report hint.</summary>
    public bool CanConfirm => User.Grants(RegistryPermissions.ConfirmDuty);

    public bool IsOwnBusiness => db.Request.Scope.Uscc is { } uscc && uscc == Profile.Business.Uscc;

    [Requires(RegistryPermissions.RecordDuty)]
    public async Task<IActionResult> OnPostDutyAsync(Guid id, string? kind, string? value, string? since, string? until, IFormFile? evidence, CancellationToken ct)
    {
        DateOnly? Parse(string? s) => DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) ? d : null;
        return await this.TryAsync(async () =>
        {
            // An unknown kind is a clear error, never a stored number (enums are checked before anything is written).
            if (!Enum.TryParse<Domain.DutyKind>(kind, out var k) || !Enum.IsDefined(k))
            {
                throw Kernel.Errors.ShianProblemException.Invalid("registry.duty-invalid", "请选择主体责任事项", new Dictionary<string, string[]> { ["kind"] = ["请选择主体责任事项"] });
            }

            Duties.EvidenceFile? file = null;
            if (evidence is { Length: > 0 })
            {
                using var buffer = new MemoryStream();
                await evidence.CopyToAsync(buffer, ct);
                file = new Duties.EvidenceFile(evidence.FileName, buffer.ToArray());
            }

            await duties.AddAsync(id, new Duties.DutyRequest(k, value, Parse(since), Parse(until), null), ct, file);
            return Redirect(User.Grants(RegistryPermissions.Portal) ? "/business?saved=duty#duties" : $"/registry/{id}#duties");
        }, () => OnGetAsync(id, ct), underFields: false);
    }

    [Requires(RegistryPermissions.ConfirmDuty)]
    public Task<IActionResult> OnPostReviewDutyAsync(Guid id, Guid dutyId, bool confirm, string? reason, CancellationToken ct) => this.TryAsync(async () =>
    {
        await duties.ReviewAsync(dutyId, confirm, reason, ct);
        return Redirect($"/registry/{id}#duties");
    }, () => OnGetAsync(id, ct), underFields: false);

    public bool LicenceFormOpen { get; private set; }

    [Requires(RegistryPermissions.ChangeStatus)]
    public Task<IActionResult> OnPostStatusAsync(Guid id, string? status, CancellationToken ct) => this.TryAsync(async () =>
    {
        if (!Enum.TryParse<BusinessStatus>(status, out var value) || !Enum.IsDefined(value))
        {
            throw Kernel.Errors.ShianProblemException.Invalid("registry.status-invalid", "经营状态应为 在营、停业 或 注销");
        }

        await registry.SetStatusAsync(id, value, ct);
        return Redirect($"/registry/{id}?saved=1");
    }, () => OnGetAsync(id, ct), underFields: false);

    [Requires(RegistryPermissions.Licences)]
    public async Task<IActionResult> OnPostLicenceAsync(Guid id, string? kind, string? number, string? issuer, string? issuedOn, string? validTo, string? scope, Guid? supersedes, CancellationToken ct)
    {
        LicenceFormOpen = true;
        DateOnly? Parse(string? s) => DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) ? d : null;
        return await this.TryAsync(async () =>
        {
            await registry.AddLicenceAsync(id, new RegistryService.LicenceRequest(string.IsNullOrWhiteSpace(kind) ? null : kind, number, issuer, Parse(issuedOn), Parse(validTo), scope, supersedes), ct);
            return Redirect($"/registry/{id}?saved=1");
        }, () => OnGetAsync(id, ct), underFields: false);
    }
}
