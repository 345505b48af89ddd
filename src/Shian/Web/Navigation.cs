namespace Shian.Web;

/// <summary>
/// One entry of the officer navigation. Modules add theirs when they exist (no placeholder pages); on a phone
/// the first <see cref="PhoneBarSize"/> visible items form the bottom bar.
/// </summary>
public sealed record NavItem(string TextKey, string ShortTextKey, string Href, string Icon, string? Role = null, IReadOnlyList<string>? Roles = null);

public static class Navigation
{
    public const int PhoneBarSize = 5;

    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("Nav.Home", "Nav.HomeShort", "/", "home"),
        new("Nav.Tasks", "Nav.TasksShort", "/governance/tasks", "check", Roles: [Kernel.Users.ShianRoles.Coordinator, Kernel.Users.ShianRoles.Officer, Kernel.Users.ShianRoles.Inspector]),
        new("Nav.Visits", "Nav.VisitsShort", "/inspections/visits", "check", Roles: [Kernel.Users.ShianRoles.Inspector]),
        new("Nav.Registry", "Nav.Registry", "/registry", "store", Roles: [Kernel.Users.ShianRoles.Admin, Kernel.Users.ShianRoles.Coordinator, Kernel.Users.ShianRoles.Officer, Kernel.Users.ShianRoles.Inspector]),
        new("Nav.Draws", "Nav.Draws", "/inspections/draws", "shuffle", Roles: [Kernel.Users.ShianRoles.Admin, Kernel.Users.ShianRoles.Coordinator, Kernel.Users.ShianRoles.Officer]),
        new("Nav.InspectionPlans", "Nav.InspectionPlans", "/inspections/plans", "doc", Roles: [Kernel.Users.ShianRoles.Admin, Kernel.Users.ShianRoles.Coordinator, Kernel.Users.ShianRoles.Officer]),
        new("Nav.Coverage", "Nav.Coverage", "/inspections/coverage", "chart", Roles: [Kernel.Users.ShianRoles.Admin, Kernel.Users.ShianRoles.Coordinator, Kernel.Users.ShianRoles.Officer]),
        new("Nav.Sampling", "Nav.Sampling", "/sampling", "flask", Roles: [Kernel.Users.ShianRoles.Admin, Kernel.Users.ShianRoles.Coordinator, Kernel.Users.ShianRoles.Officer, Kernel.Users.ShianRoles.Inspector, Kernel.Users.ShianRoles.Lab]),
        new("Nav.Standards", "Nav.Standards", "/standards", "doc", Roles: [Kernel.Users.ShianRoles.Admin, Kernel.Users.ShianRoles.Coordinator, Kernel.Users.ShianRoles.Officer, Kernel.Users.ShianRoles.Inspector, Kernel.Users.ShianRoles.Lab]),
        new("Nav.Plans", "Nav.Plans", "/governance/plans", "doc", Roles: [Kernel.Users.ShianRoles.Admin, Kernel.Users.ShianRoles.Coordinator, Kernel.Users.ShianRoles.Officer]),
        new("Nav.Checks", "Nav.Checks", "/governance/checks", "shield", Roles: [Kernel.Users.ShianRoles.Admin, Kernel.Users.ShianRoles.Coordinator]),
        new("Nav.Assessments", "Nav.Assessments", "/governance/assessments", "chart", Roles: [Kernel.Users.ShianRoles.Admin, Kernel.Users.ShianRoles.Coordinator, Kernel.Users.ShianRoles.Officer]),
        new("Nav.Regions", "Nav.Regions", "/regions", "map"),
        new("Nav.Audit", "Nav.Audit", "/admin/audit", "shield", Kernel.Users.ShianRoles.Admin),
        new("Nav.Events", "Nav.Events", "/admin/events", "shuffle", Kernel.Users.ShianRoles.Admin),
        new("Nav.Jobs", "Nav.Jobs", "/admin/jobs", "check", Kernel.Users.ShianRoles.Admin),
        new("Nav.ApiDocs", "Nav.ApiDocs", "/scalar/v1", "code", Kernel.Users.ShianRoles.Admin),
    ];

    public static IEnumerable<NavItem> For(System.Security.Claims.ClaimsPrincipal user) =>
        Items.Where(i => (i.Role is null || user.IsInRole(i.Role)) && (i.Roles is null || i.Roles.Any(user.IsInRole)));

    public static bool IsCurrent(NavItem item, string path) =>
        item.Href == "/" ? path == "/" : path.StartsWith(item.Href, StringComparison.OrdinalIgnoreCase);
}
