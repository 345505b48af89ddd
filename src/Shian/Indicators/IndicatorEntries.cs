using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Domain;
using Shian.Indicators.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;

namespace Shian.Indicators;

/// <summary>Values entered for the indicators the system cannot compute, each with its evidence; validated whole, then stored.</summary>
public sealed class IndicatorEntries(ShianDb db, TimeProvider clock)
{
    public const int MaxEvidence = 500;

    public sealed record EntryRequest(string? RegionCode, int? Year, decimal? Value, decimal? Numerator, decimal? Denominator, string? Evidence);

    public async Task<IndicatorEntry> EnterAsync(string key, EntryRequest r, CancellationToken ct)
    {
        var d = IndicatorCatalogue.Find(key) ?? throw ShianProblemException.NotFound("indicators.not-found", $"没有指标 {key}");
        if (d.Computed && !d.AcceptsEntries)
        {
            throw ShianProblemException.Invalid("indicators.computed", $"“{d.Name}”由系统根据业务记录计算，不能填报", new Dictionary<string, string[]> { ["key"] = ["该指标由系统计算"] });
        }

        var errors = new Dictionary<string, string[]>();
        var today = ChinaTime.Today(clock);
        if (r.RegionCode is not { } region || !RegionCode.IsValid(region) || !await db.Regions.AnyAsync(x => x.Code == region, ct))
        {
            errors["regionCode"] = ["区划代码应为存在的 12 位区划代码"];
        }

        if (r.Year is not int year || year < 2000 || year > today.Year)
        {
            errors["year"] = [$"年度应在 2000–{today.Year} 之间"];
        }

        var max = d.Unit switch { IndicatorUnit.Percent => 100m, IndicatorUnit.Hours => 10_000m, IndicatorUnit.PerThousand => 1_000m, _ => 1_000_000_000m };
        if (r.Value is not decimal value || value < 0 || value > max)
        {
            errors["value"] = [$"“{d.Name}”的值应在 0–{max:0.##} {d.DisplayUnit} 之间"];
        }

        if ((r.Numerator is null) != (r.Denominator is null))
        {
            errors["denominator"] = ["分子与分母须同时填写或都不填"];
        }
        else if (r.Numerator is decimal n && r.Denominator is decimal den)
        {
            if (d.Unit is not (IndicatorUnit.Percent or IndicatorUnit.PerThousand))
            {
                errors["numerator"] = ["只有比率类指标可以填写分子与分母"];
            }
            else if (den <= 0 || n < 0 || (d.Unit == IndicatorUnit.Percent && n > den))
            {
                errors["numerator"] = ["分母应大于 0，分子应在 0 与分母之间"];
            }
            else if (r.Value is decimal v && IndicatorMath.Compute(d.Unit, n, den).Value is decimal computed && Math.Abs(computed - v) > 0.1m)
            {
                errors["value"] = [$"按分子分母计算应为 {computed:0.##}，与填写的 {v:0.##} 不符"];
            }
        }

        var evidence = r.Evidence?.Trim();
        if (evidence is null || evidence.Length < 2 || evidence.Length > MaxEvidence)
        {
            errors["evidence"] = [$"请填写数据来源与佐证（文件名称、文号、日期或出具部门），2–{MaxEvidence} 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("indicators.invalid-entry", "填报内容有误：" + string.Join("；", errors.Values.SelectMany(x => x)), errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(r.RegionCode!))
        {
            throw ShianProblemException.RegionForbidden($"您无权填报区划 {r.RegionCode} 的指标。");
        }

        var entry = new IndicatorEntry
        {
            IndicatorKey = d.Key, IndicatorVersion = d.Version, RegionCode = r.RegionCode!, Year = r.Year!.Value, Value = r.Value!.Value,
            Numerator = r.Numerator, Denominator = r.Denominator, Evidence = evidence!, EnteredBy = db.Request.UserName, EnteredAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.IndicatorEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }
}
