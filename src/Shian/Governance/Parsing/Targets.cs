using System.Globalization;
using System.Text.RegularExpressions;

namespace Shian.Governance.Parsing;

/// <summary>
/// Finds the quantitative targets of a task ("合格率稳定在98%以上", "4.5份/千人", "创建放心示范餐饮店340家",
/// "培训时间不低于40学时"). Redacted values ("xx%") give a target without a value, for the user to fill in. Pure.
/// </summary>
public static partial class Targets
{
    public static IReadOnlyList<ParsedTarget> Parse(string text, IReadOnlyList<ParsedMilestone> milestones, int? planYear, DateOnly? fallbackDeadline = null)
    {
        var result = new List<(int Index, ParsedTarget Target)>();
        var taken = new List<(int Start, int End)>();
        bool Free(Match m) => !taken.Any(t => m.Index < t.End && t.Start < m.Index + m.Length);

        foreach (Match m in PerThousand().Matches(text))
        {
            taken.Add((m.Index, m.Index + m.Length));
            var unit = m.Groups["unit"].Value + "/千人";
            result.Add((m.Index, Make(text, m, fallbackDeadline, m.Groups["value"].Value, unit, AtMostNear(text, m) ? Comparator.AtMost : Comparator.AtLeast, milestones, planYear)));
        }

        foreach (Match m in Percent().Matches(text))
        {
            if (!Free(m))
            {
                continue;
            }

            taken.Add((m.Index, m.Index + m.Length));
            result.Add((m.Index, Make(text, m, fallbackDeadline, m.Groups["value"].Value, "%", AtMostNear(text, m) ? Comparator.AtMost : Comparator.AtLeast, milestones, planYear)));
        }

        foreach (Match m in Count().Matches(text))
        {
            if (!Free(m))
            {
                continue;
            }

            var after = text.AsSpan(m.Index + m.Length);
            var before = text[..m.Index];
            // The verb may stand before a list of counts in the same clause: "创建示范街区1条、示范店50家".
            var clauseStart = before.LastIndexOfAny(['，', '。', '；', ';', ',', '：', ':', '\n']) + 1;
            var verb = CountVerb().IsMatch(before.Length > 12 ? before[^12..] : before)
                || before[clauseStart..].Contains('、', StringComparison.Ordinal) && CountVerb().IsMatch(before[clauseStart..]);
            var orMore = after.StartsWith("以上") || after.StartsWith("及以上");
            if (!verb && !orMore)
            {
                continue;
            }

            taken.Add((m.Index, m.Index + m.Length));
            result.Add((m.Index, Make(text, m, fallbackDeadline, m.Groups["value"].Value, m.Groups["unit"].Value, AtMostNear(text, m) ? Comparator.AtMost : Comparator.AtLeast, milestones, planYear)));
        }

        foreach (Match m in FullCoverage().Matches(text))
        {
            if (Free(m))
            {
                taken.Add((m.Index, m.Index + m.Length));
                result.Add((m.Index, Make(text, m, fallbackDeadline, "100", "%", Comparator.Equal, milestones, planYear)));
            }
        }

        return [.. result.OrderBy(r => r.Index).Select(r => r.Target)];
    }

    private static ParsedTarget Make(string text, Match m, DateOnly? fallbackDeadline, string rawValue, string unit, Comparator comparator, IReadOnlyList<ParsedMilestone> milestones, int? planYear)
    {
        decimal? value = rawValue.Contains('x', StringComparison.OrdinalIgnoreCase)
            ? null
            : decimal.Parse(rawValue, CultureInfo.InvariantCulture);
        if (value == 100 && unit == "%" && comparator == Comparator.AtLeast)
        {
            comparator = Comparator.Equal;
        }

        var clause = TimePhrases.Clause(text, m.Index);

        // The period is the nearest "每N年/每年/每月" before the number in its sentence ("每年…20%，每5年…全部覆盖").
        var sentenceStart = text.LastIndexOfAny(['。', '；', ';', '\n'], Math.Max(0, m.Index - 1)) + 1;
        var periodMatch = Period().Matches(text[sentenceStart..(m.Index + m.Length)]).LastOrDefault();
        string? period = periodMatch is null ? null : periodMatch.Groups[1].Value + periodMatch.Groups[2].Value;

        // The deadline is the milestone written before the number in the same sentence, else the plan year's end
        // for yearly targets.
        var deadline = milestones.Where(ms => text.IndexOf(ms.Phrase, StringComparison.Ordinal) is var i && i >= 0 && i < m.Index
                && !text[i..m.Index].Contains('。') && !text[i..m.Index].Contains('；'))
            .Select(ms => (DateOnly?)ms.Date).LastOrDefault();
        deadline ??= fallbackDeadline;
        if (deadline is null && planYear is int y && period is null)
        {
            deadline = new DateOnly(y, 12, 31);
        }

        return new ParsedTarget(clause, comparator, value, unit, period, deadline);
    }

    private static bool AtMostNear(string text, Match m)
    {
        var after = text.AsSpan(m.Index + m.Length);
        var before = text[..m.Index];
        var head = before.Length > 6 ? before[^6..] : before;
        return after.StartsWith("以下") || after.StartsWith("以内") || head.Contains("不超过", StringComparison.Ordinal) || head.Contains("低于", StringComparison.Ordinal) && !head.Contains("不低于", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<value>\d+(?:\.\d+)?|x+)\s*(?<unit>份|批次|件|个)/千人口?", RegexOptions.IgnoreCase)]
    private static partial Regex PerThousand();

    [GeneratedRegex(@"(?<value>\d+(?:\.\d+)?|x+)\s*[%％]", RegexOptions.IgnoreCase)]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?<value>\d+(?:\.\d+)?|x+)\s*(?<unit>批次|学时|小时|家|个(?!工作日|月|百分点)|所|名|人次|人|次|项|份|件|条|场|分(?![钟之类级别析局批期层工区值]))(?![/年月日])", RegexOptions.IgnoreCase)]
    private static partial Regex Count();

    [GeneratedRegex("(创建|建成|新建|建设|建立|达到|完成|培训|改造提升|改造|不少于|至少|不低于|新增|打造|开展|抽检|检测|检验|覆盖|监测)")]
    private static partial Regex CountVerb();

    [GeneratedRegex("全部覆盖|全覆盖")]
    private static partial Regex FullCoverage();

    [GeneratedRegex(@"每(\d*)(年|月|季度|周)")]
    private static partial Regex Period();
}
