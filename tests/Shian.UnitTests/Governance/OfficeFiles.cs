using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Shian.UnitTests.Governance;

/// <summary>Builds .docx and .xlsx plans with OpenXml, as a 食安办 would save them from Word and Excel.</summary>
internal static class OfficeFiles
{
    public static byte[] Docx(IEnumerable<string> paragraphsBefore, IReadOnlyList<IReadOnlyList<string>> tableRows)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new W.Body();
            foreach (var p in paragraphsBefore)
            {
                body.Append(Paragraph(p));
            }

            var table = new W.Table();
            foreach (var row in tableRows)
            {
                var tr = new W.TableRow();
                foreach (var cell in row)
                {
                    // A cell with line breaks becomes several paragraphs, as Word keeps them.
                    var tc = new W.TableCell();
                    foreach (var line in cell.Split('\n'))
                    {
                        tc.Append(Paragraph(line));
                    }

                    tr.Append(tc);
                }

                table.Append(tr);
            }

            body.Append(table);
            main.Document = new W.Document(body);
        }

        return ms.ToArray();
    }

    public static byte[] DocxParagraphs(IEnumerable<string> paragraphs)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(paragraphs.Select(Paragraph)));
        }

        return ms.ToArray();
    }

    public static byte[] Xlsx(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sheetPart = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows)
            {
                var r = new Row();
                foreach (var cell in row)
                {
                    r.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell)) });
                }

                data.Append(r);
            }

            sheetPart.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = 1, Name = "任务" }));
        }

        return ms.ToArray();
    }

    private static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}
