using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;

namespace Shian.Enforcement;

/// <summary>The documents a case produces.</summary>
public enum CaseDocumentKind
{
    /// <summary>立案审批表.</summary>
    Opening,

    /// <summary>行政处罚告知书.</summary>
    Notice,

    /// <summary>行政处罚决定书.</summary>
    Decision,

    /// <summary>询问笔录: the headings, the officers' introduction and the rights, filled from the case, for the interview on paper.</summary>
    Interview,
}

/// <summary>
/// The case's documents as .docx (Open XML SDK): 立案审批表, 行政处罚告知书 and 行政处罚决定书, filled from the case — the
/// numbers (立〔年〕N 号, 罚〔年〕N 号), the officers with their 执法证号, the facts, the evidence, the statement, the
/// decision, how to pay, the remedies (行政复议 60 days, 行政诉讼 6 months) and the publication notice (Order 45 第八条).
/// </summary>
public sealed class CaseDocuments(ShianDb db, EnforcementQueries queries, People people)
{
    /// <summary>The on-the-spot decision's title (简易程序).</summary>
    public const string SummaryTitle = "当场行政处罚决定书";

    public static string Title(CaseDocumentKind k) => k switch
    {
        CaseDocumentKind.Opening => "立案审批表",
        CaseDocumentKind.Notice => "行政处罚告知书",
        CaseDocumentKind.Interview => "询问笔录",
        _ => "行政处罚决定书",
    };

