using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Shian.Governance.Parsing;

/// <summary>
/// Reads a plan file into source lines: plain text (UTF-8 or GBK), .docx (paragraphs and table cells in document
/// order, DocumentFormat.OpenXml) or .xlsx (the first worksheet's cells row by row). Errors are Chinese
/// <see cref="PlanParseException"/>s; nothing here touches the database.
/// </summary>
public static class PlanDocuments
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static IReadOnlyList<SourceLine> Read(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new PlanParseException("文件为空，没有可导入的内容。");
        }

        if (content.Length > MaxBytes)
        {
            throw new PlanParseException($"文件过大（{content.Length / 1024 / 1024} MB），工作方案文件不能超过 {MaxBytes / 1024 / 1024} MB。");
        }

        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return ext switch
        {
            ".docx" or ".xlsx" when Kernel.Reference.OfficePackages.Problem(content) is { } problem => throw new PlanParseException(problem),
            ".docx" => ReadDocx(content),
            ".xlsx" => ReadXlsx(content),
            ".txt" or ".text" or ".csv" or "" when !isZip && !LooksBinary(content) => PlanText.Lines(PlanText.Decode(content)),
            ".doc" or ".xls" or ".wps" => throw new PlanParseException($"不支持旧版 Office 格式（{ext}），请在 Word/Excel/WPS 中另存为 .docx 或 .xlsx 后再导入。"),
            _ => throw new PlanParseException($"无法识别的文件类型“{ext}”：请导入 .txt、.docx 或 .xlsx 格式的工作方案。"),
        };
    }

    /// <summary>No part larger than a real plan's (20 million characters); OpenXML stops reading beyond it.</summary>
    private static readonly OpenSettings Bounded = new() { MaxCharactersInPart = 20_000_000 };

    private static bool LooksBinary(byte[] content) => content.AsSpan(0, Math.Min(content.Length, 4096)).Contains((byte)0);

    private static IReadOnlyList<SourceLine> ReadDocx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false, Bounded);
            var body = doc.MainDocumentPart?.Document?.Body ?? throw new PlanParseException("Word 文件中没有正文。");
            var lines = new List<SourceLine>();
            var row = 0;
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case W.Paragraph p:
                        lines.Add(new SourceLine(ParagraphText(p), false));
                        break;
                    case W.Table t:
                        foreach (var r in t.Elements<W.TableRow>())
                        {
                            row++;
                            foreach (var c in r.Elements<W.TableCell>())
                            {
                                var text = string.Join("\n", c.Elements<W.Paragraph>().Select(ParagraphText).Where(x => x.Length > 0));
                                lines.Add(new SourceLine(text, true, row));
                            }
                        }

                        break;
                }
            }

            return lines;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException)
        {
            throw new PlanParseException("Word 文件已损坏或不是 .docx 格式，无法读取。");
        }
    }

    private static string ParagraphText(W.Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case W.Text t: sb.Append(t.Text); break;
                case W.TabChar: sb.Append('\t'); break;
                case W.Break or W.CarriageReturn: sb.Append('\n'); break;
            }
        }

        return sb.ToString();
    }

    private static IReadOnlyList<SourceLine> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var doc = SpreadsheetDocument.Open(stream, false, Bounded);
            var workbook = doc.WorkbookPart ?? throw new PlanParseException("Excel 文件中没有工作表。");
            var firstSheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new PlanParseException("Excel 文件中没有工作表。");
            var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var lines = new List<SourceLine>();
            var rowIndex = 0;
            var column = 0;

            // Streamed with the SAX reader so that a large sheet is not built as a DOM. Excel writes no cell for an
            // empty one: the gap is filled from the cell references so that every row's cells stay under their headers.
            using var reader = OpenXmlReader.Create(sheet);
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                {
                    rowIndex++;
                    column = 0;
                }
                else if (reader.ElementType == typeof(Cell) && reader.IsStartElement)
                {
                    var cell = (Cell)reader.LoadCurrentElement()!;
                    var at = ColumnIndex(cell.CellReference?.Value) ?? column;
                    for (; column < at && column < MaxColumns; column++)
                    {
                        lines.Add(new SourceLine("", true, rowIndex));
                    }

                    lines.Add(new SourceLine(CellText(cell, shared), true, rowIndex));
                    column++;
                }
            }

            return lines;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or ArgumentOutOfRangeException or System.Xml.XmlException)
        {
            throw new PlanParseException("Excel 文件已损坏或不是 .xlsx 格式，无法读取。");
        }
    }

    /// <summary>A plan table has a handful of columns; a stray cell far to the right does not make thousands of empty ones.</summary>
    private const int MaxColumns = 64;

    /// <summary>"C7" → 2 (zero-based), or null when the reference is missing or malformed.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = index * 26 + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters is > 0 and <= 3 ? index - 1 : null;
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var i))
        {
            return i >= 0 && i < shared.Count ? shared[i] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        return cell.CellValue?.Text ?? "";
    }
}
