using Shian.Sampling.Domain;

namespace Shian.Sampling.Rules;

/// <summary>
/// The steps of a non-conforming sample's disposition on the statutory clock (《食品安全抽样检验管理办法》, 食品安全法
/// 第八十八条), each with its due date, when it was done and whether it is overdue today; the 立案 step belongs to
/// enforcement (<see cref="Step.Ours"/> false).
/// </summary>
public static class DispositionSteps
{
    public sealed record Step(string Name, DateOnly? DueBy, DateOnly? DoneOn, bool Overdue, string? Note, bool Ours = true);

    public static IReadOnlyList<Step> Of(Disposition d, DateOnly today) =>
    [
        new("送达检验结论", d.NotifyBy, d.NotifiedOn, d.NotifiedOn is null && today > d.NotifyBy, "《食品安全抽样检验管理办法》第二十九条：5 个工作日内"),
        .. (d.Kind != SampleKind.Supervision ? Array.Empty<Step>() :
        [
            new("复检申请期", d.RetestApplyBy, d.RetestRequestedOn, false, d.RetestRequestedOn is null ? "《食品安全法》第八十八条：收到结论之日起 7 个工作日" : d.RetestConforming switch { true => "复检合格", false => "复检仍不合格", _ => "复检中" }),
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
        new("核查处置（下架、召回、原因排查）", d.ActionBy, d.ActionCompletedOn, !d.Closed && today > d.ActionBy, "《食品安全抽样检验管理办法》第四十五条：90 日内（待核实，可配置）"),
        new("案件线索（立案决定）", d.CaseClueRaised ? d.CaseDecisionDue : null, null, false,
            d.CaseClueRaised ? "已移送执法" : "风险监测、评价性抽检：通知经营者自查并核查处置，发现违法线索时人工移送执法", Ours: false),
        .. (d.Kind != SampleKind.Supervision ? Array.Empty<Step>() :
        [
            new("信息公开", d.PublishBy, d.PublishedOn, d.PublishedOn is null && today > d.PublishBy, "《政府信息公开条例》第二十六条：20 个工作日内（可配置）"),
        ]),
    ];

    public static bool IsOverdue(Disposition d, DateOnly today) => Of(d, today).Any(s => s.Overdue);

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
