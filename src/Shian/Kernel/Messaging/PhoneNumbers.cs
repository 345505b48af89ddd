namespace Shian.Kernel.Messaging;

/// <summary>Mainland mobile numbers (the 11-digit 1[3-9]x numbering of 工信部's plan): what a text message can reach.</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// The 11-digit mobile number in <paramref name="text"/> (spaces, hyphens, a leading +86/86/0086 allowed), or null when
    /// it is a landline, a short number or not a number at all.
    /// </summary>
    public static string? Mobile(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new System.Text.StringBuilder(16);
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '+' or '(' or ')' or '\u3000'))
            {
                return null;
            }
        }

        var d = digits.ToString();
        if (d.StartsWith("0086", StringComparison.Ordinal))
        {
            d = d[4..];
        }
        else if (d.Length == 13 && d.StartsWith("86", StringComparison.Ordinal))
        {
            d = d[2..];
        }

        return d.Length == 11 && d[0] == '1' && d[1] is >= '3' and <= '9' ? d : null;
    }

    /// <summary>A mobile number as shown to a person who has not proven it is theirs: 138****5678.</summary>
    public static string Masked(string mobile) => mobile.Length == 11 ? mobile[..3] + "****" + mobile[7..] : "****";
}

/// <summary>
/// When a verification code may be sent (pure): not twice within <see cref="ResendAfter"/> for the same subject or
/// phone, at most <see cref="PerDay"/> a Beijing day for either — an SMS costs money and a flood of codes is harassment
/// (短信轰炸), so both the business asked about and the phone it reaches are limited.
/// </summary>
public static class CodeThrottle
{
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);

    public const int PerDay = 5;

    /// <summary>How long a code stays usable.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes allowed before the code is void.</summary>
    public const int MaxAttempts = 5;

    public enum Verdict
    {
        Send,
        TooSoon,
        DailyLimit,
    }

    /// <summary>Whether a code may be sent at <paramref name="nowUtc"/> given the earlier sends (UTC) to the same subject or phone.</summary>
    public static (Verdict Verdict, int WaitSeconds) Decide(IEnumerable<DateTime> earlierSendsUtc, DateTime nowUtc)
    {
        var today = Calendar.ChinaTime.DateOfUtc(nowUtc);
        var sends = earlierSendsUtc.Where(s => s <= nowUtc).ToList();
        var last = sends.Count == 0 ? (DateTime?)null : sends.Max();
        if (last is { } l && nowUtc - l < ResendAfter)
        {
            return (Verdict.TooSoon, (int)Math.Ceiling((ResendAfter - (nowUtc - l)).TotalSeconds));
        }

        return sends.Count(s => Calendar.ChinaTime.DateOfUtc(s) == today) >= PerDay ? (Verdict.DailyLimit, 0) : (Verdict.Send, 0);
    }
}
