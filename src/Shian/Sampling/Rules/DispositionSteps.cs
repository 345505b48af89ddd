using Shian.Sampling.Domain;

namespace Shian.Sampling.Rules;

/// <summary>
/// The steps of a non-conforming sample's disposition on the statutory clock (《食品安全抽样检验管理办法》, 食品安全法
/// 第八十八条), each with its due date, when it was done and whether it is overdue today; the 立案 step belongs to
/// enforcement (<see cref="Step.Ours"/> false).
/// </summary>
public static class DispositionSteps
{
    /// <param name="CalendarDays">The limit counts calendar days (the agency's own, not rolled past holidays): its date never depends on a holiday notice.</param>
    public sealed record Step(string Name, DateOnly? DueBy, DateOnly? DoneOn, bool Overdue, string? Note, bool Ours = true, bool CalendarDays = false);

    public static IReadOnlyList<Step> Of(Disposition d, DateOnly today) =>
    [
        new("送达检验结论", d.NotifyBy, d.NotifiedOn, d.NotifiedOn is null && today > d.NotifyBy, "《食品安全抽样检验管理办法》第二十九条：5 个工作日内"),
        .. (d.Kind != SampleKind.Supervision ? Array.Empty<Step>() :
        [
            new("复检申请期", d.RetestApplyBy, d.RetestRequestedOn, false, d.RetestRequestedOn is null ? "《食品安全法》第八十八条：收到结论之日起 7 个工作日" : d.RetestConforming switch { true => "复检合格", false => "复检仍不合格", _ => "复检中" }),
        ]),
        .. (d.RetestRequestedOn is null ? Array.Empty<Step>() :
        [
            new("复检受理", d.RetestAcceptBy, d.RetestAcceptedOn, Late(d.RetestAcceptBy, d.RetestAcceptedOn, d, today), "《食品安全抽样检验管理办法》第三十二条第一款：申请之日起 5 个工作日内（待核）"),
            new("确定复检机构", d.RetestLabBy, d.RetestLabChosenOn, Late(d.RetestLabBy, d.RetestLabChosenOn, d, today),
                (d.RetestLab is { } lab ? $"{lab}；" : "") + (d.RetestLabExtended ? "因客观原因延长 5 个工作日；" : "") + "《食品安全抽样检验管理办法》第三十二条第二款：受理之日起 5 个工作日内（客观原因可延长 5 个工作日）"),
            new("移交复检备份样品", d.BackupHandOverBy, d.BackupHandedOverOn, Late(d.BackupHandOverBy, d.BackupHandedOverOn, d, today),
                (d.BackupHandOverExtended ? "因客观原因延长 3 个工作日；" : "") + "《食品安全抽样检验管理办法》第三十二条第三款：确定复检机构之日起 3 个工作日内（客观原因可延长 3 个工作日；待核）"),
            new("复检结论", d.RetestConclusionBy, d.RetestConcludedOn, Late(d.RetestConclusionBy, d.RetestConcludedOn, d, today), "《食品安全抽样检验管理办法》第三十五条：收到备份样品之日起 10 个工作日内（待核）"),
        ]),
        .. (d.ObjectionFiledOn is null ? Array.Empty<Step>() :
        [
            new("异议受理", d.ObjectionAcceptBy, d.ObjectionAcceptedOn ?? (d.ObjectionDecisionDue is null ? d.ObjectionDecidedOn : null),
                d.ObjectionAcceptedOn is null && d.ObjectionDecidedOn is null && d.ObjectionDecisionDue is null && today > d.ObjectionAcceptBy,
                $"《食品安全抽样检验管理办法》第三十八条：收到之日起 5 个工作日内受理或不予受理；{GroundLabel(d.ObjectionGround)}：{d.ObjectionReason}"),
            .. (d.ObjectionDecisionDue is null ? Array.Empty<Step>() :
            [
                new("异议审核", d.ObjectionDecisionDue, d.ObjectionDecidedOn, d.ObjectionDecidedOn is null && today > d.ObjectionDecisionDue,
                    d.ObjectionUpheld switch { true => "异议成立，结论撤销", false => "异议不成立", _ => "《食品安全抽样检验管理办法》第三十九条第二款：受理之日起 20 个工作日内" }),
            ]),
        ]),
        new("核查处置（下架、召回、原因排查）", d.ActionBy, d.ActionCompletedOn, d.ActionCompletedOn is null && d.ObjectionUpheld != true && d.RetestConforming != true && today > d.ActionBy,
            "《食品安全抽样检验管理办法》第四十五条：90 日内（待核实，可配置）", CalendarDays: true),
        new("案件线索（立案决定）", d.CaseClueRaised ? d.CaseDecisionDue : null, d.CaseDecidedOn, false,
            d.CaseOpened switch
            {
                true when d.CaseNumber?.StartsWith("当罚", StringComparison.Ordinal) == true => $"已当场处罚（{d.CaseNumber}）",
                true => $"已立案（{d.CaseNumber}）",
                false => "执法部门决定不予立案",
                _ => d.CaseClueRaised ? "已移送执法，待立案决定" : "风险监测、评价性抽检：通知经营者自查并核查处置，发现违法线索时人工移送执法",
            }, Ours: false),
        .. (d.Kind != SampleKind.Supervision ? Array.Empty<Step>() :
        [
            new("信息公开", d.PublishBy, d.PublishedOn, d.PublishedOn is null && today > d.PublishBy, "《政府信息公开条例》第二十六条：20 个工作日内（可配置）"),
        ]),
    ];

