using System.Reflection;
using System.Security.Claims;

namespace Shian.Kernel.Users;

/// <summary>
/// Declares a <c>const string</c> field as a permission (an action such as <c>registry.business.status</c>) with its
/// Chinese label and the roles granted it. Each module declares its own in <c>&lt;Module&gt;/Contracts/*Permissions.cs</c>;
/// a role is exactly the set of permissions that name it. The matrix in docs/security.md is generated from these.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class GrantedToAttribute(string label, params string[] roles) : Attribute
{
    public string Label { get; } = label;

    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>A permission: its name (the authorization policy's name too), label, module and the roles that hold it.</summary>
public sealed record Permission(string Name, string Label, string Module, IReadOnlySet<string> Roles);

/// <summary>
/// Requires a permission: on a Razor page model (every handler) or one page handler method (in addition). For
/// /api/v1 endpoints use <see cref="PermissionEndpoints.Requires{TBuilder}"/>, which adds this as metadata.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequiresAttribute(string permission) : Attribute
{
    public string Permission { get; } = PermissionCatalog.Get(permission).Name;
}

/// <summary>Every permission of the application, discovered once from the <see cref="GrantedToAttribute"/> fields.</summary>
public static class PermissionCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, Permission>> ByName = new(() => Discover(typeof(PermissionCatalog).Assembly));

    private static readonly Lazy<IReadOnlyList<Permission>> Sorted = new(() => [.. ByName.Value.Values.OrderBy(p => p.Name, StringComparer.Ordinal)]);

    public static IReadOnlyCollection<Permission> All => Sorted.Value;

    /// <summary>The permission of that name; an unknown name is a programming error, refused at start-up.</summary>
    public static Permission Get(string name) =>
        ByName.Value.TryGetValue(name, out var p) ? p : throw new InvalidOperationException($"Unknown permission '{name}': declare it with [GrantedTo] in a module's *Permissions class");

    /// <summary>The permissions a role holds.</summary>
    public static IReadOnlyList<Permission> Of(string role) => [.. All.Where(p => p.Roles.Contains(role))];

    /// <summary>Whether the signed-in user holds the permission through one of their roles.</summary>
    public static bool Grants(this ClaimsPrincipal user, string permission) =>
        user.Identity?.IsAuthenticated == true && Get(permission).Roles.Any(user.IsInRole) && KeyAllows(user, permission);

    /// <summary>A principal from an API key may use only the permissions its key names; any other principal is not limited here.</summary>
    public static bool KeyAllows(ClaimsPrincipal user, string permission) =>
        !user.HasClaim(c => c.Type == ApiKeyHandler.ScopeClaim) || user.HasClaim(ApiKeyHandler.ScopeClaim, permission);

    internal static IReadOnlyDictionary<string, Permission> Discover(Assembly assembly)
    {
        var found = new Dictionary<string, Permission>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(t => t.IsClass && t.IsAbstract && t.IsSealed))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                if (field.GetCustomAttribute<GrantedToAttribute>() is not { } granted)
                {
                    continue;
                }

                var name = (string)field.GetRawConstantValue()!;
                var unknownRole = granted.Roles.FirstOrDefault(r => !ShianRoles.All.Contains(r));
                if (unknownRole is not null || granted.Roles.Count == 0)
                {
                    throw new InvalidOperationException($"Permission '{name}' grants {(unknownRole is null ? "no role" : $"the unknown role '{unknownRole}'")}");
                }

                var module = type.Namespace?.Split('.') is [_, var m, ..] ? m : "Kernel";
                if (!found.TryAdd(name, new Permission(name, granted.Label, module, granted.Roles.ToHashSet(StringComparer.Ordinal))))
                {
                    throw new InvalidOperationException($"Permission '{name}' is declared twice");
                }
            }
        }

        return found;
    }
}

public static class PermissionEndpoints
{
    /// <summary>The endpoint requires the permission (its policy); the role matrix test reads the metadata.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresAttribute(permission)).RequireAuthorization(permission);
}

/// <summary>The kernel's own permissions: reference data, attachments, one's inbox and account, administration.</summary>
public static class KernelPermissions
{
    [GrantedTo("查阅参考数据（区划、工作日历、单位目录）", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Lab, ShianRoles.Business, ShianRoles.Public)]
    public const string Reference = "kernel.reference.read";

    [GrantedTo("上传与查阅证据附件", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Lab, ShianRoles.Business)]
    public const string Attachments = "kernel.attachments";

    [GrantedTo("本人的消息与账号", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Lab, ShianRoles.Business, ShianRoles.Public)]
    public const string Own = "kernel.own";

    [GrantedTo("经营者：签发和停用本企业系统对接的接口密钥（只能报送和查询追溯数据）", ShianRoles.Business)]
    public const string ApiKeys = "kernel.api-keys";

    [GrantedTo("维护参考数据（工作日历、人口、单位别名、限量、风险分级方案）", ShianRoles.Admin)]
    public const string AdminReference = "admin.reference";

    [GrantedTo("管理用户账号（创建、角色、区划授权、经营者绑定、停用、重置密码与双因素认证）", ShianRoles.Admin)]
    public const string AdminUsers = "admin.users";

    [GrantedTo("查阅与核验审计日志", ShianRoles.Admin)]
    public const string AdminAudit = "admin.audit";

    [GrantedTo("定时任务与领域事件的运行状态、重新投递", ShianRoles.Admin)]
    public const string AdminOperations = "admin.operations";
}

/// <summary>The permission matrix as Markdown, for docs/security.md (a unit test keeps the document equal to the code).</summary>
public static class PermissionMatrix
{
    public const string Start = "<!-- permission-matrix:start (generated from the *Permissions classes; a unit test checks it) -->";
    public const string End = "<!-- permission-matrix:end -->";

    public static string Markdown()
    {
        var roles = ShianRoles.All;
        var lines = new List<string>
        {
            "| 模块 Module | 权限 Permission | 说明 | " + string.Join(" | ", roles.Select(r => $"{ShianRoles.Label(r)}<br>`{r}`")) + " |",
            "| --- | --- | --- | " + string.Join(" | ", roles.Select(_ => ":---:")) + " |",
        };
        foreach (var p in PermissionCatalog.All.OrderBy(p => p.Module == "Kernel" ? "~" : p.Module, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            lines.Add($"| {p.Module} | `{p.Name}` | {p.Label} | " + string.Join(" | ", roles.Select(r => p.Roles.Contains(r) ? "✓" : "")) + " |");
        }

        return string.Join("\n", lines);
    }
}
