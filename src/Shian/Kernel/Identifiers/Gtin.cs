namespace Shian.Kernel.Identifiers;

/// <summary>
/// GS1 Global Trade Item Number (商品条码, GS1 General Specifications §3.3.2): GTIN-8, -12, -13 or -14 with the GS1
/// mod-10 check digit (§7.9.1). Normalised to 14 digits, the form GS1 Digital Link (AI 01) and EPCIS use.
/// </summary>
public static class Gtin
{
    /// <summary>GS1 mod-10 check digit of a digit string written without its check digit.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>Whether a full GS1 key (GTIN, GLN, SSCC …) is all digits and ends in its right check digit.</summary>
    public static bool HasValidCheckDigit(string key) =>
        key.Length >= 2 && key.All(char.IsAsciiDigit) && CheckDigit(key.AsSpan(0, key.Length - 1)) == key[^1];

    /// <summary>The 14-digit GTIN of a GTIN-8/12/13/14 with a right check digit (spaces ignored); null otherwise.</summary>
    public static string? Normalize(string? value)
    {
        var digits = value?.Replace(" ", "", StringComparison.Ordinal).Trim();
        return digits is { Length: 8 or 12 or 13 or 14 } && HasValidCheckDigit(digits) ? digits.PadLeft(14, '0') : null;
    }
}