    /// <summary>The document's bytes and file name, or a refusal when the case has not reached it.</summary>
    public async Task<(byte[] Content, string FileName)> BuildAsync(Guid caseId, CaseDocumentKind kind, CancellationToken ct)
    {
        var d = await queries.CaseAsync(caseId, ct) ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
        var c = d.Case;
        var countyCode = c.County;
        var county = await db.Regions.AsNoTracking().Where(r => r.Code == countyCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? countyCode;
        var authority = county + "市场监督管理局";
        var number = EnforcementHistory.CaseNumber(c.Year, c.Number ?? 0);
        var officers = string.Join("、", (await people.PeopleAsync(c.Officers)).Select(p => p.Certificate is null ? p.DisplayName : $"{p.DisplayName}（执法证号 {p.Certificate}）"));
        var evidence = await db.CaseEvidence.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.CollectedOn).ToListAsync(ct);
        var lines = new List<(string? Label, string Text)>();
        string? docNumber;
        DateOnly date;
        if (c.Procedure == CaseProcedure.Summary)
        {
            if (kind != CaseDocumentKind.Decision)
            {
                throw ShianProblemException.Conflict("enforcement.no-document", "当场处罚（简易程序）不立案、不另行告知，只有当场行政处罚决定书");
            }

            docNumber = EnforcementHistory.DecisionNumberOf(c);
            lines.Add(("当事人", c.Party + (c.PartyIsPerson ? "（自然人）" : "")));
            lines.Add(("时间、地点", $"{c.DecidedOn:yyyy年M月d日}，{c.Place}"));
            lines.Add(("违法事实", c.InvestigationReport ?? ""));
            lines.Add(("处罚依据", c.LegalBasis ?? ""));
            lines.Add(("处罚决定", Cases.Describe(c)));
            lines.Add(("陈述申辩", $"执法人员已告知当事人作出行政处罚的事实、理由和依据，以及依法享有的陈述、申辩权利。当事人陈述、申辩：{c.Statement}"));
            if (c.Fine > 0)
            {
                lines.Add(("履行方式", c.CollectedOnSpot
                    ? $"罚款 {c.Fine:0.00} 元由执法人员当场收缴，出具专用票据（号码 {c.ReceiptNumber}）（《中华人民共和国行政处罚法》第六十八条、第七十条）。"
                    : "当事人应当自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款（《中华人民共和国行政处罚法》第六十七条、第七十二条）。"));
            }

            lines.Add(("救济途径", "当事人如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"));
            lines.Add(("执法人员", officers));
            lines.Add(("当事人签收", c.ServiceMethod == "当场交付（拒签）" ? "当事人拒绝签收，已注明（《中华人民共和国行政处罚法》第五十二条）。" : "本决定书已当场交付当事人。"));
            var summaryBytes = Build(SummaryTitle, docNumber, lines, authority, c.DecidedOn!.Value);
            return (summaryBytes, $"{SummaryTitle}-{docNumber.Replace(" ", "", StringComparison.Ordinal)}.docx");
        }

        switch (kind)
        {
            case CaseDocumentKind.Opening:
                docNumber = number;
                date = c.OpenedOn ?? throw ShianProblemException.Conflict("enforcement.no-document", "案件尚未立案");
                lines.Add(("案由", c.Cause));
                lines.Add(("当事人", c.Party + (c.PartyIsPerson ? "（自然人）" : "")));
                lines.Add(("案件来源", $"{EnforcementHistory.SourceText(d.Clue.Source)}（{d.Clue.FoundOn:yyyy年M月d日}发现）{(d.Clue.FromWhom is null ? "" : "，" + d.Clue.FromWhom)}"));
                lines.Add(("线索内容", d.Clue.Summary));
                lines.Add(("违法行为发生（终了）日期", $"{c.ViolationEndedOn:yyyy年M月d日}"));
                lines.Add(("立案理由", d.Clue.ProposalReason ?? ""));
                lines.Add(("承办人", officers));
                lines.Add(("负责人审批意见", $"同意立案。{await people.NameAsync(d.Clue.ApprovedBy)}，{date:yyyy年M月d日}"));
                break;
            case CaseDocumentKind.Interview:
                {
                    docNumber = number;
                    date = c.OpenedOn ?? throw ShianProblemException.Conflict("enforcement.no-document", "案件尚未立案");
                    var staff = await people.PeopleAsync(c.Officers);
                    var names = string.Join("、", staff.Select(p => p.DisplayName));
                    var certificates = string.Join("、", staff.Select(p => p.Certificate ?? "（未登记）"));
                    lines.Add(("案由", c.Cause));
                    lines.Add(("当事人", c.Party));
                    lines.Add(("询问时间", "　　年　　月　　日　　时　　分至　　时　　分"));
                    lines.Add(("询问地点", ""));
                    lines.Add(("询问人", officers));
                    lines.Add(("记录人", ""));
                    lines.Add(("被询问人", "姓名：　　　　性别：　　　年龄：　　　身份证件号码："));
                    lines.Add((null, "工作单位及职务：　　　　　　　　联系电话：　　　　　　与当事人关系："));
                    lines.Add((null, "住址："));
                    // 出示证件 (《行政处罚法》第五十五条), 回避 (第四十三条), 如实回答 (第五十五条第二款).
                    lines.Add(("告知", $"我们是{authority}的执法人员{names}（执法证号：{certificates}），现向你出示执法证件。我们依法对{c.Party}{c.Cause}一案进行调查，" +
                        "请你如实回答询问，协助调查，不得拒绝或者阻挠；你有申请执法人员回避的权利（《中华人民共和国行政处罚法》第四十三条、第五十五条）。"));
                    lines.Add(("问", "你是否看清了我们的执法证件？"));
                    lines.Add(("答", ""));
                    lines.Add(("问", "你是否申请执法人员回避？"));
                    lines.Add(("答", ""));
                    lines.Add(("问", "请介绍你的基本情况及与当事人的关系。"));
                    lines.Add(("答", ""));
                    for (var i = 0; i < 4; i++)
                    {
                        lines.Add(("问", ""));
                        lines.Add(("答", ""));
                    }

                    lines.Add(("被询问人意见", "以上笔录我已看过（或已向我宣读过），与我说的相符。　　签名：　　　　　　年　　月　　日"));
                    lines.Add(("询问人签名", "　　　　　　　　记录人签名："));
                    break;
                }

            case CaseDocumentKind.Notice:
                docNumber = null;
                date = c.NoticeServedOn ?? throw ShianProblemException.Conflict("enforcement.no-document", "尚未送达行政处罚告知书（案件未到告知阶段）");
                lines.Add((null, $"{c.Party}："));
                lines.Add((null, $"本局于{c.OpenedOn:yyyy年M月d日}对你（单位）{c.Cause}一案立案调查（{number}）。经查：{c.InvestigationReport}"));
                lines.Add((null, $"以上事实有{(evidence.Count == 0 ? "现场检查笔录等" : string.Join("、", evidence.Select(e => e.Description)))}为证。"));
                lines.Add((null, $"依据{(c.Article is PenaltyArticle a ? "《中华人民共和国食品安全法》" + PenaltyBands.Citation(a).Replace("《食品安全法》", "", StringComparison.Ordinal) : "有关法律法规")}的规定，本局拟对你（单位）作出如下处理：{Cases.Describe(c)}。"));
                lines.Add((null, $"根据《中华人民共和国行政处罚法》第四十四条、第四十五条{(c.HearingRight ? "、第六十三条、第六十四条" : "")}的规定，你（单位）有权进行陈述和申辩{(c.HearingRight ? "，并有权要求举行听证" : "")}。" +
                    $"如要求陈述、申辩{(c.HearingRight ? "或者听证" : "")}，应当在收到本告知书之日起五个工作日内（{c.StatementBy:yyyy年M月d日}前）向本局提出；逾期未提出的，视为放弃上述权利。"));
                break;
            default:
                if (c.DecidedOn is not DateOnly decided || c.DecisionNumber is null || c.Outcome is not (CaseOutcome.Penalty or CaseOutcome.NoPenalty))
                {
                    throw ShianProblemException.Conflict("enforcement.no-document", "本案尚未作出行政处罚（不予处罚）决定");
                }

                docNumber = EnforcementHistory.DecisionNumberOf(c);
                date = decided;
                lines.Add(("当事人", c.Party));
                lines.Add((null, $"本局于{c.OpenedOn:yyyy年M月d日}对当事人{c.Cause}一案立案调查（{number}）。"));
                lines.Add(("违法事实", c.InvestigationReport ?? ""));
                lines.Add(("证据", evidence.Count == 0 ? "现场检查笔录等" : string.Join("；", evidence.Select((e, i) => $"{i + 1}. {Evidence.KindText(e.Kind)}：{e.Description}（SHA-256 {e.Sha256[..16]}…）"))));
                lines.Add(("陈述申辩", c.Waived ? "当事人书面放弃陈述、申辩" + (c.HearingRight ? "和听证" : "") + "的权利。" : c.Statement is null ? "当事人在规定期限内未提出陈述、申辩。" : $"当事人提出：{c.Statement}。经复核，" + "陈述申辩理由不足以改变处理意见。"));
                if (c.HearingHeldOn is DateOnly heard)
                {
                    lines.Add(("听证", $"本局于{heard:yyyy年M月d日}举行听证。"));
                }

                lines.Add(("处理决定", Cases.Describe(c) + (c.DiscretionReason is null ? "" : $"。裁量理由：{c.DiscretionReason}")));
                if (c.Outcome == CaseOutcome.Penalty && c.Fine + c.Confiscated > 0)
                {
                    lines.Add(("履行方式", "当事人应当自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚没款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款（《中华人民共和国行政处罚法》第六十七条、第七十二条）。"));
                }

                lines.Add(("救济途径", "当事人如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。当事人逾期不申请行政复议、不提起行政诉讼，又不履行本决定的，本局将依法申请人民法院强制执行。"));
                if (c.Outcome == CaseOutcome.Penalty && (c.Fine > 0 || c.Confiscated > 0 || c.OtherMeasures is not null || !c.Warning))
                {
                    lines.Add(("信息公示", "本决定将依照《市场监督管理行政处罚信息公示规定》通过国家企业信用信息公示系统向社会公示。"));
                }

                break;
        }

        var bytes = Build(Title(kind), docNumber, lines, authority, date);
        return (bytes, $"{Title(kind)}-{(docNumber ?? number).Replace(" ", "", StringComparison.Ordinal)}.docx");
    }

    /// <summary>A one-column official document: title, number, labelled paragraphs, the authority and date at the foot.</summary>
    public static byte[] Build(string title, string? number, IReadOnlyList<(string? Label, string Text)> lines, string authority, DateOnly date)
    {
        var doc = new Kernel.Documents.OfficialDocx().Centered(authority).Centered(title, title: true);
        if (number is not null)
        {
            doc.Centered(number);
        }

        foreach (var (label, text) in lines)
        {
            doc.Paragraph(text, label);
        }

        return doc.Right(authority).Right(Kernel.Documents.OfficialDocx.Date(date)).Build();
    }
}
