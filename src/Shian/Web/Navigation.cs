using Shian.Complaints.Contracts;
using Shian.Enforcement.Contracts;
using Shian.Governance.Contracts;
using Shian.Inspections.Contracts;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Sampling.Contracts;

namespace Shian.Web;

/// <summary>
/// One entry of the officer navigation, shown to those holding <paramref name="Permission"/> (the page requires the
/// same); <paramref name="OnlyFor"/> declutters (an entry useful to inspectors only). Modules add theirs when they
/// exist (no placeholder pages); on a phone the first <see cref="Navigation.PhoneBarSize"/> visible items form the bottom bar.
/// </summary>
public sealed record NavItem(string TextKey, string ShortTextKey, string Href, string Icon, string Permission, IReadOnlyList<string>? OnlyFor = null);

public static class Navigation
{
    public const int PhoneBarSize = 5;

    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("Nav.Home", "Nav.HomeShort", "/", "home", KernelPermissions.Own),
        new("Nav.MyBusiness", "Nav.MyBusinessShort", "/business", "store", RegistryPermissions.Portal),
        new("Nav.IncidentReport", "Nav.IncidentReportShort", "/emergencies/report", "shield", Emergencies.Contracts.EmergenciesPermissions.Report, OnlyFor: [ShianRoles.Business, ShianRoles.Inspector]),
        new("Nav.Tasks", "Nav.TasksShort", "/governance/tasks", "check", GovernancePermissions.Read, OnlyFor: [ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Visits", "Nav.VisitsShort", "/inspections/visits", "check", InspectionsPermissions.Inspect, OnlyFor: [ShianRoles.Inspector]),
        new("Nav.Registry", "Nav.Registry", "/registry", "store", RegistryPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector]),
        new("Nav.Draws", "Nav.Draws", "/inspections/draws", "shuffle", InspectionsPermissions.Draw),
        new("Nav.InspectionPlans", "Nav.InspectionPlans", "/inspections/plans", "doc", InspectionsPermissions.Plan),
        new("Nav.Publication", "Nav.PublicationShort", "/inspections/publication", "check", InspectionsPermissions.Review, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Coverage", "Nav.Coverage", "/inspections/coverage", "chart", InspectionsPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Sampling", "Nav.Sampling", "/sampling", "flask", SamplingPermissions.Read),
        new("Nav.MySamples", "Nav.MySamplesShort", "/sampling/mine", "flask", SamplingPermissions.Own),
        new("Nav.Emergencies", "Nav.EmergenciesShort", "/emergencies", "shield", Emergencies.Contracts.EmergenciesPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Complaints", "Nav.ComplaintsShort", "/complaints", "doc", ComplaintsPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Enforcement", "Nav.EnforcementShort", "/enforcement", "shield", EnforcementPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Trace", "Nav.TraceShort", "/trace", "map", Traceability.Contracts.TraceabilityPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector]),
        new("Nav.Captures", "Nav.CapturesShort", "/trace/captures", "doc", Traceability.Contracts.TraceabilityPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Recalls", "Nav.RecallsShort", "/trace/recalls", "shield", Traceability.Contracts.TraceabilityPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Business]),
        new("Nav.Credit", "Nav.CreditShort", "/credit", "shield", Credit.Contracts.CreditPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Standards", "Nav.Standards", "/standards", "doc", SamplingPermissions.Read),
        new("Nav.Plans", "Nav.Plans", "/governance/plans", "doc", GovernancePermissions.Read),
        new("Nav.Checks", "Nav.Checks", "/governance/checks", "shield", GovernancePermissions.IncognitoRead),
        new("Nav.Assessments", "Nav.Assessments", "/governance/assessments", "chart", GovernancePermissions.Results),
        new("Nav.Indicators", "Nav.IndicatorsShort", "/indicators", "chart", Indicators.Contracts.IndicatorsPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Programmes", "Nav.ProgrammesShort", "/programmes", "check", Programmes.Contracts.ProgrammesPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Surveys", "Nav.SurveysShort", "/surveys", "chart", Surveys.Contracts.SurveysPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Bulletins", "Nav.BulletinsShort", "/bulletins", "check", Bulletins.Contracts.BulletinsPermissions.Read, OnlyFor: [ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer]),
        new("Nav.Regions", "Nav.Regions", "/regions", "map", KernelPermissions.Reference),
        new("Nav.Reference", "Nav.Reference", "/admin/reference", "doc", KernelPermissions.AdminReference),
        new("Nav.Users", "Nav.Users", "/admin/users", "shield", KernelPermissions.AdminUsers),
        new("Nav.Audit", "Nav.Audit", "/admin/audit", "shield", KernelPermissions.AdminAudit),
        new("Nav.Events", "Nav.Events", "/admin/events", "shuffle", KernelPermissions.AdminOperations),
        new("Nav.Jobs", "Nav.Jobs", "/admin/jobs", "check", KernelPermissions.AdminOperations),
        new("Nav.ApiDocs", "Nav.ApiDocs", "/scalar/v1", "code", KernelPermissions.AdminOperations),
        new("Nav.Account", "Nav.Account", "/account", "shield", KernelPermissions.Own),
    ];

    public static IEnumerable<NavItem> For(System.Security.Claims.ClaimsPrincipal user) =>
        Items.Where(i => user.Grants(i.Permission) && (i.OnlyFor is null || i.OnlyFor.Any(user.IsInRole)));

    public static bool IsCurrent(NavItem item, string path) =>
        item.Href == "/" ? path == "/" : path.StartsWith(item.Href, StringComparison.OrdinalIgnoreCase);
}
