using System.Text.RegularExpressions;

namespace Shian.Complaints.Rules;

/// <summary>The public's name and phone as given: checked, normalised and masked (the masked form is all most staff see).</summary>
public static partial class Contacts
{
    /// <summary>A mainland mobile (11 digits from 1[3-9]) or a landline (area code 0xx[x], 7–8 digits, optional extension); +86 and separators dropped.</summary>
    public static string? NormalizePhone(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var digits = new string(input.Where(char.IsAsciiDigit).ToArray());
        if (input.TrimStart().StartsWith("+86", StringComparison.Ordinal) || (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13))
        {
            digits = digits[2..];
        }

        return Mobile().IsMatch(digits) || Landline().IsMatch(digits) ? digits : null;
    }

    /// <summary>138****5678 for a mobile; the area code and the last four for a landline.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length == 11 && phone[0] == '1' ? $"{phone[..3]}****{phone[^4..]}" : $"{phone[..Math.Min(4, phone.Length - 4)]}****{phone[^4..]}";

    /// <summary>张* / 欧阳** / A***: the first character only.</summary>
    public static string MaskName(string name)
    {
        var n = name.Trim();
        return n.Length <= 1 ? "*" : n[0] + new string('*', Math.Min(n.Length - 1, 3));
    }

    /// <summary>The last four digits a complainant types to follow their complaint.</summary>
    public static bool TailMatches(string phone, string? tail) =>
        tail is not null && tail.Trim().Length == 4 && phone.EndsWith(tail.Trim(), StringComparison.Ordinal);

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{2,3}\d{7,8}(\d{1,6})?$")]
    private static partial Regex Landline();
}
