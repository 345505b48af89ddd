using Shian.Kernel.Calendar;

namespace Shian.Emergencies.Rules;

/// <summary>
/// The response limits of a 舆情 alert, as data (section <c>Emergencies:Opinion</c>). 回应 and the major-incident steps are
/// the State Council's (国办发〔2016〕61号 三: 重大突发事件舆情 a press conference within 24 hours at the latest, other 政务舆情
/// a response within 48 hours; 国办发〔2016〕80号 实施细则 三(二): 重大突发事件 authoritative information within 5 hours).
/// 核实 and 发布 carry no national limit: the defaults are local practice (核实 within 24 hours for harm to people or the
/// worst frauds, 72 hours otherwise; the result published within 5 working days of the verification, as seed 001's
/// 5个工作日办理回复) and are configurable.
/// </summary>
public sealed class OpinionLimits
{
    /// <summary>核实 of a high-severity alert (harm to people, 地沟油, 非法添加 …), hours from the alert (local practice).</summary>
    public int VerifyHoursHigh { get; set; } = 24;

    /// <summary>核实 of any other alert, hours from the alert (local practice).</summary>
    public int VerifyHours { get; set; } = 72;

    /// <summary>回应: 48 hours from the alert (国办发〔2016〕61号 三).</summary>
    public int RespondHours { get; set; } = 48;

    /// <summary>重大突发事件舆情: authoritative information within 5 hours (国办发〔2016〕80号 三(二)).</summary>
    public int MajorInformationHours { get; set; } = 5;

    /// <summary>重大突发事件舆情: a press conference within 24 hours (国办发〔2016〕61号 三).</summary>
    public int MajorPressHours { get; set; } = 24;

    /// <summary>发布 of the verified result: working days after the verification (local practice, seed 001).</summary>
    public int PublishWorkingDays { get; set; } = 5;

    /// <summary>An item of at least this severity becomes an alert by itself (a lower one only when an officer raises it).</summary>
    public OpinionSeverity AlertFrom { get; set; } = OpinionSeverity.Medium;

    /// <summary>
    /// Near copies: two items naming the same business and place whose SimHash fingerprints differ in at most this many
    /// bits are one story (reposts with a source line or a tag added measured 3–5 bits apart; see docs/rules.md).
    /// </summary>
    public int NearCopyBits { get; set; } = 6;

    /// <summary>Copies are looked for among the items of this many days before.</summary>
    public int CopyWindowDays { get; set; } = 14;

    public IEnumerable<string> Problems()
    {
        if (VerifyHoursHigh is < 1 or > 168 || VerifyHours is < 1 or > 336 || RespondHours is < 1 or > 168 || MajorInformationHours is < 1 or > 48
            || MajorPressHours is < 1 or > 72)
        {
            yield return "Emergencies:Opinion 的核实、回应时限应在 1–336 小时之间";
        }

        if (PublishWorkingDays is < 1 or > 60)
        {
            yield return "Emergencies:Opinion:PublishWorkingDays 应为 1–60 个工作日";
        }

        if (!Enum.IsDefined(AlertFrom) || AlertFrom == OpinionSeverity.None)
        {
            yield return "Emergencies:Opinion:AlertFrom 应为 Low、Medium 或 High";
        }

        if (NearCopyBits is < 0 or > 16 || CopyWindowDays is < 1 or > 90)
        {
            yield return "Emergencies:Opinion:NearCopyBits 应为 0–16，CopyWindowDays 应为 1–90";
        }
    }
}

/// <summary>
/// The clocks of a 舆情 alert. Hour limits run on the clock, day and night, holidays included (a story spreads on a
/// Sunday too); only 发布 counts working days on the statutory calendar (调休 included), on the Beijing date of the
/// verification, due at the end of that day. Times are UTC.
/// </summary>
public static class OpinionClock
{
    /// <summary>核实 due: 24 hours for a high-severity alert, else 72 (configurable).</summary>
    public static DateTime VerifyDue(DateTime raisedAtUtc, OpinionSeverity severity, OpinionLimits limits) =>
        raisedAtUtc.AddHours(severity >= OpinionSeverity.High ? limits.VerifyHoursHigh : limits.VerifyHours);

    /// <summary>回应 due: 48 hours (61号文), or authoritative information within 5 hours for a major incident's 舆情 (80号文).</summary>
    public static DateTime RespondDue(DateTime raisedAtUtc, bool major, OpinionLimits limits) =>
        raisedAtUtc.AddHours(major ? limits.MajorInformationHours : limits.RespondHours);

    /// <summary>The press conference of a major incident's 舆情: 24 hours from the alert (61号文); none otherwise.</summary>
    public static DateTime? PressDue(DateTime raisedAtUtc, bool major, OpinionLimits limits) =>
        major ? raisedAtUtc.AddHours(limits.MajorPressHours) : null;

    /// <summary>发布 of the verified result: working days after the Beijing date of the verification, at its last second.</summary>
    public static (DateTime DueUtc, bool Provisional) PublishDue(WorkingDayCalendar calendar, DateTime verifiedAtUtc, OpinionLimits limits)
    {
        var verifiedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(verifiedAtUtc, ChinaTime.Zone));
        var due = calendar.AddWorkingDays(verifiedOn, limits.PublishWorkingDays);
        return (IncidentClock.EndOfChinaDayUtc(due.Date), due.Provisional);
    }

    /// <summary>When a major alert is recognised after it was raised, its limits still run from the alert (never later than they were).</summary>
    public static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
