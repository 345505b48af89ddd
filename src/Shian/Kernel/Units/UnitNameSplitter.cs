using System.Text;

namespace Shian.Kernel.Units;

/// <summary>
/// Splits a unit cell of a work plan ("县（区）政府，市食安办、市农委等") into unit names. Separators inside
/// parentheses are kept ("各县（市、区）政府" is one name); trailing "等/等部门/等单位" and stray punctuation are
/// dropped; a leading "市、县两级" applies to every name after it.
/// </summary>
public static class UnitNameSplitter
{
    public sealed record Part(string Text, bool CityAndCountyLevels);

    private static readonly string[] TwoLevelPrefixes = ["市、县两级", "市县两级", "市、县（区）两级", "市、区两级"];
    private static readonly string[] TrailingFillers = ["等有关部门", "等相关部门", "等部门", "等单位", "等"];

    public static IReadOnlyList<Part> Split(string cell)
    {
        var text = Normalize(cell);
        var twoLevel = false;
        foreach (var p in TwoLevelPrefixes)
        {
            if (text.StartsWith(p, StringComparison.Ordinal))
            {
                twoLevel = true;
                text = text[p.Length..];
                break;
            }
        }

        var parts = new List<Part>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '（': depth++; current.Append(c); break;
                case '）' when depth > 0: depth--; current.Append(c); break;
                case '）': break; // unbalanced closer left over from a table cell
                case '、' or '，' or '；' or '。' when depth == 0:
                    Add(parts, current.ToString(), twoLevel);
                    current.Clear();
                    break;
                default: current.Append(c); break;
            }
        }

        Add(parts, current.ToString(), twoLevel);
        return parts;
    }

    /// <summary>Full-width brackets and punctuation, no whitespace.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c switch { '(' => '（', ')' => '）', ',' => '，', ';' => '；', _ => c });
        }

        return sb.ToString();
    }

    private static void Add(List<Part> parts, string raw, bool twoLevel)
    {
        var s = raw.Trim();
        foreach (var f in TrailingFillers)
        {
            if (s.EndsWith(f, StringComparison.Ordinal) && s.Length > f.Length)
            {
                s = s[..^f.Length];
                break;
            }
        }

        if (s.Length > 0)
        {
            parts.Add(new Part(s, twoLevel));
        }
    }
}
