using Shian.Inspections.Domain;

namespace Shian.Inspections.Rules;

/// <summary>Why an unplanned inspection repeats one made within the window.</summary>
public enum RepeatReason
{
    /// <summary>投诉举报.</summary>
    Complaint,

    /// <summary>抽检不合格.</summary>
    SamplingFailure,

    /// <summary>上级交办、转办.</summary>
    Assigned,

    /// <summary>发现风险隐患、食品安全事故.</summary>
    Hazard,
}

/// <summary>
/// No repeat inspection of the same business within a window (default 3 months) without a reason (review §5: Order 49
/// 第四十二条; the article's text and exceptions are not confirmed in our sources, so the window is configurable —
/// <c>Inspections:RepeatInspectionMonths</c>, 0 turns it off — and the form says the basis is unverified). Planned visits
/// (双随机, the risk plan, 专项/飞行检查, 整改复查) carry their own basis and are not held; an ad hoc inspection inside the
/// window names one of <see cref="RepeatReason"/>. Pure.
/// </summary>
public static class RepeatInspection
{
    public const int DefaultMonths = 3;

    public const string Basis = "《食品生产经营监督检查管理办法》（市场监管总局令第49号）第四十二条（条文待核，可配置）";

    /// <summary>The earlier inspection that puts <paramref name="on"/> inside the window, or null.</summary>
    public static DateOnly? Recent(int months, DateOnly on, DateOnly? lastInspected) =>
        months > 0 && lastInspected is DateOnly last && last <= on && last > on.AddMonths(-months) ? last : null;

    /// <summary>Why the inspection cannot be recorded as it stands (Chinese), or null.</summary>
    public static string? Refusal(int months, DateOnly on, DateOnly? lastInspected, VisitPurpose? purpose, RepeatReason? reason) =>
        purpose is not null || reason is not null || Recent(months, on, lastInspected) is not DateOnly last
            ? null
            : $"该经营者已于 {last:yyyy年M月d日} 接受检查，{months} 个月内再次检查须注明原因（投诉举报、抽检不合格、上级交办或风险隐患）。依据：{Basis}";

    public static string Label(RepeatReason r) => r switch
    {
        RepeatReason.Complaint => "投诉举报",
        RepeatReason.SamplingFailure => "抽检不合格",
        RepeatReason.Assigned => "上级交办、转办",
        _ => "发现风险隐患或事故",
    };
}
