using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Shian.Bulletins.Contracts;
using Shian.Bulletins.Domain;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Bulletins.Pages;

/// <summary>信息发布: the region's bulletins (drafts first) and the form to write one.</summary>
[Requires(BulletinsPermissions.Read)]
public sealed class IndexModel(BulletinDesk desk, ShianDb db, IOptions<ShianOptions> shian) : PageModel
{
    public string RegionCode { get; private set; } = "";

    /// <summary>The offices the caller may publish for: its region and the counties under it (towns publish through their county).</summary>
    public IReadOnlyList<(string Code, string Name)> Offices { get; private set; } = [];

    public IReadOnlyList<Bulletin> Bulletins { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public bool CanPublish => User.Grants(BulletinsPermissions.Publish);

    public string Posted(string name, string fallback = "") => Request.HasFormContentType && Request.Form.ContainsKey(name) ? Request.Form[name].ToString() : fallback;

    private async Task<bool> LoadAsync(string? region, CancellationToken ct)
    {
        if (await RegionChoices.HomeOrNullAsync(region, db, shian.Value, ct) is not { } code)
        {
            return false;
        }

        RegionCode = code;
        var around = await RegionChoices.AroundAsync(db, code, ct);
        Offices = [.. around.Where(r => r.Code.EndsWith("000000", StringComparison.Ordinal) && db.Request.Scope.AllowsCreateIn(r.Code))];
        RegionNames = around.ToDictionary(r => r.Code, r => r.Name);
        Bulletins = await desk.ListAsync(code, 200, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string? region, CancellationToken ct) => await LoadAsync(region, ct) ? Page() : NotFound();

    [Requires(BulletinsPermissions.Publish)]
    public async Task<IActionResult> OnPostAsync(string? region, string? regionCode, string? kind, string? title, string? body, CancellationToken ct)
    {
        if (!await LoadAsync(region, ct))
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            var parsed = FormValues.Choice<BulletinKind>(kind);
            var b = await desk.DraftAsync(new BulletinDesk.Input(regionCode, parsed, title, body), ct);
            return Redirect($"/bulletins/{b.Id}?saved=1");
        }, () => Task.CompletedTask);
    }
}
