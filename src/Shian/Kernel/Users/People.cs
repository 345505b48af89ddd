using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Shian.Data;

namespace Shian.Kernel.Users;

/// <summary>
/// Who a stored user name is, for people reading a page: records keep the login name (stable, unique, what the audit
/// chain signs), pages show the person's display name and, for field staff, the 执法证号. Modules render names through
/// this contract rather than reading the identity tables.
/// <para>
/// The name map (every account: a city has hundreds, a province a few thousand — a few hundred KB) is held per instance
/// for a minute and dropped at once when this instance changes an account, so another instance shows a renamed person's
/// new name within a minute.
/// </para>
/// </summary>
public sealed class People(ShianDb db, IMemoryCache cache)
{
    private const string CacheKey = "kernel:people";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>A person as pages show them.</summary>
    public sealed record Person(string UserName, string DisplayName, string? Certificate);

    /// <summary>The display name of a login name; the login name itself for an unknown or deleted account, "" for none.</summary>
    public async Task<string> NameAsync(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return "";
        }

        var map = await MapAsync();
        return map.TryGetValue(userName.Trim(), out var p) && p.DisplayName.Length > 0 ? p.DisplayName
            : userName.Trim() switch
            {
                // The platform's own acts (events, jobs) and the public: never an English login name on a Chinese page.
                "system" => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal) ? "System" : "系统",
                "anonymous" => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal) ? "Public" : "公众",
                var other => other,
            };
    }

    /// <summary>A list of login names joined by 、 (how visits and records store their inspectors), as display names.</summary>
    public async Task<string> NamesAsync(string? joined)
    {
        if (string.IsNullOrWhiteSpace(joined))
        {
            return "";
        }

        var names = new List<string>();
        foreach (var n in joined.Split(['、', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            names.Add(await NameAsync(n));
        }

        return string.Join('、', names);
    }

    /// <summary>The people of a joined list with their 执法证号 (for printed records, which must name the certificate).</summary>
    public async Task<IReadOnlyList<Person>> PeopleAsync(string? joined)
    {
        var map = await MapAsync();
        return [.. (joined ?? "").Split(['、', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => map.TryGetValue(n, out var p) ? p : new Person(n, n, null))];
    }

    /// <summary>
    /// Enabled staff in one of <paramref name="roles"/> whose jurisdiction covers <paramref name="regionCode"/> (granted it or
    /// an enclosing region), by display name: whom a form offers to choose (samplers), instead of typed names.
    /// </summary>
    public async Task<IReadOnlyList<Person>> CoveringAsync(string regionCode, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var covering = Regions.RegionCode.Ancestors(regionCode).Append(regionCode).ToList();
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join g in db.RegionGrants on u.Id equals g.UserId
                          where roleIds.Contains(ur.RoleId) && covering.Contains(g.RegionCode)
                          select new { u.UserName, u.DisplayName, u.EnforcementCertificate, u.LockoutEnd }).Distinct().ToListAsync(ct);
        return [.. rows.Where(u => u.UserName is not null && !(u.LockoutEnd >= ShianUser.DisabledUntil)) // compared here: SQLite cannot compare offsets
            .Select(u => new Person(u.UserName!, u.DisplayName.Length > 0 ? u.DisplayName : u.UserName!, u.EnforcementCertificate))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>The ids of the enabled accounts with these login names (whom a notice to named staff, e.g. a case's officers, reaches).</summary>
    public async Task<IReadOnlyList<string>> IdsOfAsync(IEnumerable<string> userNames, CancellationToken ct)
    {
        var names = userNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList();
        var rows = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(ct);
        return [.. rows.Where(u => !(u.LockoutEnd >= ShianUser.DisabledUntil)).Select(u => u.Id)];
    }

    /// <summary>The enabled accounts acting for the business with this 统一社会信用代码 (whom a notice to the business reaches).</summary>
    public async Task<IReadOnlyList<string>> OfBusinessAsync(string? uscc, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(uscc))
        {
            return [];
        }

        var rows = await db.Users.AsNoTracking().Where(u => u.BusinessUscc == uscc).Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(ct);
        return [.. rows.Where(u => !(u.LockoutEnd >= ShianUser.DisabledUntil)).Select(u => u.Id)];
    }

    /// <summary>Drops this instance's copy (called after an account is created or changed).</summary>
    public void Forget() => cache.Remove(CacheKey);

    private async Task<IReadOnlyDictionary<string, Person>> MapAsync()
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlyDictionary<string, Person>? map) && map is not null)
        {
            return map;
        }

        var rows = await db.Users.AsNoTracking().Select(u => new { u.UserName, u.DisplayName, u.EnforcementCertificate }).ToListAsync();
        map = rows.Where(r => r.UserName is not null)
            .ToDictionary(r => r.UserName!, r => new Person(r.UserName!, r.DisplayName, r.EnforcementCertificate), StringComparer.Ordinal);
        cache.Set(CacheKey, map, Lifetime);
        return map;
    }
}
