using System.Text.RegularExpressions;

namespace Shian.Governance.Parsing;

/// <summary>
/// Turns the time phrases of a work plan into dated milestones. Each rule is shown with the milestone so that a
/// person can check and change it in the preview. Pure.
/// </summary>
public static partial class TimePhrases
{
    public sealed record Result(IReadOnlyList<ParsedMilestone> Milestones, bool Recurring);

    private static readonly Dictionary<string, int> ChineseDigits = new() { ["一"] = 1, ["二"] = 2, ["三"] = 3, ["四"] = 4, ["1"] = 1, ["2"] = 2, ["3"] = 3, ["4"] = 4 };

    public static Result Parse(string text, int? planYear)
    {
        var found = new List<(int Index, int Length, DateOnly Date, string Rule)>();
        void Add(Match m, DateOnly date, string rule)
        {
            // Several rules can match the same words ("2018年底前" is also "年底前"): the first, longest, wins.
            if (!found.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index + m.Length))
            {
                found.Add((m.Index, m.Length, date, rule));
            }
        }

        foreach (Match m in YearMonthDay().Matches(text))
        {
            var (y, mo, d) = (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value));
            if (mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
            {
                Add(m, new DateOnly(y, mo, d), $"“{m.Value}” → {y} 年 {mo} 月 {d} 日");
            }
        }

