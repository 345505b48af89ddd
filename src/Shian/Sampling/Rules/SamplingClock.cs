using Shian.Kernel.Calendar;

namespace Shian.Sampling.Rules;

/// <summary>
/// The statutory clock of a sample (《食品安全抽样检验管理办法》SAMR Order 15; rows and status in shared/domain/deadlines.md §3).
/// Working days on the statutory calendar (调休 included); the day that starts a limit is not counted.
/// </summary>
public static class SamplingClock
{
    /// <summary>Samples and documents reach the lab within 5 working days of sampling (第二十条第一款, P).</summary>
    public static DateOnly SendBy(WorkingDayCalendar cal, DateOnly sampledOn) => cal.AddWorkingDays(sampledOn, 5).Date;

    /// <summary>The lab reports within 20 working days of receiving the sample (第二十四条第二款, P).</summary>
    public static DateOnly ReportDueBy(WorkingDayCalendar cal, DateOnly receivedOn) => cal.AddWorkingDays(receivedOn, 20).Date;

    /// <summary>
    /// The lab reports a conclusion to the organising department within 2 working days when non-conforming, 7 when
    /// conforming (第二十六条, U — from deadlines.md §3, article text not in our sources).
    /// </summary>
    public static DateOnly LabReportBy(WorkingDayCalendar cal, DateOnly concludedOn, bool nonConforming) => cal.AddWorkingDays(concludedOn, nonConforming ? 2 : 7).Date;

    /// <summary>复检 受理 or 不予受理 within 5 working days of the application (第三十二条第一款, U).</summary>
    public static DateOnly RetestAcceptBy(WorkingDayCalendar cal, DateOnly appliedOn) => cal.AddWorkingDays(appliedOn, 5).Date;

    /// <summary>The 复检机构 is fixed within 5 working days of 受理, or 10 when extended for objective reasons (第三十二条第二款, P).</summary>
    public static DateOnly RetestLabBy(WorkingDayCalendar cal, DateOnly acceptedOn, bool extended) => cal.AddWorkingDays(acceptedOn, extended ? 10 : 5).Date;

    /// <summary>The backup sample reaches the 复检机构 within 3 working days of it being fixed, 6 when extended for objective reasons (第三十二条第三款, U).</summary>
    public static DateOnly BackupHandOverBy(WorkingDayCalendar cal, DateOnly labChosenOn, bool extended = false) => cal.AddWorkingDays(labChosenOn, extended ? 6 : 3).Date;

    /// <summary>The 复检 conclusion within 10 working days of the 复检机构 receiving the backup sample (第三十五条, U).</summary>
    public static DateOnly RetestConclusionBy(WorkingDayCalendar cal, DateOnly handedOverOn) => cal.AddWorkingDays(handedOverOn, 10).Date;

    /// <summary>The department sends the report and 结果通知书 to the business within 5 working days of the non-conforming conclusion (第二十九条; review: was 第二十八条).</summary>
    public static DateOnly NotifyBy(WorkingDayCalendar cal, DateOnly concludedOn) => cal.AddWorkingDays(concludedOn, 5).Date;

    /// <summary>The business may apply for 复检 within 7 working days of receiving the conclusion (食品安全法 第八十八条, C).</summary>
    public static DateOnly RetestApplyBy(WorkingDayCalendar cal, DateOnly notifiedOn) => cal.AddWorkingDays(notifiedOn, 7).Date;

    /// <summary>
    /// An 异议 on the sampling procedure is filed within 7 working days after sampling is completed (《食品安全抽样检验管理办法》
    /// 第三十七条第二款; review D-4, M-H) — not from the notice, which usually comes later.
    /// </summary>
    public static DateOnly ProcedureObjectionBy(WorkingDayCalendar cal, DateOnly sampledOn) => cal.AddWorkingDays(sampledOn, 7).Date;

    /// <summary>The department decides to 受理 or not an 异议 within 5 working days of receiving it (同办法 第三十八条; review D-5, M).</summary>
    public static DateOnly ObjectionAcceptBy(WorkingDayCalendar cal, DateOnly receivedOn) => cal.AddWorkingDays(receivedOn, 5).Date;

    /// <summary>An accepted 异议 is decided within 20 working days of its 受理 (同办法 第三十九条第二款; review D-5, M).</summary>
    public static DateOnly ObjectionDecisionDue(WorkingDayCalendar cal, DateOnly acceptedOn) => cal.AddWorkingDays(acceptedOn, 20).Date;

    /// <summary>核查处置 of the non-conforming food is completed within 90 days of the conclusion (第四十五条, U — configurable).</summary>
    public static DateOnly ActionBy(DateOnly concludedOn, int days = 90) => concludedOn.AddDays(days);

    /// <summary>The decision to open a case is due 15 working days from the clue (《市场监督管理行政处罚程序规定》第十八条).</summary>
    public static DateOnly CaseDecisionDue(WorkingDayCalendar cal, DateOnly concludedOn) => Enforcement.Contracts.CaseClock.DecisionDue(cal, concludedOn);

    /// <summary>Results and 核查处置 information are published "及时"; 20 working days by default (政府信息公开条例 第二十六条, U — configurable).</summary>
    public static DateOnly PublishBy(WorkingDayCalendar cal, DateOnly concludedOn, int workingDays = 20) => cal.AddWorkingDays(concludedOn, workingDays).Date;

    /// <summary>A rapid-test result may be objected to within 4 hours of receipt (食品安全法 第八十八条第二款, C).</summary>
    public static DateTime RapidObjectionUntil(DateTime testedAtUtc) => testedAtUtc.AddHours(4);
}
