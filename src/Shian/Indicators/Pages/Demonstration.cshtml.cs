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
/// 创建示范城市自评 of a region and year (seed 004): the stages as a timeline, the x's the city filled, every criterion
/// judged from live indicators and the office's judgements, the gap of each child region, and the .docx gap report.
/// Without an assessment, an assessor sees the form that starts one.
/// </summary>
[Requires(IndicatorsPermissions.Read)]
public sealed class DemonstrationModel(Demonstration demo, ShianDb db, IOptions<ShianOptions> shian) : PageModel
{
    public string RegionCode { get; private set; } = "";

    public string RegionName { get; private set; } = "";

    public int Year { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    public Demonstration.Report? Report { get; private set; }

    public bool CanAssess => User.Grants(IndicatorsPermissions.Assess) && db.Request.Scope.AllowsCreateIn(RegionCode);

    /// <summary>The criterion whose judgement form was posted (reopened with its error).</summary>
    public string? Judging { get; private set; }

    public string Posted(string name, string fallback = "") => Request.HasFormContentType && Request.Form.ContainsKey(name) ? Request.Form[name].ToString() : fallback;

    private async Task<bool> LoadAsync(string? region, int? year, CancellationToken ct)
    {
        if (await IndicatorsModule.RegionOrNullAsync(region, db, shian.Value, ct) is not { } code)
        {
            return false;
        }

        var today = demo.Today;
        RegionCode = code;
        Year = year is int y && y >= 2000 && y <= today.Year + 1 ? y : today.Year;
        Regions = await IndexModel.RegionChoicesAsync(db, code, ct);
        RegionName = Regions.FirstOrDefault(r => r.Code == code).Name ?? code;
        Report = await demo.FindAsync(code, Year, ct) is { } a ? await demo.ReportAsync(a, ct) : null;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string? region, int? year, CancellationToken ct) =>
        await LoadAsync(region, year, ct) ? Page() : NotFound();

    [Requires(IndicatorsPermissions.Assess)]
    public async Task<IActionResult> OnPostCreateAsync(string? region, int? year, CancellationToken ct)
    {
        if (!await LoadAsync(region, year, ct))
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            await demo.CreateAsync(Input(RegionCode, Year), ct);
            return Redirect($"/indicators/demonstration?region={RegionCode}&year={Year}&saved=1");
        }, async () => await LoadAsync(region, year, ct));
    }

    [Requires(IndicatorsPermissions.Assess)]
    public async Task<IActionResult> OnPostUpdateAsync(string? region, int? year, CancellationToken ct)
    {
        if (!await LoadAsync(region, year, ct) || Report is null)
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            await demo.UpdateAsync(Report.Assessment.Id, Input(RegionCode, Year), ct);
            return Redirect($"/indicators/demonstration?region={RegionCode}&year={Year}&saved=1#thresholds");
        }, async () => await LoadAsync(region, year, ct));
    }

    [Requires(IndicatorsPermissions.Assess)]
    public async Task<IActionResult> OnPostJudgeAsync(string? region, int? year, string? criterion, string? verdict, string? evidence, string? rectification, string? rectifyBy, CancellationToken ct)
    {
        if (!await LoadAsync(region, year, ct) || Report is null)
        {
            return NotFound();
        }

        Judging = criterion;
        return await this.TryAsync(async () =>
        {
            var v = Enum.TryParse<Verdict>(verdict, out var parsed) && Enum.IsDefined(parsed) ? parsed : (Verdict?)null;
            await demo.JudgeAsync(Report.Assessment.Id, new Demonstration.JudgementInput(criterion, v, evidence, rectification, Date(rectifyBy, "rectifyBy")), ct);
            return Redirect($"/indicators/demonstration?region={RegionCode}&year={Year}&saved=1#c-{criterion}");
        }, async () => await LoadAsync(region, year, ct), underFields: false);
    }

    /// <summary>The gap report for the 创建 office (.docx).</summary>
    public async Task<IActionResult> OnGetReportAsync(string? region, int? year, CancellationToken ct)
    {
        if (!await LoadAsync(region, year, ct) || Report is null)
        {
            return NotFound();
        }

        var bytes = Demonstration.Docx(Report, RegionName + "食品安全示范城市创建工作领导小组办公室");
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"创建自评差距报告-{RegionCode}-{Year}.docx");
    }

    private Demonstration.AssessmentInput Input(string region, int year)
    {
        var thresholds = DemonstrationCriteria.Parameters.ToDictionary(p => p.Key, p => Number(Posted("x-" + p.Key), "thresholds." + p.Key));
        return new(region, year, Posted("title"), Date(Posted("startsOn"), "startsOn"), Date(Posted("preparationEnds"), "preparationEnds"),
            Date(Posted("implementationEnds"), "implementationEnds"), Date(Posted("endsOn"), "endsOn"), thresholds);
    }

    private static decimal? Number(string? text, string field) => FormValues.Number(text, field, "demonstration.invalid");

    private static DateOnly? Date(string? text, string field) => FormValues.Date(text, field, "demonstration.invalid");
}
