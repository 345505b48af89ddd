namespace Shian.Web;

/// <summary>
/// One entry of the officer navigation. Modules add theirs when they exist (no placeholder pages); on a phone
/// the first <see cref="PhoneBarSize"/> visible items form the bottom bar.
/// </summary>
public sealed record NavItem(string TextKey, string ShortTextKey, string Href, string Icon, string? Role = null);

public static class Navigation
{
    public const int PhoneBarSize = 5;

    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("Nav.Home", "Nav.HomeShort", "/", "home"),
        new("Nav.Regions", "Nav.Regions", "/regions", "map"),
        new("Nav.Audit", "Nav.Audit", "/admin/audit", "shield", Kernel.Users.ShianRoles.Admin),
        new("Nav.ApiDocs", "Nav.ApiDocs", "/scalar/v1", "code", Kernel.Users.ShianRoles.Admin),
    ];

    public static IEnumerable<NavItem> For(System.Security.Claims.ClaimsPrincipal user) =>
        Items.Where(i => i.Role is null || user.IsInRole(i.Role));

    public static bool IsCurrent(NavItem item, string path) =>
        item.Href == "/" ? path == "/" : path.StartsWith(item.Href, StringComparison.OrdinalIgnoreCase);
}
