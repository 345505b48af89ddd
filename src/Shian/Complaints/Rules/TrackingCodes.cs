using System.Security.Cryptography;
using System.Text;

namespace Shian.Complaints.Rules;

/// <summary>
/// The tracking code a citizen keeps (shown as <c>7K2M9-QXH4J-5</c>): ten random Crockford base-32 characters (50 bits)
/// and a check symbol (Crockford's mod 37), so that a mistyped code is told apart from an unknown one. Read
/// leniently: case, hyphens and spaces ignored, O→0, I/L→1. The whistleblower's follow-up key is 12 random characters,
/// stored only as its SHA-256. Hand-written: no maintained .NET library implements Crockford's check symbol.
/// </summary>
public static class TrackingCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private const string CheckAlphabet = Alphabet + "*~$=U";

    public const int RandomLength = 10;

    public static string New() => WithCheck(RandomChars(RandomLength));

    /// <summary>A follow-up key for a whistleblower (60 bits).</summary>
    public static string NewKey() => RandomChars(12);

    /// <summary>The code as stored (upper case, no separators) when it is well-formed and its check symbol matches.</summary>
    public static bool TryNormalize(string? input, out string code)
    {
        code = "";
        var text = Clean(input);
        if (text is null || text.Length != RandomLength + 1)
        {
            return false;
        }

        var body = text[..RandomLength];
        if (body.Any(c => !Alphabet.Contains(c)) || WithCheck(body) != text)
        {
            return false;
        }

        code = text;
        return true;
    }

    /// <summary>The start of a code as typed into a search (4–11 code characters), cleaned as a code is; null otherwise.</summary>
    public static string? Partial(string? input) =>
        Clean(input) is { Length: >= 4 and <= RandomLength + 1 } text && text.All(c => CheckAlphabet.Contains(c)) ? text : null;

    /// <summary>Shown as two groups of five and the check symbol: 7K2M9-QXH4J-5.</summary>
    public static string Display(string code) => code.Length == RandomLength + 1 ? $"{code[..5]}-{code[5..10]}-{code[10]}" : code;

    public static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Clean(key) ?? "")));

    public static bool KeyMatches(string? input, string? storedHash) =>
        storedHash is not null && Clean(input) is { Length: 12 } && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashKey(input!)), Encoding.ASCII.GetBytes(storedHash));

    private static string? Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var sb = new StringBuilder(input.Length);
        foreach (var ch in input.Trim().ToUpperInvariant())
        {
            switch (ch)
            {
                case '-' or ' ' or '—' or '－':
                    continue;
                case 'O':
                    sb.Append('0');
                    break;
                case 'I' or 'L':
                    sb.Append('1');
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }

        return sb.ToString();
    }

    internal static string WithCheck(string body)
    {
        var value = 0;
        foreach (var c in body)
        {
            value = (value * 32 + Alphabet.IndexOf(c, StringComparison.Ordinal)) % 37;
        }

        return body + CheckAlphabet[value];
    }

    private static string RandomChars(int n)
    {
        Span<char> chars = stackalloc char[n];
        for (var i = 0; i < n; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }
}
