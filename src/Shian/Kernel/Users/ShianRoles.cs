namespace Shian.Kernel.Users;

/// <summary>The roles of SYSTEM.md. Names are stable identifiers; labels are for display.</summary>
public static class ShianRoles
{
    public const string Admin = "admin";
    public const string Coordinator = "coordinator";
    public const string Officer = "officer";
    public const string Inspector = "inspector";
    public const string Lab = "lab";
    public const string Business = "business";
    public const string Public = "public";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Officer, Inspector, Lab, Business, Public];

    /// <summary>Roles whose data access is granted per region subtree.</summary>
    public static readonly IReadOnlyList<string> RegionScoped = [Coordinator, Officer, Inspector, Lab];

    public static string Label(string role) => role switch
    {
        Admin => "系统管理员",
        Coordinator => "食安办协调员",
        Officer => "部门监管人员",
        Inspector => "检查员",
        Lab => "检验机构",
        Business => "食品生产经营者",
        Public => "公众",
        _ => role,
    };
}
