using System.Text;
using System.Text.RegularExpressions;

namespace Shian.Governance.Parsing;

public static partial class PlanParser
{
    /// <summary>
    /// Prose plans: numbered headings and items in any numbering (一、 （一） ㈠ 1. 1、 （1） ⑴ ①; depth by the order the
    /// styles first appear, as GB/T 9704 documents nest them). Each unit clause (<see cref="UnitClauses"/>) closes a
    /// task: an item with a clause after each sentence gives one task per clause, each with its own units; a line of
    /// labels under an item ("责任部门：…") closes it; an item under a heading that names a unit ("一、县市场监管局") is
    /// that unit's task. Items with neither (主要目标, 保障措施, a heading over sub-items) are not tasks.
    /// Returns false when the document has no clause and no unit heading: an outline for <see cref="ParseOutline"/>.
    /// </summary>
    private static bool ParseProse(ParsedPlan plan, List<SourceLine> lines, LayoutHint? hint)
    {
        var sectionStyle = lines.Any(l => Numbering.Read(l.Text)?.Style == NumberStyle.ChineseComma) ? NumberStyle.ChineseComma
            : lines.Any(l => Numbering.Read(l.Text)?.Style == NumberStyle.ChineseParen) ? NumberStyle.ChineseParen
            : (NumberStyle?)null;
        var styles = new List<NumberStyle>();
        var unitHeadings = new SortedDictionary<int, string>();
        ParsedSection? section = null;
        var buffer = new StringBuilder(); // the open item's words since its last clause
        string? number = null; // the open item's number; null for a section's own paragraphs
        var depth = -1;
        var isUnitHeading = false;
        var started = false;
        ParsedTask? lastTask = null;
        var anyClause = false;
        var grouped = 0;

        ParsedSection Current()
        {
            if (section is null)
            {
                section = new ParsedSection { Title = "（未分节）" };
                plan.Sections.Add(section);
            }

            return section;
        }

        void ForgetHeadingsFrom(int level)
        {
            foreach (var deeper in unitHeadings.Keys.Where(k => k >= level).ToList())
            {
                unitHeadings.Remove(deeper);
            }
        }

        void Flush(bool asHeading)
        {
            var rest = buffer.ToString().Trim();
            if (!asHeading && !isUnitHeading && number is not null && lastTask is null && HasWords(rest)
                && unitHeadings.LastOrDefault(h => h.Key < depth) is { Value: { } unit })
            {
                Current().Tasks.Add(new ParsedTask { Number = number, Text = rest, UnitsText = unit });
                grouped++;
            }

            buffer.Clear();
            lastTask = null;
        }

        void Apply(string taskText, UnitClause clause)
        {
            taskText = taskText.Trim().TrimStart('；', ';', '。', '，', ',', '、').Trim();
            anyClause = true;
            if (!HasWords(taskText) && lastTask is not null)
            {
                Merge(lastTask, clause); // "（责任单位：A）（完成时限：…）", or a second line of labels
                return;
            }

            lastTask = new ParsedTask { Number = number, Text = taskText, LeadText = clause.Lead, UnitsText = clause.Units, TimeText = clause.Time };
            Current().Tasks.Add(lastTask);
        }

        // A paragraph's clauses close the words before them (those of earlier paragraphs of the item included). Only
        // the new paragraph is searched, so a long document without clauses is read in linear time.
        void Take(string paragraph)
        {
            var consumed = 0;
            foreach (var clause in UnitClauses.Find(paragraph, hint))
            {
                Apply(buffer.ToString() + paragraph[consumed..clause.Index], clause);
                buffer.Clear();
                consumed = clause.End;
            }

            buffer.Append(paragraph, consumed, paragraph.Length - consumed);
        }

        foreach (var line in lines)
        {
            var text = line.Text;
            if (text.Length == 0 || PageNumber().IsMatch(text) || text == "续表")
            {
                continue;
            }

            var numbered = Numbering.Read(text);
            if (numbered is null)
            {
                if (!started)
                {
                    continue; // the title and the preamble before the first heading or item
                }

                if (UnitClauses.LabelLine(text, hint) is { } labels)
                {
                    Apply(buffer.ToString(), labels); // "责任部门：…" on its own line closes the item above
                    buffer.Clear();
                    continue;
                }

                Take(text);
                continue;
            }

            started = true;
            var level = styles.IndexOf(numbered.Style);
            if (level >= 0)
            {
                styles.RemoveRange(level + 1, styles.Count - level - 1);
            }
            else
            {
                styles.Add(numbered.Style);
                level = styles.Count - 1;
            }

            var content = text[numbered.Length..].Trim().TrimEnd('：', ':', '。');
            var hasClause = UnitClauses.Find(text, hint).Count > 0; // once per heading, not once per question
            var namesUnit = !hasClause && content.Length is > 1 and <= 30 && UnitClauses.LooksLikeUnits(content);
            if (numbered.Style == sectionStyle && text.Length < 60 && !hasClause)
            {
                Flush(asHeading: false);
                ForgetHeadingsFrom(level);
                section = new ParsedSection { Number = numbered.Number, Title = text };
                plan.Sections.Add(section);
                number = null;
                depth = level;
                isUnitHeading = namesUnit;
                if (namesUnit)
                {
                    unitHeadings[level] = content;
                }

                continue;
            }

            Flush(asHeading: level > depth && number is not null);
            ForgetHeadingsFrom(level);
            number = numbered.Number;
            depth = level;
            isUnitHeading = namesUnit;
            if (namesUnit)
            {
                unitHeadings[level] = content;
                continue;
            }

            Take(text);
        }

        Flush(asHeading: false);
        plan.Sections.RemoveAll(s => s.Tasks.Count == 0);
        if (!anyClause && grouped == 0)
        {
            plan.Sections.Clear();
            return false;
        }

        plan.Layout = anyClause ? PlanLayout.Clauses : PlanLayout.Outline;
        return plan.Tasks.Any();
    }

    private static void Merge(ParsedTask task, UnitClause clause)
    {
        if (clause.Lead is { } lead)
        {
            task.LeadText = task.LeadText is null ? lead : task.LeadText + "、" + lead;
        }

        if (clause.Units is { } units)
        {
            task.UnitsText = task.UnitsText is null ? units : task.UnitsText + "、" + units;
        }

        if (clause.Time is { } time)
        {
            task.TimeText = task.TimeText is null ? time : task.TimeText + "；" + time;
        }
    }

    /// <summary>At least two letters or characters: "。" left after a clause is no task.</summary>
    private static bool HasWords(string text) => text.Count(char.IsLetterOrDigit) >= 2;

    [GeneratedRegex(@"^[—\-－–]\s*\d{1,3}\s*[—\-－–]$|^第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?$")]
    private static partial Regex PageNumber();
}
