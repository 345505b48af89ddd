namespace Shian.Kernel.Identifiers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Y without I, O, S, V, Z; the last is a check
/// character: weights 3^i mod 31 over the first 17, check = 31 − (sum mod 31), 31 → 0.
/// </summary>
public static class Uscc
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is not { Length: 18 })
        {
            return false;
        }

        var check = CheckCharacter(code.AsSpan(0, 17));
        return check is not null && code[17] == check;
    }

    /// <summary>The check character for the first 17 characters, or null if one is not allowed.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i]);
            if (v < 0)
            {
                return null;
            }

            sum += v * Weights[i];
        }

        var c = 31 - (sum % 31);
        return Alphabet[c == 31 ? 0 : c];
    }
}
