using System.Globalization;

namespace Shian.Web;

/// <summary>
/// Chinese display conventions (UX.md): dates as 2024年10月10日 in prose and 2024-10-10 in tables, times in
/// Asia/Shanghai, numbers with thousands separators; English as "10 Oct 2024".
/// </summary>
public static class Display
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public static string DateProse(DateOnly date) =>
        IsChinese ? $"{date.Year}年{date.Month}月{date.Day}日" : date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string DateTable(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant shown in Beijing time.</summary>
    public static string Instant(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Shanghai);
        return IsChinese
            ? $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}"
            : local.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
