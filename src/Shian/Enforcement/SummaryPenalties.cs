using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Enforcement;

/// <summary>
/// 简易程序: a warning, or a fine of at most 200 yuan for a person or 3 000 yuan for an organisation, decided on the spot by
/// two officers who show their credentials, tell the party the facts, grounds and basis, hear it, and hand over a numbered
/// decision (《行政处罚法》第五十一条、第五十二条; 第四十二条 for the two officers). The fine is paid at the bank within 15 days, or
/// taken on the spot against the official receipt when it is at most 100 yuan or would be hard to collect later (第六十八条、
/// 第七十条). The decision is filed with the office (备案, 第五十二条第三款) by the head within the configured working days.
/// Recorded as a case of procedure <see cref="CaseProcedure.Summary"/>, numbered in the county's own series (当罚〔年〕N 号),
/// so that credit, disclosure (3 months, Order 45) and the party's portal see it like any penalty.
/// </summary>
public sealed class SummaryPenalties(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock, DomainEvents events, People people, IBusinessDirectory directory,
    IOptions<SummaryOptions> options)
{
    /// <param name="ClueId">The pending clue this settles (an inspection's 不符合, a complaint …); none for a violation found on the spot.</param>
    /// <param name="BusinessId">The party from the register (when no clue names it).</param>
    /// <param name="Party">The party's name when it is not in the register (a street vendor), or to correct the register's.</param>
    /// <param name="RegionCode">Where it happened, when neither a clue nor the register says.</param>
    /// <param name="Article">The 《食品安全法》 article when the basis is one of 第一百二十二至一百二十六条 (checked against the limits).</param>
    /// <param name="HardToCollect">不当场收缴事后难以执行 (第六十八条第（二）项): allows collecting a fine above 100 yuan on the spot.</param>
    public sealed record Decision(Guid? ClueId, Guid? BusinessId, string? Party, bool PartyIsPerson, string? RegionCode, string? Cause, string? Facts, string? LegalBasis,
        PenaltyArticle? Article, bool Warning, decimal? Fine, DateOnly? DecidedOn, string? Place, IReadOnlyList<string>? Officers, string? Statement, bool RefusedToSign,
        bool CollectedOnSpot, bool HardToCollect, string? ReceiptNumber);

    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>Records an on-the-spot decision; returns the case's id. Everything is checked first, then written in one transaction.</summary>
    public async Task<Guid> DecideAsync(Decision d, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors.TryAdd(field, [message]);

        CaseClue? clue = null;
        if (d.ClueId is Guid clueId)
        {
            clue = await db.CaseClues.FirstOrDefaultAsync(c => c.Id == clueId, ct) ?? throw ShianProblemException.NotFound("enforcement.clue-not-found", "案件线索不存在或不在您的辖区");
            if (clue.Status != ClueStatus.Pending)
            {
                throw ShianProblemException.Conflict("enforcement.clue-not-pending", "只有待核查的线索可以当场处罚；已提出立案意见或已立案的，按普通程序办理（已经立案调查的案件不再适用简易程序）");
            }
        }

        var businessId = d.BusinessId ?? clue?.BusinessId;
        string? region = clue?.RegionCode;
        string? uscc = null;
        var party = Input.Clean(d.Party);
        if (businessId is Guid bid)
        {
            if ((await directory.IdentitiesAsync([bid], ct)).FirstOrDefault() is not { } b)
            {
                Error("businessId", "所选经营者不存在或不在您的辖区");
            }
            else
            {
                region ??= b.RegionCode;
                uscc = b.Uscc;
                party ??= b.Name;
            }
        }

        party ??= clue?.BusinessName;
        if (party is null || party.Length > 200)
        {
            Error("party", "请填写当事人（不超过 200 字）");
        }

        region ??= RegionCode.IsValid(d.RegionCode ?? "") ? d.RegionCode : null;
        if (region is null)
        {
            Error("regionCode", "请选择违法行为发生地的区域");
        }
        else if (clue is null && !db.Request.Scope.AllowsCreateIn(region))
        {
            // Before the officers are checked against the region: a place outside the caller's is refused as such.
            throw ShianProblemException.RegionForbidden("只能在本辖区当场处罚；其他辖区的违法行为，请移送有管辖权的部门。");
        }

        var cause = Input.Clean(d.Cause);
        if (cause is null || cause.Length > 300)
        {
            Error("cause", "请填写违法行为（案由，不超过 300 字）");
        }

        var facts = Input.Clean(d.Facts);
        if (facts is null || facts.Length > 2000)
        {
            Error("facts", "请填写当场查明的违法事实和证据（不超过 2000 字）");
        }

        var basis = Input.Clean(d.LegalBasis);
        if (basis is null || basis.Length > 300)
        {
            Error("legalBasis", "请填写处罚依据：法律、法规或规章的名称和条款（违法事实确凿并有法定依据才可当场处罚，不超过 300 字）");
        }

        if (d.Article is PenaltyArticle art && !Enum.IsDefined(art))
        {
            Error("article", "处罚依据条款无效");
        }

        var fine = d.Fine ?? 0m;
        foreach (var (field, message) in SummaryProcedure.Check(d.PartyIsPerson, d.Warning, fine, d.Article is PenaltyArticle a && Enum.IsDefined(a) ? a : null))
        {
            Error(field, message);
        }

        var today = Today;
        if (d.DecidedOn is not DateOnly on || on > today || on < today.AddDays(-30) || (clue is not null && on < clue.FoundOn))
        {
            Error("decidedOn", "请填写当场作出决定的日期：不晚于今天，30 日以内" + (clue is null ? "" : $"，不早于发现线索之日 {clue.FoundOn:yyyy-MM-dd}"));
        }

        var place = Input.Clean(d.Place);
        if (place is null || place.Length > 200)
        {
            Error("place", "请填写作出决定的地点（不超过 200 字）");
        }

        var statement = Input.Clean(d.Statement);
        if (statement is null || statement.Length > 1000)
        {
            Error("statement", "请记录当事人的陈述、申辩（没有异议的，写明「无异议」；不超过 1000 字）（《行政处罚法》第四十四条、第四十五条）");
        }

        var receipt = Input.Clean(d.ReceiptNumber);
        if (d.CollectedOnSpot)
        {
            if (!SummaryProcedure.MayCollectOnSpot(fine, d.HardToCollect))
            {
                Error("collectedOnSpot", fine <= 0 ? "没有罚款，无需收缴" : $"当场收缴罚款限于 {SummaryProcedure.OnSpotCollectionLimit:0} 元以下，或者不当场收缴事后难以执行的（《行政处罚法》第六十八条）；其他罚款由当事人到指定银行或通过电子支付缴纳");
            }
            else if (receipt is null || receipt.Length > 60)
            {
                Error("receiptNumber", "当场收缴罚款应出具省级财政部门统一制发的专用票据，请填写票据号码（《行政处罚法》第七十条）");
            }
        }

        var (officers, officerError) = region is null ? ([], null) : await Clues.CheckOfficersAsync(people, region, d.Officers, "当场处罚的执法人员不得少于两人，并应出示执法证件（《行政处罚法》第四十二条、第五十二条）", ct);
        if (officerError is not null)
        {
            Error("officers", officerError);
        }
        else if (region is not null && !officers.Contains(db.Request.UserName, StringComparer.Ordinal))
        {
            Error("officers", "由作出当场处罚的执法人员本人登记：请把自己列为执法人员");
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.summary-invalid", "当场处罚决定有误，未保存", errors);
        }

        var decided = d.DecidedOn!.Value;
        var cal = calendar.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var county = RegionCode.CountyOf(region!) ?? region!;
        if (clue is null)
        {
            clue = new CaseClue
            {
                RegionCode = region!, Source = CaseClueSource.Field, BusinessId = businessId, BusinessName = party!, Summary = $"{cause}：{facts}", FoundOn = decided,
                DecisionDue = CaseClock.DecisionDue(cal, decided), Status = ClueStatus.Pending, ReceivedAtUtc = now, UpdatedAtUtc = now,
            };
            db.CaseClues.Add(clue);
            db.AddHistory(clue.Id, clue.RegionCode, now, "执法检查中当场发现");
        }

        var collected = d.CollectedOnSpot && fine > 0;
        var number = (await db.Cases.IgnoreQueryFilters([RegionScope.FilterName])
            .Where(x => x.County == county && x.Procedure == CaseProcedure.Summary && x.DecisionYear == decided.Year).MaxAsync(x => x.DecisionNumber, ct) ?? 0) + 1;
        var c = new EnforcementCase
        {
            RegionCode = region!, County = county, ClueId = clue.Id, BusinessId = businessId, BusinessUscc = uscc, Party = party!, PartyIsPerson = d.PartyIsPerson, Cause = cause!,
            Procedure = CaseProcedure.Summary, ViolationEndedOn = decided, Officers = string.Join('、', officers), Stage = fine > 0 && !collected ? CaseStage.Executing : CaseStage.Closed,
            DecisionDue = decided, InvestigationReport = facts, LegalBasis = basis, Article = d.Article, Outcome = CaseOutcome.Penalty, Warning = d.Warning, Fine = fine,
            Place = place, Statement = statement, NoticeServedOn = decided, DecidedOn = decided, DecidedBy = db.Request.UserName, DecisionYear = decided.Year, DecisionNumber = number,
            ServeBy = decided, ServedOn = decided, ServiceMethod = d.RefusedToSign ? "当场交付（拒签）" : "当场交付",
            PayBy = fine > 0 ? CaseDeadlines.PayBy(cal, decided) : null, PaidOn = collected ? decided : null, AmountPaid = collected ? fine : null,
            CollectedOnSpot = collected, ReceiptNumber = collected ? receipt : null, ClosedOn = fine > 0 && !collected ? null : decided,
            FileBy = SummaryProcedure.FileBy(cal, decided, options.Value.FileWithinWorkingDays), UpdatedAtUtc = now,
        };
        db.Cases.Add(c);
        clue.Status = ClueStatus.Summary;
        clue.DecidedOn = decided;
        clue.CaseId = c.Id;
        clue.UpdatedAtUtc = now;
        var decision = EnforcementHistory.SummaryDecisionNumber(decided.Year, number);
        db.AddHistory(clue.Id, clue.RegionCode, now, $"适用简易程序当场处罚（{decision}）");
        db.AddHistory(c.Id, c.RegionCode, now,
            $"{decided:yyyy-MM-dd} 在{place}适用简易程序当场作出行政处罚决定 {decision}：{Cases.Describe(c)}（依据：{basis}）；执法人员 {await people.NamesAsync(c.Officers)} 出示执法证件，" +
            $"告知违法事实、理由、依据和陈述申辩权利，当事人陈述申辩：{statement}；决定书当场交付{(d.RefusedToSign ? "，当事人拒绝签收，已在决定书上注明" : "")}" +
            (collected ? $"；当场收缴罚款 {fine:0.00} 元，票据号 {receipt}（《行政处罚法》第六十八条、第七十条）" : fine > 0 ? $"；当事人应于 {c.PayBy:yyyy-MM-dd} 前到指定银行或通过电子支付缴纳" : "") +
            $"；应于 {c.FileBy:yyyy-MM-dd} 前报所属部门备案");
        events.Raise(new PenaltyDecided(c.Id, c.BusinessId, c.Party, c.RegionCode, decided, c.Fine, 0m, c.Warning, null, c.Article?.ToString(), decision, c.Cause, null, c.PartyIsPerson));
        events.Raise(new CaseClueDecided(clue.Source, clue.SourceId, clue.Id, false, decided, decision, Summary: true));
        if (c.BusinessId is Guid b2)
        {
            events.Raise(new Risk.Contracts.RiskEvidenceChanged(b2));
        }

        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    /// <summary>备案: the head (not one of the deciding officers) records that the on-the-spot decision was filed, with any remark.</summary>
    public async Task FileAsync(Guid id, string? note, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id && x.Stage != CaseStage.Proposed, ct)
            ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
        var remark = Input.Clean(note);
        if (remark is { Length: > 300 })
        {
            throw ShianProblemException.Invalid("enforcement.file-invalid", "备案意见不超过 300 字", Input.Error("note", "备案意见（不超过 300 字）"));
        }

        if (c.Procedure != CaseProcedure.Summary || c.FiledOn is not null)
        {
            throw ShianProblemException.Conflict("enforcement.not-fileable", c.FiledOn is null ? "只有当场处罚决定需要备案" : "该当场处罚决定已备案");
        }

        if (Cases.IsOfficer(c, db.Request.UserName))
        {
            throw ShianProblemException.Conflict("enforcement.officer-cannot-approve", "作出当场处罚的执法人员不能为自己的决定备案，请由负责人办理");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        c.FiledOn = Today;
        c.FiledBy = db.Request.UserName;
        c.UpdatedAtUtc = now;
        db.AddHistory(c.Id, c.RegionCode, now, $"当场处罚决定已备案{(c.FiledOn > c.FileBy ? $"（超过备案期限 {c.FileBy:yyyy-MM-dd}）" : "")}{(remark is null ? "" : "：" + remark)}");
        await db.SaveChangesAsync(ct);
    }
}
