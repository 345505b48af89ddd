using System.Text;
using System.Text.RegularExpressions;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;

namespace Shian.Governance.Parsing;

/// <summary>
/// Turns a work plan into sections, tasks, units, milestones and targets. The layout (table, 责任单位 clauses,
/// outline) is detected from the content. Pure: lines and the unit catalogue in, a parse with warnings out.
/// </summary>
public static partial class PlanParser
{
    public sealed record Options(int? Year = null, string? RegionCode = null, LayoutHint? Hint = null);

    private enum Column { Number, Section, Title, Text, Requirement, Lead, Units, Time, Other }

    // Header words of the task tables the seeds use, and what each column holds.
    private static readonly Dictionary<string, Column> HeaderWords = new()
    {
        ["序号"] = Column.Number,
        ["工作任务"] = Column.Text,
        ["重点任务"] = Column.Text,
        ["任务内容"] = Column.Text,
        ["工作内容"] = Column.Text,
        ["工作措施"] = Column.Text,
        ["重点工作"] = Column.Title,
        ["主要任务"] = Column.Section,
        ["年度进度要求"] = Column.Requirement,
        ["进度要求"] = Column.Requirement,
        ["目标要求"] = Column.Requirement,
        ["牵头单位"] = Column.Lead,
        ["责任单位"] = Column.Units,
        ["配合单位"] = Column.Units,
        ["时间进度"] = Column.Time,
        ["完成时限"] = Column.Time,
        ["完成时间"] = Column.Time,
        ["时间节点"] = Column.Time,
        ["备注"] = Column.Other,
    };

    public static ParsedPlan Parse(IReadOnlyList<SourceLine> source, UnitCatalog catalog, Options? options = null)
    {
        options ??= new Options();
        var lines = source.Select(l => l with { Text = Clean(l.Text) }).ToList();
        if (lines.All(l => l.Text.Length == 0))
        {
            throw new PlanParseException("文件为空，没有可导入的内容。");
        }

        var plan = new ParsedPlan();
        var hint = options.Hint;
        var blocks = Blocks(source, groupCellLines: hint?.HasColumns == true);
        var rowHeader = hint?.HasColumns == true ? HintedHeader(blocks, hint) : FindRowHeader(blocks);
        var header = rowHeader is null ? FindHeader(lines) : null;
        plan.Title = FindTitle(lines, rowHeader is { } r ? blocks[r.Block].Line : header?.Start ?? lines.Count);
        DetectYear(plan, options);
        DetectIssuer(plan, lines, catalog, options);

        if (rowHeader is { } rows)
        {
            plan.Layout = PlanLayout.Table;
            ParseRows(plan, blocks, rows.Block, rows.Columns);
        }
        else if (header is not null)
        {
            plan.Layout = PlanLayout.Table;
            ParseTable(plan, lines, header.Value.Start, header.Value.Columns);
        }
        else if (!ParseProse(plan, lines, hint) && lines.Any(l => OutlineItem().IsMatch(l.Text)))
        {
            plan.Layout = PlanLayout.Outline;
            ParseOutline(plan, lines);
        }

        if (!plan.Tasks.Any())
        {
            var sample = SampleOf(hint?.HasColumns == true ? blocks : Blocks(source, groupCellLines: true));
            if (sample.Count < 2)
            {
                throw new PlanParseException("没有识别到任何任务：文件不像是工作方案（应有任务表格、“（责任单位：…）”或“1.”编号的任务）。");
            }

            throw new PlanLayoutUnknownException(hint is null
                ? "没有识别到任何任务：请对照下方读到的内容，标出各列是什么（表格），或写明方案中单位的写法（如“承担单位：”或“具体落实”）。"
                : "按您标出的版式仍没有识别出任务：请检查表头所在行和各列的含义，或单位的写法。", sample);
        }

        Enrich(plan, catalog);
        return plan;
    }

    /// <summary>Normalizes spaces (full-width, nbsp), strips Word's bookmark markers.</summary>
    private static string Clean(string text)
    {
        var t = BookmarkMarker().Replace(text, "");
        t = t.Replace('\u00A0', ' ').Replace('\u3000', ' ');
        return t.Trim();
    }

