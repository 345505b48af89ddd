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
/// A lab result for one item: the value as measured (null = reported as 未检出), its unit, the lab's detection limit
/// (检出限, same unit), the reporting precision — decimals after the point, or significant figures where the method
/// standard gives those ("保留两位有效数字") — and the sample's density when a per-volume result meets a per-mass limit or the
/// reverse. For a microbiological plan, <paramref name="Values"/> holds the n units' results (null = 未检出).
/// </summary>
public sealed record ItemResult(decimal? Value, string Unit, decimal? Lod, int? Decimals, decimal? DensityKgPerL = null, int? SignificantDigits = null,
    IReadOnlyList<decimal?>? Values = null);

public sealed record ItemJudgement(ItemVerdict Verdict, decimal? RoundedValue, decimal? ComparedValue, string Explanation);

/// <summary>Why a result cannot be judged: a bad unit, a negative value, no detection limit for a 不得检出 item.</summary>
public sealed class JudgementRefused(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Automatic judgement (抽检结果判定). The reported value is the measured one rounded to the method's precision by GB/T
/// 8170-2008 §3.3 (round half to even on the exact decimal: 拟舍弃数字为 5 且其后皆为 0 时，保留末位奇进偶舍), to decimals or to
/// significant figures. What is compared with the limit follows the row's method (GB/T 8170 §4.3; review D-7): under
/// 全数值比较法, the default, the measured value; under 修约值比较法 the reported one. Values are converted to the limit's unit;
/// limits are maxima ("≤"), so only a value greater than the limit is 不合格 and one equal to it conforms. For a
/// "不得检出/不得使用" row a result at or above the cut-off is 不合格 (检出), below it 未检出; the cut-off is the 判定值 on the row
/// (the LOD/LOQ of the method the 实施细则 names) or the lab's detection limit, whichever is higher (review D-8), so a lab
/// with a more sensitive method cannot fail a sample the official method would pass. A microbiological plan (n, c, m, M)
/// is judged over its n results (GB 4789.1; review D-11).
/// Hand-written: no library carries these conventions of Chinese food-safety testing.
/// </summary>
public static class Judgement
{
    public static decimal RoundGbT8170(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.ToEven);

    /// <summary>GB/T 8170 rounding to <paramref name="digits"/> significant figures (0.02049 → 0.020 at 2, 1250 → 1200 at 2).</summary>
    public static decimal RoundSignificant(decimal value, int digits)
    {
        if (value == 0 || digits < 1)
        {
            return value;
        }

        var abs = Math.Abs(value);
        var exponent = 0;
        for (; abs >= 10; abs /= 10)
        {
            exponent++;
        }

        for (; abs < 1; abs *= 10)
        {
            exponent--;
        }

        var decimals = digits - 1 - exponent;
        if (decimals >= 0)
        {
            return decimal.Round(value, Math.Min(decimals, 28), MidpointRounding.ToEven);
        }

        var scale = 1m;
        for (var i = 0; i < -decimals; i++)
        {
            scale *= 10;
        }

        return decimal.Round(value / scale, 0, MidpointRounding.ToEven) * scale;
    }

    /// <summary>The value as the lab reports it: rounded to the method's decimals or significant figures, else as measured.</summary>
    public static decimal? Reported(ItemResult result) =>
        result.Value is not decimal v ? null
        : result.Decimals is int digits ? RoundGbT8170(v, digits)
        : result.SignificantDigits is int sig ? RoundSignificant(v, sig)
        : v;

    public static ItemJudgement Judge(ItemResult result, ResolvedLimit? limit)
    {
        if (limit?.Rule.Plan is { } plan)
        {
            return JudgePlan(result, limit, plan);
        }

        if (result.Values is { Count: > 0 })
        {
            throw new JudgementRefused("values", "该项目不按微生物采样方案（n、c、m、M）判定，请只录入一个检测值");
        }

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

        if (result.SignificantDigits is < 1 or > 10)
        {
            throw new JudgementRefused("significantDigits", "有效数字应为 1–10 位");
        }

        if (result.Decimals is not null && result.SignificantDigits is not null)
        {
            throw new JudgementRefused("significantDigits", "报告精度只填一项：小数位数或有效数字位数（以方法标准的规定为准）");
        }

        var rounded = Reported(result);
        var rule = limit?.Rule;
        var rounding = rule?.Comparison == LimitComparison.RoundedValue;

        // 全数值比较法 sets the measured value against the limit, 修约值比较法 the reported one (GB/T 8170 §4.3).
        var basis = rounding ? rounded : result.Value;
        var shown = rounded is decimal r ? $"{Format(r)} {unit.Symbol}" : "未检出";
        var method = rounding ? "修约值比较法" : "全数值比较法";
        var measured = !rounding && result.Value is decimal raw && rounded is decimal rr && raw != rr ? $"（实测 {Format(raw)}，按{method}）" : "";

        if (limit is null)
        {
            var below = basis is null || (result.Lod is decimal lod0 && basis < lod0);
            return new ItemJudgement(below ? ItemVerdict.NotDetected : ItemVerdict.NoLimit, rounded, null,
                below ? $"{shown}（无限量规定）" : $"{shown}：该类别在判定日无现行有效的限量规定，需人工判定");
        }

        var where = limit.Inherited ? $"{rule!.StandardEdition}，按上级类别“{limit.MatchedCategoryName}”的限量" : rule!.StandardEdition;
        if (rule.NotDetectable)
        {
            return JudgeNotDetectable(result, unit, rule, where, rounded, basis, shown);
        }

        if (!MeasureUnit.TryParse(rule.Unit, out var limitUnit) || rule.Limit is not decimal max)
        {
            throw new JudgementRefused("unit", $"限量 {rule.StandardEdition} 的单位“{rule.Unit}”无效，请管理员更正限量库");
        }

        if (basis is null || (result.Lod is decimal lod && basis < lod))
        {
            return new ItemJudgement(ItemVerdict.NotDetected, rounded, null, $"未检出（限量 ≤ {Format(max)} {limitUnit.Symbol}，{where}）");
        }

        var compared = unit.ConvertTo(basis.Value, limitUnit, result.DensityKgPerL)
            ?? throw new JudgementRefused("unit", $"单位 {unit.Symbol} 与限量单位 {limitUnit.Symbol} 不能换算（需填写样品密度 kg/L）");
        var converted = limitUnit == unit ? "" : $"（折合 {Format(compared)} {limitUnit.Symbol}）";
        return compared > max
            ? new ItemJudgement(ItemVerdict.NonConforming, rounded, compared, $"{shown}{measured}{converted} > 限量 {Format(max)} {limitUnit.Symbol}（{where}）")
            : new ItemJudgement(ItemVerdict.Conforming, rounded, compared, $"{shown}{measured}{converted} ≤ 限量 {Format(max)} {limitUnit.Symbol}（{where}）");
    }

    private static ItemJudgement JudgeNotDetectable(ItemResult result, MeasureUnit unit, LimitRule rule, string where, decimal? rounded, decimal? basis, string shown)
    {
        decimal? decision = null;
        if (rule.DecisionValue is decimal dv)
        {
            if (!MeasureUnit.TryParse(rule.Unit, out var dvUnit))
            {
                throw new JudgementRefused("unit", $"限量 {rule.StandardEdition} 的判定值缺少有效单位，请管理员更正限量库");
            }

            decision = dvUnit.ConvertTo(dv, unit, result.DensityKgPerL)
                ?? throw new JudgementRefused("unit", $"单位 {unit.Symbol} 与判定值单位 {dvUnit.Symbol} 不能换算（需填写样品密度 kg/L）");
        }

        if (result.Lod is null && decision is null)
        {
            throw new JudgementRefused("lod", "该项目要求“不得检出”，请填写方法检出限");
        }

        // The higher of the lab's LOD and the official 判定值 decides (review D-8).
        var useDecision = decision is decimal d && (result.Lod is not decimal l || d >= l);
        var cutoff = useDecision ? decision!.Value : result.Lod!.Value;
        var cut = useDecision ? $"判定值 {Format(cutoff)} {unit.Symbol}" : $"检出限 {Format(cutoff)} {unit.Symbol}";
        return basis is null || basis < cutoff
            ? new ItemJudgement(ItemVerdict.NotDetected, rounded, null, $"未检出（{cut}；{where} 不得检出）")
            : new ItemJudgement(ItemVerdict.NonConforming, rounded, basis, $"检出 {shown} ≥ {cut}，{where} 规定不得检出");
    }

    private static ItemJudgement JudgePlan(ItemResult result, ResolvedLimit limit, MicrobialPlan plan)
    {
        var rule = limit.Rule;
        if (!MeasureUnit.TryParseMicrobial(rule.Unit, out var planUnit))
        {
            throw new JudgementRefused("unit", $"限量 {rule.StandardEdition} 的微生物单位“{rule.Unit}”无效，请管理员更正限量库");
        }

        if (!MeasureUnit.TryParseMicrobial(result.Unit, out var unit) || unit != planUnit)
        {
            throw new JudgementRefused("unit", $"微生物结果的单位应为 {planUnit}（按采样方案），不能为“{result.Unit}”");
        }

        var values = result.Values is { Count: > 0 } v ? v : plan.N == 1 ? [result.Value] : [];
        if (values.Count != plan.N)
        {
            throw new JudgementRefused("values", $"采样方案 n={plan.N}：应录入 {plan.N} 份样品的结果（已录入 {values.Count} 份）");
        }

        if (values.Any(x => x is < 0))
        {
            throw new JudgementRefused("values", "检测值不能为负数");
        }

        var m = rule.Limit ?? 0m;
        var presence = planUnit.StartsWith('/');
        var overM = plan.UpperLimit is decimal big ? values.Count(x => x > big) : 0;
        var overm = values.Count(x => x > m);
        var listed = string.Join("、", values.Select(x => x is decimal d && d > 0 ? (presence ? "检出" : Format(d)) : presence ? "未检出" : x is null ? "未检出" : Format(x.Value)));
        var planText = plan.ThreeClass
            ? $"n={plan.N}、c={plan.C}、m={Format(m)}、M={Format(plan.UpperLimit!.Value)} {planUnit}"
            : presence ? $"n={plan.N}、c={plan.C}、m=0{planUnit}" : $"n={plan.N}、c={plan.C}、m={Format(m)} {planUnit}";
        var where = limit.Inherited ? $"{rule.StandardEdition}，按上级类别“{limit.MatchedCategoryName}”的限量" : rule.StandardEdition;
        var max = values.Max();
        if (overM > 0)
        {
            return new ItemJudgement(ItemVerdict.NonConforming, max, max, $"{listed}：{overM} 份超过 M（{planText}，{where}）");
        }

        if (overm > plan.C)
        {
            return new ItemJudgement(ItemVerdict.NonConforming, max, max, presence
                ? $"{listed}：{overm} 份检出，超过 c={plan.C}（{planText}，{where}）"
                : $"{listed}：{overm} 份超过 m，多于 c={plan.C}（{planText}，{where}）");
        }

        return new ItemJudgement(max is null or 0 ? ItemVerdict.NotDetected : ItemVerdict.Conforming, max, max,
            $"{listed}：符合采样方案（{planText}，{where}）");
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
