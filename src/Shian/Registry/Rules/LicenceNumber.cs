using System.Text.RegularExpressions;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;

namespace Shian.Registry.Rules;

/// <summary>
/// Licence numbers of the national schemes. 食品生产许可证 (食品生产许可管理办法 第二十九条): "SC" + 14 digits — 3-digit food
/// category (1xx food, 2xx additive), 2+2+2 province/city/county, 4-digit sequence, 1 check digit. 食品经营许可证
/// (食品经营许可和备案管理办法, numbering carried over from CFDA Order 17 第二十六条): "JY" + 14 digits — 1-digit 主体业态, 2+2+2
/// region, 6-digit sequence, 1 check digit. The check-digit algorithm is not published, so it is not verified; the
/// region digits must name a county-level region. Provincial registrations (小作坊/小餐饮/摊贩) have no national format.
/// </summary>
public static partial class LicenceNumber
{
    public sealed record Parsed(LicenceKind Kind, string Code, string CountyPrefix);

    /// <summary>Normalises (trim, upper case, full-width to ASCII) and checks the number; null plus a Chinese reason when it is wrong.</summary>
    public static (Parsed? Value, string? Error) Parse(LicenceKind kind, string? raw)
    {
        var number = Normalise(raw);
        if (number.Length == 0)
        {
            return (null, "许可证编号不能为空");
        }

        switch (kind)
        {
            case LicenceKind.FoodProduction:
            {
                var m = Production().Match(number);
                if (!m.Success)
                {
                    return (null, $"食品生产许可证编号应为 SC 加 14 位数字（如 SC10621050300012），“{number}”不符合");
                }

                return (new Parsed(kind, m.Groups["cat"].Value, m.Groups["region"].Value), null);
            }

            case LicenceKind.FoodOperation:
            {
                var m = Operation().Match(number);
                if (!m.Success)
                {
                    return (null, $"食品经营许可证编号应为 JY 加 14 位数字（如 JY22105030000017），“{number}”不符合");
                }

                return (new Parsed(kind, m.Groups["type"].Value, m.Groups["region"].Value), null);
            }

            default:
                return number.Length > 50 ? (null, "登记/备案编号不能超过 50 个字符") : (new Parsed(kind, "", ""), null);
        }
    }

    public static string Normalise(string? raw) =>
        string.Concat((raw ?? "").Trim().Select(c => c is >= '！' and <= '～' ? (char)(c - 0xFEE0) : c)).ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^SC(?<cat>[12]\d{2})(?<region>\d{6})\d{4}\d$")]
    private static partial Regex Production();

    [GeneratedRegex(@"^JY(?<type>[1-9])(?<region>\d{6})\d{6}\d$")]
    private static partial Regex Operation();
}
