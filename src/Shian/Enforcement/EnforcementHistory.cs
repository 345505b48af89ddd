using Shian.Data;
using Shian.Enforcement.Domain;

namespace Shian.Enforcement;

/// <summary>The one way a clue's or a case's history gets a line.</summary>
internal static class EnforcementHistory
{
    public static void AddHistory(this ShianDb db, Guid recordId, string regionCode, DateTime atUtc, string text) =>
        db.CaseEntries.Add(new CaseEntry { RecordId = recordId, RegionCode = regionCode, AtUtc = atUtc, Author = db.Request.UserName, Text = text.Length > 2000 ? text[..2000] : text });

    public static string SourceText(Contracts.CaseClueSource s) => s switch
    {
        Contracts.CaseClueSource.Inspection => "监督检查",
        Contracts.CaseClueSource.Sampling => "监督抽检",
        Contracts.CaseClueSource.Complaint => "投诉举报",
        Contracts.CaseClueSource.Transfer => "移送",
        Contracts.CaseClueSource.Assigned => "上级交办",
        Contracts.CaseClueSource.Recall => "拒不召回",
        Contracts.CaseClueSource.PublicOpinion => "舆情监测",
        Contracts.CaseClueSource.ChainNotice => "上下游通报",
        _ => "执法检查发现",
    };

    /// <summary>Where the raising module shows the record the clue came from.</summary>
    public static string? SourceLink(Contracts.CaseClueSource s, Guid? id) => id is not Guid g ? null : s switch
    {
        Contracts.CaseClueSource.Inspection => $"/inspections/records/{g}",
        Contracts.CaseClueSource.Sampling => $"/sampling/samples/{g}",
        Contracts.CaseClueSource.Complaint => $"/complaints/{g}",
        Contracts.CaseClueSource.Recall => $"/trace/recalls/{g}",
        Contracts.CaseClueSource.PublicOpinion => $"/opinion/alerts/{g}",
        Contracts.CaseClueSource.ChainNotice => $"/enforcement/assistance/{g}",
        _ => null,
    };

    public static string CaseNumber(int year, int number) => $"立〔{year}〕{number} 号";

    public static string DecisionNumber(int year, int? number) => number is int n ? $"罚〔{year}〕{n} 号" : "";

    /// <summary>An on-the-spot decision's number, in the county's own series for them.</summary>
    public static string SummaryDecisionNumber(int year, int? number) => number is int n ? $"当罚〔{year}〕{n} 号" : "";

    /// <summary>The decision's number in its procedure's series ("" when none).</summary>
    public static string DecisionNumberOf(EnforcementCase c) => c.Procedure == CaseProcedure.Summary
        ? SummaryDecisionNumber(c.DecisionYear ?? 0, c.DecisionNumber) : DecisionNumber(c.DecisionYear ?? 0, c.DecisionNumber);
}
