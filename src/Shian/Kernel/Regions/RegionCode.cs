using System.Diagnostics.CodeAnalysis;

namespace Shian.Kernel.Regions;

/// <summary>
/// Helpers over the 12-digit 统计用区划代码 (2 province + 2 prefecture + 2 county + 3 township + 3 village).
/// A level-k code is its prefix padded with zeros, so "is within" is a prefix test on the significant digits.
/// </summary>
/// <remarks>
/// Shian functional zones (功能区/开发区) are coded under their city as <c>PPCC00 9NN 000</c>: county digits
/// <c>00</c> (the city itself) and a township part starting with 9. The NBS coding rules give the township
/// part's first digit only the values 0 (街道), 1 (镇), 2–3 (乡) and 4–5 (政企合一等 special units), so a 9
/// there is never an official code; <see cref="IsShianZone"/> tells them apart and the region importer
/// refuses an official row that would use one. See docs/adr/0002-region-codes-and-zones.md.
/// </remarks>
public static class RegionCode
{
    public const int Length = 12;

    private static readonly int[] Boundaries = [2, 4, 6, 9, 12];

    public static bool IsValid([NotNullWhen(true)] string? code) =>
        code is { Length: Length } && code.All(char.IsAsciiDigit) && code[..2] != "00";

    public static void EnsureValid(string code, string paramName = "code")
    {
        if (!IsValid(code))
        {
            throw new ArgumentException($"区划代码“{code}”不是 12 位数字", paramName);
        }
    }

    /// <summary>Number of significant digits: 2, 4, 6, 9 or 12 (the rest is zero padding).</summary>
    public static int SignificantLength(string code)
    {
        EnsureValid(code);
        foreach (var b in Boundaries)
        {
            if (code.AsSpan(b).IndexOfAnyExcept('0') < 0)
            {
                return b;
            }
        }

        return Length;
    }

    /// <summary>The significant prefix, e.g. <c>210503</c> for <c>210503000000</c>; the scoping key.</summary>
    public static string Prefix(string code) => code[..SignificantLength(code)];

    /// <summary>Pads a 2/4/6/9/12-digit prefix to the 12-digit code.</summary>
    public static string Pad(string prefix)
    {
        if (prefix.Length is not (2 or 4 or 6 or 9 or 12) || !prefix.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"区划代码前缀“{prefix}”应为 2、4、6、9 或 12 位数字", nameof(prefix));
        }

        return prefix.PadRight(Length, '0');
    }

    public static RegionLevel LevelOf(string code) => IsShianZone(code)
        ? RegionLevel.Zone
        : SignificantLength(code) switch
        {
            2 => RegionLevel.Province,
            4 => RegionLevel.City,
            6 => RegionLevel.County,
            9 => RegionLevel.Town,
            _ => RegionLevel.Village,
        };

    /// <summary>True for a Shian-assigned functional-zone code (<c>PPCC00 9NN 000</c>).</summary>
    public static bool IsShianZone(string code) =>
        IsValid(code) && code[4..6] == "00" && code[2..4] != "00" && code[6] == '9' && code[9..] == "000";

    /// <summary>The code of the enclosing region, or null for a province.</summary>
    public static string? Parent(string code)
    {
        var len = SignificantLength(code);
        if (len == 2)
        {
            return null;
        }

        if (IsShianZone(code))
        {
            return Pad(code[..4]);
        }

        // Skip levels that are all zeros (a town directly under a city without counties, e.g. 东莞 441900003000).
        var idx = Array.IndexOf(Boundaries, len);
        for (var i = idx - 1; i >= 0; i--)
        {
            var prefix = code[..Boundaries[i]];
            if (i == 0 || prefix[Boundaries[i - 1]..].Any(c => c != '0'))
            {
                return Pad(prefix);
            }
        }

        return null;
    }

    /// <summary>Enclosing regions from the province down, excluding the code itself.</summary>
    public static IReadOnlyList<string> Ancestors(string code)
    {
        var result = new List<string>();
        for (var p = Parent(code); p is not null; p = Parent(p))
        {
            result.Add(p);
        }

        result.Reverse();
        return result;
    }

    /// <summary>True when <paramref name="code"/> is <paramref name="scope"/> or lies inside it.</summary>
    public static bool IsWithin(string code, string scope) => code.StartsWith(Prefix(scope), StringComparison.Ordinal);

    /// <summary>
    /// The county-level region a code belongs to (itself for a county or zone), or null for a province or
    /// city. Used for per-district work such as audit chains.
    /// </summary>
    public static string? CountyOf(string code)
    {
        var level = LevelOf(code);
        return level switch
        {
            RegionLevel.Province or RegionLevel.City => null,
            RegionLevel.County or RegionLevel.Zone => code,
            _ when code[4..6] == "00" => null,
            _ => Pad(code[..6]),
        };
    }
}
