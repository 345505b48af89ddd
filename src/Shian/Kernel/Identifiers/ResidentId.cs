using System.Globalization;

namespace Shian.Kernel.Identifiers;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence, and a check character
/// (ISO 7064 MOD 11-2: weights 2^(17−i) mod 11, check = (12 − sum mod 11) mod 11, 10 written X). Numbers are shown
/// masked wherever the full number is not needed.
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static bool IsValid(string? id)
    {
        if (id is not { Length: 18 })
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }

            sum += (id[i] - '0') * Weights[i];
        }

        var check = (12 - (sum % 11)) % 11;
        var expected = check == 10 ? 'X' : (char)('0' + check);
        return char.ToUpperInvariant(id[17]) == expected
            && DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            && birth.Year >= 1900;
    }

    /// <summary>Keeps the first 6 and last 4 characters: 210502********1234 (the birth date is personal data).</summary>
    public static string Mask(string? id) => id is { Length: >= 10 } ? id[..6] + new string('*', id.Length - 10) + id[^4..] : string.IsNullOrEmpty(id) ? "" : "****";
}
