namespace Shian.Governance.Rules;

/// <summary>
/// How a task's number is shown beside its text (usability finding 18: "三. （三）推进…"). Prose plans keep the number in
/// the text ("（三）推进…"), tables and outlines do not ("3", "三"); the number is shown only when the text does not
/// already begin with it, and in the form plans write it: （三） for Chinese numerals, 3. for digits.
/// </summary>
public static class TaskNumbering
{
    private const string ChineseDigits = "〇零一二三四五六七八九十百";

    /// <summary>The number as a prefix for <paramref name="text"/>, or null when there is none or the text already carries it.</summary>
    public static string? Prefix(string? number, string? text)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var n = number.Trim().Trim('（', '）', '(', ')', '.', '、', '．', ' ');
        if (n.Length == 0)
        {
            return null;
        }

        var t = (text ?? "").TrimStart();
        foreach (var form in new[] { $"（{n}）", $"({n})", $"{n}、", $"{n}.", $"{n}．", $"{n} " })
        {
            if (t.StartsWith(form, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return n.All(ChineseDigits.Contains) ? $"（{n}）" : $"{n}.";
    }

    /// <summary>A task's heading: its number (unless the text carries it) and its title, or the start of its text.</summary>
    public static string Heading(string? number, string? title, string text, int length = 24)
    {
        var body = title ?? (text.Length > length ? text[..length] + "…" : text);
        return Prefix(number, body) is { } prefix ? $"{prefix} {body}" : body;
    }
}
