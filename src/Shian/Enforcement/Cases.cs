using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Enforcement;

/// <summary>
/// A case under the 普通程序, step by step: 调查取证 (先行登记保存, 查封扣押) → 审核 → 告知 (陈述申辩, 听证) → 集体讨论 where
/// required → 决定 → 送达 → 执行 → 结案. Each step checks the stage, who acts (the case officers handle; the head — not a case
/// officer — reviews, extends and decides) and the clocks of <see cref="CaseDeadlines"/>, and adds a history line in the same
/// transaction. A decision raises <see cref="PenaltyDecided"/> for credit and risk.
/// </summary>
public sealed class Cases(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock, DomainEvents events, People people, Kernel.Inbox.Notifier notifier, Benchmarks benchmarks,
    Microsoft.Extensions.Options.IOptions<HearingOptions> hearing)
{
    private DateOnly Today => ChinaTime.Today(clock);

    private async Task<EnforcementCase> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null || c.Stage == CaseStage.Proposed ? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区") : c;
    }

    /// <summary>Whether the user is one of the case's officers.</summary>
    public static bool IsOfficer(EnforcementCase c, string user) => c.Officers.Split('、').Contains(user, StringComparer.Ordinal);

    private void EnsureOfficer(EnforcementCase c) => EnsureOfficer(c, db.Request.UserName);

    /// <summary>Refuses a step by someone who is not one of the case's officers (transfers and evidence share it).</summary>
    internal static void EnsureOfficer(EnforcementCase c, string user, string what = "办理这一步")
    {
        if (!IsOfficer(c, user))
        {
            throw ShianProblemException.Conflict("enforcement.not-case-officer", $"只有本案办案人员可以{what}");
        }
    }

    private void EnsureHead(EnforcementCase c)
    {
        if (IsOfficer(c, db.Request.UserName))
        {
            throw ShianProblemException.Conflict("enforcement.officer-cannot-approve", "办案人员不能审核、审批或决定本案，请由负责人（法制审核人员）办理");
        }
    }

    private static void EnsureStage(EnforcementCase c, string what, params CaseStage[] stages)
    {
        if (!stages.Contains(c.Stage))
        {
            throw ShianProblemException.Conflict("enforcement.wrong-stage", $"案件当前阶段不能{what}");
        }
    }

    private void Step(EnforcementCase c, string text)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        c.UpdatedAtUtc = now;
        db.AddHistory(c.Id, c.RegionCode, now, text);
    }

    private static readonly CaseStage[] Open = [CaseStage.Investigating, CaseStage.Review, CaseStage.Notified, CaseStage.Hearing, CaseStage.Deciding];

    /// <summary>中止、听证、公告、检测、检验、检疫、鉴定 days, not counted in the 90-day decision period.</summary>
    public async Task PauseAsync(Guid id, int days, string? reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (days is < 1 or > 365 || Input.Clean(reason) is not { Length: <= 300 } why)
        {
            throw ShianProblemException.Invalid("enforcement.pause-invalid", "请填写不计入办案期限的天数（1–365）和事由", Input.Error("days", "天数 1–365，并写明中止、公告、检测、检验、检疫或鉴定事由"));
        }

        EnsureStage(c, "记录不计入期限的时间", Open);
        EnsureOfficer(c);
        c.PausedDays += days;
        c.DecisionDue = CaseDeadlines.DecisionDue(c.OpenedOn!.Value, c.ExtensionDays, c.PausedDays);
        Step(c, $"{why}：{days} 日不计入办案期限，处理决定期限顺延至 {c.DecisionDue:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The head extends the decision period: 30 days the first time; later only by collective discussion with a set period.</summary>
    public async Task ExtendAsync(Guid id, int days, string? reason, DateOnly? discussedOn, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var why = Input.Clean(reason);
        if (why is null || why.Length > 300 || days is < 1 or > 365)
        {
            throw ShianProblemException.Invalid("enforcement.extend-invalid", "请填写延长的天数和理由", Input.Error("reason", "延长天数 1–365，理由不超过 300 字"));
        }

        EnsureStage(c, "延长办案期限", Open);
        EnsureHead(c);
        if (c.ExtensionDays == 0 && days > CaseDeadlines.FirstExtensionDays)
        {
            throw ShianProblemException.Invalid("enforcement.extend-too-long", "负责人批准延长不超过三十日（《市场监督管理行政处罚程序规定》第六十四条）", Input.Error("days", "首次延长不超过 30 日"));
        }

        if (c.ExtensionDays > 0 && discussedOn is null)
        {
            throw ShianProblemException.Invalid("enforcement.extend-discussion", "已延长过一次，继续延期应由负责人集体讨论决定并确定合理期限", Input.Error("discussedOn", "请填写集体讨论的日期"));
        }

        c.ExtensionDays += days;
        c.DecisionDue = CaseDeadlines.DecisionDue(c.OpenedOn!.Value, c.ExtensionDays, c.PausedDays);
        Step(c, $"{(discussedOn is DateOnly d ? $"经 {d:yyyy-MM-dd} 负责人集体讨论，" : "负责人批准")}延长办案期限 {days} 日至 {c.DecisionDue:yyyy-MM-dd}：{why}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>先行登记保存 (decide within 7 working days) or 查封扣押 (30 days) of goods or evidence.</summary>
    public async Task<Guid> AddMeasureAsync(Guid id, MeasureKind kind, string? items, DateOnly? startedOn, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var what = Input.Clean(items);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(kind))
        {
            errors["kind"] = ["请选择先行登记保存或查封、扣押"];
        }

        if (what is null || what.Length > 1000)
        {
            errors["items"] = ["请填写物品或证据的名称、数量（不超过 1000 字）"];
        }

        if (startedOn is not DateOnly on || on > Today || on < c.OpenedOn!.Value.AddDays(-30))
        {
            errors["startedOn"] = ["请填写采取措施的日期（不晚于今天）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.measure-invalid", "措施信息有误，未保存", errors);
        }

        EnsureStage(c, "采取先行登记保存或查封扣押", Open);
        EnsureOfficer(c);
        var cal = calendar.Current;
        var m = new CaseMeasure
        {
            CaseId = c.Id, RegionCode = c.RegionCode, Kind = kind, Items = what!, StartedOn = startedOn!.Value,
            DueOn = kind == MeasureKind.Preservation ? CaseDeadlines.PreservationDecideBy(cal, startedOn.Value) : CaseDeadlines.SeizureEndsBy(cal, startedOn.Value, false),
        };
        db.CaseMeasures.Add(m);
        Step(c, kind == MeasureKind.Preservation
            ? $"先行登记保存：{what}（{m.StartedOn:yyyy-MM-dd}），应于 {m.DueOn:yyyy-MM-dd} 前作出处理决定（《行政处罚法》第五十六条）"
            : $"查封、扣押：{what}（{m.StartedOn:yyyy-MM-dd}），期限至 {m.DueOn:yyyy-MM-dd}（《行政强制法》第二十五条）");
        await db.SaveChangesAsync(ct);
        return m.Id;
    }

    private async Task<(EnforcementCase, CaseMeasure)> LoadMeasureAsync(Guid id, Guid measureId, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var m = await db.CaseMeasures.FirstOrDefaultAsync(x => x.Id == measureId && x.CaseId == id, ct)
            ?? throw ShianProblemException.NotFound("enforcement.measure-not-found", "该措施不存在");
        if (m.EndedOn is not null)
        {
            throw ShianProblemException.Conflict("enforcement.measure-ended", "该措施已解除或处理");
        }

        return (c, m);
    }

    /// <summary>The head extends a seizure once by 30 days (情况复杂, 《行政强制法》第二十五条).</summary>
    public async Task ExtendMeasureAsync(Guid id, Guid measureId, CancellationToken ct)
    {
        var (c, m) = await LoadMeasureAsync(id, measureId, ct);
        EnsureHead(c);
        if (m.Kind != MeasureKind.Seizure || m.Extended)
        {
            throw ShianProblemException.Conflict("enforcement.measure-not-extendable", "只有查封、扣押可以延长，且只能延长一次（不超过三十日）");
        }

        m.Extended = true;
        m.DueOn = CaseDeadlines.SeizureEndsBy(calendar.Current, m.StartedOn, true);
        Step(c, $"负责人批准延长查封、扣押期限至 {m.DueOn:yyyy-MM-dd}：{m.Items}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends a measure with its outcome (解除, 没收, 销毁, 移送 …).</summary>
    public async Task EndMeasureAsync(Guid id, Guid measureId, string? outcome, CancellationToken ct)
    {
        var (c, m) = await LoadMeasureAsync(id, measureId, ct);
        if (Input.Clean(outcome) is not { Length: <= 300 } what)
        {
            throw ShianProblemException.Invalid("enforcement.measure-outcome", "请填写处理结果", Input.Error("outcome", "如：解除、没收、销毁、移送检验（不超过 300 字）"));
        }

        EnsureOfficer(c);
        m.EndedOn = Today;
        m.Outcome = what;
        Step(c, $"{(m.Kind == MeasureKind.Preservation ? "先行登记保存" : "查封、扣押")}处理完毕（{m.Items}）：{what}");
        await db.SaveChangesAsync(ct);
    }

    public sealed record Findings(string? Report, CaseOutcome ProposedOutcome, NoPenaltyGround? Ground, PenaltyArticle? Article, decimal? GoodsValue, decimal Fine,
        decimal Confiscated, bool Warning, string? OtherMeasures, string? DiscretionLevel, string? DiscretionReason);

    public static readonly string[] DiscretionLevels = ["从轻", "一般", "从重", "减轻"];

    /// <summary>
    /// 调查终结: the investigation report and the proposed handling, checked against the statutory band of the article
    /// (above the maximum refused; below the minimum only as 减轻处罚 with its ground, 《行政处罚法》第三十二条), then sent to 审核.
    /// </summary>
    public async Task SubmitAsync(Guid id, Findings f, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        var report = Input.Clean(f.Report);
        if (report is null || report.Length > 4000)
        {
            errors["report"] = ["请填写调查终结报告（违法事实、证据、依据，不超过 4000 字）"];
        }

        if (!Enum.IsDefined(f.ProposedOutcome))
        {
            errors["outcome"] = ["请选择处理意见"];
        }

        var reason = Input.Clean(f.DiscretionReason);
        BenchmarkJudgement? benchmark = null;
        var other = Input.Clean(f.OtherMeasures);
        if (other is { Length: > 300 })
        {
            errors["otherMeasures"] = ["其他处罚不超过 300 字"];
        }

        if (reason is { Length: > 1000 })
        {
            errors["discretionReason"] = ["裁量理由不超过 1000 字"];
        }
        if (f.ProposedOutcome == CaseOutcome.Penalty)
        {
            if (f.Fine < 0 || f.Confiscated < 0 || f.Fine > 1_000_000_000m || f.Confiscated > 1_000_000_000m)
            {
                errors["fine"] = ["罚款和没收金额应为不小于 0 的金额"];
            }
            else if (f.Fine == 0 && f.Confiscated == 0 && !f.Warning && other is null)
            {
                errors["fine"] = ["给予行政处罚时请填写警告、罚款、没收或其他处罚"];
            }

            if (f.Fine > 0 && (f.Article is not PenaltyArticle art || !Enum.IsDefined(art)))
            {
                errors["article"] = ["处以罚款时请选择处罚依据（《食品安全法》第一百二十二至一百二十六条）"];
            }
            else if (f.Fine > 0 && f.GoodsValue is not decimal gv || f.GoodsValue < 0)
            {
                errors["goodsValue"] = ["请填写货值金额（元，没有的填 0）"];
            }
            else if (f.Fine > 0)
            {
                var band = PenaltyBands.Band(f.Article!.Value, f.GoodsValue!.Value);
                switch (PenaltyBands.Judge(band, f.Fine))
                {
                    case BandJudgement.AboveMaximum:
                        errors["fine"] = [$"罚款 {f.Fine:0.##} 元超过{band.Citation}的上限 {band.Max:0.##} 元（{band.Basis}）"];
                        break;
                    case BandJudgement.BelowMinimum when f.DiscretionLevel != "减轻" || reason is null:
                        errors["fine"] = [$"罚款 {f.Fine:0.##} 元低于{band.Citation}的下限 {band.Min:0.##} 元；只有依《行政处罚法》第三十二条减轻处罚时可以低于下限，请选择「减轻」并写明情节"];
                        break;
                }
            }

            if (f.DiscretionLevel is not null && !DiscretionLevels.Contains(f.DiscretionLevel))
            {
                errors["discretionLevel"] = ["裁量情节应为从轻、一般、从重或减轻"];
            }
            else if (f.DiscretionLevel is "从轻" or "从重" or "减轻" && reason is null)
            {
                errors["discretionReason"] = ["从轻、从重或减轻处罚时请写明裁量理由"];
            }
            else if (f.Fine > 0 && !errors.ContainsKey("fine") && f.Article is PenaltyArticle a && Enum.IsDefined(a) && f.GoodsValue is decimal v && v >= 0)
            {
                // The local 裁量基准: a fine outside its range for the chosen 档次 is allowed with a written reason (a warning, not a refusal).
                benchmark = DiscretionBenchmarks.Judge((await benchmarks.ForRegionAsync(c.RegionCode, ct)).Lines, PenaltyBands.Band(a, v), f.DiscretionLevel ?? "一般", f.Fine);
                if (benchmark is { Within: false } && reason is null)
                {
                    errors["discretionReason"] = [$"罚款 {f.Fine:0.##} 元不在{benchmark.Line.Document}「{benchmark.Line.Level}」档 {benchmark.Min:0.##}–{benchmark.Max:0.##} 元的范围内；偏离本地裁量基准时请写明理由"];
                }
            }
        }
        else if (f.ProposedOutcome == CaseOutcome.NoPenalty && (f.Ground is not NoPenaltyGround g || !Enum.IsDefined(g)))
        {
            errors["ground"] = ["不予行政处罚时请选择依据"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.findings-invalid", "调查终结报告有误，未提交审核", errors);
        }

        EnsureStage(c, "提交审核", CaseStage.Investigating);
        EnsureOfficer(c);
        if (await db.CaseMeasures.AnyAsync(m => m.CaseId == id && m.Kind == MeasureKind.Preservation && m.EndedOn == null, ct))
        {
            throw ShianProblemException.Conflict("enforcement.preservation-open", "还有先行登记保存的物品未作处理决定，请先处理");
        }

        var penalty = f.ProposedOutcome == CaseOutcome.Penalty;
        c.InvestigationReport = report;
        c.Outcome = f.ProposedOutcome;
        c.NoPenaltyGround = f.ProposedOutcome == CaseOutcome.NoPenalty ? f.Ground : null;
        c.Article = penalty ? f.Article : null;
        c.GoodsValue = penalty ? f.GoodsValue : null;
        c.Fine = penalty ? f.Fine : 0;
        c.Confiscated = penalty ? f.Confiscated : 0;
        c.Warning = penalty && f.Warning;
        c.OtherMeasures = penalty ? other : null;
        c.DiscretionLevel = penalty ? f.DiscretionLevel ?? "一般" : null;
        c.DiscretionReason = penalty ? reason : null;
        c.Benchmark = penalty ? benchmark?.Text : null;
        c.ReviewedBy = null;
        c.ReviewedOn = null;
        c.Stage = CaseStage.Review;
        Step(c, $"调查终结，提交审核。处理意见：{Describe(c)}" + (benchmark is null ? "" : $"。对照{benchmark.Text}" + (benchmark.Within ? "" : $"，偏离理由：{reason}")));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The proposed or decided handling in words.</summary>
    public static string Describe(EnforcementCase c) => c.Outcome switch
    {
        CaseOutcome.Penalty => string.Join("，", new[]
        {
            c.Warning ? "警告" : null, c.Confiscated > 0 ? $"没收违法所得 {c.Confiscated:0.##} 元" : null, c.Fine > 0 ? $"罚款 {c.Fine:0.##} 元" : null, c.OtherMeasures,
        }.Where(x => x is not null)) + (c.Article is PenaltyArticle a ? $"（{PenaltyBands.Citation(a)}{(c.DiscretionLevel is null ? "" : "，" + c.DiscretionLevel)}）" : ""),
        CaseOutcome.NoPenalty => "不予行政处罚" + (c.NoPenaltyGround is NoPenaltyGround g ? $"（{GroundText(g)}）" : ""),
        CaseOutcome.Dismissed => "违法事实不能成立，撤销案件",
        _ => "",
    };

    public static string GroundText(NoPenaltyGround g) => g switch
    {
        NoPenaltyGround.FirstMinor => "初次违法且危害后果轻微并及时改正，《行政处罚法》第三十三条第一款",
        NoPenaltyGround.Minor => "违法行为轻微并及时改正，没有造成危害后果，《行政处罚法》第三十三条第一款",
        NoPenaltyGround.NoFault => "有证据足以证明没有主观过错，《行政处罚法》第三十三条第二款",
        NoPenaltyGround.Art136 => "履行了进货查验等义务并能如实说明进货来源，《食品安全法》第一百三十六条",
        _ => "超过追责时效，《行政处罚法》第三十六条",
    };

    /// <summary>审核 (法制审核 for a major case): by someone who is not a case officer; passes the case on or returns it to investigation.</summary>
    public async Task ReviewAsync(Guid id, bool pass, string? opinion, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var note = Input.Clean(opinion);
        if (note is null || note.Length > 1000)
        {
            throw ShianProblemException.Invalid("enforcement.review-invalid", "请填写审核意见", Input.Error("opinion", "请填写审核意见（不超过 1000 字）"));
        }

        EnsureStage(c, "审核", CaseStage.Review);
        if (c.ReviewedOn is not null)
        {
            throw ShianProblemException.Conflict("enforcement.reviewed", "本案已审核通过，请办案人员告知当事人");
        }

        EnsureHead(c);
        if (pass)
        {
            c.ReviewedBy = db.Request.UserName;
            c.ReviewedOn = Today;
            c.ReviewOpinion = note;
            Step(c, $"{(c.Major ? "法制审核" : "审核")}通过：{note}");
        }
        else
        {
            c.Stage = CaseStage.Investigating;
            Step(c, $"{(c.Major ? "法制审核" : "审核")}退回补充调查：{note}");
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 告知: the party is told of the facts, grounds and proposed penalty, and of the right to 陈述申辩 and, where it applies,
    /// a hearing (5 working days to ask, 《行政处罚法》第六十四条). 不予处罚 and 撤案 need no 告知 and go to the decision.
    /// </summary>
    public async Task NotifyAsync(Guid id, DateOnly? servedOn, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (servedOn is not DateOnly on || on > Today || (c.ReviewedOn is DateOnly r && on < r))
        {
            throw ShianProblemException.Invalid("enforcement.notice-invalid", "请填写告知书送达日期（审核通过之后，不晚于今天）", Input.Error("servedOn", "告知书送达日期"));
        }

        EnsureStage(c, "告知", CaseStage.Review);
        if (c.ReviewedOn is null)
        {
            throw ShianProblemException.Conflict("enforcement.not-reviewed", "案件审核通过后才能告知当事人");
        }

        EnsureOfficer(c);
        if (c.Outcome != CaseOutcome.Penalty)
        {
            c.Stage = CaseStage.Deciding;
            Step(c, "拟不予行政处罚（或撤销案件），无需告知，转入决定");
            await db.SaveChangesAsync(ct);
            return;
        }

        var cal = calendar.Current;
        c.NoticeServedOn = on;
        c.HearingRight = Rules.HearingRight.Applies(c.PartyIsPerson, c.Fine, c.Confiscated, c.OtherMeasures is not null, hearing.Value.PersonThreshold, hearing.Value.OrganisationThreshold);
        c.StatementBy = CaseDeadlines.HearingRequestBy(cal, on);
        c.Stage = CaseStage.Notified;
        Step(c, $"送达行政处罚告知书（{on:yyyy-MM-dd}），当事人可于 {c.StatementBy:yyyy-MM-dd} 前陈述、申辩{(c.HearingRight ? "、要求听证（《行政处罚法》第六十四条）" : "")}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The party's 陈述申辩 as recorded, or the party's written waiver of it (and of a hearing).</summary>
    public async Task StatementAsync(Guid id, string? statement, bool waived, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var text = Input.Clean(statement);
        if (!waived && (text is null || text.Length > 2000))
        {
            throw ShianProblemException.Invalid("enforcement.statement-invalid", "请填写当事人陈述申辩的内容", Input.Error("statement", "陈述申辩内容（不超过 2000 字），或勾选当事人书面放弃"));
        }

        EnsureStage(c, "记录陈述申辩", CaseStage.Notified, CaseStage.Hearing);
        EnsureOfficer(c);
        c.Statement = text ?? c.Statement;
        c.Waived = waived;
        Step(c, waived ? "当事人书面放弃陈述、申辩和听证" : $"当事人陈述、申辩：{text}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The party's own 陈述申辩 (and, where the penalty carries the right, its request for a hearing), filed online from its
    /// business account within the period of the 告知 (《行政处罚法》第四十五条、第六十四条第（一）项). The case officers are
    /// told; they schedule the hearing. Only the party's own case (its USCC), only while the period runs.
    /// </summary>
    public async Task PartyStatementAsync(Guid id, string? statement, bool hearingRequested, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (db.Request.Scope.Uscc is not { } uscc || uscc != c.BusinessUscc || c.NoticeServedOn is null)
        {
            throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
        }

        var text = Input.Clean(statement);
        if ((text is null && !hearingRequested) || text is { Length: > 2000 })
        {
            throw ShianProblemException.Invalid("enforcement.statement-invalid", "请填写陈述申辩的内容", Input.Error("statement", "陈述申辩内容（不超过 2000 字）"));
        }

        EnsureStage(c, "陈述申辩", CaseStage.Notified);
        if (c.Statement is not null || c.HearingRequestedOn is not null)
        {
            throw ShianProblemException.Conflict("enforcement.statement-filed", "已经提交过陈述申辩（或听证要求），如需补充请联系办案人员");
        }

        if (c.Waived || Today > c.StatementBy)
        {
            throw ShianProblemException.Conflict("enforcement.statement-closed", $"陈述申辩的期限已于 {c.StatementBy:yyyy-MM-dd} 届满{(c.Waived ? "（或已书面放弃）" : "")}");
        }

        if (hearingRequested && !c.HearingRight)
        {
            throw ShianProblemException.Conflict("enforcement.no-hearing-right", "拟作出的处罚不属于听证范围（《行政处罚法》第六十三条）");
        }

        if (text is not null)
        {
            c.Statement = text;
        }

        if (hearingRequested)
        {
            c.HearingRequestedOn ??= Today;
        }

        Step(c, $"当事人在线{(text is null ? "" : "陈述、申辩：" + text)}{(hearingRequested ? (text is null ? "" : "；") + "要求听证" : "")}");
        notifier.Notify(await people.IdsOfAsync(c.Officers.Split('、'), ct), $"当事人{(hearingRequested ? "要求听证" : "提交陈述申辩")}：{c.Party}", text ?? "请在七个工作日前通知当事人听证的时间、地点。", $"/enforcement/cases/{c.Id}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The party asks for a hearing (within 5 working days of the 告知) and it is scheduled with notice ≥ 7 working days before.</summary>
    public async Task HearingAsync(Guid id, DateOnly? requestedOn, DateOnly? hearingOn, DateOnly? noticedOn, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        EnsureStage(c, "安排听证", CaseStage.Notified);
        if (!c.HearingRight)
        {
            throw ShianProblemException.Conflict("enforcement.no-hearing-right", "拟作出的处罚不属于听证范围（《行政处罚法》第六十三条）");
        }

        var cal = calendar.Current;
        var errors = new Dictionary<string, string[]>();
        if (requestedOn is not DateOnly asked || asked < c.NoticeServedOn || asked > Today)
        {
            errors["requestedOn"] = ["请填写当事人提出听证的日期（告知之后，不晚于今天）"];
        }
        else if (asked > c.StatementBy)
        {
            errors["requestedOn"] = [$"当事人应在告知后五个工作日内（{c.StatementBy:yyyy-MM-dd} 前）提出听证（《行政处罚法》第六十四条第（一）项），逾期视为放弃"];
        }

        if (hearingOn is not DateOnly held || noticedOn is not DateOnly told || told > held || told < (requestedOn ?? DateOnly.MinValue))
        {
            errors["hearingOn"] = ["请填写听证日期和通知当事人的日期"];
        }
        else if (told > CaseDeadlines.HearingNoticeLatest(cal, held))
        {
            errors["noticedOn"] = [$"应在举行听证的七个工作日前通知当事人（{held:yyyy-MM-dd} 的听证最迟 {CaseDeadlines.HearingNoticeLatest(cal, held):yyyy-MM-dd} 通知，《行政处罚法》第六十四条第（二）项）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.hearing-invalid", "听证安排有误，未保存", errors);
        }

        EnsureOfficer(c);
        c.HearingRequestedOn = requestedOn;
        c.HearingOn = hearingOn;
        c.HearingNoticedOn = noticedOn;
        c.Stage = CaseStage.Hearing;
        Step(c, $"当事人 {requestedOn:yyyy-MM-dd} 要求听证；定于 {hearingOn:yyyy-MM-dd} 举行，{noticedOn:yyyy-MM-dd} 通知当事人");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The hearing was held: the days from the request to the hearing are not counted in the decision period.</summary>
    public async Task HearingHeldAsync(Guid id, DateOnly? heldOn, string? record, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        EnsureStage(c, "记录听证", CaseStage.Hearing);
        if (heldOn is not DateOnly held || held < c.HearingRequestedOn || held > Today || Input.Clean(record) is not { Length: <= 2000 } text)
        {
            throw ShianProblemException.Invalid("enforcement.hearing-held-invalid", "请填写听证举行日期和听证意见", Input.Error("heldOn", "举行日期（不早于申请日，不晚于今天）和听证笔录要点（不超过 2000 字）"));
        }

        EnsureOfficer(c);
        var paused = held.DayNumber - c.HearingRequestedOn!.Value.DayNumber;
        c.HearingHeldOn = held;
        c.PausedDays += paused;
        c.DecisionDue = CaseDeadlines.DecisionDue(c.OpenedOn!.Value, c.ExtensionDays, c.PausedDays);
        c.Stage = CaseStage.Deciding;
        Step(c, $"{held:yyyy-MM-dd} 举行听证：{text}。听证 {paused} 日不计入办案期限，处理决定期限 {c.DecisionDue:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>集体讨论 by the heads (required for a major case, 《行政处罚法》第五十七条第二款).</summary>
    public async Task DiscussAsync(Guid id, DateOnly? discussedOn, string? conclusion, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (discussedOn is not DateOnly on || on > Today || on < c.OpenedOn || Input.Clean(conclusion) is not { Length: <= 1000 } text)
        {
            throw ShianProblemException.Invalid("enforcement.discussion-invalid", "请填写集体讨论的日期和结论", Input.Error("discussedOn", "讨论日期（立案之后，不晚于今天）和结论（不超过 1000 字）"));
        }

        EnsureStage(c, "记录集体讨论", CaseStage.Notified, CaseStage.Deciding);
        EnsureHead(c);
        c.DiscussedOn = on;
        c.DiscussionConclusion = text;
        Step(c, $"{on:yyyy-MM-dd} 负责人集体讨论：{text}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 决定, by the head: only after the party's period for 陈述申辩 has run (or was waived) and any hearing held, after
    /// 集体讨论 for a major case; a penalty or 不予处罚 decision is numbered per county and year and its service clock starts.
    /// </summary>
    public async Task DecideAsync(Guid id, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        EnsureStage(c, "作出决定", CaseStage.Notified, CaseStage.Deciding);
        EnsureHead(c);
        var today = Today;
        if (c.Stage == CaseStage.Notified && !c.Waived && today <= c.StatementBy)
        {
            throw ShianProblemException.Conflict("enforcement.statement-period", $"当事人陈述、申辩{(c.HearingRight ? "和要求听证" : "")}的期限到 {c.StatementBy:yyyy-MM-dd}，期满后（或当事人书面放弃后）才能作出决定");
        }

        if (c.Major && c.DiscussedOn is null)
        {
            throw ShianProblemException.Conflict("enforcement.discussion-required", "重大案件应经负责人集体讨论后作出决定（《行政处罚法》第五十七条第二款）");
        }

        c.DecidedOn = today;
        c.DecidedBy = db.Request.UserName;
        if (c.Outcome != CaseOutcome.Dismissed)
        {
            c.DecisionYear = today.Year;
            c.DecisionNumber = (await db.Cases.IgnoreQueryFilters([RegionScope.FilterName]).Where(x => x.County == c.County && x.DecisionYear == today.Year)
                .MaxAsync(x => x.DecisionNumber, ct) ?? 0) + 1;
        }

        c.ServeBy = CaseDeadlines.ServeBy(calendar.Current, today);
        c.Stage = CaseStage.Decided;
        var late = today > c.DecisionDue ? $"（超过处理决定期限 {c.DecisionDue:yyyy-MM-dd}）" : "";
        Step(c, $"作出决定{(c.DecisionNumber is null ? "" : " " + EnforcementHistory.DecisionNumber(today.Year, c.DecisionNumber))}：{Describe(c)}{late}；应于 {c.ServeBy:yyyy-MM-dd} 前送达");
        if (c.Outcome == CaseOutcome.Penalty)
        {
            events.Raise(new PenaltyDecided(c.Id, c.BusinessId, c.Party, c.RegionCode, today, c.Fine, c.Confiscated, c.Warning, c.OtherMeasures, c.Article?.ToString(),
                EnforcementHistory.DecisionNumber(today.Year, c.DecisionNumber), c.Cause, c.DiscretionLevel, c.PartyIsPerson));
        }

        if (c.BusinessId is Guid bid)
        {
            events.Raise(new Risk.Contracts.RiskEvidenceChanged(bid));
        }

        await db.SaveChangesAsync(ct);
    }

    public static readonly string[] ServiceMethods = ["直接送达", "留置送达", "邮寄送达", "电子送达", "委托送达", "公告送达"];

    /// <summary>送达 (7 working days after the decision if the party was absent, 《行政处罚法》第六十一条); starts the 15 days to pay.</summary>
    public async Task ServeAsync(Guid id, DateOnly? servedOn, string? method, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        if (servedOn is not DateOnly on || on < c.DecidedOn || on > Today)
        {
            errors["servedOn"] = ["请填写送达日期（决定之后，不晚于今天）"];
        }

        if (method is null || !ServiceMethods.Contains(method))
        {
            errors["method"] = [$"请选择送达方式：{string.Join("、", ServiceMethods)}"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.service-invalid", "送达信息有误，未保存", errors);
        }

        EnsureStage(c, "送达", CaseStage.Decided);
        EnsureOfficer(c);
        c.ServedOn = servedOn;
        c.ServiceMethod = method;
        var owed = c.Fine + c.Confiscated;
        c.PayBy = owed > 0 ? CaseDeadlines.PayBy(calendar.Current, servedOn!.Value) : null;
        c.Stage = CaseStage.Executing;
        var late = servedOn > c.ServeBy ? $"（超过送达期限 {c.ServeBy:yyyy-MM-dd}）" : "";
        Step(c, $"{method}决定书（{servedOn:yyyy-MM-dd}）{late}{(owed > 0 ? $"；当事人应于 {c.PayBy:yyyy-MM-dd} 前缴纳 {owed:0.##} 元（《行政处罚法》第六十七条）" : "")}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What the party owes on a day: the fine and confiscation, plus the surcharge after the due date; on an approved
    /// 延期/分期 plan (<paramref name="plan"/>, the case's instalments), the parts not yet paid and the surcharge on those late.
    /// </summary>
    public static (decimal Principal, decimal Surcharge) Owed(EnforcementCase c, DateOnly on, IReadOnlyList<CaseInstalment>? plan = null)
    {
        if (c.PaymentPlanId is Guid planId && plan?.Where(l => l.PlanId == planId).ToList() is { Count: > 0 } rows)
        {
            var lines = PaymentPlanDesk.Lines(rows);
            var paid = lines.Where(l => l.PaidOn is not null).ToList();
            return (lines.Where(l => l.PaidOn is null).Sum(l => l.Amount), PaymentPlans.Surcharge(lines, c.Fine, on) - PaymentPlans.Surcharge(paid, c.Fine, on));
        }

        return (c.Fine + c.Confiscated, c.PayBy is DateOnly due ? CaseDeadlines.Surcharge(c.Fine, due, on) : 0m);
    }

    /// <summary>
    /// The payment: the amount must be what was owed on that day (the surcharge counted on the fine, 《行政处罚法》第七十二条);
    /// on an approved plan, the next part with its own surcharge — the case is paid when the last part is.
    /// </summary>
    public async Task PayAsync(Guid id, DateOnly? paidOn, decimal? amount, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        EnsureStage(c, "登记缴款", CaseStage.Executing);
        if (c.PayBy is null || c.PaidOn is not null)
        {
            throw ShianProblemException.Conflict("enforcement.nothing-owed", c.PaidOn is null ? "本案没有应缴款项" : "本案已登记缴款");
        }

        if (paidOn is not DateOnly on || on < c.ServedOn || on > Today)
        {
            throw ShianProblemException.Invalid("enforcement.payment-invalid", "请填写缴款日期（送达之后，不晚于今天）", Input.Error("paidOn", "缴款日期"));
        }

        if (c.PaymentPlanId is Guid planId)
        {
            var rows = await db.CaseInstalments.Where(l => l.PlanId == planId).OrderBy(l => l.Seq).ToListAsync(ct);
            if (rows.Where(l => l.PaidOn is not null).Select(l => l.PaidOn!.Value).DefaultIfEmpty(DateOnly.MinValue).Max() > on)
            {
                throw ShianProblemException.Invalid("enforcement.payment-invalid", "缴款日期不能早于上一期的缴款日期", Input.Error("paidOn", "缴款日期"));
            }

            var (next, extra) = PaymentPlanDesk.NextPart(rows, c.Fine, on)!.Value;
            if (amount != next.Amount + extra)
            {
                throw ShianProblemException.Invalid("enforcement.payment-amount", $"第 {next.Seq} 期 {on:yyyy-MM-dd} 应缴 {next.Amount + extra:0.00} 元（本期 {next.Amount:0.00} 元{(extra > 0 ? $"，逾期加处罚款 {extra:0.00} 元" : "")}），与填写的金额不符",
                    Input.Error("amount", $"应缴 {next.Amount + extra:0.00} 元"));
            }

            EnsureOfficer(c);
            next.PaidOn = on;
            next.AmountPaid = amount;
            var following = rows.FirstOrDefault(l => l.PaidOn is null);
            if (following is null)
            {
                c.PaidOn = on;
                c.AmountPaid = rows.Sum(l => l.AmountPaid ?? 0m);
            }
            else
            {
                c.PayBy = following.DueOn;
            }

            Step(c, $"当事人 {on:yyyy-MM-dd} 缴纳第 {next.Seq} 期 {amount:0.00} 元{(extra > 0 ? $"（含加处罚款 {extra:0.00} 元）" : "")}" +
                (following is null ? $"，罚没款已全部缴清（共 {c.AmountPaid:0.00} 元）" : $"；下一期 {following.DueOn:yyyy-MM-dd} 前缴纳 {following.Amount:0.00} 元"));
            await db.SaveChangesAsync(ct);
            return;
        }

        var (principal, surcharge) = Owed(c, on);
        if (amount != principal + surcharge)
        {
            throw ShianProblemException.Invalid("enforcement.payment-amount", $"{on:yyyy-MM-dd} 应缴 {principal + surcharge:0.00} 元（罚没款 {principal:0.00} 元{(surcharge > 0 ? $"，加处罚款 {surcharge:0.00} 元" : "")}），与填写的金额不符",
                Input.Error("amount", $"应缴 {principal + surcharge:0.00} 元{(surcharge > 0 ? $"（含加处罚款 {surcharge:0.00} 元）" : "")}"));
        }

        EnsureOfficer(c);
        c.PaidOn = on;
        c.AmountPaid = amount;
        Step(c, $"当事人 {on:yyyy-MM-dd} 缴纳 {amount:0.00} 元{(surcharge > 0 ? $"（含加处罚款 {surcharge:0.00} 元）" : "")}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>结案: when the decision has been carried out (paid, or nothing to pay).</summary>
    public async Task CloseAsync(Guid id, string? note, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        EnsureStage(c, "结案", CaseStage.Executing);
        if (c.PayBy is not null && c.PaidOn is null)
        {
            throw ShianProblemException.Conflict("enforcement.unpaid", $"罚没款尚未缴纳（期限 {c.PayBy:yyyy-MM-dd}），执行完毕后才能结案；逾期不缴的，可申请人民法院强制执行");
        }

        EnsureOfficer(c);
        c.ClosedOn = Today;
        c.Stage = CaseStage.Closed;
        Step(c, "结案" + (Input.Fit(note, 300) is { } n ? "：" + n : ""));
        await db.SaveChangesAsync(ct);
    }

    public static readonly string[] RevocationGrounds = ["行政复议决定撤销", "行政复议决定变更", "人民法院判决撤销", "人民法院判决确认违法或无效", "本机关依法自行纠正"];

    /// <summary>
    /// The decision was 撤销、变更 or declared illegal or void (行政复议, 行政诉讼, or corrected by the office itself): recorded by the
    /// head with the ground and date; raises <see cref="PenaltyRevoked"/>, on which its publication is withdrawn within 3 working
    /// days (《市场监督管理行政处罚信息公示规定》第十一条) and a listing resting on it removed.
    /// </summary>
    public async Task RevokeAsync(Guid id, DateOnly? revokedOn, string? ground, string? note, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        if (revokedOn is not DateOnly on || on < c.DecidedOn || on > Today)
        {
            errors["revokedOn"] = ["请填写撤销（变更）日期：决定之后，不晚于今天"];
        }

        if (ground is null || !RevocationGrounds.Contains(ground))
        {
            errors["ground"] = [$"请选择撤销依据：{string.Join("、", RevocationGrounds)}"];
        }

        var detail = Input.Clean(note);
        if (detail is { Length: > 200 })
        {
            errors["note"] = ["说明（如复议决定书、判决书文号）不超过 200 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.revocation-invalid", "撤销信息有误，未保存", errors);
        }

        if (c.Outcome != CaseOutcome.Penalty || c.DecidedOn is null || c.RevokedOn is not null)
        {
            throw ShianProblemException.Conflict("enforcement.not-revocable", c.RevokedOn is null ? "本案没有可撤销的行政处罚决定" : "本案的处罚决定已登记撤销");
        }

        EnsureStage(c, "登记撤销", CaseStage.Decided, CaseStage.Executing, CaseStage.Closed);
        EnsureHead(c);
        c.RevokedOn = revokedOn;
        c.RevocationReason = detail is null ? ground : $"{ground}（{detail}）";
        Step(c, $"处罚决定 {EnforcementHistory.DecisionNumberOf(c)} {c.RevocationReason}（{revokedOn:yyyy-MM-dd}）；公示信息应于 3 个工作日内撤下");
        events.Raise(new PenaltyRevoked(c.Id, c.BusinessId, c.RegionCode, revokedOn!.Value, c.RevocationReason!));
        if (c.BusinessId is Guid bid)
        {
            events.Raise(new Risk.Contracts.RiskEvidenceChanged(bid));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The people a case form offers: staff covering the region with their enforcement certificate.</summary>
    public Task<IReadOnlyList<People.Person>> StaffAsync(string regionCode, CancellationToken ct) => people.CoveringAsync(regionCode, CaseStaffRoles, ct);

    /// <summary>Who may be named a case officer (with a registered 执法证号).</summary>
    public static readonly string[] CaseStaffRoles = [ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Admin];
}
