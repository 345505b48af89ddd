using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Sampling;
using Shian.Sampling.Domain;

namespace Shian.Sampling.Pages.Public;

/// <summary>抽检信息公告: the published announcements, newest first.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SamplingModel(Announcements announcements) : PageModel
{
    public IReadOnlyList<Announcement> List { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => List = await announcements.PublishedAsync(100, ct);

    /// <summary>The announcements as open data (CSV or .xlsx): number, date, samples, non-conforming ones.</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetCsvAsync(CancellationToken ct) => await (await SheetAsync(ct)).FileAsync("csv", "shian-sampling-announcements", ct);

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetXlsxAsync(CancellationToken ct) => await (await SheetAsync(ct)).FileAsync("xlsx", "shian-sampling-announcements", ct);

    private async Task<Kernel.Documents.Sheet> SheetAsync(CancellationToken ct) => new(
        ["公告编号", "发布日期", "抽检批次", "不合格批次"],
        [.. (await announcements.PublishedAsync(5000, ct)).Select(a => new[]
        {
            a.Number, a.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            a.Samples.ToString(System.Globalization.CultureInfo.InvariantCulture), a.NonConforming.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })]);
}
