using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Sampling;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;
using Shian.Web;

namespace Shian.Sampling.Pages;

/// <summary>
/// One sample: the 抽样单, its custody (寄送 → 接收 with their dates), the lab's result form (one row per requested item),
/// the verdicts with their reasons, 人工判定 with a reason, and the disposition steps with their statutory dates.
/// </summary>
[Requires(SamplingPermissions.Read)]
public sealed class SampleModel(ShianDb db, Samples samples, Dispositions dispositions, Standards standards, TimeProvider clock) : PageModel
{
    public Sample Item { get; private set; } = null!;

    public IReadOnlyList<SampleResult> Results { get; private set; } = [];

    public Disposition? Disposition { get; private set; }

    public Standards.Library Library { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public string RegionName { get; private set; } = "";

    public bool IsLab => User.Grants(SamplingPermissions.Lab);

    public bool CanSample => User.Grants(SamplingPermissions.Sample);

    /// <summary>Decides objections: coordinators and administrators (as the 督办/assessment decisions).</summary>
    public bool CanDecide => User.Grants(SamplingPermissions.DecideObjection);

    /// <summary>The unit each requested item's limit is expressed in (the form's default; mg/kg when none applies).</summary>
    public string DefaultUnit(string analyte) => LimitFor(analyte)?.Rule switch
    {
        { Plan: not null } rule when MeasureUnit.TryParseMicrobial(rule.Unit, out var microbial) => microbial,
        { Plan: null } rule when MeasureUnit.TryParse(rule.Unit, out var unit) => unit.Symbol,
        _ => "mg/kg",
    };

    /// <summary>The units offered for an item: microbiological ones for a plan row, else the chemical ones.</summary>
    public IReadOnlyCollection<string> UnitsFor(string analyte) => LimitFor(analyte)?.Rule.Plan is not null ? MeasureUnit.MicrobialSymbols : MeasureUnit.Symbols;

    /// <summary>The date limits are resolved on: the production date of a prepackaged food, else the sampling date (review D-9).</summary>
    public DateOnly JudgedOn => Rules.LimitBook.LimitDate(Item.Prepackaged, Item.ProductionDate, Item.SampledOn);

    /// <summary>The limit an item's value will be compared with (shown on the entry form), or null when none applies.</summary>
    public Rules.ResolvedLimit? LimitFor(string analyte) => Library.Book.Resolve(Item.CategoryCode, analyte, JudgedOn);

    /// <summary>The analytes of the result form, in the sample's order.</summary>
    public IReadOnlyList<string> Requested => Item.Analytes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    [BindProperty] public List<string?> Values { get; set; } = [];
    [BindProperty] public List<string?> Units { get; set; } = [];
    [BindProperty] public List<string?> Lods { get; set; } = [];
    [BindProperty] public List<string?> Decimals { get; set; } = [];
    [BindProperty] public List<string?> Significant { get; set; } = [];

    /// <summary>检验报告日期 (the lab's reporting clock runs from it; today when empty).</summary>
    [BindProperty] public DateOnly? ConcludedOn { get; set; }
    [BindProperty] public List<string?> Methods { get; set; } = [];

    public string? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(SamplingPermissions.Sample)]
    public Task<IActionResult> OnPostSentAsync(Guid id, DateOnly on, CancellationToken ct) => RunAsync(id, "custody", () => samples.AdvanceAsync(id, SampleStatus.Sent, on, ct), ct);

    [Requires(SamplingPermissions.Lab)]
    public Task<IActionResult> OnPostReceivedAsync(Guid id, DateOnly on, CancellationToken ct) => RunAsync(id, "custody", () => samples.AdvanceAsync(id, SampleStatus.Received, on, ct), ct);

    [Requires(SamplingPermissions.Lab)]
    public Task<IActionResult> OnPostResultsAsync(Guid id, bool retest, CancellationToken ct) => RunAsync(id, "results", async () =>
    {
        var sample = await db.Samples.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw ShianProblemException.NotFound("sampling.sample-not-found", "样品不存在");
        var codes = sample.Analytes.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var items = new List<Samples.ResultItem>();
        var library = await standards.LibraryAsync(ct);
        var judgedOn = Rules.LimitBook.LimitDate(sample.Prepackaged, sample.ProductionDate, sample.SampledOn);
        for (var i = 0; i < codes.Length; i++)
        {
            var value = At(Values, i);
            var row = $"第 {i + 1} 项";

            // A microbiological plan takes its n results in one field, separated by 、 or commas ("10、未检出、120").
            IReadOnlyList<decimal?>? plan = library.Book.Resolve(sample.CategoryCode, codes[i], judgedOn)?.Rule.Plan is not null && value is not null
                ? [.. value.Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(v => v is "未检出" or "ND" or "阴性" ? (decimal?)null : v is "检出" or "阳性" ? 1m : Number(v, $"{row}检测值“{v}”"))]
                : null;
            items.Add(new Samples.ResultItem(codes[i], plan is not null || value is null || value is "未检出" or "ND" ? null : Number(value, $"{row}检测值"), At(Units, i) ?? "mg/kg",
                At(Lods, i) is { } lod ? Number(lod, $"{row}检出限") : null, At(Decimals, i) is { } dec ? (int)Number(dec, $"{row}报告位数") : null, null, At(Methods, i),
                At(Significant, i) is { } sig ? (int)Number(sig, $"{row}有效数字位数") : null, plan));
        }

        return await samples.EnterResultsAsync(id, items, retest, ct, ConcludedOn);
    }, ct);

