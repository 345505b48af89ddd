using Shian.Kernel.Regions;

namespace Shian.Kernel.Users;

/// <summary>
/// The demo accounts for 本溪市, named <c>{role}@{region prefix}</c> (officer@210503 is an officer of 溪湖区);
/// <c>admin</c> has no region. The same names serve the tests.
/// </summary>
public static class DemoAccounts
{
    public const string City = "210500000000";

    public sealed record Account(string UserName, string Role, string DisplayName, IReadOnlyList<string> Regions, string? BusinessUscc = null)
    {
        /// <summary>A made-up 执法证号 for the demo's officers and inspectors (so they are in their region's 执法检查人员名录).</summary>
        public string? Certificate => Role is ShianRoles.Officer or ShianRoles.Inspector
            ? $"演示{RegionCode.Prefix(Regions[0])}{(Role == ShianRoles.Officer ? "01" : "02")}"
            : null;
    }

    /// <summary>The demo food business of 溪湖区 (a made-up USCC with a valid GB 32100 check character).</summary>
    public static readonly string DemoBusinessUscc = "91210503MA0Y00001" + Identifiers.Uscc.CheckCharacter("91210503MA0Y00001");

    public static IReadOnlyList<Account> For(RegionTree regions)
    {
        if (regions.Find(City) is null)
        {
            throw new InvalidOperationException("本溪市 is missing from the region tree");
        }

        var accounts = new List<Account>
        {
            new("admin", ShianRoles.Admin, "系统管理员", []),
            new("coordinator@210500", ShianRoles.Coordinator, "本溪市食安办协调员", [City]),
            new("officer@210500", ShianRoles.Officer, "本溪市市场监管局监管人员", [City]),
            new("lab@210500", ShianRoles.Lab, "本溪市食品检验检测中心", [City]),
            new("business@210503", ShianRoles.Business, "溪湖区示范餐饮店（演示）", [], DemoBusinessUscc),
            new("public", ShianRoles.Public, "市民（演示）", []),
        };
        foreach (var county in regions.CountiesOf(City))
        {
            var prefix = RegionCode.Prefix(county.Code);
            accounts.Add(new($"coordinator@{prefix}", ShianRoles.Coordinator, $"{county.Name}食安办协调员", [county.Code]));
            accounts.Add(new($"officer@{prefix}", ShianRoles.Officer, $"{county.Name}监管人员", [county.Code]));
            accounts.Add(new($"inspector@{prefix}", ShianRoles.Inspector, $"{county.Name}检查员", [county.Code]));
        }

        // The governance journeys import the seed plans of 温州 and 贵阳: a coordinator each, and one 温州 district officer.
        foreach (var (code, name) in new[] { ("330300000000", "温州市"), ("520100000000", "贵阳市") })
        {
            if (regions.Find(code) is not null)
            {
                accounts.Add(new($"coordinator@{code[..6]}", ShianRoles.Coordinator, $"{name}食安办协调员", [code]));
            }
        }

        if (regions.Find("330302000000") is not null)
        {
            accounts.Add(new("officer@330302", ShianRoles.Officer, "鹿城区监管人员", ["330302000000"]));
        }

        return accounts;
    }
}
