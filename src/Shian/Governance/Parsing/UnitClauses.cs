using System.Text.RegularExpressions;
using Shian.Kernel.Units;

namespace Shian.Governance.Parsing;

/// <summary>
/// A clause of a prose plan naming who does a task, where it stands in the text, and what it names: the lead unit
/// (牵头; "X负责" beside 配合/协办; "此项工作由X负责"), the other units (责任单位, 配合/协办, 按职责分工负责, "X负责" alone),
/// and a deadline written in the clause (完成时限：…).
/// </summary>
public sealed record UnitClause(int Index, int Length, string? Lead, string? Units, string? Time)
{
    public int End => Index + Length;
}

/// <summary>
/// Finds the clauses that say which units do a task, in the forms work plans use:
/// <list type="bullet">
/// <item>bracketed, with labels: （责任单位：A、B） （牵头单位：A；配合单位：B、C；完成时限：3月底前）;</item>
/// <item>bracketed, with verbs: （A负责） （A牵头，B、C配合） （A负责，B协办） （A、B按职责分工负责） [A（B）负责] 【A牵头】;</item>
/// <item>a sentence: 此项工作由A负责，B协办。 由A承办，B协办。 由A牵头，B配合。;</item>
/// <item>a line of labels on its own: 责任部门：A / 牵头单位：A / 配合单位：B / 完成时限：…</item>
/// </list>
/// Unit names may hold brackets ("县发展改革局（县粮食和物资储备局）", "各区县（市）人民政府"). A verb clause counts
/// only when every name it holds looks like a unit (ends as an office, a government, a committee … does), so
/// "（含乡镇）" or "（以下简称…）" are not clauses. Pure; hand-written because no library reads Chinese plan clauses.
/// </summary>
public static partial class UnitClauses
{
    private static readonly (string Label, char Role)[] Labels =
    [
        ("牵头单位", 'L'), ("牵头部门", 'L'), ("主办单位", 'L'), ("主责单位", 'L'), ("主责部门", 'L'),
        ("责任单位", 'U'), ("责任部门", 'U'), ("责任主体", 'U'), ("配合单位", 'U'), ("配合部门", 'U'), ("协办单位", 'U'), ("协作单位", 'U'), ("参与单位", 'U'), ("承办单位", 'U'),
        ("完成时限", 'T'), ("完成时间", 'T'), ("时间进度", 'T'), ("时间节点", 'T'), ("时限要求", 'T'), ("时限", 'T'),
    ];

    public static IReadOnlyList<UnitClause> Find(string text, LayoutHint? hint = null)
    {
        var clauses = new List<UnitClause>();
        for (var i = 0; i < text.Length; i++)
        {
            var close = CloserOf(text[i]);
            if (close == '\0')
            {
                continue;
            }

            var end = ClosingIndex(text, i, close);
            if (end < 0)
            {
                continue;
            }

            if (Interpret(text[(i + 1)..end], hint) is { } found)
            {
                clauses.Add(new UnitClause(i, end - i + 1, found.Lead, found.Units, found.Time));
                i = end;
            }
        }

        foreach (Match m in SentenceClause().Matches(text))
        {
            if (clauses.Any(c => m.Index < c.End && c.Index < m.Index + m.Length))
            {
                continue;
            }

            var lead = m.Groups["lead"].Value;
            var units = m.Groups["units"].Success ? m.Groups["units"].Value : null;
            if (LooksLikeUnits(lead) && (units is null || LooksLikeUnits(units)))
            {
                clauses.Add(new UnitClause(m.Index, m.Length, lead, units, null));
            }
        }

        return [.. clauses.OrderBy(c => c.Index)];
    }

    /// <summary>A paragraph that holds only labelled parts ("责任部门：区市场监管局", "完成时限：10月底前"), or null.</summary>
    public static UnitClause? LabelLine(string text, LayoutHint? hint = null)
    {
        if (StartsWithLabel(text) && Labelled(text) is { } found)
        {
            return new UnitClause(0, text.Length, found.Lead, found.Units, found.Time);
        }

        return UserLabelled(text, hint) is { } units ? new UnitClause(0, text.Length, null, units, null) : null;
    }

    /// <summary>"承担单位：A、B" with the label the user named.</summary>
    private static string? UserLabelled(string text, LayoutHint? hint)
    {
        if (hint?.UnitLabel is not { Length: > 0 } label)
        {
            return null;
        }

        label = label.Trim().TrimEnd('：', ':');
        if (!text.StartsWith(label, StringComparison.Ordinal) || text.Length <= label.Length + 1 || text[label.Length] is not ('：' or ':'))
        {
            return null;
        }

        var units = text[(label.Length + 1)..].Trim(' ', '；', ';', '。', '，', ',');
        return units.Length > 0 ? units : null;
    }

    /// <summary>Every name of a unit list looks like a unit: "县市场监管局、各乡镇人民政府" yes, "含乡镇" no.</summary>
    public static bool LooksLikeUnits(string names)
    {
        var parts = UnitNameSplitter.Split(names);
        return parts.Count > 0 && parts.All(p => p.Text.Length <= 40 && UnitEnding().IsMatch(TrailingBrackets().Replace(p.Text, "")));
    }