    /// <summary>A 复检 sub-step is late when due, not done and the 复检 has not concluded (a conclusion ends the chain).</summary>
    private static bool Late(DateOnly? due, DateOnly? done, Disposition d, DateOnly today) =>
        due is DateOnly by && done is null && d.RetestConforming is null && d.ObjectionUpheld != true && today > by;

    public static bool IsOverdue(Disposition d, DateOnly today) => !IsClosed(d, today) && Of(d, today).Any(s => s.Overdue);

    /// <summary>
    /// What is still to be done on a day (usability finding 8: closed only when every step is done). A withdrawn
    /// conclusion (异议成立) or a conforming 复检 ends it; otherwise: the notice served; for 监督抽检 the 复检 window passed
    /// or the 复检 concluded; an objection decided (or not accepted); 核查处置 completed; for 监督抽检 the result published.
    /// 立案 belongs to enforcement and does not hold the disposition open.
    /// </summary>
    public static IReadOnlyList<string> Outstanding(Disposition d, DateOnly today)
    {
        if (d.ObjectionUpheld == true || d.RetestConforming == true)
        {
            return [];
        }

        var open = new List<string>();
        if (d.NotifiedOn is null)
        {
            open.Add("送达检验结论");
        }

        var supervision = d.Kind == SampleKind.Supervision;
        if (supervision && d.RetestRequestedOn is not null && d.RetestConforming is null)
        {
            open.Add("复检结论");
        }
        else if (supervision && d.RetestRequestedOn is null && (d.RetestApplyBy is null || today <= d.RetestApplyBy))
        {
            open.Add("复检申请期");
        }

        if (d.ObjectionFiledOn is not null && d.ObjectionDecidedOn is null) // 不予受理 records its date as decided
        {
            open.Add("异议审核");
        }

        if (d.ActionCompletedOn is null)
        {
            open.Add("核查处置");
        }

        if (supervision && d.PublishedOn is null)
        {
            open.Add("信息公开");
        }

        return open;
    }

    public static bool IsComplete(Disposition d, DateOnly today) => Outstanding(d, today).Count == 0;

    /// <summary>Closed on a day: every step done, or ended outright (a verdict overridden to conforming sets the stored flag).</summary>
    public static bool IsClosed(Disposition d, DateOnly today) => d.Closed || IsComplete(d, today);

    /// <summary>The 异议's ground in Chinese.</summary>
    public static string GroundLabel(ObjectionGround? ground) => ground switch
    {
        ObjectionGround.Procedure => "抽样过程",
        ObjectionGround.Authenticity => "样品真实性",
        ObjectionGround.Method => "检验方法",
        ObjectionGround.Standard => "标准适用",
        _ => "异议",
    };
}
