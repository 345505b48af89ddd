using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;
using Shian.Web;

namespace Shian.Registry.Pages;

/// <summary>
/// 我的企业: a food business's own portal. At the top, what the business must do and by when — across every module (a
/// 复检 window, a rectification to report, a 陈述申辩, a fine to pay, a licence to renew, a recall to report) — then its
/// sites and licences, its 主体责任 self-reports with the officer's confirmation, and each module's section. Only the
/// records that carry the account's USCC (the query filter); the register knows no other module (ADR 0004).
/// </summary>
[Requires(RegistryPermissions.Portal)]
public sealed class PortalModel(ShianDb db, IBusinessDirectory directory, IEnumerable<IBusinessPortalSection> sections, WorkingDayCalendarProvider calendar,
    IConfiguration configuration, TimeProvider clock) : PageModel
{
    public sealed record Site(BusinessIdentity Identity, BusinessKind Kind, BusinessStatus Status, IReadOnlyList<LicenceRow> Licences, IReadOnlyList<Duty> Duties, string RegionName);

    /// <param name="ApplyBy">The last day to file the renewal; <paramref name="WindowOpen"/> once the window (90 working days for 经营许可) has opened.</param>
    public sealed record LicenceRow(Licence Licence, int WorkingDaysLeft, DateOnly? ApplyBy, bool WindowOpen);

    /// <summary>One line of "需要您处理", sorted overdue first, then by date; <paramref name="Overdue"/> when its date has passed.</summary>
    public sealed record ActionRow(PortalAction Action, bool Overdue, int? DaysLeft);

    public string Uscc { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public IReadOnlyList<ActionRow> Actions { get; private set; } = [];

    public IReadOnlyList<BusinessPortalPart> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Uscc = User.FindFirstValue(ShianClaims.Uscc) ?? "";
        var identities = Uscc.Length == 0 ? [] : await directory.WithUsccAsync(Uscc, ct);
        var ids = identities.Select(i => i.Id).ToList();
        var businesses = await db.Businesses.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var licences = await db.Licences.AsNoTracking().Where(l => ids.Contains(l.BusinessId) && l.Status == LicenceStatus.Valid).ToListAsync(ct);
        var duties = await db.Duties.AsNoTracking().Where(d => ids.Contains(d.BusinessId)).OrderBy(d => d.Kind).ThenByDescending(d => d.Since).ToListAsync(ct);
        var regionCodes = identities.Select(i => i.RegionCode).Distinct().ToList();
        var regionNames = await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var cal = calendar.Current;
        var actions = new List<PortalAction>();
        var sites = new List<Site>();
        foreach (var identity in identities)
        {
            var b = businesses[identity.Id];
            var rows = licences.Where(l => l.BusinessId == identity.Id).OrderBy(l => l.ValidTo).Select(l =>
            {
                if (l.ValidTo is not DateOnly validTo)
                {
                    return new LicenceRow(l, int.MaxValue, null, false);
                }

                var marks = RenewalReminders.MarksOf(configuration, l.Kind);
                var left = cal.WorkingDaysBetween(Today, validTo).Days;
                var applyBy = RenewalWindows.ApplyBy(cal, validTo, marks.Min());
                var open = left <= marks.Max();
                if (b.Status != BusinessStatus.Closed && validTo < Today)
                {
                    actions.Add(new PortalAction($"许可证已过期：{RegistryLabels.LicenceKinds[l.Kind]} {l.Number}", $"{identity.Name}。已于 {Display.DateProse(validTo)} 到期，过期后不得继续经营，请尽快向发证部门重新申请。", validTo, "/business#sites"));
                }
                else if (b.Status != BusinessStatus.Closed && open)
                {
                    actions.Add(new PortalAction($"申请延续许可证：{RegistryLabels.LicenceKinds[l.Kind]} {l.Number}", $"{identity.Name}，{Display.DateProse(validTo)} 到期。{RenewalWindows.AdviceToBusiness(l.Kind)}。", applyBy, "/business#sites"));
                }

                return new LicenceRow(l, left, applyBy, open);
            }).ToList();
            var own = duties.Where(d => d.BusinessId == identity.Id).ToList();
            foreach (var d in own.Where(d => d.DeclinedReason is not null && !own.Any(o => o.Kind == d.Kind && o.RecordedAtUtc > d.RecordedAtUtc)))
            {
                actions.Add(new PortalAction($"主体责任事项被退回：{DutyRules.Names[d.Kind]}", $"退回理由：{d.DeclinedReason}。请补充材料后重新报送。", null, "/business#duties"));
            }

            sites.Add(new Site(identity, b.Kind, b.Status, rows, own, regionNames.GetValueOrDefault(identity.RegionCode) ?? ""));
        }

        Sites = sites;
        var parts = new List<BusinessPortalPart>();
        if (identities.Count > 0)
        {
            var context = new BusinessPortalContext(Uscc, identities, Today);
            foreach (var section in sections.OrderBy(s => s.Order))
            {
                if (await section.LoadAsync(context, ct) is { } part)
                {
                    parts.Add(part);
                    actions.AddRange(part.Actions);
                }
            }
        }

        Sections = parts;
        Actions = [.. actions.Select(a => new ActionRow(a, a.DueBy is DateOnly by && by < Today, a.DueBy is DateOnly d ? d.DayNumber - Today.DayNumber : null))
            .OrderBy(a => a.Overdue ? 0 : a.Action.DueBy is null ? 2 : 1).ThenBy(a => a.Action.DueBy).ThenBy(a => a.Action.Title, StringComparer.Ordinal)];
        return Page();
    }
}
