using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shian.Governance.Domain;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Shian.Governance.Export;

/// <summary>
/// The plan with its progress as .xlsx (one layout for every seed: 序号/工作任务/牵头单位/责任单位/时间进度/进展情况/状态)
/// and a 进展情况通报 as .docx. Written with DocumentFormat.OpenXml; both pass the OpenXml validator.
/// </summary>
public static class PlanExport
{
    public static readonly string[] Columns = ["序号", "工作任务", "牵头单位", "责任单位", "时间进度", "进展情况", "状态"];

    public sealed record Row(string Number, string Task, string Lead, string Units, string Time, string Progress, string Status);

    public static IReadOnlyList<(string Section, IReadOnlyList<Row> Rows)> Rows(GovernanceQueries.PlanView view, IReadOnlyList<ProgressReport> reports)
    {
        var result = new List<(string, IReadOnlyList<Row>)>();
        foreach (var section in view.Sections)
        {
            var rows = new List<Row>();
            foreach (var t in view.Tasks.Where(t => t.Task.SectionId == section.Id))
            {
                var lead = string.Join("、", t.Assignments.Where(a => a.Role == AssignmentRole.Lead).Select(a => a.UnitName));
                var units = string.Join("、", t.Assignments.Where(a => a.Role == AssignmentRole.Responsible).Select(a => a.UnitName)
                    .Concat(t.Unresolved.Select(u => u.Text + "（未识别）")));
                var time = t.Task.TimeText ?? string.Join("；", t.Milestones.Select(m => m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                var progress = string.Join("\n", reports.Where(r => r.TaskId == t.Task.Id)
                    .GroupBy(r => r.UnitKey).Select(g => g.OrderByDescending(r => r.ReportedAtUtc).First())
                    .Select(r => $"{r.UnitName}（{r.Percent}%，{r.ReportedAtUtc:yyyy-MM-dd}）：{r.Text}"));
                rows.Add(new Row(t.Task.Number ?? "", (t.Task.Title is null ? "" : t.Task.Title + "：") + t.Task.Text, lead, units, time, progress, StatusSummary(t.Assignments)));
            }

            result.Add((section.Title, rows));
        }

        return result;
    }

    /// <summary>"已完成 3/13，逾期 2" — the responsible units' states at a glance.</summary>
    public static string StatusSummary(IReadOnlyList<TaskAssignment> assignments)
    {
        var responsible = assignments.Where(a => a.Role == AssignmentRole.Responsible).ToList();
        if (responsible.Count == 0)
        {
            responsible = [.. assignments];
        }

        if (responsible.Count == 0)
        {
            return "未分配";
        }

        var parts = new List<string>();
        var done = responsible.Count(a => a.Status == WorkStatus.Completed);
        if (done == responsible.Count)
        {
            return "已完成";
        }

        parts.Add($"已完成 {done}/{responsible.Count}");
        foreach (var s in new[] { WorkStatus.Overdue, WorkStatus.InProgress, WorkStatus.Ongoing, WorkStatus.NotStarted })
        {
            var n = responsible.Count(a => a.Status == s);
            if (n > 0)
            {
                parts.Add($"{WorkStatusLabels.Chinese(s)} {n}");
            }
        }

        return string.Join("，", parts);
    }

    public static byte[] Xlsx(string title, IReadOnlyList<(string Section, IReadOnlyList<Row> Rows)> sections)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 0;
            void Add(uint style, params string[] cells)
            {
                r++;
                var row = new DocumentFormat.OpenXml.Spreadsheet.Row { RowIndex = r };
                for (var i = 0; i < cells.Length; i++)
                {
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + i)}{r}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve }),
                        StyleIndex = style,
                    });
                }

                data.Append(row);
            }

            Add(1, title);
            Add(1, Columns);
            foreach (var (section, rows) in sections)
            {
                Add(1, section);
                foreach (var row in rows)
                {
                    Add(2, row.Number, row.Task, row.Lead, row.Units, row.Time, row.Progress, row.Status);
                }
            }

            var widths = new[] { 6d, 60, 24, 40, 24, 50, 18 };
            sheetPart.Worksheet = new Worksheet(
                new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = 1, Name = "任务进展" }));
        }

        return ms.ToArray();
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }));

    public static byte[] Docx(string title, DateOnly today, IReadOnlyList<(string Section, IReadOnlyList<Row> Rows)> sections, IReadOnlyList<TaskAssignment> assignments)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new W.Body();
            body.Append(Heading($"关于《{title}》进展情况的通报", center: true));
            body.Append(Paragraph($"截至 {today.Year}年{today.Month}月{today.Day}日"));
            var responsible = assignments.Where(a => a.Role == AssignmentRole.Responsible).ToList();
            var total = sections.Sum(s => s.Rows.Count);
            body.Append(Paragraph($"本方案共 {total} 项任务，涉及 {responsible.Select(a => a.UnitKey).Distinct().Count()} 个责任单位。责任单位完成情况：" +
                string.Join("，", Enum.GetValues<WorkStatus>().Select(s => $"{WorkStatusLabels.Chinese(s)} {responsible.Count(a => a.Status == s)} 项次")) + "。"));

            var overdue = responsible.Where(a => a.Status == WorkStatus.Overdue).GroupBy(a => a.UnitName).OrderByDescending(g => g.Count()).ToList();
            body.Append(Heading("一、逾期未完成情况"));
            if (overdue.Count == 0)
            {
                body.Append(Paragraph("无逾期任务。"));
            }
            else
            {
                var table = new W.Table(new W.TableProperties(
                    new W.TableBorders(new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
                        new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                        new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 })),
                    new W.TableGrid(new W.GridColumn { Width = "6000" }, new W.GridColumn { Width = "2000" }));
                table.Append(TableRow("责任单位", "逾期任务数"));
                foreach (var g in overdue)
                {
                    table.Append(TableRow(g.Key, g.Count().ToString(CultureInfo.InvariantCulture)));
                }

                body.Append(table);
            }

            body.Append(Heading("二、各项任务进展"));
            foreach (var (section, rows) in sections)
            {
                body.Append(Heading(section));
                foreach (var row in rows)
                {
                    body.Append(Paragraph($"{(row.Number.Length > 0 ? row.Number + ". " : "")}{row.Task}（{row.Status}）"));
                    if (row.Progress.Length > 0)
                    {
                        foreach (var line in row.Progress.Split('\n'))
                        {
                            body.Append(Paragraph("    " + line));
                        }
                    }
                }
            }

            main.Document = new W.Document(body);
        }

        return ms.ToArray();
    }

    private static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static W.Paragraph Heading(string text, bool center = false)
    {
        var props = new W.ParagraphProperties();
        if (center)
        {
            props.Append(new W.Justification { Val = W.JustificationValues.Center });
        }

        return new W.Paragraph(props, new W.Run(new W.RunProperties(new W.Bold()), new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static W.TableRow TableRow(params string[] cells) =>
        new(cells.Select(c => new W.TableCell(new W.Paragraph(new W.Run(new W.Text(c))))));
}
