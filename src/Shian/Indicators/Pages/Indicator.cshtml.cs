using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Indicators.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Indicators.Pages;

/// <summary>
/// One indicator of a region and year: its value and parts, the child regions (bars with the target line; click to
/// drill down to the street), the year-to-date trend, the records behind the number, the targets it is linked to, and —
/// for an entered one — the entry form and its history. Exported as CSV.
/// </summary>
[Requires(IndicatorsPermissions.Read)]
public sealed class IndicatorModel(IndicatorValues values, IndicatorEntries entries, ShianDb db, IOptions<ShianOptions> shian) : PageModel
{
    public IndicatorDefinition Definition { get; private set; } = null!;

    public IndicatorValues.Detail Detail { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    public bool CanEnter => (!Definition.Computed || Definition.AcceptsEntries) && User.Grants(IndicatorsPermissions.Enter) && db.Request.Scope.AllowsCreateIn(Detail.RegionCode);

    public string Posted(string name) => Request.HasFormContentType ? Request.Form[name].ToString() : "";

    private async Task<bool> LoadAsync(string key, string? region, int? year, CancellationToken ct)
    {
        if (IndicatorCatalogue.Find(key) is not { } d)
        {
            return false;
        }

        if (await IndicatorsModule.RegionOrNullAsync(region, db, shian.Value, ct) is not { } code)
        {
            return false;
        }

        var today = values.Today;
        Definition = d;
        Detail = await values.DetailAsync(d, code, year is int y && y >= 2000 && y <= today.Year ? y : today.Year, ct);
        Regions = await IndexModel.RegionChoicesAsync(db, code, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string key, string? region, int? year, CancellationToken ct) =>
        await LoadAsync(key, region, year, ct) ? Page() : NotFound();

    [Requires(IndicatorsPermissions.Enter)]
    public async Task<IActionResult> OnPostEnterAsync(string key, string? region, int? year, string? value, string? numerator, string? denominator, string? evidence, CancellationToken ct)
    {
        if (!await LoadAsync(key, region, year, ct))
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            var request = new IndicatorEntries.EntryRequest(Detail.RegionCode, Detail.Year, Number(value, "value"), Number(numerator, "numerator"), Number(denominator, "denominator"), evidence);
            await entries.EnterAsync(key, request, ct);
            return Redirect($"/indicators/{key}?region={Detail.RegionCode}&year={Detail.Year}&saved=1#entry");
        }, async () => await LoadAsync(key, region, year, ct));
    }

    /// <summary>The region and its child regions as CSV (UTF-8 with BOM for Excel).</summary>
    public async Task<IActionResult> OnGetExportAsync(string key, string? region, int? year, CancellationToken ct)
    {
        if (!await LoadAsync(key, region, year, ct))
        {
            return NotFound();
        }

        var d = Definition;
        var rows = new[] { (Detail.RegionCode, Detail.RegionName, Detail.Own) }.Concat(Detail.Children.Select(c => (c.Code, c.Name, c.Value)))
            .Select(r => new[] { r.Item1, r.Item2, d.Name, Detail.Year.ToString(CultureInfo.InvariantCulture), Num(r.Item3.Figure.Value), Num(r.Item3.Figure.Numerator), Num(r.Item3.Figure.Denominator), r.Item3.Note ?? "" });
        var csv = await Kernel.Documents.Csv.WriteAsync(["区划代码", "区划", "指标", "年度", $"值（{d.DisplayUnit}）", "分子", "分母", "说明"], rows, ct);
        return File(csv, "text/csv; charset=utf-8", $"指标-{d.Key}-{Detail.RegionCode}-{Detail.Year}.csv");
    }

    private static string Num(decimal? v) => v?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static decimal? Number(string? text, string field) => FormValues.Number(text, field, "indicators.invalid-entry");
}
