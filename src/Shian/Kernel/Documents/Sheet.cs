using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace Shian.Kernel.Documents;

/// <summary>
/// A public list as open data (issue #19: "each public list as .xlsx/.csv"): one header and its rows, written as CSV
/// (<see cref="Csv"/>: BOM, quoting, formula guard) or as an .xlsx workbook by MiniExcel (cells are written as text,
/// never as formulas). The page offers both links; <see cref="FileAsync"/> answers either.
/// </summary>
public sealed record Sheet(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public Task<byte[]> CsvAsync(CancellationToken ct) => Csv.WriteAsync(Header, Rows, ct);

    public async Task<byte[]> XlsxAsync(CancellationToken ct)
    {
        // A DataTable, not dictionaries: MiniExcel takes the header from its columns, so an empty list still has its header row.
        using var table = new System.Data.DataTable("Sheet1") { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var name in Header)
        {
            table.Columns.Add(name, typeof(string));
        }

        foreach (var r in Rows)
        {
            table.Rows.Add([.. Enumerable.Range(0, Header.Count).Select(i => (object)(i < r.Count ? r[i] : ""))]);
        }

        using var ms = new MemoryStream();
        await ms.SaveAsAsync(table, cancellationToken: ct);
        return ms.ToArray();
    }

    /// <summary>The list as a download: <paramref name="format"/> "xlsx" gives the workbook, anything else CSV.</summary>
    public async Task<FileContentResult> FileAsync(string? format, string baseName, CancellationToken ct) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? new FileContentResult(await XlsxAsync(ct), XlsxType) { FileDownloadName = baseName + ".xlsx" }
            : new FileContentResult(await CsvAsync(ct), "text/csv; charset=utf-8") { FileDownloadName = baseName + ".csv" };
}