    private static (int Start, List<Column> Columns)? FindHeader(List<SourceLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var columns = new List<Column>();
            var j = i;
            while (j < lines.Count && ColumnOf(lines[j].Text) is { } c)
            {
                columns.Add(c);
                j++;
            }

            if (columns.Count >= 3 && (columns.Contains(Column.Units) || columns.Contains(Column.Lead)))
            {
                return (i, columns);
            }
        }

        return null;
    }

    private static string FindTitle(List<SourceLine> lines, int before)
    {
        // The title is among the first lines before the body: not "附件", not a header cell, not a numbered heading or
        // item (an item may well say "按职责分工负责"); the one that names the document's kind, else the first.
        var candidates = lines.Take(Math.Min(before, 6)).Select(l => l.Text)
            .Where(t => t.Length is > 0 and <= 80 && !AttachmentLabel().IsMatch(t) && ColumnOf(t) is null && Numbering.Read(t) is null && UnitClauses.Find(t).Count == 0)
            .ToList();
        return candidates.FirstOrDefault(t => TitleWords.Any(w => t.Contains(w, StringComparison.Ordinal))) ?? candidates.FirstOrDefault() ?? "";
    }

    private static readonly string[] TitleWords = ["计划", "方案", "安排", "分工", "分解", "一览表", "要点", "清单", "任务"];

    private static void DetectYear(ParsedPlan plan, Options options)
    {
        if (options.Year is int given)
        {
            plan.Year = given;
            plan.YearSource = "参数";
            return;
        }

        var m = TitleYear().Match(plan.Title);
        if (m.Success && !TitleYearRange().IsMatch(plan.Title))
        {
            plan.Year = int.Parse(m.Groups[1].Value);
            plan.YearSource = "标题";
            return;
        }

        plan.Warnings.Add(new ParseWarning("plan.year-missing", "标题中没有计划年度（或为多年计划），请填写计划年度：“X月底前”“年底前”等短语需要它来确定日期。"));
    }

    private static void DetectIssuer(ParsedPlan plan, List<SourceLine> lines, UnitCatalog catalog, Options options)
    {
        if (options.RegionCode is { } given && catalog.Regions.Find(given) is { } region)
        {
            plan.IssuerRegionCode = region.Code;
            plan.IssuerName = region.Name;
            return;
        }

        // The title names the issuing region ("2018年温州市…", "溪湖区2017年…"); failing that, the region named most
        // often in the document (seed 000 names only 本溪).
        var candidates = catalog.Regions.All.Where(r => r.Level is RegionLevel.City or RegionLevel.County).ToList();
        Region? Named(string text) => candidates
            .Where(r => text.Contains(r.Name, StringComparison.Ordinal))
            .OrderByDescending(r => r.Name.Length).FirstOrDefault();
        var found = Named(plan.Title);
        if (found is null)
        {
            var body = string.Join("\n", lines.Select(l => l.Text));
            found = candidates
                .Select(r => (Region: r, Count: CountOf(body, r.Name) + (r.Level == RegionLevel.City && RegionTree.ShortName(r.Name) is { } s ? CountOf(body, s) : 0)))
                .Where(x => x.Count > 0)
                .OrderByDescending(x => x.Count).ThenBy(x => x.Region.Level)
                .Select(x => x.Region).FirstOrDefault();
        }

        if (found is not null)
        {
            plan.IssuerRegionCode = found.Code;
            plan.IssuerName = found.Name;
        }
        else
        {
            plan.Warnings.Add(new ParseWarning("plan.region-missing", "无法从文件判断发文地区，请选择计划所属区划：单位名称按该地区解析。"));
        }
    }

    private static int CountOf(string text, string word)
    {
        var n = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    private static void ParseTable(ParsedPlan plan, List<SourceLine> lines, int headerStart, List<Column> columns)
    {
        ParsedSection? section = null;
        ParsedTask? task = null;
        var filled = new HashSet<Column>();
        Column? last = null;

        ParsedSection Section(string title) => SectionFor(plan, title);

        void StartTask(string? number)
        {
            section ??= Section("（未分节）");
            task = new ParsedTask { Number = number };
            section.Tasks.Add(task);
            filled.Clear();
            last = null;
        }

        void Set(Column c, string text)
        {
            if (IsNone(text))
            {
                text = ""; // "—": the column is filled with nothing
            }

            switch (c)
            {
                case Column.Title: task!.Title = Join(task.Title, text); break;
                case Column.Text: task!.Text = Join(task.Text, text); break;
                case Column.Requirement: task!.Text = Join(task.Text, text); break;
                case Column.Lead when text.Length > 0: task!.LeadText = Join(task.LeadText, text, separator: ""); break;
                case Column.Units when text.Length > 0: task!.UnitsText = Join(task.UnitsText, text, separator: ""); break;
                case Column.Time: task!.TimeText = Join(task.TimeText, text); break;
                default: break;
            }

            filled.Add(c);
            last = c;
        }

        var bodyColumns = columns.Where(c => c is not (Column.Number or Column.Section or Column.Other)).ToList();
        var headerSet = new HashSet<string>(HeaderWords.Keys.Concat(lines.Skip(headerStart).Take(columns.Count).Select(l => l.Text)));
        for (var i = headerStart; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (text.Length == 0 || headerSet.Contains(text) || text == "续表" || PageNumber().IsMatch(text))
            {
                continue; // empty cells, repeated headers after page breaks, page numbers
            }

            if (NoteLine().IsMatch(text))
            {
                break; // "注：…" below the table
            }

            if (SectionHeading().IsMatch(text) && text.Length < 60)
            {
                section = Section(text);
                task = null;
                continue;
            }

            if (NumberCell().IsMatch(text))
            {
                StartTask(text);
                continue;
            }

            var numbered = NumberedItem().Match(text);
            if (numbered.Success && (task is null || filled.Contains(Column.Text)))
            {
                // "1.夯实…": a new numbered task in a table whose number sits in the text column (seed 003).
                StartTask(numbered.Groups["num"].Value);
                Set(Column.Text, text[numbered.Length..].Trim());
                continue;
            }

            if (task is null)
            {
                StartTask(null);
            }

            // A cell that ends with 、 or ， continues on the next line (Word wraps long unit lists).
            if (last is Column.Lead or Column.Units && EndsOpen(last == Column.Lead ? task!.LeadText : task!.UnitsText))
            {
                Set(last.Value, text);
                continue;
            }

            // Cells fill the columns in order; after the last column, a new row without a number starts a new task
            // (seed 000 leaves 序号 empty).
            var position = last is null ? 0 : bodyColumns.IndexOf(last.Value) + 1;
            if (position >= bodyColumns.Count)
            {
                StartTask(null);
                position = 0;
            }

            Set(bodyColumns[position], text);
        }

        plan.Sections.RemoveAll(s => s.Tasks.Count == 0);
    }

    private static void ParseOutline(ParsedPlan plan, List<SourceLine> lines)
    {
        ParsedSection? group = null;
        ParsedTask? task = null;
        foreach (var line in lines)
        {
            var text = line.Text;
            if (text.Length == 0)
            {
                continue;
            }

            if (TopHeading().IsMatch(text) && text.Length < 60)
            {
                group = null;
                task = null;
                continue;
            }

            var sub = SubHeading().Match(text);
            if (sub.Success && text.Length < 80 && !OutlineItem().IsMatch(text))
            {
                group = new ParsedSection { Number = sub.Groups["num"].Value, Title = text };
                plan.Sections.Add(group);
                task = null;
                continue;
            }

            var item = OutlineItem().Match(text);
            if (item.Success && group is not null)
            {
                // A redacted number ("x.", seed 004) becomes the item's position in its group.
                var number = item.Groups["num"].Value;
                if (number.All(c => c is 'x' or 'X'))
                {
                    number = (group.Tasks.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                task = new ParsedTask { Number = number, Text = text[item.Length..].Trim() };
                group.Tasks.Add(task);
                continue;
            }

            if (task is not null && !sub.Success)
            {
                task.Text = Join(task.Text, text, separator: ""); // a line wrapped inside an item
            }
        }

        // Groups without items are prose (实施步骤, 工作要求), not task groups.
        plan.Sections.RemoveAll(s => s.Tasks.Count == 0);
    }

    /// <summary>Resolves units and reads milestones and targets of every task; adds warnings for what a person must settle.</summary>
    private static void Enrich(ParsedPlan plan, UnitCatalog catalog)
    {
        foreach (var task in plan.Tasks)
        {
            var reference = task.Number ?? Truncate(task.Text, 12);
            if (plan.IssuerRegionCode is { } region)
            {
                if (task.LeadText is { Length: > 0 } lead)
                {
                    task.Lead.AddRange(UnitNameResolver.ResolveCell(catalog, lead, region));
                }

                if (task.UnitsText is { Length: > 0 } units)
                {
                    task.Units.AddRange(UnitNameResolver.ResolveCell(catalog, units, region));
                }
            }

            foreach (var u in task.Lead.Concat(task.Units).Where(u => u.Kind == ResolutionKind.Unresolved))
            {
                plan.Warnings.Add(new ParseWarning("task.unit-unresolved", $"单位“{u.Text}”未能识别：{u.Rule}", reference));
            }

            // The time column (seed 000) and the task text both carry dates; a target in the text without a date of
            // its own is due by the time column's date ("2020年底前" for "70%…投保").
            var fromCell = TimePhrases.Parse(task.TimeText ?? "", plan.Year);
            var fromText = TimePhrases.Parse(task.Text, plan.Year);
            task.Milestones.AddRange(fromCell.Milestones.Concat(fromText.Milestones).DistinctBy(m => (m.Date, m.Text)));
            task.Recurring = fromCell.Recurring || fromText.Recurring;
            var timeSource = task.TimeText + "；" + task.Text;
            if (plan.Year is null && TimePhrases.NeedsPlanYear(timeSource))
            {
                plan.Warnings.Add(new ParseWarning("task.undated", "含“X月底前/年底前”等短语，填写计划年度后才能确定日期", reference));
            }

            if (task.TimeText is { Length: > 0 } t && fromCell.Milestones.Count == 0 && !fromCell.Recurring)
            {
                plan.Warnings.Add(new ParseWarning("task.time-unrecognized", $"时间进度“{t}”无法识别为日期", reference));
            }

            var cellDeadline = fromCell.Milestones.Count > 0 ? fromCell.Milestones.Max(m => m.Date) : (DateOnly?)null;
            task.Targets.AddRange(Targets.Parse(task.TimeText ?? "", fromCell.Milestones, plan.Year));
            task.Targets.AddRange(Targets.Parse(task.Text, fromText.Milestones, plan.Year, cellDeadline));
            foreach (var target in task.Targets.Where(x => x.Value is null))
            {
                plan.Warnings.Add(new ParseWarning("task.target-value-missing", $"指标“{Truncate(target.Text, 30)}”的数值被隐去（如 xx%），请补充", reference));
            }
        }
    }

    private static bool EndsOpen(string? text) => text is { Length: > 0 } && text[^1] is '、' or '，' or ',';

    private static string Join(string? a, string b, string separator = "\n") => string.IsNullOrEmpty(a) ? b : a + separator + b;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex BookmarkMarker();

    [GeneratedRegex(@"^附件\s*[:：]?\s*\d*$")]
    private static partial Regex AttachmentLabel();

    [GeneratedRegex(@"^(?:(?<num>[一二三四五六七八九十]+)、|（(?<num>[一二三四五六七八九十]+)）)")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?<num>[一二三四五六七八九十]+)、")]
    private static partial Regex TopHeading();

    [GeneratedRegex(@"^（(?<num>[一二三四五六七八九十]+)）")]
    private static partial Regex SubHeading();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"^(?<num>\d{1,3})[.．、](?!\d)")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^(?<num>\d{1,3}|x{1,3})[.．、](?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex OutlineItem();

    [GeneratedRegex(@"^注[:：]")]
    private static partial Regex NoteLine();

    [GeneratedRegex(@"((?:19|20)\d{2})年")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"(?:19|20)\d{2}\s*[-—–~～至到]\s*(?:19|20)?\d{2}年|三年|五年|十四五|十三五")]
    private static partial Regex TitleYearRange();
}
