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
/// Raised with the commit of the head's 立案 or 不予立案 on a clue, or of an on-the-spot penalty that settled it (a durable
/// outbox event): the raising module records the decision on its own record — a report's reporter must be told within 5
/// working days of it (Order 20 第二十八条).
/// </summary>
/// <param name="Opened">立案; false for 不予立案 and for an on-the-spot penalty (<paramref name="Summary"/>).</param>
/// <param name="CaseNumber">The case number (立〔2026〕12 号), or the on-the-spot decision's number (当罚〔2026〕3 号).</param>
/// <param name="Summary">Settled by an on-the-spot penalty under the 简易程序 (《行政处罚法》第五十一条), without 立案.</param>
public sealed record CaseClueDecided(CaseClueSource Source, Guid? SourceId, Guid ClueId, bool Opened, DateOnly DecidedOn, string? CaseNumber, bool Summary = false)
{
    /// <summary>What was decided, in words, for the raising module's record.</summary>
    public string Describe() => Summary ? $"适用简易程序当场处罚（{CaseNumber}）" : Opened ? $"已立案（{CaseNumber}）" : "决定不予立案";
}