    [Requires(SamplingPermissions.Lab)]
    public Task<IActionResult> OnPostOverrideAsync(Guid id, Guid resultId, ItemVerdict verdict, string? reason, CancellationToken ct) =>
        RunAsync(id, "override", () => samples.OverrideAsync(id, resultId, new Samples.OverrideRequest(verdict, reason), ct), ct);

    [Requires(SamplingPermissions.Sample)]
    public Task<IActionResult> OnPostNotifiedAsync(Guid id, DateOnly on, CancellationToken ct) => RunAsync(id, "disposition", () => dispositions.NotifiedAsync(id, on, ct), ct);

    [Requires(SamplingPermissions.Sample)]
    public Task<IActionResult> OnPostRetestAsync(Guid id, DateOnly on, CancellationToken ct) => RunAsync(id, "disposition", () => dispositions.RetestRequestedAsync(id, on, ct), ct);

    [Requires(SamplingPermissions.Sample)]
    public Task<IActionResult> OnPostRetestStepAsync(Guid id, string? step, DateOnly on, string? lab, bool extended, CancellationToken ct) => RunAsync(id, "disposition", () =>
        StrictEnums.TryParse<Dispositions.RetestStep>(step, out var s)
            ? dispositions.RetestStepAsync(id, new Dispositions.RetestStepBody(s, on, lab, extended), ct)
            : throw ShianProblemException.Invalid("sampling.retest-step-invalid", "复检步骤无效"), ct);

    [Requires(SamplingPermissions.Sample)]
    public Task<IActionResult> OnPostObjectionAsync(Guid id, DateOnly on, string? reason, ObjectionGround? ground, CancellationToken ct) =>
        RunAsync(id, "disposition", () => dispositions.ObjectionAsync(id, new Dispositions.ObjectionBody(on, reason, ground), ct), ct);

    [Requires(SamplingPermissions.DecideObjection)]
    public Task<IActionResult> OnPostObjectionAcceptanceAsync(Guid id, DateOnly on, bool accepted, string? note, CancellationToken ct) =>
        RunAsync(id, "disposition", () => dispositions.ObjectionAcceptanceAsync(id, new Dispositions.ObjectionAcceptanceBody(on, accepted, note), ct), ct);

    [Requires(SamplingPermissions.DecideObjection)]
    public Task<IActionResult> OnPostObjectionDecisionAsync(Guid id, DateOnly on, bool upheld, string? note, CancellationToken ct) =>
        RunAsync(id, "disposition", () => dispositions.ObjectionDecisionAsync(id, new Dispositions.ObjectionDecisionBody(on, upheld, note), ct), ct);

    [Requires(SamplingPermissions.Sample)]
    public Task<IActionResult> OnPostActionsAsync(Guid id, bool removedFromSale, bool recalled, string? cause, string? note, DateOnly? completedOn, CancellationToken ct) =>
        RunAsync(id, "disposition", () => dispositions.ActionsAsync(id, new Dispositions.ActionBody(removedFromSale, recalled, cause, note, completedOn), ct), ct);

    /// <summary>A 风险监测/评价性抽检 failure referred to enforcement by hand (review D-2).</summary>
    [Requires(SamplingPermissions.Sample)]
    public Task<IActionResult> OnPostCaseClueAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "disposition", () => samples.RaiseCaseClueAsync(id, ct), ct);

    private async Task<IActionResult> RunAsync<T>(Guid id, string form, Func<Task<T>> action, CancellationToken ct)
    {
        Form = form;
        return await this.TryAsync(async () =>
        {
            await action();
            return Redirect($"/sampling/samples/{id}#{form}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var sample = await db.Samples.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sample is null)
        {
            return false;
        }

        Item = sample;
        Today = ChinaTime.Today(clock);
        Library = await standards.LibraryAsync(ct);
        Results = await db.SampleResults.AsNoTracking().Where(r => r.SampleId == id).OrderBy(r => r.Retest).ThenBy(r => r.AnalyteCode).ToListAsync(ct);
        Disposition = await db.Dispositions.AsNoTracking().FirstOrDefaultAsync(d => d.SampleId == id, ct);
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == sample.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? sample.RegionCode;
        return true;
    }

    private static string? At(List<string?> list, int i) => i < list.Count && !string.IsNullOrWhiteSpace(list[i]) ? list[i]!.Trim() : null;

    private static decimal Number(string text, string what) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d
            : throw ShianProblemException.Invalid("sampling.results-invalid", $"{what}“{text}”不是数字", new Dictionary<string, string[]> { ["items"] = [$"{what}“{text}”不是数字"] });
}