    private static (string? Lead, string? Units, string? Time)? Interpret(string content, LayoutHint? hint)
    {
        var c = content.Trim();
        if (StartsWithLabel(c))
        {
            return Labelled(c);
        }

        if (c.Contains('。', StringComparison.Ordinal) || c.Length > 200)
        {
            return null;
        }

        if (UserLabelled(c, hint) is { } labelled)
        {
            return (null, labelled, null);
        }

        // The user named the verb: the names before it are taken as written, unit-like or not ("瑞安、永嘉具体落实").
        if (hint?.UnitVerb is { Length: > 0 } verb && c.EndsWith(verb.Trim(), StringComparison.Ordinal) && c.Length > verb.Trim().Length)
        {
            return (null, c[..^verb.Trim().Length].Trim('，', ',', '、', ' '), null);
        }

        foreach (var (pattern, leadGroup, unitsGroup) in VerbForms)
        {
            var m = pattern.Match(c);
            if (!m.Success)
            {
                continue;
            }

            var lead = leadGroup is null ? null : m.Groups[leadGroup].Value.Trim('，', ',', '、', '；', ' ');
            var units = unitsGroup is null ? null : m.Groups[unitsGroup].Value.Trim('，', ',', '、', '；', ' ');
            if ((lead is null || LooksLikeUnits(lead)) && (units is null || LooksLikeUnits(units)))
            {
                return (lead, units, null);
            }
        }

        return null;
    }

    // In order: a lead with helpers, then a lead alone, then units alone.
    private static readonly (Regex Pattern, string? Lead, string? Units)[] VerbForms =
    [
        (LeadWithHelpers(), "lead", "units"),
        (LeadAlone(), "lead", null),
        (UnitsAlone(), null, "units"),
    ];

    private static bool StartsWithLabel(string text) => Labels.Any(l => text.StartsWith(l.Label, StringComparison.Ordinal) && text.Length > l.Label.Length && text[l.Label.Length] is '：' or ':');

    /// <summary>"牵头单位：A；配合单位：B、C；完成时限：3月底前" → (A, "B、C", "3月底前").</summary>
    private static (string? Lead, string? Units, string? Time)? Labelled(string text)
    {
        var marks = new List<(int Index, int Length, char Role)>();
        foreach (var (label, role) in Labels)
        {
            for (var i = text.IndexOf(label, StringComparison.Ordinal); i >= 0; i = text.IndexOf(label, i + 1, StringComparison.Ordinal))
            {
                var after = i + label.Length;
                if (after < text.Length && text[after] is '：' or ':' && !marks.Any(m => i < m.Index + m.Length && m.Index < after + 1))
                {
                    marks.Add((i, label.Length + 1, role));
                }
            }
        }

        if (marks.Count == 0)
        {
            return null;
        }

        marks.Sort((a, b) => a.Index.CompareTo(b.Index));
        string? lead = null, units = null, time = null;
        for (var k = 0; k < marks.Count; k++)
        {
            var start = marks[k].Index + marks[k].Length;
            var end = k + 1 < marks.Count ? marks[k + 1].Index : text.Length;
            var value = text[start..end].Trim(' ', '；', ';', '，', ',', '。', '、');
            if (value.Length == 0 || value is "—" or "-" or "无")
            {
                continue;
            }

            switch (marks[k].Role)
            {
                case 'L': lead = lead is null ? value : lead + "、" + value; break;
                case 'U': units = units is null ? value : units + "、" + value; break;
                default: time = time is null ? value : time + "；" + value; break;
            }
        }

        return lead is null && units is null && time is null ? null : (lead, units, time);
    }

    private static char CloserOf(char open) => open switch
    {
        '（' => '）',
        '(' => ')',
        '[' => ']',
        '【' => '】',
        '〔' => '〕',
        _ => '\0',
    };

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, with round brackets nested inside.</summary>
    private static int ClosingIndex(string text, int open, char close)
    {
        var depth = 0;
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == close && depth == 0)
            {
                return i;
            }

            if (c is '（' or '(')
            {
                depth++;
            }
            else if (c is '）' or ')')
            {
                if (depth == 0)
                {
                    return -1;
                }

                depth--;
            }
            else if (c == '\n')
            {
                return -1;
            }
        }

        return -1;
    }

    // A unit's name ends as an office does; 等 and brackets are dropped before looking.
    [GeneratedRegex("(?:局|委|办|政府|部|院|所|中心|站|队|会|处|室|街道|办事处|乡镇|公司|厅|行|社|馆|团|协|联|司|署|台|厂|庭|科|股|组|单位|部门|集团|学校|医院|分局|管委|园区|协会)$")]
    private static partial Regex UnitEnding();

    [GeneratedRegex(@"(?:（[^（）]*）)+$")]
    private static partial Regex TrailingBrackets();

    [GeneratedRegex(@"^(?<lead>.+?)(?:牵头|负责|主办|承办)[，,、；;]?(?<units>.+?)(?:配合|参与|协办|协助|配合实施)$")]
    private static partial Regex LeadWithHelpers();

    [GeneratedRegex(@"^(?<lead>.+?)牵头(?:负责|实施|落实)?$")]
    private static partial Regex LeadAlone();

    [GeneratedRegex(@"^(?<units>.+?)(?:按职责分工负责|按照职责分工负责|按职责分工落实|按职能分工负责|按职责负责|分别负责|共同负责|负责落实|负责)$")]
    private static partial Regex UnitsAlone();

    // "此项工作由A负责，B协办。" "由A承办，B、C协办。" at the start of a sentence.
    [GeneratedRegex(@"(?<=^|[。；;！!])\s*(?:此项工作|该项工作|本项工作|以上工作|上述工作)?由(?<lead>[^。；;，,]{2,80}?)(?:负责|承办|牵头|主办)(?:[，,](?<units>[^。；;]{2,120}?)(?:协办|配合|参与|协助))?[。；;]?(?=$|\s|[^，,])")]
    private static partial Regex SentenceClause();
}
