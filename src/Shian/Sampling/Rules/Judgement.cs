using System.Globalization;

namespace Shian.Sampling.Rules;

/// <summary>The verdict on one test item.</summary>
public enum ItemVerdict
{
    /// <summary>合格.</summary>
    Conforming,

    /// <summary>未检出 (below the method's detection limit): conforms.</summary>
    NotDetected,

    /// <summary>不合格.</summary>
    NonConforming,

    /// <summary>无判定依据: no limit in force for this category and analyte on the sampling date.</summary>
    NoLimit,
}

/// <summary>The verdict on a sample: any item 不合格 → 不合格; else any item without a limit → 待判定; else 合格.</summary>
public enum SampleVerdict
{
    Conforming,
    NonConforming,
    Undetermined,
}

/// <summary>
/// A lab result for one item: the value as reported (null = reported as 未检出), its unit, the method's detection limit
/// (检出限, same unit), the method's reporting digits (decimals after the point), and the sample's density when a
/// per-volume result meets a per-mass limit or the reverse.
/// </summary>
public sealed record ItemResult(decimal? Value, string Unit, decimal? Lod, int? Decimals, decimal? DensityKgPerL = null);

public sealed record ItemJudgement(ItemVerdict Verdict, decimal? RoundedValue, decimal? ComparedValue, string Explanation);

/// <summary>Why a result cannot be judged: a bad unit, a negative value, no detection limit for a 不得检出 item.</summary>
public sealed class JudgementRefused(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Automatic judgement (抽检结果判定). The value is first rounded to the method's reporting digits by GB/T 8170-2008 §3.3
/// (round half to even on the exact decimal: 拟舍弃数字为 5 且其后皆为 0 时，保留末位奇进偶舍), then converted to the limit's unit;
/// limits are maxima ("≤"), so only a value greater than the limit is 不合格 and one equal to it conforms. For a
/// "不得检出/不得使用" row, a result at or above the method's detection limit (检出限) is 不合格 (检出), below it 未检出.
/// Hand-written: no library carries these conventions of Chinese food-safety testing.
/// </summary>
public static class Judgement
{
    public static decimal RoundGbT8170(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.ToEven);

    public static ItemJudgement Judge(ItemResult result, ResolvedLimit? limit)
    {
        if (!MeasureUnit.TryParse(result.Unit, out var unit))
        {
            throw new JudgementRefused("unit", $"单位“{result.Unit}”无法识别（可用：{string.Join("、", MeasureUnit.Symbols)}）");
        }

        if (result.Value is < 0)
        {
            throw new JudgementRefused("value", "检测值不能为负数");
        }

        if (result.Lod is < 0)
        {
            throw new JudgementRefused("lod", "检出限不能为负数");
        }

        if (result.Decimals is < 0 or > 10)
        {
            throw new JudgementRefused("decimals", "报告位数应为 0–10 位小数");
        }

        var rounded = result.Value is decimal v && result.Decimals is int digits ? RoundGbT8170(v, digits) : result.Value;
        var below = rounded is null || (result.Lod is decimal lod && rounded < lod);
        var shown = rounded is decimal r ? $"{Format(r)} {unit.Symbol}" : "未检出";

        if (limit is null)
        {
            return new ItemJudgement(below ? ItemVerdict.NotDetected : ItemVerdict.NoLimit, rounded, null,
                below ? $"{shown}（无限量规定）" : $"{shown}：该类别在抽样日无现行有效的限量规定，需人工判定");
        }

        var rule = limit.Rule;
        var where = limit.Inherited ? $"{rule.StandardEdition}，按上级类别“{limit.MatchedCategoryName}”的限量" : rule.StandardEdition;
        if (rule.NotDetectable)
        {
            if (result.Lod is null)
            {
                throw new JudgementRefused("lod", "该项目要求“不得检出”，请填写方法检出限");
            }

            return below
                ? new ItemJudgement(ItemVerdict.NotDetected, rounded, null, $"未检出（检出限 {Format(result.Lod.Value)} {unit.Symbol}；{where} 不得检出）")
                : new ItemJudgement(ItemVerdict.NonConforming, rounded, rounded, $"检出 {shown} ≥ 检出限 {Format(result.Lod!.Value)} {unit.Symbol}，{where} 规定不得检出");
        }

        if (!MeasureUnit.TryParse(rule.Unit, out var limitUnit) || rule.Limit is not decimal max)
        {
            throw new JudgementRefused("unit", $"限量 {rule.StandardEdition} 的单位“{rule.Unit}”无效，请管理员更正限量库");
        }

        if (below)
        {
            return new ItemJudgement(ItemVerdict.NotDetected, rounded, null, $"未检出（限量 ≤ {Format(max)} {limitUnit.Symbol}，{where}）");
        }

        var compared = unit.ConvertTo(rounded!.Value, limitUnit, result.DensityKgPerL)
            ?? throw new JudgementRefused("unit", $"单位 {unit.Symbol} 与限量单位 {limitUnit.Symbol} 不能换算（需填写样品密度 kg/L）");
        var converted = limitUnit == unit ? "" : $"（折合 {Format(compared)} {limitUnit.Symbol}）";
        return compared > max
            ? new ItemJudgement(ItemVerdict.NonConforming, rounded, compared, $"{shown}{converted} > 限量 {Format(max)} {limitUnit.Symbol}（{where}）")
            : new ItemJudgement(ItemVerdict.Conforming, rounded, compared, $"{shown}{converted} ≤ 限量 {Format(max)} {limitUnit.Symbol}（{where}）");
    }

    public static SampleVerdict Overall(IEnumerable<ItemVerdict> items)
    {
        var list = items.ToList();
        return list.Contains(ItemVerdict.NonConforming) ? SampleVerdict.NonConforming
            : list.Count == 0 || list.Contains(ItemVerdict.NoLimit) ? SampleVerdict.Undetermined
            : SampleVerdict.Conforming;
    }

    public static string Label(ItemVerdict v) => v switch
    {
        ItemVerdict.Conforming => "合格",
        ItemVerdict.NotDetected => "未检出",
        ItemVerdict.NonConforming => "不合格",
        _ => "无判定依据",
    };

    public static string Label(SampleVerdict v) => v switch
    {
        SampleVerdict.Conforming => "合格",
        SampleVerdict.NonConforming => "不合格",
        _ => "待判定",
    };

    private static string Format(decimal d) => d.ToString("0.##########", CultureInfo.InvariantCulture);
}
