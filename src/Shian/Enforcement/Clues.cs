using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;
using Shian.Kernel.Law;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Enforcement;

/// <summary>
/// Case clues: registered from the modules' durable <see cref="CaseClueRaised"/> events (once per raising record) or by
/// hand (a transfer, 上级交办, found in the field); verified, then 立案 or 不予立案 proposed by the verifying officer and approved
/// by the head (another person) within 15 working days, +15 with approval, without the days of testing
/// (《市场监督管理行政处罚程序规定》第十八条至第二十条). Approving a proposal to open makes the case, numbered per county and year.
/// </summary>
public sealed class Clues(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock, People people, IBusinessDirectory directory, DomainEvents events) : IDomainEventHandler<CaseClueRaised>
{
    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>
    /// A clue from another module (at least once; the unique (source, record) index makes a repeat a no-op). Handlers run as
    /// the system (<see cref="Kernel.Events.OutboxDispatcher"/>), whose scope the region filter does not narrow.
    /// </summary>
    public async Task HandleAsync(CaseClueRaised e, CancellationToken ct)
    {
        if (await db.CaseClues.AnyAsync(c => c.Source == e.Source && c.SourceId == e.SourceId, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var clue = new CaseClue
        {
            RegionCode = e.RegionCode, Source = e.Source, SourceId = e.SourceId, BusinessId = e.BusinessId == Guid.Empty ? null : e.BusinessId,
            BusinessName = Input.Fit(e.BusinessName, 200) ?? "", Summary = Input.Fit(e.Summary, 2000) ?? "", FoundOn = e.FoundOn,
            DecisionDue = CaseClock.DecisionDue(calendar.Current, e.FoundOn), Status = ClueStatus.Pending, ReceivedAtUtc = now, UpdatedAtUtc = now,
        };
        db.CaseClues.Add(clue);
        db.AddHistory(clue.Id, clue.RegionCode, now, $"收到{EnforcementHistory.SourceText(e.Source)}移送的案件线索，立案审批期限 {clue.DecisionDue:yyyy-MM-dd}");
        if (e.Source == CaseClueSource.ChainNotice && await db.CaseAssistance.FirstOrDefaultAsync(a => a.Id == e.SourceId, ct) is { ClueId: null } notice)
        {
            // The notice and its clue are linked for both districts to follow.
            notice.ClueId = clue.Id;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Delivered twice at once: the other delivery stored it (the unique index refused this one); anything else is retried.
            db.ChangeTracker.Clear();
            if (!await db.CaseClues.AsNoTracking().AnyAsync(c => c.Source == e.Source && c.SourceId == e.SourceId, ct))
            {
                throw;
            }
        }
    }

    public sealed record ManualClue(CaseClueSource Source, string? RegionCode, Guid? BusinessId, string? BusinessName, string? Summary, string? FromWhom, DateOnly? FoundOn);

    /// <summary>A clue entered by hand: transferred from another region or department, 上级交办, or found in the field.</summary>
    public async Task<Guid> AddAsync(ManualClue m, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (m.Source is not (CaseClueSource.Transfer or CaseClueSource.Assigned or CaseClueSource.Field))
        {
            errors["source"] = ["线索来源应为「移送」「上级交办」或「执法检查发现」（监督检查、抽检、投诉举报的线索由相应模块自动移送）"];
        }

        var summary = Input.Clean(m.Summary);
        if (summary is null || summary.Length > 2000)
        {
            errors["summary"] = ["请填写线索内容（不超过 2000 字）"];
        }

        var from = Input.Clean(m.FromWhom);
        if (m.Source is CaseClueSource.Transfer or CaseClueSource.Assigned && from is null)
        {
            errors["fromWhom"] = ["请填写移送或交办的单位"];
        }
        else if (from is { Length: > 200 })
        {
            errors["fromWhom"] = ["移送或交办单位不超过 200 字"];
        }

        var today = Today;
        if (m.FoundOn is not DateOnly found || found > today || found < today.AddYears(-5))
        {
            errors["foundOn"] = ["请填写发现或收到线索的日期（不晚于今天，不早于五年前）"];
        }

        string? region = null;
        string? name = Input.Clean(m.BusinessName);
        if (m.BusinessId is Guid bid)
        {
            var b = (await directory.IdentitiesAsync([bid], ct)).FirstOrDefault();
            if (b is null)
            {
                errors["businessId"] = ["所选经营者不存在或不在您的辖区"];
            }
            else
            {
                region = b.RegionCode;
                name = b.Name;
            }
        }
        else if (name is null || name.Length > 200)
        {
            errors["businessName"] = ["请选择经营者，或填写当事人名称（不超过 200 字）"];
        }

        region ??= RegionCode.IsValid(m.RegionCode ?? "") ? m.RegionCode : null;
        if (region is null && !errors.ContainsKey("businessId"))
        {
            errors["regionCode"] = ["请选择管辖区域"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.clue-invalid", "案件线索信息有误，未保存", errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(region!))
        {
            throw ShianProblemException.RegionForbidden("只能登记本辖区的案件线索；其他辖区的，请移送有管辖权的部门。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var clue = new CaseClue
        {
            RegionCode = region!, Source = m.Source, BusinessId = m.BusinessId, BusinessName = name!, Summary = summary!, FromWhom = from, FoundOn = m.FoundOn!.Value,
            DecisionDue = CaseClock.DecisionDue(calendar.Current, m.FoundOn.Value), Status = ClueStatus.Pending, ReceivedAtUtc = now, UpdatedAtUtc = now,
        };
        db.CaseClues.Add(clue);
        db.AddHistory(clue.Id, clue.RegionCode, now, $"登记{EnforcementHistory.SourceText(m.Source)}线索{(from is null ? "" : $"（{from}）")}，立案审批期限 {clue.DecisionDue:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return clue.Id;
    }

    private async Task<CaseClue> LoadAsync(Guid id, CancellationToken ct) =>
        await db.CaseClues.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw ShianProblemException.NotFound("enforcement.clue-not-found", "案件线索不存在或不在您的辖区");

    private static void EnsurePending(CaseClue c)
    {
        if (c.Status is ClueStatus.Opened or ClueStatus.NotOpened)
        {
            throw ShianProblemException.Conflict("enforcement.clue-decided", "该线索已作出立案或不予立案决定");
        }
    }

    /// <summary>检测、检验、检疫、鉴定 or 复检 working days, not counted in the 立案 period (第十八条第二款).</summary>
    public async Task PauseAsync(Guid id, int workingDays, string? reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (workingDays is < 1 or > 120 || Input.Clean(reason) is not { Length: <= 300 } why)
        {
            throw ShianProblemException.Invalid("enforcement.pause-invalid", "请填写不计入期限的工作日数（1–120）和事由（不超过 300 字）", Input.Error("days", "工作日数 1–120，并写明检测、检验、检疫、鉴定或复检事由"));
        }

        EnsurePending(c);
        c.PausedWorkingDays += workingDays;
        c.DecisionDue = CaseClock.DecisionDue(calendar.Current, c.FoundOn, c.Extended, c.PausedWorkingDays);
        Step(c, $"{why}：{workingDays} 个工作日不计入立案期限，期限顺延至 {c.DecisionDue:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>+15 working days, once, approved by the head (not the verifying officer).</summary>
    public async Task ExtendAsync(Guid id, string? reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (Input.Clean(reason) is not { Length: <= 300 } why)
        {
            throw ShianProblemException.Invalid("enforcement.extend-invalid", "请写明延期理由（不超过 300 字）", Input.Error("reason", "请写明延期理由"));
        }

        EnsurePending(c);
        if (c.Extended)
        {
            throw ShianProblemException.Conflict("enforcement.clue-extended", "立案期限已延长过一次（《市场监督管理行政处罚程序规定》第十八条：可以延长十五个工作日）");
        }

        c.Extended = true;
        c.ExtensionApprover = db.Request.UserName;
        c.ExtensionReason = why;
        c.DecisionDue = CaseClock.DecisionDue(calendar.Current, c.FoundOn, true, c.PausedWorkingDays);
        Step(c, $"负责人批准延长立案期限十五个工作日至 {c.DecisionDue:yyyy-MM-dd}：{why}");
        await db.SaveChangesAsync(ct);
    }

    public sealed record Proposal(bool Open, string? Reason, string? Party, bool PartyIsPerson, string? Cause, DateOnly? ViolationEndedOn, bool LifeHealthHarm,
        IReadOnlyList<string>? Officers, bool Major);

    /// <summary>
    /// The verifying officer's opinion: 立案 (with the party, the cause, the date of the act, ≥ 2 case officers holding
    /// enforcement credentials, and the limitation checked) or 不予立案 with the reason. Goes to the head for approval.
    /// </summary>
    public async Task ProposeAsync(Guid id, Proposal p, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        var reason = Input.Clean(p.Reason);
        if (reason is null || reason.Length > 1000)
        {
            errors["reason"] = [p.Open ? "请写明核查情况和立案理由（不超过 1000 字）" : "请写明不予立案的理由（不超过 1000 字）"];
        }

        EnforcementCase? proposed = null;
        if (p.Open)
        {
            var party = Input.Clean(p.Party);
            var cause = Input.Clean(p.Cause);
            if (party is null || party.Length > 200)
            {
                errors["party"] = ["请填写当事人（不超过 200 字）"];
            }

            if (cause is null || cause.Length > 300)
            {
                errors["cause"] = ["请填写案由（不超过 300 字）"];
            }

            if (p.ViolationEndedOn is not DateOnly act || act > Today)
            {
                errors["violationEndedOn"] = ["请填写违法行为发生（或连续、继续状态终了）的日期，不晚于今天"];
            }
            else if (Limitation.Check(act, c.FoundOn, p.LifeHealthHarm) is { Expired: true } lim)
            {
                errors["violationEndedOn"] = [$"违法行为在{lim.Years}年内未被发现（{act:yyyy-MM-dd} 至发现日 {c.FoundOn:yyyy-MM-dd}），依{Limitation.Citation}不再给予行政处罚，请提出不予立案意见"];
            }

            var (officers, officerError) = await CheckOfficersAsync(people, c.RegionCode, p.Officers, "立案后应指定两名以上具有执法资格的办案人员（《市场监督管理行政处罚程序规定》第十九条）", ct);
            if (officerError is not null)
            {
                errors["officers"] = [officerError];
            }

            if (errors.Count == 0)
            {
                var uscc = c.BusinessId is Guid bid ? (await directory.IdentitiesAsync([bid], ct)).FirstOrDefault()?.Uscc : null;
                proposed = new EnforcementCase
                {
                    RegionCode = c.RegionCode, County = RegionCode.CountyOf(c.RegionCode) ?? c.RegionCode, ClueId = c.Id, BusinessId = c.BusinessId, BusinessUscc = uscc, Party = party!, PartyIsPerson = p.PartyIsPerson, Cause = cause!,
                    ViolationEndedOn = p.ViolationEndedOn!.Value, LifeHealthHarm = p.LifeHealthHarm, Officers = string.Join('、', officers), Major = p.Major,
                    Stage = CaseStage.Proposed, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
                };
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.proposal-invalid", p.Open ? "立案意见有误，未提交" : "不予立案意见有误，未提交", errors);
        }

        if (c.Status != ClueStatus.Pending)
        {
            throw ShianProblemException.Conflict("enforcement.clue-not-pending", "只有待核查的线索可以提出立案或不予立案意见");
        }

        c.Status = ClueStatus.Proposed;
        c.ProposeOpen = p.Open;
        c.ProposalReason = reason;
        c.ProposedBy = db.Request.UserName;
        c.ProposedOn = Today;
        if (proposed is not null)
        {
            db.Cases.Add(proposed);
            c.CaseId = proposed.Id;
        }

        Step(c, p.Open ? $"提出立案意见（当事人：{proposed!.Party}；案由：{proposed.Cause}）：{reason}" : $"提出不予立案意见：{reason}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The head approves or returns the proposal; approving 立案 numbers the case and starts its 90-day clock.</summary>
    public async Task<Guid?> ApproveAsync(Guid id, bool approve, string? opinion, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c.Status != ClueStatus.Proposed)
        {
            throw ShianProblemException.Conflict("enforcement.clue-not-proposed", "该线索没有待审批的立案或不予立案意见");
        }

        if (string.Equals(c.ProposedBy, db.Request.UserName, StringComparison.Ordinal))
        {
            throw ShianProblemException.Conflict("enforcement.self-approval", "不能审批自己提出的意见，请由负责人审批（《市场监督管理行政处罚程序规定》第十八条）");
        }

        var note = Input.Fit(opinion, 300);
        if (!approve && note is null)
        {
            throw ShianProblemException.Invalid("enforcement.opinion-required", "退回时请写明意见", Input.Error("opinion", "请写明退回意见（不超过 300 字）"));
        }

        var today = Today;
        var proposed = c.CaseId is Guid cid ? await db.Cases.FirstOrDefaultAsync(x => x.Id == cid, ct) : null;
        if (!approve)
        {
            c.Status = ClueStatus.Pending;
            c.ProposeOpen = null;
            if (proposed is not null)
            {
                db.Cases.Remove(proposed);
            }

            c.CaseId = null;
            Step(c, $"负责人退回意见：{note}");
            await db.SaveChangesAsync(ct);
            return null;
        }

        c.ApprovedBy = db.Request.UserName;
        c.DecidedOn = today;
        if (c.ProposeOpen != true || proposed is null)
        {
            c.Status = ClueStatus.NotOpened;
            Step(c, $"负责人批准不予立案{(note is null ? "" : "：" + note)}");
            events.Raise(new CaseClueDecided(c.Source, c.SourceId, c.Id, false, today, null));
            await db.SaveChangesAsync(ct);
            return null;
        }

        if (Cases.IsOfficer(proposed, db.Request.UserName))
        {
            throw ShianProblemException.Conflict("enforcement.self-approval", "办案人员不能审批本案立案，请由负责人审批");
        }

        var year = today.Year;
        var last = await db.Cases.IgnoreQueryFilters([RegionScope.FilterName]).Where(x => x.County == proposed.County && x.Year == year).MaxAsync(x => x.Number, ct) ?? 0;
        proposed.Year = year;
        proposed.Number = last + 1;
        proposed.OpenedOn = today;
        proposed.Stage = CaseStage.Investigating;
        proposed.DecisionDue = CaseDeadlines.DecisionDue(today, 0, 0);
        proposed.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        c.Status = ClueStatus.Opened;
        Step(c, $"负责人批准立案，案号 {EnforcementHistory.CaseNumber(year, proposed.Number.Value)}{(note is null ? "" : "：" + note)}");
        db.AddHistory(proposed.Id, proposed.RegionCode, proposed.UpdatedAtUtc,
            $"立案（{EnforcementHistory.CaseNumber(year, proposed.Number.Value)}），办案人员 {await people.NamesAsync(proposed.Officers)}；处理决定期限 {proposed.DecisionDue:yyyy-MM-dd}");
        events.Raise(new CaseClueDecided(c.Source, c.SourceId, c.Id, true, today, EnforcementHistory.CaseNumber(year, proposed.Number.Value)));
        await db.SaveChangesAsync(ct);
        return proposed.Id;
    }

    /// <summary>
    /// The named case officers, distinct, and what is wrong with them: each must be staff covering the region with a
    /// registered 执法证号, and there must be at least two (《行政处罚法》第四十二条).
    /// </summary>
    internal static async Task<(List<string> Officers, string? Error)> CheckOfficersAsync(People people, string regionCode, IReadOnlyList<string>? named, string tooFew, CancellationToken ct)
    {
        var officers = (named ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var staff = (await people.CoveringAsync(regionCode, Cases.CaseStaffRoles, ct)).ToDictionary(x => x.UserName, StringComparer.Ordinal);
        var unknown = officers.Where(o => !staff.ContainsKey(o)).ToList();
        var noCertificate = officers.Where(o => staff.TryGetValue(o, out var x) && string.IsNullOrWhiteSpace(x.Certificate)).Select(o => staff[o].DisplayName).ToList();
        var error = unknown.Count > 0 ? $"办案人员 {string.Join("、", unknown)} 不是管辖该地区的执法人员"
            : noCertificate.Count > 0 ? $"{string.Join("、", noCertificate)} 没有登记执法证号，不能担任办案人员"
            : !FieldStaff.IsEnough(officers.Count) ? tooFew : null;
        return (officers, error);
    }

    private void Step(CaseClue c, string text)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        c.UpdatedAtUtc = now;
        db.AddHistory(c.Id, c.RegionCode, now, text);
    }
}