        foreach (Match m in YearMonthEnd().Matches(text))
        {
            var (y, mo) = (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
            if (mo is >= 1 and <= 12)
            {
                Add(m, EndOfMonth(y, mo), $"“{m.Value}” → {y} 年 {mo} 月最后一天");
            }
        }

        foreach (Match m in YearEnd().Matches(text))
        {
            var y = int.Parse(m.Groups[1].Value);
            Add(m, new DateOnly(y, 12, 31), $"“{m.Value}” → {y} 年 12 月 31 日");
        }

        foreach (Match m in YearDone().Matches(text))
        {
            var y = int.Parse(m.Groups[1].Value);
            Add(m, new DateOnly(y, 12, 31), $"“{m.Value}” → {y} 年 12 月 31 日");
        }

        foreach (Match m in BeforeYear().Matches(text))
        {
            var y = int.Parse(m.Groups[1].Value);
            Add(m, new DateOnly(y - 1, 12, 31), $"“{m.Value}” → {y - 1} 年 12 月 31 日（{y} 年之前）");
        }

        if (planYear is int py)
        {
            foreach (Match m in MonthDay().Matches(text))
            {
                var (mo, d) = (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
                if (mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(py, mo))
                {
                    Add(m, new DateOnly(py, mo, d), $"“{m.Value}” → 计划年度 {py} 年 {mo} 月 {d} 日");
                }
            }

            foreach (Match m in MonthEnd().Matches(text))
            {
                var mo = int.Parse(m.Groups[1].Value);
                if (mo is >= 1 and <= 12)
                {
                    Add(m, EndOfMonth(py, mo), $"“{m.Value}” → 计划年度 {py} 年 {mo} 月最后一天");
                }
            }

            foreach (Match m in BeforeMonth().Matches(text))
            {
                var mo = int.Parse(m.Groups[1].Value);
                if (mo is >= 2 and <= 12)
                {
                    Add(m, EndOfMonth(py, mo - 1), $"“{m.Value}” → 计划年度 {py} 年 {mo - 1} 月最后一天（{mo} 月之前）");
                }
                else if (mo == 1)
                {
                    Add(m, new DateOnly(py - 1, 12, 31), $"“{m.Value}” → {py - 1} 年 12 月 31 日（1 月之前）");
                }
            }

            foreach (Match m in HalfYear().Matches(text))
            {
                var first = m.Value == "上半年";
                Add(m, first ? new DateOnly(py, 6, 30) : new DateOnly(py, 12, 31), $"“{m.Value}” → 计划年度 {py} 年 {(first ? "6 月 30 日" : "12 月 31 日")}");
            }

            foreach (Match m in Quarter().Matches(text))
            {
                var q = ChineseDigits[m.Groups[1].Value];
                Add(m, EndOfMonth(py, q * 3), $"“{m.Value}” → 计划年度 {py} 年第 {q} 季度末");
            }

            foreach (Match m in ThisYear().Matches(text))
            {
                Add(m, new DateOnly(py, 12, 31), $"“{m.Value}” → 计划年度 {py} 年 12 月 31 日");
            }
        }

        var ordered = found.OrderBy(f => f.Index).ToList();
        var milestones = ordered
            .Select((f, i) => new ParsedMilestone(f.Date, text.Substring(f.Index, f.Length), MilestoneText(text, f.Index, i + 1 < ordered.Count ? ordered[i + 1].Index : text.Length), f.Rule))
            .ToList();
        return new Result(milestones, Recurring().IsMatch(text.Trim()));
    }

    /// <summary>Phrases that need the plan year but none is known yet (reported so the user supplies the year).</summary>
    public static bool NeedsPlanYear(string text) =>
        MonthEnd().IsMatch(text) || MonthDay().IsMatch(text) || BeforeMonth().IsMatch(text) || HalfYear().IsMatch(text) || Quarter().IsMatch(text) || ThisYear().IsMatch(text);

    /// <summary>
    /// What a milestone promises: from its phrase to the end of the sentence or the next dated phrase
    /// ("2018年底前直报系统覆盖全部乡（镇、街道）" and "2020年底前延至重点监控部位"); the sentence before it when the
    /// phrase ends the sentence ("…，12月底前").
    /// </summary>
    private static string MilestoneText(string text, int index, int nextPhrase)
    {
        var end = text.IndexOfAny(['。', '；', ';', '\n'], index);
        end = Math.Min(end < 0 ? text.Length : end, nextPhrase);
        var own = text[index..end].Trim(' ', '，', ',', '、');
        var result = own.Length > 8 ? own : Clause(text, index);
        return result.Length > 120 ? result[..120] + "…" : result;
    }

    /// <summary>The clause around a position: from the previous to the next 。；, up to 120 characters.</summary>
    public static string Clause(string text, int index)
    {
        var start = text.LastIndexOfAny(['。', '；', ';', '\n'], Math.Max(0, index - 1)) + 1;
        var end = text.IndexOfAny(['。', '；', ';', '\n'], index);
        var clause = text[start..(end < 0 ? text.Length : end)].Trim(' ', '，', ',', '　');
        return clause.Length > 120 ? clause[..120] + "…" : clause;
    }

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    [GeneratedRegex(@"(\d{4})年(\d{1,2})月(\d{1,2})日(?:前|之前)?")]
    private static partial Regex YearMonthDay();

    [GeneratedRegex(@"(?<![\d年])(\d{1,2})月(\d{1,2})日(?:前|之前)?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(\d{4})年(\d{1,2})月(?:底|末)?(?:前|之前)?")]
    private static partial Regex YearMonthEnd();

    [GeneratedRegex(@"(\d{4})年(?:底|末)(?:前|之前)?")]
    private static partial Regex YearEnd();

    [GeneratedRegex(@"(\d{4})年(?:建成|完成|实现|达到)")]
    private static partial Regex YearDone();

    [GeneratedRegex(@"(\d{4})年(?:前|之前)")]
    private static partial Regex BeforeYear();

    [GeneratedRegex(@"(?<![\d年])(\d{1,2})月(?:底|末)(?:前|之前)?")]
    private static partial Regex MonthEnd();

    [GeneratedRegex(@"(?<![\d年])(\d{1,2})月(?:前|之前)")]
    private static partial Regex BeforeMonth();

    [GeneratedRegex("上半年|下半年")]
    private static partial Regex HalfYear();

    [GeneratedRegex("第([一二三四1-4])季度")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"(?<!\d)(?:年底前|年底|年内|全年)")]
    private static partial Regex ThisYear();

    // A task done again and again: in its words, or a time cell that is only a period ("每季度").
    [GeneratedRegex("持续实施|长期坚持|常态化开展|每年开展|每季度开展|每月开展|^每(?:季度|月|半年|年|周)(?:一次)?$")]
    private static partial Regex Recurring();
}
