using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;
using Shian.Kernel.Inbox;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;
using Shian.Sampling.Contracts;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>
/// Food recalls (《食品召回管理办法》; 食品安全法 第六十三条): proposed by a failed 监督抽检 (an officer grades or dismisses
/// it), opened by the business itself or ordered by the office; started by the recall notice; progress in recovered and
/// destroyed quantities; completed with a summary and closed by the office. The scope comes from the forward trace of
/// the lot, and each district it reached gets a task. 拒不召回 raises a case clue.
/// </summary>
public sealed class Recalls(
    ShianDb db, Traces traces, IBusinessDirectory directory, WorkingDayCalendarProvider calendar, DomainEvents events, Notifier notifier,
    DistrictRecipients recipients, TimeProvider clock) : IDomainEventHandler<SupervisionSampleFailed>
{
    public sealed record OpenRequest(Guid? BusinessId, string? ProductName, string? Gtin, string? Lot, DateOnly? ProductionDate, RecallLevel? Level, string? Reason, DateTime? KnownAt);

    public sealed record StartRequest(DateOnly? NoticeOn, string? Notice, decimal? QuantityToRecall, string? Unit);

    public sealed record ProgressRequest(DateOnly? On, decimal? Recovered, decimal? Destroyed, string? Note);

    /// <summary>A failed 监督抽检 proposes a recall of its lot, to the business holding the GTIN's GS1 prefix (the brand owner) or else the sampled business.</summary>
    public async Task HandleAsync(SupervisionSampleFailed e, CancellationToken ct)
    {
        if (await db.Recalls.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(r => r.SampleId == e.SampleId, ct))
        {
            return; // delivered again
        }

        var owner = e.Gtin is { Length: 14 } g ? await OwnerOfGtinAsync(g, ct) : null;
        var business = (await directory.IdentitiesAsync([owner ?? e.BusinessId], ct)).FirstOrDefault();
        if (business is null)
        {
            return;
        }

        var recall = new Recall
        {
            Number = await NextNumberAsync(business.RegionCode, ct), RegionCode = business.RegionCode, BusinessId = business.Id, BusinessUscc = business.Uscc, BusinessName = business.Name,
            Trigger = RecallTrigger.Sampling, Status = RecallStatus.Proposed, SampleId = e.SampleId, SampleCode = e.SampleCode, ProductName = e.ProductName, Gtin = e.Gtin, Lot = e.Batch,
            ProductionDate = e.ProductionDate,
            Reason = $"监督抽检不合格（抽样单 {e.SampleCode}，被抽样单位 {e.BusinessName}{(e.Failures.Length > 0 ? "，不合格项目 " + e.Failures : "")}）",
            CreatedBy = "system", CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Recalls.Add(recall);
        notifier.Notify(await recipients.ForAsync(recall.RegionCode, ct), $"待定级召回：{recall.ProductName}", $"{recall.Reason}。请确定召回级别或说明不予召回的理由。", $"/trace/recalls/{recall.Id}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A business opens its own recall (主动召回), or an officer orders one (责令召回).</summary>
    public async Task<Recall> OpenAsync(OpenRequest r, CancellationToken ct)
    {
        var scope = db.Request.Scope;
        var business = scope.Uscc is { } uscc
            ? (await directory.WithUsccAsync(uscc, ct)) is var sites && r.BusinessId is Guid site ? sites.FirstOrDefault(x => x.Id == site) : sites.FirstOrDefault()
            : r.BusinessId is Guid id ? (await directory.IdentitiesAsync([id], ct)).FirstOrDefault() : null;
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        if (business is null && scope.Uscc is null && r.BusinessId is not null)
        {
            // The same answer whether the business does not exist or lies in another district.
            throw ShianProblemException.RegionForbidden("经营主体不存在或不在您的辖区：只能责令本辖区的经营主体召回");
        }

        if (business is null)
        {
            Error("businessId", scope.Uscc is null ? "请选择召回的经营主体（本辖区内）" : "您的账号没有绑定经营主体");
        }
        else if (scope.Uscc is null && !scope.AllowsCreateIn(business.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只能责令本辖区的经营主体召回");
        }

        var product = Clean(r.ProductName);
        if (product is null || product.Length > 200)
        {
            Error("productName", "请填写食品名称（200 字以内）");
        }

        var gtin = Kernel.Identifiers.Gtin.Normalize(r.Gtin);
        if (!string.IsNullOrWhiteSpace(r.Gtin) && gtin is null)
        {
            Error("gtin", $"商品条码“{r.Gtin.Trim()}”不是有效的 GTIN（8、12、13 或 14 位数字，末位校验码正确）");
        }

        var lot = Clean(r.Lot);
        if (lot is { Length: > 100 })
        {
            Error("lot", "批号不超过 100 字");
        }

        if (lot is null && r.ProductionDate is null)
        {
            Error("lot", "请填写批号或生产日期（召回的是哪一批）");
        }

        if (r.Level is not RecallLevel level || !Enum.IsDefined(level))
        {
            Error("level", "请选择召回级别：一级、二级或三级");
        }

        var reason = Clean(r.Reason);
        if (reason is null || reason.Length > 2000)
        {
            Error("reason", "请说明不安全食品的情况与原因（2000 字以内）");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var known = r.KnownAt?.ToUniversalTime() ?? now;
        if (known > now.AddMinutes(5) || known < now.AddDays(-30))
        {
            Error("knownAt", "知悉风险的时间应在近 30 天内且不晚于现在");
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("recall.invalid", "召回信息有误，未保存", errors);
        }

        var recall = new Recall
        {
            Number = await NextNumberAsync(business!.RegionCode, ct), RegionCode = business.RegionCode, BusinessId = business.Id, BusinessUscc = business.Uscc, BusinessName = business.Name,
            Trigger = scope.Uscc is null ? RecallTrigger.Ordered : RecallTrigger.Own, Status = RecallStatus.Pending, ProductName = product!, Gtin = gtin, Lot = lot,
            ProductionDate = r.ProductionDate, Level = r.Level, Reason = reason!, KnownAtUtc = known, StartDueAtUtc = RecallClock.StartDue(r.Level!.Value, known),
            CreatedBy = db.Request.UserName, CreatedAtUtc = now,
        };
        db.Recalls.Add(recall);
        if (recall.Trigger == RecallTrigger.Own)
        {
            notifier.Notify(await recipients.ForAsync(recall.RegionCode, ct), $"企业报告召回：{recall.ProductName}", $"{recall.BusinessName}启动{RecallClock.Label(recall.Level!.Value)}。", $"/trace/recalls/{recall.Id}");
        }

        await db.SaveChangesAsync(ct);
        return recall;
    }

    /// <summary>An officer grades a proposed recall: from now the business has 24/48/72 hours to start it.</summary>
    public async Task<Recall> GradeAsync(Guid id, RecallLevel? level, string? reason, CancellationToken ct)
    {
        var recall = await FindAsync(id, ct);
        Expect(recall, RecallStatus.Proposed, "只有待定级的召回可以确定级别");
        if (level is not RecallLevel l || !Enum.IsDefined(l))
        {
            throw ShianProblemException.Invalid("recall.invalid", "请选择召回级别", new Dictionary<string, string[]> { ["level"] = ["请选择召回级别：一级、二级或三级"] });
        }

        if (Clean(reason) is { } text)
        {
            recall.Reason = Cut(text, 2000);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        recall.Level = l;
        recall.Status = RecallStatus.Pending;
        recall.KnownAtUtc = now;
        recall.StartDueAtUtc = RecallClock.StartDue(l, now);
        await db.SaveChangesAsync(ct);
        return recall;
    }

    public async Task<Recall> DismissAsync(Guid id, string? reason, CancellationToken ct)
    {
        var recall = await FindAsync(id, ct);
        Expect(recall, RecallStatus.Proposed, "只有待定级的召回可以不予召回");
        recall.DismissReason = Clean(reason) is { Length: <= 500 } text ? text
            : throw ShianProblemException.Invalid("recall.invalid", "请说明不予召回的理由", new Dictionary<string, string[]> { ["reason"] = ["请说明理由（500 字以内），如：该批次未出厂、已全部封存"] });
        recall.Status = RecallStatus.Dismissed;
        recall.ClosedOn = ChinaTime.Today(clock);
        recall.ClosedBy = db.Request.UserName;
        await db.SaveChangesAsync(ct);
        return recall;
    }

    /// <summary>The recall notice is published: the recall is under way, its completion clock runs and the districts it reached get their tasks.</summary>
    public async Task<Recall> StartAsync(Guid id, StartRequest r, CancellationToken ct)
    {
        var recall = await FindAsync(id, ct);
        Expect(recall, RecallStatus.Pending, "只有待启动的召回可以发布召回公告");
        var today = ChinaTime.Today(clock);
        var errors = new Dictionary<string, string[]>();
        var on = r.NoticeOn ?? today;
        if (on > today || on < today.AddDays(-30))
        {
            errors["noticeOn"] = ["公告日期应在近 30 天内且不晚于今天"];
        }

        var notice = Clean(r.Notice);
        if (notice is null || notice.Length > 4000)
        {
            errors["notice"] = ["请填写召回公告（食品名称、批次、召回原因、消费者如何退货、联系方式；4000 字以内）"];
        }

        if (r.QuantityToRecall is < 0 or > 1_000_000_000)
        {
            errors["quantityToRecall"] = ["应召回数量应为不小于 0 的数"];
        }

        var unit = Clean(r.Unit);
        if (unit is { Length: > 10 })
        {
            errors["unit"] = ["单位不超过 10 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("recall.invalid", "召回公告有误，未保存", errors);
        }

        var scope = await ScopeAsync(recall, ct);
        recall.Status = RecallStatus.Underway;
        recall.NoticeOn = on;
        recall.Notice = notice;
        recall.StartedAtUtc = clock.GetUtcNow().UtcDateTime;
        recall.CompleteDue = RecallClock.CompleteDue(calendar.Current, recall.Level!.Value, on);
        var (shippedUnit, shipped) = scope?.ShippedByRecaller.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, (decimal?)kv.Value)).FirstOrDefault() ?? default;
        recall.QuantityToRecall = r.QuantityToRecall ?? shipped;
        recall.Unit = unit ?? (r.QuantityToRecall is null ? shippedUnit : null);
        if (scope is not null)
        {
            await AddTasksAsync(recall, scope, ct);
        }

        await db.SaveChangesAsync(ct);
        return recall;
    }

    public async Task<Recall> ProgressAsync(Guid id, ProgressRequest r, CancellationToken ct)
    {
        var recall = await FindAsync(id, ct);
        Expect(recall, RecallStatus.Underway, "只有召回中的召回可以报告进度");
        var today = ChinaTime.Today(clock);
        var errors = new Dictionary<string, string[]>();
        var on = r.On ?? today;
        if (on > today || (recall.NoticeOn is DateOnly n && on < n))
        {
            errors["on"] = ["日期应在召回公告之后且不晚于今天"];
        }

        var recovered = r.Recovered ?? 0;
        var destroyed = r.Destroyed ?? 0;
        if (recovered < 0 || destroyed < 0 || recovered + destroyed == 0 || recovered > 1_000_000_000 || destroyed > 1_000_000_000)
        {
            errors["recovered"] = ["请填写本次召回或销毁的数量（不小于 0，至少一项大于 0）"];
        }
        else if (recall.Destroyed + destroyed > recall.Recovered + recovered)
        {
            errors["destroyed"] = [$"累计销毁 {recall.Destroyed + destroyed:0.###} 不能多于累计召回 {recall.Recovered + recovered:0.###}"];
        }

        var note = Clean(r.Note);
        if (note is { Length: > 1000 })
        {
            errors["note"] = ["说明不超过 1000 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("recall.invalid", "召回进度有误，未保存", errors);
        }

        recall.Recovered += recovered;
        recall.Destroyed += destroyed;
        db.RecallProgress.Add(new RecallProgress
        {
            RecallId = recall.Id, RegionCode = recall.RegionCode, BusinessUscc = recall.BusinessUscc, On = on, Recovered = recovered, Destroyed = destroyed, Note = note,
            By = db.Request.UserName, AtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return recall;
    }

    /// <summary>The business reports the recall complete with its 召回总结报告.</summary>
    public async Task<Recall> CompleteAsync(Guid id, string? summary, CancellationToken ct)
    {
        var recall = await FindAsync(id, ct);
        Expect(recall, RecallStatus.Underway, "只有召回中的召回可以报告完成");
        recall.Summary = Clean(summary) is { Length: <= 4000 } text ? text
            : throw ShianProblemException.Invalid("recall.invalid", "请填写召回总结报告", new Dictionary<string, string[]> { ["summary"] = ["请填写召回总结（召回与处置情况、原因分析与整改措施；4000 字以内）"] });
        recall.Status = RecallStatus.Completed;
        recall.CompletedOn = ChinaTime.Today(clock);
        notifier.Notify(await recipients.ForAsync(recall.RegionCode, ct), $"召回报告完成：{recall.ProductName}", $"{recall.BusinessName}报告召回完成，请核查。", $"/trace/recalls/{recall.Id}");
        await db.SaveChangesAsync(ct);
        return recall;
    }

    public async Task<Recall> CloseAsync(Guid id, CancellationToken ct)
    {
        var recall = await FindAsync(id, ct);
        Expect(recall, RecallStatus.Completed, "企业报告召回完成后才能核查结束");
        recall.Status = RecallStatus.Closed;
        recall.ClosedOn = ChinaTime.Today(clock);
        recall.ClosedBy = db.Request.UserName;
        await db.SaveChangesAsync(ct);
        return recall;
    }

    /// <summary>The office consents to a longer completion period (the extension is published with the recall).</summary>
    public async Task<Recall> ExtendAsync(Guid id, DateOnly? until, string? reason, CancellationToken ct)
    {
        var recall = await FindAsync(id, ct);
        Expect(recall, RecallStatus.Underway, "只有召回中的召回可以延长期限");
        if (until is not DateOnly u || u <= recall.CompleteDue || u > recall.CompleteDue!.Value.AddDays(180))
        {
            throw ShianProblemException.Invalid("recall.invalid", "延长后的期限有误", new Dictionary<string, string[]> { ["until"] = [$"应晚于原期限 {recall.CompleteDue:yyyy-MM-dd}，且不超过 180 天"] });
        }

        recall.ExtensionReason = Clean(reason) is { Length: <= 500 } text ? text
            : throw ShianProblemException.Invalid("recall.invalid", "请说明延期理由", new Dictionary<string, string[]> { ["reason"] = ["请说明延期理由（500 字以内）"] });
        recall.CompleteDue = u;
        await db.SaveChangesAsync(ct);
        return recall;
    }

    /// <summary>Publishes the recall (its notice) on the public portal.</summary>
    public async Task<Recall> PublishAsync(Guid id, CancellationToken ct)
    {
        var recall = await FindAsync(id, ct);
        if (recall.Status is not (RecallStatus.Underway or RecallStatus.Completed or RecallStatus.Closed) || recall.Notice is null)
        {
            throw ShianProblemException.Conflict("recall.state", "召回公告发布后才能在公众网站公布");
        }

        recall.PublishedOn ??= ChinaTime.Today(clock);
        await db.SaveChangesAsync(ct);
        return recall;
    }

    /// <summary>
    /// 拒不召回 (食品安全法 第一百二十四条第一款第（七）项 as commonly cited; 第六十三条): recorded once the start clock has run
    /// out without a notice (or the completion clock without completion); a case clue goes to enforcement.
    /// </summary>
    public async Task<Recall> RefuseAsync(Guid id, CancellationToken ct)
    {
        var recall = await FindAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var late = (recall.Status == RecallStatus.Pending && recall.StartDueAtUtc < now) || (recall.Status == RecallStatus.Underway && recall.CompleteDue < today);
        if (!late)
        {
            throw ShianProblemException.Conflict("recall.not-late", "召回尚未超过启动或完成期限，不能认定拒不召回");
        }

        if (recall.RefusedOn is not null)
        {
            throw ShianProblemException.Conflict("recall.refused", "已认定拒不召回并移送执法");
        }

        recall.RefusedOn = today;
        events.Raise(new CaseClueRaised(CaseClueSource.Recall, recall.Id, recall.BusinessId, recall.BusinessName, recall.RegionCode, today,
            CaseClock.DecisionDue(calendar.Current, today), $"拒不召回：{recall.ProductName}（{recall.Number}，{(recall.Level is RecallLevel l ? RecallClock.Label(l) : "")}）"));
        await db.SaveChangesAsync(ct);
        return recall;
    }

    /// <summary>A district's officer records what was verified at the downstream parties in the district.</summary>
    public async Task<RecallTask> TaskDoneAsync(Guid taskId, decimal? recovered, string? note, CancellationToken ct)
    {
        var task = await db.RecallTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw ShianProblemException.NotFound("recall.task-not-found", "召回核查任务不存在或不在您的辖区");
        if (task.Status == RecallTaskStatus.Done)
        {
            throw ShianProblemException.Conflict("recall.task-done", "该核查任务已完成");
        }

        if (recovered is < 0 or > 1_000_000_000)
        {
            throw ShianProblemException.Invalid("recall.invalid", "核查数量有误", new Dictionary<string, string[]> { ["recovered"] = ["应为不小于 0 的数"] });
        }

        task.Note = Clean(note) is { Length: <= 1000 } text ? text
            : throw ShianProblemException.Invalid("recall.invalid", "请填写核查情况", new Dictionary<string, string[]> { ["note"] = ["请填写核查情况（下游单位是否已停止经营、下架、退回；1000 字以内）"] });
        task.Recovered = recovered;
        task.Status = RecallTaskStatus.Done;
        task.DoneOn = ChinaTime.Today(clock);
        task.DoneBy = db.Request.UserName;
        await db.SaveChangesAsync(ct);
        return task;
    }

    /// <summary>The recall's scope from the forward trace of its lot (read across districts: see <see cref="Traces.ScopeTraceAsync"/>); null without a GTIN and lot.</summary>
    public async Task<RecallScopeResult?> ScopeAsync(Recall recall, CancellationToken ct)
    {
        if (recall.Gtin is null || recall.Lot is null)
        {
            return null;
        }

        var (trace, names, owners) = await traces.ScopeTraceAsync(EventFacts.LotId(recall.Gtin, recall.Lot), ct);
        return RecallScope.Compute(trace, recall.BusinessId, names, owners);
    }

    /// <summary>
    /// The district tasks of a recall the caller may read: read past the region filter by name (reviewed — the recalling
    /// district follows the districts its goods reached; the recall itself was found through the caller's scope).
    /// </summary>
    public async Task<IReadOnlyList<RecallTask>> TasksOfAsync(Recall recall, CancellationToken ct) =>
        await db.RecallTasks.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(t => t.RecallId == recall.Id).OrderBy(t => t.RegionCode).ToListAsync(ct);

    public async Task<Recall> FindAsync(Guid id, CancellationToken ct) =>
        await db.Recalls.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw ShianProblemException.NotFound("recall.not-found", "召回不存在或不在您的辖区");

    private async Task AddTasksAsync(Recall recall, RecallScopeResult scope, CancellationToken ct)
    {
        var existing = await db.RecallTasks.IgnoreQueryFilters([RegionScope.FilterName]).Where(t => t.RecallId == recall.Id).Select(t => t.RegionCode).ToListAsync(ct);
        var tell = await recipients.LoadAsync(ct);
        foreach (var district in scope.Parties.GroupBy(p => RegionCode.CountyOf(p.RegionCode) ?? p.RegionCode).Where(g => !existing.Contains(g.Key)))
        {
            var units = district.SelectMany(p => p.Quantities.Keys).Distinct().ToList();
            var task = new RecallTask
            {
                RecallId = recall.Id, RegionCode = district.Key, RecallNumber = recall.Number, ProductName = recall.ProductName, Lot = recall.Lot, Level = recall.Level!.Value,
                RecallingBusiness = recall.BusinessName,
                Parties = Cut(string.Join("\n", district.Select(p => $"{p.Name}：{string.Join("、", p.Quantities.Select(q => $"{q.Value:0.###} {q.Key}"))}")), 8000),
                Quantity = units.Count == 1 ? district.Sum(p => p.Quantities.GetValueOrDefault(units[0])) : null, Unit = units.Count == 1 ? units[0] : null,
            };
            db.RecallTasks.Add(task);
            notifier.Notify(tell(task.RegionCode), $"召回核查任务：{recall.ProductName}", $"{recall.BusinessName}的{RecallClock.Label(task.Level)}涉及本辖区 {district.Count()} 个下游单位，请督促下架、退回并核查。",
                $"/trace/recall-tasks/{task.Id}");
        }
    }

    private async Task<Guid?> OwnerOfGtinAsync(string gtin14, CancellationToken ct)
    {
        // The GS1 company prefix follows the indicator digit; a prefix is at least 6 digits.
        var body = gtin14[1..];
        var head = body[..6];
        var rows = await db.Gs1Prefixes.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(p => p.Prefix.StartsWith(head) && p.Prefix.Length < 13)
            .Select(p => new { p.Prefix, p.BusinessId }).ToListAsync(ct);
        return rows.Where(p => body.StartsWith(p.Prefix, StringComparison.Ordinal)).OrderByDescending(p => p.Prefix.Length).Select(p => (Guid?)p.BusinessId).FirstOrDefault();
    }

    private async Task<string> NextNumberAsync(string regionCode, CancellationToken ct)
    {
        var county = (RegionCode.CountyOf(regionCode) ?? regionCode)[..6];
        var prefix = $"ZH{county}{ChinaTime.Today(clock).Year}";
        var last = await db.Recalls.IgnoreQueryFilters([RegionScope.FilterName]).Where(r => r.Number.StartsWith(prefix)).OrderByDescending(r => r.Number).Select(r => r.Number).FirstOrDefaultAsync(ct);
        var serial = last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return $"{prefix}{serial:D4}";
    }

    private static void Expect(Recall recall, RecallStatus status, string message)
    {
        if (recall.Status != status)
        {
            throw ShianProblemException.Conflict("recall.state", $"{message}（当前状态：{RecallClock.Label(recall.Status)}）");
        }
    }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Cut(string s, int max) => s.Length > max ? s[..max] : s;
}
