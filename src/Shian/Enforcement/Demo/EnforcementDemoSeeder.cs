using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Enforcement.Demo;

/// <summary>
/// Demo case clues over the demo register (Demo:Cases, Development only), found over the last 150 days from every
/// source, each as far along as its age makes likely: recent ones waiting for 核查 or approval, some not opened, older
/// ones opened as cases and carried through investigation, review, notice, decision, service and payment — one left
/// unpaid past its date so the surcharge shows. Dates follow the rules' clocks; deterministic (fixed seed).
/// </summary>
internal sealed class EnforcementDemoSeeder(ShianDb db, IOptions<DemoOptions> demo, IBusinessDirectory directory, WorkingDayCalendarProvider calendar, TimeProvider clock,
    Kernel.Events.DomainEvents events, ILogger<EnforcementDemoSeeder> logger) : IDemoDataSeeder
{
    private const int Seed = 20261128;

    private static readonly (string Summary, string Cause, PenaltyArticle Article)[] Texts =
    [
        ("监督检查发现使用超过保质期的食品原料", "使用超过保质期的食品原料生产食品", PenaltyArticle.Art124),
        ("监督抽检不合格：农药残留（毒死蜱）超标", "经营农药残留超过食品安全标准限量的食品", PenaltyArticle.Art124),
        ("举报查实：无证加工熟食并对外销售", "未取得食品经营许可从事食品经营活动", PenaltyArticle.Art122),
        ("监督检查发现预包装食品无中文标签", "经营无中文标签的进口预包装食品", PenaltyArticle.Art125),
        ("监督检查发现从业人员未取得健康证明，责令改正后拒不改正", "安排未取得健康证明的人员从事接触直接入口食品的工作", PenaltyArticle.Art126),
        ("监督抽检不合格：二氧化硫残留超标", "超限量使用食品添加剂", PenaltyArticle.Art124),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var count = demo.Value.Cases;
        if (count <= 0 || await db.CaseClues.IgnoreQueryFilters().AnyAsync(ct))
        {
            return;
        }

        var businesses = new List<BusinessFacts>();
        await foreach (var b in directory.StreamAsync(null, ct))
        {
            if (b.Status == BusinessStatus.Operating && RegionCode.CountyOf(b.RegionCode) is not null)
            {
                businesses.Add(b);
            }
        }

        if (businesses.Count == 0)
        {
            return;
        }

        var cal = calendar.Current;
        var today = ChinaTime.Today(clock);
        var rng = new Random(Seed);
        var sources = new[] { CaseClueSource.Inspection, CaseClueSource.Sampling, CaseClueSource.Complaint, CaseClueSource.Field, CaseClueSource.Transfer, CaseClueSource.Assigned };
        var numbers = new Dictionary<(string County, int Year), int>();
        var decisions = new Dictionary<(string County, int Year), int>();
        for (var i = 0; i < count; i++)
        {
            // Half in 溪湖区 (the demo officer's district), the rest anywhere.
            var pool = i % 2 == 0 ? businesses.Where(b => b.RegionCode.StartsWith("210503", StringComparison.Ordinal)).ToList() : businesses;
            var b = (pool.Count > 0 ? pool : businesses)[rng.Next(pool.Count > 0 ? pool.Count : businesses.Count)];
            var county = RegionCode.CountyOf(b.RegionCode)!;
            var prefix = county[..6];
            var (summary, cause, article) = Texts[rng.Next(Texts.Length)];
            var source = sources[rng.Next(sources.Length)];
            var found = today.AddDays(-(int)(Math.Pow(rng.NextDouble(), 1.3) * 150));
            var age = today.DayNumber - found.DayNumber;
            var atUtc = found.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc);
            var clue = new CaseClue
            {
                RegionCode = b.RegionCode, Source = source, SourceId = source is CaseClueSource.Transfer or CaseClueSource.Assigned or CaseClueSource.Field ? null : Guid.CreateVersion7(),
                BusinessId = b.Id, BusinessName = b.Name, Summary = summary, FromWhom = source switch { CaseClueSource.Transfer => "平山区市场监督管理局", CaseClueSource.Assigned => "本溪市市场监督管理局", _ => null },
                FoundOn = found, DecisionDue = CaseClock.DecisionDue(cal, found), Status = ClueStatus.Pending, ReceivedAtUtc = atUtc, UpdatedAtUtc = atUtc,
            };
            db.CaseClues.Add(clue);
            db.CaseEntries.Add(Entry(clue.Id, clue.RegionCode, atUtc, "system", $"收到{EnforcementHistory.SourceText(source)}案件线索，立案审批期限 {clue.DecisionDue:yyyy-MM-dd}"));
            var officer = $"officer@{prefix}";
            var head = $"coordinator@{prefix}";
            if (age < 6)
            {
                continue; // still being verified
            }

            var proposedOn = cal.AddWorkingDays(found, Math.Min(5, age / 2)).Date;
            clue.ProposedBy = officer;
            clue.ProposedOn = proposedOn;
            if (i % 7 == 3)
            {
                clue.Status = ClueStatus.Proposed;
                clue.ProposeOpen = false;
                clue.ProposalReason = "经核查，违法事实不成立";
                db.CaseEntries.Add(Entry(clue.Id, clue.RegionCode, At(proposedOn), officer, "提出不予立案意见：经核查，违法事实不成立"));
                if (age > 12)
                {
                    clue.Status = ClueStatus.NotOpened;
                    clue.ApprovedBy = head;
                    clue.DecidedOn = cal.AddWorkingDays(proposedOn, 2).Date;
                    db.CaseEntries.Add(Entry(clue.Id, clue.RegionCode, At(clue.DecidedOn.Value), head, "负责人批准不予立案"));
                }

                continue;
            }

            if (age < 10)
            {
                continue;
            }

            var opened = cal.AddWorkingDays(proposedOn, 2).Date;
            var key = (county, opened.Year);
            numbers[key] = numbers.GetValueOrDefault(key) + 1;
            var goods = (decimal)(rng.Next(2, 60) * 500);
            var band = PenaltyBands.Band(article, goods);
            var fine = article == PenaltyArticle.Art126 ? 5_000m : Math.Round((band.Min + (band.Max - band.Min) * 0.3m) / 100m) * 100m;
            var uscc = (await directory.IdentitiesAsync([b.Id], ct)).FirstOrDefault()?.Uscc;
            var c = new EnforcementCase
            {
                RegionCode = b.RegionCode, County = county, Year = opened.Year, Number = numbers[key], ClueId = clue.Id, BusinessId = b.Id, BusinessUscc = uscc, Party = b.Name, Cause = cause,
                OpenedOn = opened, ViolationEndedOn = found, Officers = $"{officer}、inspector@{prefix}", Stage = CaseStage.Investigating,
                DecisionDue = CaseDeadlines.DecisionDue(opened, 0, 0), UpdatedAtUtc = At(opened),
            };
            clue.Status = ClueStatus.Opened;
            clue.ProposeOpen = true;
            clue.ProposalReason = "经核查，有违法事实，需要给予行政处罚";
            clue.ApprovedBy = head;
            clue.DecidedOn = opened;
            clue.CaseId = c.Id;
            db.Cases.Add(c);
            db.CaseEntries.Add(Entry(clue.Id, clue.RegionCode, At(opened), head, $"负责人批准立案，案号 {EnforcementHistory.CaseNumber(c.Year, c.Number.Value)}"));
            db.CaseEntries.Add(Entry(c.Id, c.RegionCode, At(opened), head, $"立案（{EnforcementHistory.CaseNumber(c.Year, c.Number.Value)}）；处理决定期限 {c.DecisionDue:yyyy-MM-dd}"));
            if (i % 5 == 1)
            {
                var m = new CaseMeasure
                {
                    CaseId = c.Id, RegionCode = c.RegionCode, Kind = MeasureKind.Seizure, Items = "涉案食品一批", StartedOn = opened, DueOn = CaseDeadlines.SeizureEndsBy(cal, opened, false),
                };
                if (age > 40)
                {
                    m.EndedOn = opened.AddDays(20);
                    m.Outcome = "没收";
                }

                db.CaseMeasures.Add(m);
            }

            var submitted = opened.AddDays(25);
            if (submitted > today)
            {
                continue;
            }

            c.InvestigationReport = $"{cause}。货值金额 {goods:0} 元。";
            c.Outcome = CaseOutcome.Penalty;
            c.Article = article;
            c.GoodsValue = goods;
            c.Fine = fine;
            c.Warning = article == PenaltyArticle.Art126;
            // Every fourth food-list case fined in the 从重 band: the credit module weighs it for the serious-dishonesty list.
            c.DiscretionLevel = i % 4 == 1 && article is PenaltyArticle.Art122 or PenaltyArticle.Art123 or PenaltyArticle.Art124 ? "从重" : "一般";
            c.DiscretionReason = c.DiscretionLevel == "从重" ? "一年内第二次因同类违法行为受到处罚" : null;
            c.Stage = CaseStage.Review;
            db.CaseEntries.Add(Entry(c.Id, c.RegionCode, At(submitted), officer, "调查终结，提交审核"));
            var reviewed = cal.AddWorkingDays(submitted, 3).Date;
            if (reviewed > today)
            {
                continue;
            }

            c.ReviewedBy = head;
            c.ReviewedOn = reviewed;
            c.ReviewOpinion = "事实清楚，证据确凿，适用依据正确";
            var noticed = cal.AddWorkingDays(reviewed, 2).Date;
            if (noticed > today)
            {
                continue;
            }

            c.NoticeServedOn = noticed;
            c.HearingRight = HearingRight.Applies(false, c.Fine, 0, false);
            c.StatementBy = CaseDeadlines.HearingRequestBy(cal, noticed);
            c.Stage = CaseStage.Notified;
            db.CaseEntries.Add(Entry(c.Id, c.RegionCode, At(noticed), officer, $"送达行政处罚告知书，当事人可于 {c.StatementBy:yyyy-MM-dd} 前陈述、申辩"));
            var decided = cal.AddWorkingDays(c.StatementBy.Value, 3).Date;
            if (decided > today)
            {
                continue;
            }

            var dkey = (county, decided.Year);
            decisions[dkey] = decisions.GetValueOrDefault(dkey) + 1;
            c.DecidedOn = decided;
            c.DecidedBy = head;
            c.DecisionYear = decided.Year;
            c.DecisionNumber = decisions[dkey];
            c.ServeBy = CaseDeadlines.ServeBy(cal, decided);
            c.Stage = CaseStage.Decided;
            db.CaseEntries.Add(Entry(c.Id, c.RegionCode, At(decided), head, $"作出决定 {EnforcementHistory.DecisionNumber(decided.Year, c.DecisionNumber)}：{Cases.Describe(c)}"));
            events.Raise(new PenaltyDecided(c.Id, c.BusinessId, c.Party, c.RegionCode, decided, c.Fine, c.Confiscated, c.Warning, c.OtherMeasures, c.Article?.ToString(),
                EnforcementHistory.DecisionNumber(decided.Year, c.DecisionNumber), c.Cause, c.DiscretionLevel, c.PartyIsPerson));
            var served = cal.AddWorkingDays(decided, 2).Date;
            if (served > today)
            {
                continue;
            }

            c.ServedOn = served;
            c.ServiceMethod = "直接送达";
            c.PayBy = CaseDeadlines.PayBy(cal, served);
            c.Stage = CaseStage.Executing;
            db.CaseEntries.Add(Entry(c.Id, c.RegionCode, At(served), officer, $"直接送达决定书；应于 {c.PayBy:yyyy-MM-dd} 前缴纳 {c.Fine:0.##} 元"));
            var paid = c.PayBy.Value.AddDays(-3);
            if (paid > today || i % 6 == 0)
            {
                continue; // one in six left unpaid: the surcharge shows
            }

            c.PaidOn = paid;
            c.AmountPaid = c.Fine;
            db.CaseEntries.Add(Entry(c.Id, c.RegionCode, At(paid), officer, $"当事人缴纳 {c.Fine:0.00} 元"));
            var closed = cal.AddWorkingDays(paid, 2).Date;
            if (closed <= today)
            {
                c.ClosedOn = closed;
                c.Stage = CaseStage.Closed;
                db.CaseEntries.Add(Entry(c.Id, c.RegionCode, At(closed), officer, "结案"));
            }
        }

        // The demo business (business@210503) has a case in its 陈述申辩 period: its 我的企业 asks it to state its case online.
        if ((await directory.WithUsccAsync(DemoAccounts.DemoBusinessUscc, ct)).FirstOrDefault() is { } own && RegionCode.CountyOf(own.RegionCode) is { } ownCounty)
        {
            var found = today.AddDays(-40);
            var clue = new CaseClue
            {
                RegionCode = own.RegionCode, Source = CaseClueSource.Inspection, BusinessId = own.Id, BusinessName = own.Name, Summary = "监督检查发现经营超过保质期的预包装食品",
                FoundOn = found, DecisionDue = CaseClock.DecisionDue(cal, found), Status = ClueStatus.Opened, ProposedBy = "officer@210503", ProposedOn = found.AddDays(3),
                ProposeOpen = true, ProposalReason = "经核查，有违法事实，需要给予行政处罚", ApprovedBy = "coordinator@210503", DecidedOn = found.AddDays(5),
                ReceivedAtUtc = At(found), UpdatedAtUtc = At(found),
            };
            var opened = found.AddDays(5);
            var key = (ownCounty, opened.Year);
            numbers[key] = numbers.GetValueOrDefault(key) + 1;
            var noticed = cal.AddWorkingDays(today.AddDays(-3), 1).Date;
            var c = new EnforcementCase
            {
                RegionCode = own.RegionCode, County = ownCounty, Year = opened.Year, Number = numbers[key], ClueId = clue.Id, BusinessId = own.Id, BusinessUscc = own.Uscc, Party = own.Name,
                Cause = "经营超过保质期的食品", OpenedOn = opened, ViolationEndedOn = found, Officers = "officer@210503、inspector@210503", Stage = CaseStage.Notified,
                DecisionDue = CaseDeadlines.DecisionDue(opened, 0, 0), UpdatedAtUtc = At(noticed), InvestigationReport = "经营超过保质期的预包装乳制品 400 件，货值金额 12000 元。",
                Outcome = CaseOutcome.Penalty, Article = PenaltyArticle.Art124, GoodsValue = 12_000m, Fine = 180_000m, DiscretionLevel = "一般",
                ReviewedBy = "coordinator@210503", ReviewedOn = noticed.AddDays(-2), ReviewOpinion = "事实清楚，证据确凿，适用依据正确", NoticeServedOn = noticed,
                HearingRight = HearingRight.Applies(false, 180_000m, 0, false), StatementBy = CaseDeadlines.HearingRequestBy(cal, noticed),
            };
            clue.CaseId = c.Id;
            db.CaseClues.Add(clue);
            db.Cases.Add(c);
            db.CaseEntries.Add(Entry(c.Id, c.RegionCode, At(noticed), "officer@210503", $"送达行政处罚告知书，当事人可于 {c.StatementBy:yyyy-MM-dd} 前陈述、申辩、要求听证"));
        }

        var assists = AddAssistance(cal, today);
        var spot = AddSummary(cal, today, businesses.Where(b => b.RegionCode.StartsWith("210503", StringComparison.Ordinal)).Take(2).ToList());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo enforcement: {Count} case clues, {Cases} cases, {Assists} 协查 requests, {Spot} on-the-spot penalties", count, numbers.Values.Sum(), assists, spot);
    }

    /// <summary>
    /// Two on-the-spot penalties in 溪湖区 (简易程序), neither filed yet: a warning at a night-market stall yesterday, and a
    /// 2 000-yuan fine to a register business three working days ago whose party applied to pay it in parts — the head's
    /// 工作台 shows both.
    /// </summary>
    private int AddSummary(WorkingDayCalendar cal, DateOnly today, IReadOnlyList<BusinessFacts> shops)
    {
        const string County = "210503000000";
        var n = 0;
        EnforcementCase Decide(DateOnly on, Guid? businessId, string party, bool person, string cause, string basis, bool warning, decimal fine)
        {
            n++;
            var clue = new CaseClue
            {
                RegionCode = "210503001000", Source = CaseClueSource.Field, BusinessId = businessId, BusinessName = party, Summary = cause, FoundOn = on,
                DecisionDue = CaseClock.DecisionDue(cal, on), Status = ClueStatus.Summary, DecidedOn = on, ReceivedAtUtc = At(on), UpdatedAtUtc = At(on),
            };
            var c = new EnforcementCase
            {
                RegionCode = "210503001000", County = County, ClueId = clue.Id, BusinessId = businessId, Party = party, PartyIsPerson = person, Cause = cause, Procedure = CaseProcedure.Summary,
                ViolationEndedOn = on, Officers = "officer@210503、inspector@210503", Stage = fine > 0 ? CaseStage.Executing : CaseStage.Closed, DecisionDue = on,
                InvestigationReport = cause + "，现场拍照取证。", LegalBasis = basis, Outcome = CaseOutcome.Penalty, Warning = warning, Fine = fine, Place = "河东街道", Statement = "无异议",
                NoticeServedOn = on, DecidedOn = on, DecidedBy = "officer@210503", DecisionYear = on.Year, DecisionNumber = n, ServeBy = on, ServedOn = on, ServiceMethod = "当场交付",
                PayBy = fine > 0 ? CaseDeadlines.PayBy(cal, on) : null, ClosedOn = fine > 0 ? null : on, FileBy = SummaryProcedure.FileBy(cal, on, new SummaryOptions().FileWithinWorkingDays),
                UpdatedAtUtc = At(on),
            };
            clue.CaseId = c.Id;
            db.CaseClues.Add(clue);
            db.Cases.Add(c);
            db.CaseEntries.Add(Entry(c.Id, c.RegionCode, At(on), "officer@210503",
                $"适用简易程序当场作出行政处罚决定 {EnforcementHistory.SummaryDecisionNumber(on.Year, n)}：{Cases.Describe(c)}（依据：{basis}）；应于 {c.FileBy:yyyy-MM-dd} 前报所属部门备案"));
            events.Raise(new PenaltyDecided(c.Id, businessId, party, c.RegionCode, on, fine, 0m, warning, null, null, EnforcementHistory.SummaryDecisionNumber(on.Year, n), cause, null, person));
            return c;
        }

        DateOnly WorkingDaysBefore(int days)
        {
            var d = today;
            for (var left = days; left > 0;)
            {
                d = d.AddDays(-1);
                left -= cal.IsWorkingDay(d) ? 1 : 0;
            }

            return d;
        }

        var yesterday = WorkingDaysBefore(1);
        Decide(yesterday, null, "流动摊贩王某", true, "食品摊贩未公示登记卡", "《辽宁省食品小作坊小餐饮及食品摊贩管理条例》", true, 0m);
        if (shops.Count > 0)
        {
            var on = WorkingDaysBefore(3);
            var c = Decide(on, shops[0].Id, shops[0].Name, false, "从业人员未按规定佩戴口罩、工作帽", "《辽宁省食品安全条例》（地方性法规）", false, 2_000m);
            var plan = new CasePaymentPlan
            {
                CaseId = c.Id, RegionCode = c.RegionCode, Kind = PaymentPlanKind.Instalments, Reason = "店面装修停业一个月，资金周转困难，申请分两期缴纳。", RequestedOn = today,
                DecideBy = PaymentPlans.DecideBy(cal, today), RequestedBy = "officer@210503", Status = PaymentPlanStatus.Pending,
            };
            db.CasePaymentPlans.Add(plan);
            db.CaseEntries.Add(Entry(c.Id, c.RegionCode, At(today), "officer@210503", $"收到当事人书面申请分期缴纳（{today:yyyy-MM-dd}）：{plan.Reason}；负责人应于 {plan.DecideBy:yyyy-MM-dd} 前决定"));
        }

        return n;
    }

    /// <summary>
    /// 协查 between the demo districts: open cases of other districts ask 溪湖区 (the demo officer's) to assist — one due soon, one
    /// answered — and 溪湖区's cases ask 明山区 and the police, so the lists, the 协办率 and the 工作台 line show something.
    /// </summary>
    private int AddAssistance(WorkingDayCalendar cal, DateOnly today)
    {
        var open = db.Cases.Local.Where(c => c.Number is not null && c.Stage is CaseStage.Investigating or CaseStage.Review or CaseStage.Notified && c.OpenedOn is not null)
            .OrderBy(c => c.OpenedOn).ToList();
        var ours = open.Where(c => c.County == "210503000000").ToList();
        var theirs = open.Where(c => c.County != "210503000000").ToList();
        var n = 0;
        void Ask(EnforcementCase c, AssistanceKind kind, string region, string addressee, string subject, string matters, DateOnly on, string? answer)
        {
            var at = At(on);
            var a = new CaseAssistance
            {
                CaseId = c.Id, CaseRegionCode = c.RegionCode, CaseNumber = EnforcementHistory.CaseNumber(c.Year, c.Number!.Value), RegionCode = region, Kind = kind,
                Addressee = addressee, Subject = subject, Matters = matters, RequestedBy = c.Officers.Split('、')[0], RequestedAtUtc = at, RequestedOn = on,
                DueOn = kind == AssistanceKind.PoliceSupport ? null : AssistanceClock.ReplyDue(cal, on, new AssistanceOptions()),
                DueAtUtc = kind == AssistanceKind.PoliceSupport ? at.AddHours(24) : null, Status = answer is null ? AssistanceStatus.Pending : AssistanceStatus.Answered, UpdatedAtUtc = at,
            };
            if (answer is not null)
            {
                a.Answer = answer;
                a.AnsweredBy = kind == AssistanceKind.Investigation ? $"officer@{region[..6]}" : a.RequestedBy;
                a.AnsweredAtUtc = kind == AssistanceKind.PoliceSupport ? at.AddHours(3) : At(on.AddDays(6));
                a.AnsweredOn = ChinaTime.DateOfUtc(a.AnsweredAtUtc.Value);
            }

            db.CaseAssistance.Add(a);
            db.CaseEntries.Add(Entry(c.Id, c.RegionCode, at, a.RequestedBy, $"【协查】向{addressee}{AssistanceDesk.KindText(kind)}：{subject}"));
            n++;
        }

        foreach (var (c, i) in theirs.Take(2).Select((c, i) => (c, i)))
        {
            Ask(c, AssistanceKind.Investigation, "210503000000", "溪湖区市场监督管理局", "溪湖区某食品批发部", "核实该批发部向当事人供货的进货单据和销售记录", today.AddDays(-3 - (i * 12)),
                i == 0 ? null : "经核查，该批发部向当事人供货 2 次，单据复印件已寄送。");
        }

        if (ours.Count > 0)
        {
            Ask(ours[0], AssistanceKind.Investigation, "210504000000", "明山区市场监督管理局", "明山区某冷链仓库", "核实冻肉入库记录及检疫证明", today.AddDays(-5), null);
            Ask(ours[0], AssistanceKind.PoliceSupport, ours[0].RegionCode, "溪湖公安分局", ours[0].Party, "现场查封需警力维持秩序", today.AddDays(-8), "民警 2 名于 3 小时内到场，现场秩序良好。");
        }

        return n;
    }

    private static DateTime At(DateOnly d) => d.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    private static CaseEntry Entry(Guid record, string region, DateTime at, string author, string text) =>
        new() { RecordId = record, RegionCode = region, AtUtc = at, Author = author, Text = text };
}
