using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Shian.Kernel.Documents;

/// <summary>
/// A plain official document (.docx, with DocumentFormat.OpenXml): centred lines and title, headings, labelled paragraphs,
/// a bordered table and right-aligned lines for the sender and date. Modules describe what they write; this writes it.
/// </summary>
public sealed class OfficialDocx
{
    private readonly W.Body _body = new();

    public OfficialDocx Centered(string text, bool title = false)
    {
        _body.Append(new W.Paragraph(new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Center }),
            new W.Run(title ? new W.RunProperties(new W.Bold(), new W.FontSize { Val = "36" }) : new W.RunProperties(), Text(text))));
        return this;
    }

    public OfficialDocx Heading(string text)
    {
        _body.Append(new W.Paragraph(new W.Run(new W.RunProperties(new W.Bold()), Text(text))));
        return this;
    }

    public OfficialDocx Paragraph(string text, string? label = null)
    {
        var p = new W.Paragraph();
        if (label is not null)
        {
            p.Append(new W.Run(new W.RunProperties(new W.Bold()), Text(label + "：")));
        }

        p.Append(new W.Run(Text(text)));
        _body.Append(p);
        return this;
    }

    public OfficialDocx Right(string text)
    {
        _body.Append(new W.Paragraph(new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Right }), new W.Run(Text(text))));
        return this;
    }

    /// <summary>A table with a bold header row; column widths in twentieths of a point.</summary>
    public OfficialDocx Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int> widths)
    {
        var table = new W.Table(new W.TableProperties(new W.TableBorders(
                new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 })),
            new W.TableGrid(widths.Select(w => new W.GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, bold: true));
        foreach (var r in rows)
        {
            table.Append(Row(r, bold: false));
        }

        _body.Append(table);
        return this;
    }

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public byte[] Build()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new W.Document((W.Body)_body.CloneNode(true));
        }

        return ms.ToArray();
    }

    private static W.Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static W.TableRow Row(IEnumerable<string> cells, bool bold) => new(cells.Select(c =>
        new W.TableCell(new W.Paragraph(new W.Run(bold ? new W.RunProperties(new W.Bold()) : new W.RunProperties(), Text(c))))));
}
