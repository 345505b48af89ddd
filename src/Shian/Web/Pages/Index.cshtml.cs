using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Inbox;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;
using Shian.Kernel.Users;

namespace Shian.Web.Pages;

/// <summary>工作台: the user's roles, regions (with population), the units of those regions, and the inbox.</summary>
[Requires(KernelPermissions.Own)]
public sealed class IndexModel(ShianDb db, InboxReader inbox, IEnumerable<Kernel.Workbench.IWorkbenchSource> sources, IEnumerable<Kernel.Workbench.IWorkbenchTiles> tileSources, TimeProvider clock) : PageModel
{
    public sealed record RegionRow(Region Region, IReadOnlyList<Region> Ancestors, long? Population, int? PopulationYear);

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public bool AllRegions { get; private set; }

    public IReadOnlyList<RegionRow> Regions { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public int UnitCount { get; private set; }

    public string? BusinessUscc { get; private set; }

    public IReadOnlyList<Notification> Inbox { get; private set; } = [];

    /// <summary>What is due and overdue for this user, counted by each module (usability finding 21).</summary>
    public IReadOnlyList<Kernel.Workbench.ToDo> ToDos { get; private set; } = [];

    public int Unread { get; private set; }

    /// <summary>Figures against their targets (a coordinator's indicators), from the modules that keep them.</summary>
    public IReadOnlyList<Kernel.Workbench.WorkbenchTile> Tiles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Roles = [.. User.FindAll(ClaimTypes.Role).Select(c => c.Value)];
        var today = Kernel.Calendar.ChinaTime.Today(clock);
        var todos = new List<Kernel.Workbench.ToDo>();
        foreach (var source in sources.OrderBy(s => s.Order))
        {
            todos.AddRange(await source.ToDosAsync(User, today, ct));
        }

        ToDos = todos;
        var tiles = new List<Kernel.Workbench.WorkbenchTile>();
        foreach (var source in tileSources)
        {
            tiles.AddRange(await source.TilesAsync(User, today, ct));
        }

        Tiles = tiles;
        AllRegions = User.IsInRole(ShianRoles.Admin);
        BusinessUscc = User.FindFirstValue(ShianClaims.Uscc);
        var codes = User.FindAll(ShianClaims.Region).Select(c => c.Value).Where(RegionCode.IsValid).ToList();
        if (codes.Count > 0)
        {
            var wanted = codes.Concat(codes.SelectMany(RegionCode.Ancestors)).Distinct().ToList();
            var rows = await db.Regions.AsNoTracking().Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
            var prefixes = codes.Select(RegionCode.Prefix).ToList();
            var subtree = await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.Town && r.Level != RegionLevel.Village)
                .Where(r => prefixes.Any(p => r.Code.StartsWith(p))).ToListAsync(ct);
            var figures = await db.PopulationFigures.AsNoTracking().Where(f => prefixes.Any(p => f.RegionCode.StartsWith(p))).ToListAsync(ct);
            var tree = new RegionTree(subtree);
            Regions = [.. codes.Where(rows.ContainsKey).Select(c =>
            {
                var pop = PopulationRollup.For(c, tree, figures);
                return new RegionRow(rows[c], [.. RegionCode.Ancestors(c).Where(rows.ContainsKey).Select(a => rows[a])], pop.Population, pop.Year);
            })];
            // Governments, 食安委 and 食安办 first, then departments (sorted in memory: kinds are stored as text).
            var units = (await db.Units.AsNoTracking().Where(u => codes.Contains(u.RegionCode)).ToListAsync(ct))
                .OrderBy(u => u.RegionCode, StringComparer.Ordinal).ThenBy(u => u.Kind).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
            UnitCount = units.Count;
            Units = [.. units.Take(12)];
        }

        await LoadInboxAsync(ct);
    }

    /// <summary>htmx: mark one of the user's own messages read and return the refreshed inbox.</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        if (!await inbox.MarkReadAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", id, ct))
        {
            return NotFound();
        }

        await LoadInboxAsync(ct);
        return Partial("_Inbox", this);
    }

    private async Task LoadInboxAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Inbox = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAtUtc).Take(5).ToListAsync(ct);
        Unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct);
    }
}
