using Shian.Kernel.Identifiers;
using Shian.Kernel.Regions;

namespace Shian.Kernel.Users;

/// <summary>What an administrator sets on an account: roles, region grants, the business it acts for, second factor, enabled.</summary>
public sealed record AccountInput(string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Regions, string? BusinessUscc, bool RequireTwoFactor, bool Disabled,
    string? EnforcementCertificate = null);

/// <summary>
/// The rules of an account's settings (pure): known roles; region-scoped roles (协调员, 监管人员, 检查员, 检验机构) need at
/// least one granted region and only they hold grants; a food-business account acts for exactly one valid USCC and holds
/// no other role; the public account holds no other role either. Errors name the form field, in Chinese.
/// </summary>
public static class AccountRules
{
    public const int MaxDisplayName = 100;

    public const int MaxCertificate = 40;

    /// <summary>Field errors (empty when the input is acceptable); <paramref name="regionExists"/> says whether a code is in the region table.</summary>
    public static Dictionary<string, string[]> Validate(AccountInput input, Func<string, bool> regionExists)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message) => (errors.TryGetValue(field, out var l) ? l : errors[field] = []).Add(message);

        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            Error("displayName", "显示名称必填");
        }
        else if (input.DisplayName.Trim().Length > MaxDisplayName)
        {
            Error("displayName", $"显示名称不超过 {MaxDisplayName} 个字");
        }

        var unknown = input.Roles.Where(r => !ShianRoles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            Error("roles", "未知的角色：" + string.Join("、", unknown));
        }
        else if (input.Roles.Count == 0)
        {
            Error("roles", "请至少选择一个角色");
        }
        else if ((input.Roles.Contains(ShianRoles.Business) || input.Roles.Contains(ShianRoles.Public)) && input.Roles.Count > 1)
        {
            Error("roles", "“食品生产经营者”和“公众”账号不能兼任其他角色");
        }

        var scoped = input.Roles.Any(ShianRoles.RegionScoped.Contains);
        foreach (var code in input.Regions)
        {
            if (!RegionCode.IsValid(code))
            {
                Error("regions", $"区划代码“{code}”应为 12 位数字");
            }
            else if (!regionExists(code))
            {
                Error("regions", $"区划代码“{code}”不在区划表中");
            }
        }

        if (scoped && input.Regions.Count == 0)
        {
            Error("regions", "协调员、监管人员、检查员和检验机构账号须授权至少一个区划");
        }
        else if (!scoped && input.Regions.Count > 0 && !input.Roles.Contains(ShianRoles.Admin))
        {
            Error("regions", "只有协调员、监管人员、检查员和检验机构账号按区划授权");
        }

        var isBusiness = input.Roles.Contains(ShianRoles.Business);
        if (isBusiness && string.IsNullOrWhiteSpace(input.BusinessUscc))
        {
            Error("businessUscc", "食品生产经营者账号须填写所代表经营者的统一社会信用代码");
        }
        else if (!string.IsNullOrWhiteSpace(input.BusinessUscc) && !isBusiness)
        {
            Error("businessUscc", "只有食品生产经营者账号绑定统一社会信用代码");
        }
        else if (isBusiness && !Uscc.IsValid(input.BusinessUscc!.Trim().ToUpperInvariant()))
        {
            Error("businessUscc", "统一社会信用代码无效（GB 32100，18 位，末位校验）");
        }

        var certificate = input.EnforcementCertificate?.Trim();
        if (!string.IsNullOrEmpty(certificate))
        {
            if (!input.Roles.Contains(ShianRoles.Officer) && !input.Roles.Contains(ShianRoles.Inspector))
            {
                Error("enforcementCertificate", "只有监管人员和检查员登记执法证号");
            }
            else if (certificate.Length > MaxCertificate)
            {
                Error("enforcementCertificate", $"执法证号不超过 {MaxCertificate} 个字符");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>Region codes typed one per line or separated by commas, spaces or 、, de-duplicated and sorted.</summary>
    public static IReadOnlyList<string> ParseRegions(string? text) =>
        [.. (text ?? "").Split(['\n', '\r', ',', '，', '、', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
