namespace Shian.Enforcement;

/// <summary>How the module reads free text and reports a field's refusal.</summary>
internal static class Input
{
    /// <summary>The trimmed text, or null when blank (the caller checks the length and names the field).</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The trimmed text cut to the column's length: for text another module sent, which must not be refused.</summary>
    public static string? Fit(string? s, int max) => Clean(s) is { } t && t.Length > max ? t[..max] : Clean(s);

    public static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
