using System.Text.RegularExpressions;

namespace Shian.Governance.Parsing;

public static partial class PlanParser
{
    /// <summary>A paragraph, or a table row with its cells (a Word or Excel row, or a text line of tab-separated cells).</summary>
    private sealed record Block(int Line, string Text, IReadOnlyList<string>? Cells);

    /// <summary>
    /// Groups the source into paragraphs and rows. A Word/Excel row's cells arrive as lines with the same row number;
    /// a text line is a row when it holds tab-separated cells (one leading tab alone is Word's "one cell per line"
    /// export, read by <see cref="ParseTable"/>).
    /// </summary>
    private static List<Block> Blocks(IReadOnlyList<SourceLine> source, bool groupCellLines = false)
    {
        var blocks = new List<Block>();
        for (var i = 0; i < source.Count; i++)
        {
            var line = source[i];
            if (groupCellLines && line.Row is null && line.Text.StartsWith('\t') && !line.Text[1..].Contains('\t', StringComparison.Ordinal))
            {
                // Asked for a user's column marking: Word's one-cell-per-line export grouped into rows at blank lines;
                // a line without the tab continues the cell above (a wrapped cell).
                var cells = new List<string>();
                var first = i;
                for (; i < source.Count && source[i].Text.Trim().Length > 0; i++)
                {
                    var text = Clean(source[i].Text);
                    if (source[i].Text.StartsWith('\t') || cells.Count == 0)
                    {
                        cells.Add(text);
                    }
                    else
                    {
                        cells[^1] += text;
                    }
                }

                blocks.Add(new Block(first, string.Join(" ", cells.Where(c => c.Length > 0)), cells));
                continue;
            }

            if (line.Row is int row && line.IsCell)
            {
                var cells = new List<string>();
                var first = i;
                for (; i < source.Count && source[i].Row == row && source[i].IsCell; i++)
                {
                    cells.Add(Clean(source[i].Text.Replace('\n', ' ')));
                }

                i--;
                blocks.Add(new Block(first, string.Join(" ", cells.Where(c => c.Length > 0)), cells));
                continue;
            }

            var raw = line.Text.TrimEnd('\r');
            var afterOneTab = raw.StartsWith('\t') ? raw[1..] : raw;
            if (afterOneTab.Contains('\t', StringComparison.Ordinal))
            {
                var cells = raw.Split('\t').Select(Clean).ToList();
                blocks.Add(new Block(i, string.Join(" ", cells.Where(c => c.Length > 0)), cells));
                continue;
            }

            blocks.Add(new Block(i, Clean(raw), null));
        }

        return blocks;
    }

    /// <summary>The first row whose cells name a task column and a unit column.</summary>
    private static (int Block, List<Column?> Columns)? FindRowHeader(List<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Cells is not { } cells)
            {
                continue;
            }

