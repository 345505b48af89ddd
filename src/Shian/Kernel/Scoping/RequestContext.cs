using System.Diagnostics;
using System.Security.Claims;

namespace Shian.Kernel.Scoping;

/// <summary>Who is acting in this unit of work, with what scope; read by the database context for filters and audit.</summary>
public interface IRequestContext
{
    RegionScope Scope { get; }

    /// <summary>The acting user's name, or "system" outside a request.</summary>
    string UserName { get; }

    string? UserId { get; }

    string? RequestId { get; }

    /// <summary>
    /// Whether the acting user holds a permission, for rules that depend on the record (a regulator's designation
    /// among a business's own duties). System work and work started on a user's behalf (checked when started) hold all.
    /// </summary>
    bool Grants(string permission);
}

/// <summary>Background work done for a user (an import job): it runs with the scope and name the user had when starting it.</summary>
public interface IActOnBehalf
{
    void ActFor(RegionScope scope, string userName);
}

/// <summary>The context of an HTTP request, or of system work (start-up seeding, background jobs) when there is none.</summary>
internal sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext, IActOnBehalf
{
    private RegionScope? _scope;
    private string? _onBehalfOf;

    public RegionScope Scope => _scope ??= accessor.HttpContext is { } http ? RegionScope.FromPrincipal(http.User) : RegionScope.System;

    public string UserName => _onBehalfOf ?? accessor.HttpContext?.User.Identity?.Name ?? (accessor.HttpContext is null ? "system" : "anonymous");

    public void ActFor(RegionScope scope, string userName)
    {
        _scope = scope;
        _onBehalfOf = userName;
    }

    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? RequestId => Activity.Current?.TraceId.ToString() ?? accessor.HttpContext?.TraceIdentifier;

    public bool Grants(string permission) =>
        _onBehalfOf is not null || accessor.HttpContext is not { } http || Users.PermissionCatalog.Grants(http.User, permission);
}

/// <summary>System work outside any request (design-time, start-up): unrestricted, audited as "system".</summary>
public sealed class SystemRequestContext : IRequestContext
{
    public static SystemRequestContext Instance { get; } = new();

    public RegionScope Scope => RegionScope.System;

    public string UserName => "system";

    public string? UserId => null;

    public string? RequestId => null;

    public bool Grants(string permission) => true;
}
