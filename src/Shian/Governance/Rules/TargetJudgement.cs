using Shian.Governance.Parsing;

namespace Shian.Governance.Rules;

public enum TargetResult
{
    /// <summary>达标.</summary>
    Met,

    /// <summary>未达标.</summary>
    NotMet,

    /// <summary>目标值缺失（文件中被隐去）或尚未报送实际值.</summary>
    Unknown,
}

/// <summary>
/// Whether a measured value reaches a plan's target (≥ / ≤ / =). Equal to the threshold meets it; a target whose value
/// was redacted ("xx%") or without a measurement cannot be judged. Pure; assessment builds on it.
/// </summary>
public static class TargetJudgement
{
    public static TargetResult Judge(Comparator comparator, decimal? target, decimal? measured)
    {
        if (target is not decimal t || measured is not decimal m)
        {
            return TargetResult.Unknown;
        }

        var met = comparator switch
        {
            Comparator.AtLeast => m >= t,
            Comparator.AtMost => m <= t,
            _ => m == t,
        };
        return met ? TargetResult.Met : TargetResult.NotMet;
    }

    /// <summary>Share of the target reached, 0–1, for proportional scoring (≥: measured/target; ≤: target/measured; =: exact or 0).</summary>
    public static decimal Attainment(Comparator comparator, decimal target, decimal measured) => comparator switch
    {
        Comparator.AtLeast when target <= 0 => 1,
        Comparator.AtLeast => Math.Clamp(measured / target, 0, 1),
        Comparator.AtMost when measured <= 0 => 1,
        Comparator.AtMost => Math.Clamp(target / measured, 0, 1),
        _ => measured == target ? 1 : 0,
    };

    /// <summary>
    /// The 考核 item's name for a target: its task, the figure it asks for, then the sentence — two targets of one task
    /// (one sentence, two numbers) get different names (usability finding 9).
    /// </summary>
    public static string ItemName(string taskNumber, string text, Comparator comparator, decimal value, string unit)
    {
        var sentence = text.Trim();
        return $"目标 {taskNumber}（{Figure(comparator, value, unit)}）：{(sentence.Length > 70 ? sentence[..70] + "…" : sentence)}";
    }

    /// <summary>"≥4.5份/千人"; a redacted value reads "（值待补充）".</summary>
    public static string Figure(Comparator comparator, decimal? value, string unit) =>
        value is decimal v ? $"{(comparator switch { Comparator.AtLeast => "≥", Comparator.AtMost => "≤", _ => "=" })}{v:0.##}{unit}" : "（值待补充）";
}
