using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using Shian.Complaints;
using Shian.Complaints.Contracts;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Data;
using Shian.Kernel.Audit;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;

namespace Shian.Complaints.Pages;

/// <summary>投诉举报统计: a region and period; bars drill down to districts and streets; the on-time rate per clock; export of the list (identities masked).</summary>
[Requires(ComplaintsPermissions.Read)]
public sealed class StatsModel(ComplaintStats stats, ShianDb db, SecurityAudit audit, IOptions<ShianOptions> shian, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    public ComplaintStats.Result Result { get; private set; } = null!;

    public string? ParentCode { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    private async Task<string?> RegionAsync(CancellationToken ct)
    {
        if (await Web.RegionChoices.HomeOrNullAsync(Region, db, shian.Value, ct) is not { } region)
        {
            return null;
        }

        var today = ChinaTime.Today(clock);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        return region;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RegionAsync(ct) is not { } region)
        {
            return NotFound();
        }

        Result = await stats.ForAsync(region, From!.Value, To!.Value, ct);
        ParentCode = RegionCode.Parent(region) is { } p && db.Request.Scope.Allows(p) ? p : null;
        return Page();
    }

    /// <summary>The complaints of the region and period as .xlsx, identities masked; recorded as an export in the audit chain.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await RegionAsync(ct) is not { } region)
        {
            return NotFound();
        }

        var prefix = RegionCode.Prefix(region);
        var list = await db.Complaints.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix) && c.ReceivedOn >= From && c.ReceivedOn <= To)
            .OrderBy(c => c.ReceivedAtUtc).Take(100_000).ToListAsync(ct);
        var rows = list.Select(c => new Dictionary<string, object?>
        {
            ["查询码"] = TrackingCodes.Display(c.TrackingCode), ["渠道"] = Intake.ChannelText(c.Channel), ["工单号"] = c.TicketId, ["性质"] = c.Kind == ComplaintKind.Report ? "举报" : "投诉",
            ["问题类别"] = Open311Services.Of(c.Category).Name, ["收到日期"] = c.ReceivedOn.ToString("yyyy-MM-dd"), ["区划代码"] = c.RegionCode, ["经营者"] = c.BusinessName,
            ["地点"] = c.Address, ["投诉举报人"] = c.Anonymous ? "匿名" : c.NameMasked, ["状态"] = t[$"Complaints.Status.{c.Status}"].Value, ["受理期限"] = c.AcceptBy.ToString("yyyy-MM-dd"),
            ["核查期限"] = c.VerifyBy?.ToString("yyyy-MM-dd"), ["是否属实"] = c.Substantiated switch { true => "属实", false => "不属实", _ => null },
            ["答复日期"] = c.RepliedOn?.ToString("yyyy-MM-dd"), ["办结日期"] = c.ClosedOn?.ToString("yyyy-MM-dd"), ["满意度"] = c.Satisfaction,
        });
        using var ms = new MemoryStream();
        await ms.SaveAsAsync(rows, cancellationToken: ct);
        await audit.RecordAsync(new SecurityEvent(SecurityActions.Export, "Complaint", Request.Path + Request.QueryString, region,
            SecurityAudit.Details(new { region, from = From, to = To, rows = list.Count })), ct);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"投诉举报-{region}-{From:yyyyMMdd}-{To:yyyyMMdd}.xlsx");
    }
}
