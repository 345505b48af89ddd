using System.Globalization;
using Shian.Kernel.Errors;

namespace Shian.Web;

/// <summary>
/// Reads a form's typed values from the text posted, refusing what is not one with a Chinese message under the field
/// (a page keeps its inputs as text so that a refused form shows exactly what was typed).
/// </summary>
public static class FormValues
{
    /// <summary>A date in yyyy-MM-dd (an &lt;input type="date"&gt;), or null when left empty.</summary>
    public static DateOnly? Date(string? text, string field, string code) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw Refused(code, field, $"“{text}”不是日期（年-月-日）");

    /// <summary>A decimal number, or null when left empty.</summary>
    public static decimal? Number(string? text, string field, string code) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v
        : throw Refused(code, field, $"“{text}”不是数字");

    /// <summary>
    /// A choice posted by its enum member's exact name; null for anything else (a number, a combination, a forged value),
    /// which the service then refuses with its own message naming the field.
    /// </summary>
    public static TEnum? Choice<TEnum>(string? name) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => v.ToString() == name).Select(v => (TEnum?)v).FirstOrDefault();

    private static ShianProblemException Refused(string code, string field, string message) =>
        ShianProblemException.Invalid(code, message, new Dictionary<string, string[]> { [field] = [message] });
}