            var columns = cells.Select(ColumnOf).ToList();
            var named = columns.Where(c => c is not null).Select(c => c!.Value).ToList();
            if (named.Count >= 2 && named.Any(c => c is Column.Text or Column.Title or Column.Requirement) && named.Any(c => c is Column.Lead or Column.Units))
            {
                return (i, columns);
            }
        }

        return null;
    }

    /// <summary>The header and the columns as the user marked them: the header row counts the rows of the sample.</summary>
    private static (int Block, List<Column?> Columns)? HintedHeader(List<Block> blocks, LayoutHint hint)
    {
        var nonEmpty = blocks.Select((b, i) => (b, i)).Where(x => x.b.Text.Length > 0).Select(x => x.i).ToList();
        var row = hint.HeaderRow is int n && n >= 1 && n <= nonEmpty.Count ? nonEmpty[n - 1] : -1;
        var columns = hint.Columns!.Select(r => r switch
        {
            ColumnRole.Number => Column.Number,
            ColumnRole.Section => Column.Section,
            ColumnRole.Title => Column.Title,
            ColumnRole.Text => Column.Text,
            ColumnRole.Requirement => Column.Requirement,
            ColumnRole.Lead => Column.Lead,
            ColumnRole.Units => Column.Units,
            ColumnRole.Time => Column.Time,
            _ => (Column?)null,
        }).ToList();
        return (row, columns);
    }

    /// <summary>The first rows as read, for the user to mark: each row's cells, a paragraph as one cell; long cells cut.</summary>
    private static List<IReadOnlyList<string>> SampleOf(List<Block> blocks) =>
        [.. blocks.Where(b => b.Text.Length > 0).Take(40)
            .Select(b => (IReadOnlyList<string>)[.. (b.Cells ?? [b.Text]).Take(12).Select(c => c.Length > 80 ? c[..80] + "…" : c)])];

    private static void ParseRows(ParsedPlan plan, List<Block> blocks, int headerIndex, List<Column?> columns)
    {
        IReadOnlyList<string> header = headerIndex >= 0 ? blocks[headerIndex].Cells ?? [] : [];
        var hasNumberColumn = columns.Contains(Column.Number);
        ParsedSection? section = null;
        ParsedTask? task = null;
        var requirements = new Dictionary<ParsedTask, string>(ReferenceEqualityComparer.Instance);
        var sections = new Dictionary<string, ParsedSection>(StringComparer.Ordinal);
        ParsedSection Section(string title) => sections.TryGetValue(title, out var s) ? s : sections[title] = SectionFor(plan, title); // a lookup per row, not a scan

        string Cell(IReadOnlyList<string> cells, Column column)
        {
            var values = columns.Select((c, i) => (c, i)).Where(x => x.c == column && x.i < cells.Count).Select(x => cells[x.i]).Where(v => v.Length > 0 && !IsNone(v));
            return string.Join("、", values);
        }

        for (var b = headerIndex + 1; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block.Cells is not { } cells)
            {
                var text = block.Text;
                if (text.Length == 0 || text == "续表" || PageNumber().IsMatch(text))
                {
                    continue;
                }

                if (NoteLine().IsMatch(text))
                {
                    break;
                }

                if (IsSectionTitle(text))
                {
                    section = Section(text);
                    task = null;
                }

                continue; // other paragraphs between rows (a caption, a page header) are not cells
            }

            var filled = cells.Where(c => c.Length > 0).ToList();
            if (filled.Count == 0 || IsHeaderRow(cells, header))
            {
                continue;
            }

            if (filled.Count == 1 && (cells.Count == 1 || IsSectionTitle(filled[0]) || filled[0] == "续表" || PageNumber().IsMatch(filled[0]) || NoteLine().IsMatch(filled[0])))
            {
                var only = filled[0];
                if (NoteLine().IsMatch(only))
                {
                    break;
                }

                if (only != "续表" && !PageNumber().IsMatch(only))
                {
                    section = Section(only); // a row spanning the table: a section
                    task = null;
                }

                continue;
            }

            if (Cell(cells, Column.Section) is { Length: > 0 } sectionCell)
            {
                section = Section(sectionCell); // a merged category column holds its value in its first row only
            }

            var number = Cell(cells, Column.Number);
            var text2 = Cell(cells, Column.Text);
            var title = Cell(cells, Column.Title);
            var others = Cell(cells, Column.Lead).Length + Cell(cells, Column.Units).Length + Cell(cells, Column.Time).Length;
            var isNew = task is null || number.Length > 0 || (text2.Length > 0 || title.Length > 0) && (!hasNumberColumn || others > 0);
            if (isNew)
            {
                section ??= Section("（未分节）");
                var fromText = NumberedItem().Match(text2);
                task = new ParsedTask { Number = number.Length > 0 ? number.TrimEnd('.', '．', '、') : fromText.Success ? fromText.Groups["num"].Value : null };
                section.Tasks.Add(task);
            }

            foreach (var column in new[] { Column.Title, Column.Text, Column.Requirement, Column.Lead, Column.Units, Column.Time })
            {
                if (Cell(cells, column) is { Length: > 0 } value)
                {
                    if (column == Column.Requirement)
                    {
                        // Kept aside: a wrapped task cell in the next row continues the task's words, not its requirement.
                        requirements[task!] = requirements.TryGetValue(task!, out var before) ? before + value : value;
                    }
                    else
                    {
                        Append(task!, column, value);
                    }
                }
            }
        }

        foreach (var (t, requirement) in requirements)
        {
            t.Text = Join(t.Text, requirement);
        }

        plan.Sections.RemoveAll(s => s.Tasks.Count == 0);
    }

    /// <summary>Adds a cell's text to a task; a row continuing the one above (a wrapped cell) adds to the same fields.</summary>
    private static void Append(ParsedTask task, Column column, string value)
    {
        static string Units(string? before, string value) =>
            string.IsNullOrEmpty(before) ? value : EndsOpen(before) ? before + value : before + "、" + value;
        switch (column)
        {
            case Column.Title: task.Title = task.Title is null ? value : task.Title + value; break;
            case Column.Text: task.Text = task.Text.Length == 0 ? value : task.Text + value; break;
            case Column.Lead: task.LeadText = Units(task.LeadText, value); break;
            case Column.Units: task.UnitsText = Units(task.UnitsText, value); break;
            case Column.Time: task.TimeText = task.TimeText is null ? value : task.TimeText + "；" + value; break;
            default: break;
        }
    }

    private static bool IsHeaderRow(IReadOnlyList<string> cells, IReadOnlyList<string> header)
    {
        var same = cells.Where(c => c.Length > 0).Count(c => header.Contains(c));
        return same >= 2 && same * 2 >= cells.Count(c => c.Length > 0);
    }

    private static bool IsSectionTitle(string text) =>
        text.Length < 60 && (SectionHeading().IsMatch(text) || Numbering.Read(text)?.Style is NumberStyle.ChineseEnclosed) && UnitClauses.Find(text).Count == 0;

    /// <summary>A cell meaning "none": "—", "-", "/", "无".</summary>
    private static bool IsNone(string cell) => NoneCell().IsMatch(cell);

    private static ParsedSection SectionFor(ParsedPlan plan, string title)
    {
        var existing = plan.Sections.FirstOrDefault(s => s.Title == title);
        if (existing is not null)
        {
            return existing; // a section repeated after a page break continues, it does not start again
        }

        var m = SectionHeading().Match(title);
        var created = new ParsedSection { Number = m.Success ? m.Groups["num"].Value : null, Title = title };
        plan.Sections.Add(created);
        return created;
    }

    /// <summary>
    /// What a header cell names, in the words plans use: the seeds' exact headers first, then by its key words
    /// (牵头 → lead; 配合/协办/责任/…单位/…部门 → units; 时限/时间/进度 → time; 类别 → section; 任务/内容/措施 → text).
    /// </summary>
    private static Column? ColumnOf(string header)
    {
        var h = WhiteSpace().Replace(header, "");
        if (HeaderWords.TryGetValue(h, out var known))
        {
            return known;
        }

        if (h.Length is 0 or > 10)
        {
            return null;
        }

        if (h is "序" or "编号" or "序列号" or "项目编号")
        {
            return Column.Number;
        }

        if (h.Contains("牵头", StringComparison.Ordinal) || h.Contains("主责", StringComparison.Ordinal) || h.Contains("主办", StringComparison.Ordinal))
        {
            return Column.Lead;
        }

        if (new[] { "配合", "协办", "协助", "参与", "协作", "责任" }.Any(w => h.Contains(w, StringComparison.Ordinal)) || h.EndsWith("单位", StringComparison.Ordinal) || h.EndsWith("部门", StringComparison.Ordinal))
        {
            return Column.Units;
        }

        if (h.Contains("要求", StringComparison.Ordinal) || h.Contains("目标", StringComparison.Ordinal))
        {
            return Column.Requirement;
        }

        if (new[] { "时限", "时间", "进度", "节点", "期限" }.Any(w => h.Contains(w, StringComparison.Ordinal)))
        {
            return Column.Time;
        }

        if (h is "类别" or "类型" or "领域" or "板块" or "分类" or "任务类别" or "工作类别" or "项目类别" or "工作板块")
        {
            return Column.Section;
        }

        if (h.Contains("重点工作", StringComparison.Ordinal) || h is "项目" or "工作项目" or "任务名称" or "项目名称")
        {
            return Column.Title;
        }

        if (h.Contains("任务", StringComparison.Ordinal) || h.Contains("内容", StringComparison.Ordinal) || h.Contains("措施", StringComparison.Ordinal) || h.Contains("事项", StringComparison.Ordinal)
            || h.Contains("举措", StringComparison.Ordinal) || h.Contains("工作", StringComparison.Ordinal))
        {
            return Column.Text;
        }

        return h is "备注" or "说明" ? Column.Other : null;
    }

    [GeneratedRegex(@"^(?:—+|-+|－+|–+|/|／|无)$")]
    private static partial Regex NoneCell();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
