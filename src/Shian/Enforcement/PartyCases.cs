using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.Registry.Contracts;

namespace Shian.Enforcement;

/// <summary>
/// A business's own cases, as its account may see them: only from the 告知 on (an investigation is not disclosed to the
/// party before the office tells it what it intends), with what the party may do and must pay. Read through the region
/// filter: only the cases carrying the account's USCC.
/// </summary>
public sealed class PartyCases(ShianDb db, IConfiguration configuration)
{
    /// <param name="Surcharge">加处罚款 accrued to today on a fine unpaid past its date (《行政处罚法》第七十二条).</param>
    /// <param name="Plan">The latest 延期/分期 request and its answer; <paramref name="Instalments"/> the approved schedule.</param>
    /// <param name="MayApplyForPlan">The party may still apply to pay later or in parts (before the payment date, 《行政处罚法》第六十六条第二款).</param>
    public sealed record Row(EnforcementCase Case, bool MayState, decimal Due, decimal Surcharge, CasePaymentPlan? Plan = null, IReadOnlyList<CaseInstalment>? Instalments = null,
        bool MayApplyForPlan = false);

    /// <summary>
    /// How to pay: the deployment's own wording (<c>Enforcement:PaymentInstructions</c>: the bank, the 非税收入 payment code);
    /// by default what 《行政处罚法》第六十七条 requires — to a designated bank or by electronic payment, never to the officers.
    /// </summary>
    public string PaymentInstructions => configuration["Enforcement:PaymentInstructions"] is { Length: > 0 } text ? text
        : "请自收到处罚决定书之日起十五日内，持决定书到指定银行或者通过电子支付系统缴纳罚款（《行政处罚法》第六十七条）；作出决定的部门及其执法人员不得自行收缴罚款。到期不缴纳的，每日按罚款数额的百分之三加处罚款（第七十二条）。";

    /// <summary>Remedies the decision names (《行政处罚法》第四十四条): 行政复议 within 60 days, 行政诉讼 within 6 months.</summary>
    public const string Remedies = "如不服处罚决定，可以自收到决定书之日起六十日内申请行政复议（《行政复议法》第二十条），或者六个月内直接向人民法院提起行政诉讼（《行政诉讼法》第四十六条）。申请复议或者提起诉讼期间，处罚不停止执行（法律另有规定的除外）。";

    public async Task<IReadOnlyList<Row>> OfAsync(string uscc, DateOnly today, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.BusinessUscc == uscc && c.NoticeServedOn != null)
            .OrderByDescending(c => c.NoticeServedOn).Take(50).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var plans = await db.CasePaymentPlans.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct);
        var lines = await db.CaseInstalments.AsNoTracking().Where(l => ids.Contains(l.CaseId)).OrderBy(l => l.Seq).ToListAsync(ct);
        return [.. cases.Select(c =>
        {
            var mine = lines.Where(l => l.CaseId == c.Id).ToList();
            var (due, owed) = Cases.Owed(c, today, mine);
            var surcharge = c.PaidOn is null && c.RevokedOn is null ? owed : 0m;
            var mayState = c.Stage == CaseStage.Notified && !c.Waived && c.StatementBy is DateOnly sb && today <= sb;
            var plan = plans.Where(p => p.CaseId == c.Id).OrderByDescending(p => p.RequestedOn).ThenByDescending(p => p.Id).FirstOrDefault();
            var mayApply = c.Stage == CaseStage.Executing && c.PayBy is DateOnly by && today <= by && c.PaidOn is null && c.RevokedOn is null && c.PaymentPlanId is null
                && plan?.Status != PaymentPlanStatus.Pending;
            return new Row(c, mayState, due, surcharge, plan, [.. mine.Where(l => l.PlanId == c.PaymentPlanId)], mayApply);
        })];
    }

    /// <summary>The actions a row asks of the party: its 陈述申辩 within the period, its payment by the date.</summary>
    public static IEnumerable<PortalAction> Actions(Row r)
    {
        var c = r.Case;
        var href = $"/enforcement/mine#case-{c.Id}";
        if (r.MayState && c.Statement is null && c.HearingRequestedOn is null)
        {
            yield return new PortalAction($"陈述、申辩{(c.HearingRight ? "或要求听证" : "")}：{c.Cause}",
                "监管部门已告知拟作出的行政处罚及事实、理由和依据。您有权在期限内陈述、申辩" + (c.HearingRight ? "，并可要求听证" : "") + "；逾期视为放弃。", c.StatementBy, href);
        }

        if (c.ServedOn is not null && c.PaidOn is null && c.RevokedOn is null && r.Due > 0)
        {
            var number = EnforcementHistory.DecisionNumberOf(c);
            var part = r.Instalments?.FirstOrDefault(l => l.PaidOn is null);
            yield return new PortalAction(part is null ? $"缴纳罚没款 {r.Due:0.##} 元（{number}）" : $"缴纳第 {part.Seq} 期罚没款 {part.Amount:0.##} 元（{number}，尚欠 {r.Due:0.##} 元）",
                r.Surcharge > 0 ? $"已逾期，截至今日加处罚款 {r.Surcharge:0.##} 元（每日 3%，不超过罚款数额）。" : "请按处罚决定书载明的方式缴纳，缴纳后保留凭证。", c.PayBy, href);
        }
    }
}

/// <summary>我的企业: the business's cases from the 告知 on, with its 陈述申辩 period and its fines.</summary>
internal sealed class BusinessPortalCases(PartyCases cases) : IBusinessPortalSection
{
    public sealed record Model(IReadOnlyList<PartyCases.Row> Rows);

    public int Order => 30;

    public async Task<BusinessPortalPart?> LoadAsync(BusinessPortalContext context, CancellationToken ct)
    {
        var rows = await cases.OfAsync(context.Uscc, context.Today, ct);
        return rows.Count == 0 ? null : new BusinessPortalPart("/Enforcement/Pages/Shared/_PortalCases.cshtml", new Model(rows), [.. rows.SelectMany(PartyCases.Actions)]);
    }
}
