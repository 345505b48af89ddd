namespace Shian.Enforcement.Contracts;

/// <summary>Where a case clue (案件线索) came from.</summary>
public enum CaseClueSource
{
    /// <summary>监督检查 (a 不符合 result, Order 49 第三十二条).</summary>
    Inspection,

    /// <summary>抽检不合格.</summary>
    Sampling,

    /// <summary>投诉举报.</summary>
    Complaint,

    /// <summary>其他地区或部门移送.</summary>
    Transfer,

    /// <summary>上级交办.</summary>
    Assigned,

    /// <summary>执法检查中发现、其他途径.</summary>
    Field,

    /// <summary>拒不召回 (食品安全法 第一百二十四条), recorded on a recall.</summary>
    Recall,

    /// <summary>舆情监测发现 (an alert verified by the district).</summary>
    PublicOpinion,

    /// <summary>违法信息上下游通报: another district's case found this business supplied or bought from its party.</summary>
    ChainNotice,
}

/// <summary>
/// Raised with the commit of the record that found it (a durable outbox event, ADR 0005) when a module finds a case clue: the enforcement module registers it and runs the 立案 clock —
/// the decision to open a case is due 15 working days from the clue (《市场监督管理行政处罚程序规定》第十八条), which the
/// raising module has already computed on the statutory calendar. The module that owns this contract consumes it; until it
/// exists, the raising modules keep the clue and its due date on their own records.
/// </summary>
public sealed record CaseClueRaised(CaseClueSource Source, Guid SourceId, Guid BusinessId, string BusinessName, string RegionCode, DateOnly FoundOn,
    DateOnly DecisionDue, string Summary);

/// <summary>
/// Raised with the commit of the head's 立案 or 不予立案 on a clue (a durable outbox event): the raising module records the
/// decision on its own record — a report's reporter must be told within 5 working days of it (Order 20 第二十八条).
/// </summary>
public sealed record CaseClueDecided(CaseClueSource Source, Guid? SourceId, Guid ClueId, bool Opened, DateOnly DecidedOn, string? CaseNumber);
