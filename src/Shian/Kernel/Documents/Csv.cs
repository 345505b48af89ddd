using System.Text;
using CsvHelper;

namespace Shian.Kernel.Documents;

/// <summary>
/// CSV downloads: UTF-8 with a BOM (Excel opens Chinese text), RFC 4180 quoting by CsvHelper, and a text cell a
/// spreadsheet would take for a formula (=, +, -, @, tab, CR at the start: OWASP "CSV injection") prefixed with an apostrophe.
/// </summary>
public static class Csv
{
    public static string Cell(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public static async Task<byte[]> WriteAsync(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, CancellationToken ct)
    {
        using var output = new MemoryStream();
        await using (var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true))
        await using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true))
        {
            await csv.WriteRecordAsync([.. header], ct);
            foreach (var r in rows)
            {
                await csv.WriteRecordAsync([.. r.Select(Cell)], ct);
            }
        }

        return output.ToArray();
    }
}
