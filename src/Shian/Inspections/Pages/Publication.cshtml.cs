using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Contracts;
using Shian.Inspections.Domain;
using Shian.Inspections.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Inspections.Pages;

/// <summary>
/// 检查结果公开: results awaiting an officer's review, the most urgent first, published together or held back with a
/// reason; businesses' replies awaiting review; and the days-to-publish of the last 90 days against the target and the law.
/// </summary>
[Requires(InspectionsPermissions.Review)]
public sealed class PublicationModel(ResultPublication publication, ResultReplies replies, ShianDb db, Checks checks, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InspectionRecord> Queue { get; private set; } = [];

    public int Waiting { get; private set; }

    public IReadOnlyList<InspectionReply> Replies { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ReplyBusinesses { get; private set; } = new Dictionary<Guid, string>();

    public PublicationDelay.Summary Delay { get; private set; } = null!;

    /// <summary>Days-to-publish per district, shown when the caller's regions hold more than one.</summary>
    public IReadOnlyList<(string County, PublicationDelay.Summary Summary)> DelayByDistrict { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public int TargetDays => checks.PublishWithinDays;

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    [BindProperty] public List<Guid> Ids { get; set; } = [];

    [BindProperty] public Guid HoldId { get; set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => await this.TryAsync(async () =>
    {
        var n = await publication.PublishAsync(Ids, ct);
        TempData["Flash"] = $"已公开 {n} 条检查结果。";
        return RedirectToPage();
    }, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken ct) => await this.TryAsync(async () =>
    {
        await publication.HoldAsync(HoldId, Reason, ct);
        TempData["Flash"] = "已暂缓公开，理由已记录。";
        return RedirectToPage();
    }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Queue = await publication.QueueAsync(100, ct);
        Waiting = await publication.WaitingAsync(ct);
        Replies = await replies.WaitingAsync(50, ct);
        var recordIds = Replies.Select(r => r.RecordId).Distinct().ToList();
        ReplyBusinesses = await db.InspectionRecords.AsNoTracking().Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.BusinessName, ct);
        (Delay, DelayByDistrict) = await publication.DelayByDistrictAsync(Today.AddDays(-90), Today, null, ct);
        var codes = Queue.Select(r => r.RegionCode).Concat(DelayByDistrict.Select(d => d.County)).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
