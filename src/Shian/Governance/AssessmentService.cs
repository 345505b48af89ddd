using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Governance.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Inbox;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Units;

namespace Shian.Governance;

/// <summary>
/// 考核: yearly schemes of a 食安办, scored from what the platform already knows (plan targets and their measured
/// values, task completion, 暗访 problems) plus the assessors' own scores, 一票否决 and bonus points; ranked,
/// compared with last year and published. Publishing freezes the results and proposes 约谈 per seed 000.
/// </summary>
public sealed class AssessmentService(ShianDb db, UnitCatalogService units, Notifier notifier, DistrictRecipients recipients, TimeProvider clock)
{
    public sealed record Assessee(string Key, string Name, AssesseeKind Kind, string RegionCode);

    public sealed record Row(Assessee Assessee, AssesseeScore Score, int Rank, string? VetoReason, decimal? LastYearTotal, int? LastYearRank)
    {
        public decimal? Change => LastYearTotal is decimal last ? Score.Total - last : null;

        public int? RankChange => LastYearRank is int last ? last - Rank : null;
    }

    public sealed record SchemeView(AssessmentScheme Scheme, IReadOnlyList<AssessmentItem> Items, IReadOnlyList<Row> Districts, IReadOnlyList<Row> Departments,
        IReadOnlyList<AssessmentVeto> Vetoes, IReadOnlyList<AssessmentManualScore> ManualScores, IReadOnlyList<string> PublishBlockers, int? LastYear);

    public sealed record CreateRequest(string RegionCode, int Year, string? Title, bool FromPlans);

    public sealed record ItemRequest(string Name, AssessmentItemKind Kind, decimal Weight, AssesseeKind? AppliesTo, Guid? TargetId, Guid? PlanId, decimal? DeductionPerProblem);

    public sealed record ItemUpdate(string? Name, decimal? Weight, AssesseeKind? AppliesTo, bool ClearAppliesTo, decimal? DeductionPerProblem);

    public sealed record ScoreRequest(string AssesseeKey, decimal? Points, string? Note);

    public sealed record VetoRequest(string AssesseeKey, string Reason, DateOnly OccurredOn);

    public const decimal FullMarks = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AssessmentScheme> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var region = RegionCode.IsValid(request.RegionCode) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == request.RegionCode, ct) : null;
        if (region is null)
        {
            errors["regionCode"] = ["请选择考核单位所在的区划"];
        }
        else if (region.Level is not (RegionLevel.Province or RegionLevel.City or RegionLevel.County))
        {
            errors["regionCode"] = ["只有省、市、县级食安办组织考核"];
        }

        if (request.Year is < 2000 or > 2100)
        {
            errors["year"] = ["年度应在 2000–2100 之间"];
        }

        if (request.Title is { Length: > 300 })
        {
            errors["title"] = ["名称不能超过 300 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-invalid", "考核方案信息有误，未保存", errors);
        }

        EnsureMayManage(request.RegionCode);
        if (await db.AssessmentSchemes.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(s => s.RegionCode == request.RegionCode && s.Year == request.Year, ct))
        {
            throw ShianProblemException.Conflict("governance.assessment-exists", $"{region!.Name} {request.Year} 年度的考核方案已存在。");
        }

        var scheme = new AssessmentScheme
        {
            RegionCode = request.RegionCode,
            Year = request.Year,
            Title = string.IsNullOrWhiteSpace(request.Title) ? $"{region!.Name}{request.Year}年度食品安全工作考核" : request.Title.Trim(),
            CreatedBy = db.Request.UserName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.AssessmentSchemes.Add(scheme);
        if (request.FromPlans)
        {
            db.AssessmentItems.AddRange(await ProposeItemsAsync(scheme, ct));
        }

        await db.SaveChangesAsync(ct);
        return scheme;
    }

    /// <summary>
    /// A starting set of items from the region's plans of the year: each target with a value (40 points shared),
    /// each plan's task completion (40, or 80 without targets), 暗访 (20, districts, 1 point per problem) and a
    /// 5-point bonus item. The office adjusts weights before publishing.
    /// </summary>
    private async Task<List<AssessmentItem>> ProposeItemsAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.RegionCode == scheme.RegionCode && p.Year == scheme.Year).OrderBy(p => p.ImportedAtUtc).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var targets = await (from t in db.Targets.AsNoTracking()
                             join task in db.PlanTasks.AsNoTracking() on t.TaskId equals task.Id
                             where planIds.Contains(task.PlanId) && t.Value != null
                             orderby task.Ordinal, t.Ordinal
                             select new { t.Id, t.Text, task.Number, task.PlanId }).ToListAsync(ct);
        var items = new List<AssessmentItem>();
        var taskShare = targets.Count == 0 ? 80m : 40m;
        var targetShare = targets.Count == 0 ? 0m : 40m;
        if (plans.Count == 0)
        {
            targetShare = 0;
            taskShare = 0;
        }

        foreach (var (plan, weight) in plans.Zip(AssessmentWeights.Split(taskShare, plans.Count)))
        {
            items.Add(NewItem(scheme, $"任务完成情况：{Shorten(plan.Title, 60)}", AssessmentItemKind.TaskCompletion, weight, planId: plan.Id));
        }

        foreach (var (target, weight) in targets.Zip(AssessmentWeights.Split(targetShare, targets.Count)))
        {
            items.Add(NewItem(scheme, $"目标 {target.Number}：{Shorten(target.Text, 80)}", AssessmentItemKind.Target, weight, targetId: target.Id));
        }

        items.Add(NewItem(scheme, "暗访检查", AssessmentItemKind.IncognitoChecks, plans.Count == 0 ? FullMarks : 20, deduction: 1, appliesTo: AssesseeKind.District));
        items.Add(NewItem(scheme, "加分项（创建示范、工作创新）", AssessmentItemKind.Bonus, 5));
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Ordinal = i + 1;
        }

        return items;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static AssessmentItem NewItem(AssessmentScheme scheme, string name, AssessmentItemKind kind, decimal weight, Guid? planId = null, Guid? targetId = null, decimal deduction = 0, AssesseeKind? appliesTo = null) => new()
    {
        SchemeId = scheme.Id,
        RegionCode = scheme.RegionCode,
        Name = name,
        Kind = kind,
        Weight = weight,
        PlanId = planId,
        TargetId = targetId,
        DeductionPerProblem = deduction,
        AppliesTo = appliesTo,
    };

    public async Task<AssessmentItem> AddItemAsync(Guid schemeId, ItemRequest request, CancellationToken ct)
    {
        var scheme = await DraftAsync(schemeId, ct);
        var errors = new Dictionary<string, string[]>();
        AssessmentWeights.ValidateName(request.Name, errors);
        AssessmentWeights.ValidateWeight(request.Weight, errors);
        if (request.DeductionPerProblem is < 0 or > 100)
        {
            errors["deductionPerProblem"] = ["每个问题扣分应在 0–100 之间"];
        }

        if (request.Kind == AssessmentItemKind.Target)
        {
            var target = request.TargetId is Guid tid ? await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
            if (target is null)
            {
                errors["targetId"] = ["请选择本辖区工作方案中的目标"];
            }
        }
        else if (request.Kind == AssessmentItemKind.TaskCompletion)
        {
            if (request.PlanId is not Guid pid || !await db.Plans.AnyAsync(p => p.Id == pid, ct))
            {
                errors["planId"] = ["请选择本辖区的工作方案"];
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-item-invalid", "考核项目有误，未保存", errors);
        }

        var ordinal = await db.AssessmentItems.Where(i => i.SchemeId == schemeId).Select(i => (int?)i.Ordinal).MaxAsync(ct) ?? 0;
        var item = NewItem(scheme, request.Name.Trim(), request.Kind, request.Weight,
            request.Kind == AssessmentItemKind.TaskCompletion ? request.PlanId : null,
            request.Kind == AssessmentItemKind.Target ? request.TargetId : null,
            request.DeductionPerProblem ?? (request.Kind == AssessmentItemKind.IncognitoChecks ? 1 : 0), request.AppliesTo);
        item.Ordinal = ordinal + 1;
        db.AssessmentItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<AssessmentItem> UpdateItemAsync(Guid schemeId, Guid itemId, ItemUpdate update, CancellationToken ct) =>
        (await UpdateItemsAsync(schemeId, new Dictionary<Guid, ItemUpdate> { [itemId] = update }, ct))[0];

    /// <summary>Changes several items at once (the weights table of the page): all validated first, then saved together.</summary>
    public async Task<IReadOnlyList<AssessmentItem>> UpdateItemsAsync(Guid schemeId, IReadOnlyDictionary<Guid, ItemUpdate> updates, CancellationToken ct)
    {
        await DraftAsync(schemeId, ct);
        var ids = updates.Keys.ToList();
        var items = await db.AssessmentItems.Where(i => i.SchemeId == schemeId && ids.Contains(i.Id)).ToListAsync(ct);
        if (items.Count != ids.Count)
        {
            throw ShianProblemException.NotFound("governance.assessment-item-not-found", "考核项目不存在");
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var item in items)
        {
            var update = updates[item.Id];
            var itemErrors = new Dictionary<string, string[]>();
            if (update.Name is not null)
            {
                AssessmentWeights.ValidateName(update.Name, itemErrors);
            }

            if (update.Weight is decimal w)
            {
                AssessmentWeights.ValidateWeight(w, itemErrors);
            }

            if (update.DeductionPerProblem is < 0 or > 100)
            {
                itemErrors["deductionPerProblem"] = ["每个问题扣分应在 0–100 之间"];
            }

            foreach (var (field, messages) in itemErrors)
            {
                errors[updates.Count == 1 ? field : $"{field}-{item.Id}"] = updates.Count == 1 ? messages : [.. messages.Select(m => $"第 {item.Ordinal} 项「{item.Name}」：{m}")];
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-item-invalid", "考核项目有误，未保存", errors);
        }

        foreach (var item in items)
        {
            var update = updates[item.Id];
            item.Name = update.Name?.Trim() ?? item.Name;
            item.Weight = update.Weight ?? item.Weight;
            item.DeductionPerProblem = update.DeductionPerProblem ?? item.DeductionPerProblem;
            item.AppliesTo = update.ClearAppliesTo ? null : update.AppliesTo ?? item.AppliesTo;
        }

        await db.SaveChangesAsync(ct);
        return [.. ids.Select(id => items.Single(i => i.Id == id))];
    }

    public async Task DeleteItemAsync(Guid schemeId, Guid itemId, CancellationToken ct)
    {
        await DraftAsync(schemeId, ct);
        var item = await db.AssessmentItems.FirstOrDefaultAsync(i => i.Id == itemId && i.SchemeId == schemeId, ct)
            ?? throw ShianProblemException.NotFound("governance.assessment-item-not-found", "考核项目不存在");
        db.AssessmentManualScores.RemoveRange(await db.AssessmentManualScores.Where(s => s.ItemId == itemId).ToListAsync(ct));
        db.AssessmentItems.Remove(item);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets (or, with null points, clears) an assessor's score on a manual or bonus item.</summary>
    public async Task SetScoreAsync(Guid schemeId, Guid itemId, ScoreRequest request, CancellationToken ct)
    {
        var scheme = await DraftAsync(schemeId, ct);
        var item = await db.AssessmentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.SchemeId == schemeId, ct)
            ?? throw ShianProblemException.NotFound("governance.assessment-item-not-found", "考核项目不存在");
        var errors = new Dictionary<string, string[]>();
        if (item.Kind is not (AssessmentItemKind.Manual or AssessmentItemKind.Bonus))
        {
            errors["itemId"] = ["此项目由系统按数据计分，不能人工评分"];
        }

        var assessees = await AssesseesAsync(scheme, ct);
        if (assessees.All(a => a.Key != request.AssesseeKey))
        {
            errors["assesseeKey"] = ["被考核单位不在本方案中"];
        }

        if (request.Points is decimal p && (p < 0 || p > item.Weight))
        {
            errors["points"] = [$"得分应在 0–{item.Weight:0.##} 分之间"];
        }

        if (request.Note is { Length: > 1000 })
        {
            errors["note"] = ["说明不能超过 1000 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-score-invalid", "评分有误，未保存", errors);
        }

        var existing = await db.AssessmentManualScores.FirstOrDefaultAsync(s => s.ItemId == itemId && s.AssesseeKey == request.AssesseeKey, ct);
        if (request.Points is not decimal points)
        {
            if (existing is not null)
            {
                db.AssessmentManualScores.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.AssessmentManualScores.Add(new AssessmentManualScore
            {
                SchemeId = schemeId, ItemId = itemId, RegionCode = scheme.RegionCode, AssesseeKey = request.AssesseeKey,
                Points = points, Note = request.Note?.Trim(), EnteredBy = db.Request.UserName, EnteredAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        else
        {
            existing.Points = points;
            existing.Note = request.Note?.Trim();
            existing.EnteredBy = db.Request.UserName;
            existing.EnteredAtUtc = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<AssessmentVeto> VetoAsync(Guid schemeId, VetoRequest request, CancellationToken ct)
    {
        var scheme = await DraftAsync(schemeId, ct);
        var errors = new Dictionary<string, string[]>();
        if ((await AssesseesAsync(scheme, ct)).All(a => a.Key != request.AssesseeKey))
        {
            errors["assesseeKey"] = ["被考核单位不在本方案中"];
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["请填写否决事由（如发生的重大食品安全事故）"];
        }

        if (request.OccurredOn.Year != scheme.Year)
        {
            errors["occurredOn"] = [$"事件日期应在 {scheme.Year} 年内"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-veto-invalid", "一票否决信息有误，未保存", errors);
        }

        if (await db.AssessmentVetoes.AnyAsync(v => v.SchemeId == schemeId && v.AssesseeKey == request.AssesseeKey, ct))
        {
            throw ShianProblemException.Conflict("governance.assessment-veto-exists", "该单位已被一票否决。");
        }

        var veto = new AssessmentVeto
        {
            SchemeId = schemeId, RegionCode = scheme.RegionCode, AssesseeKey = request.AssesseeKey, Reason = request.Reason.Trim(),
            OccurredOn = request.OccurredOn, RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.AssessmentVetoes.Add(veto);
        await db.SaveChangesAsync(ct);
        return veto;
    }

    public async Task RemoveVetoAsync(Guid schemeId, Guid vetoId, CancellationToken ct)
    {
        await DraftAsync(schemeId, ct);
        var veto = await db.AssessmentVetoes.FirstOrDefaultAsync(v => v.Id == vetoId && v.SchemeId == schemeId, ct)
            ?? throw ShianProblemException.NotFound("governance.assessment-veto-not-found", "一票否决记录不存在");
        db.AssessmentVetoes.Remove(veto);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AssessmentScheme>> SchemesAsync(CancellationToken ct) =>
        await db.AssessmentSchemes.AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.RegionCode).ToListAsync(ct);

    /// <summary>The scheme with its ranking: live while a draft, the frozen results once published.</summary>
    public async Task<SchemeView?> ViewAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.AssessmentSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schemeId, ct);
        return scheme is null ? null : await ViewOfAsync(scheme, ct);
    }

    private async Task<SchemeView> ViewOfAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var items = await db.AssessmentItems.AsNoTracking().Where(i => i.SchemeId == scheme.Id).OrderBy(i => i.Ordinal).ToListAsync(ct);
        var vetoes = await db.AssessmentVetoes.AsNoTracking().Where(v => v.SchemeId == scheme.Id).ToListAsync(ct);
        var manual = await db.AssessmentManualScores.AsNoTracking().Where(s => s.SchemeId == scheme.Id).ToListAsync(ct);
        var last = await LastYearAsync(scheme, ct);
        IReadOnlyList<Row> rows;
        if (scheme.Status == AssessmentStatus.Published)
        {
            var results = await db.AssessmentResults.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(r => r.SchemeId == scheme.Id).ToListAsync(ct);
            rows = [.. results.Select(r => FromResult(r, last))];
        }
        else
        {
            rows = await ComputeAsync(scheme, items, vetoes, manual, last, ct);
        }

        var districts = rows.Where(r => r.Assessee.Kind == AssesseeKind.District).OrderBy(r => r.Rank).ThenBy(r => r.Assessee.Key, StringComparer.Ordinal).ToList();
        var departments = rows.Where(r => r.Assessee.Kind == AssesseeKind.Department).OrderBy(r => r.Rank).ThenBy(r => r.Assessee.Key, StringComparer.Ordinal).ToList();
        return new SchemeView(scheme, items, districts, departments, vetoes, manual, await BlockersAsync(items, ct), last.Count > 0 ? scheme.Year - 1 : null);
    }

    private static Row FromResult(AssessmentResult r, IReadOnlyDictionary<string, AssessmentResult> last)
    {
        var items = JsonSerializer.Deserialize<List<ItemScore>>(r.ItemsJson, Json) ?? [];
        var score = new AssesseeScore(items, r.BaseScore, r.Bonus, r.Total, r.Vetoed, r.Grade, r.TargetsMissed);
        var prev = last.GetValueOrDefault(r.AssesseeKey);
        return new Row(new Assessee(r.AssesseeKey, r.AssesseeName, r.AssesseeKind, r.RegionCode), score, r.Rank, r.VetoReason, prev?.Total, prev?.Rank);
    }

    /// <summary>Last year's published results of the same office, by assessee.</summary>
    private async Task<IReadOnlyDictionary<string, AssessmentResult>> LastYearAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var results = await db.AssessmentResults.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(r => r.SchemeRegionCode == scheme.RegionCode && r.Year == scheme.Year - 1).ToListAsync(ct);
        return results.ToDictionary(r => r.AssesseeKey);
    }

    /// <summary>What stops publication: weights not adding up to 100, a target item whose target value is missing.</summary>
    private async Task<IReadOnlyList<string>> BlockersAsync(IReadOnlyList<AssessmentItem> items, CancellationToken ct)
    {
        var blockers = new List<string>();
        var sum = items.Where(i => i.Kind != AssessmentItemKind.Bonus).Sum(i => i.Weight);
        if (sum != FullMarks)
        {
            blockers.Add($"基本项目权重合计应为 {FullMarks:0} 分，当前为 {sum:0.##} 分");
        }

        var targetIds = items.Where(i => i.TargetId is not null).Select(i => i.TargetId!.Value).ToList();
        var targets = await db.Targets.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(t => targetIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        foreach (var item in items.Where(i => i.TargetId is not null))
        {
            if (!targets.TryGetValue(item.TargetId!.Value, out var t))
            {
                blockers.Add($"项目「{item.Name}」的目标已不存在");
            }
            else if (t.Value is null)
            {
                blockers.Add($"项目「{item.Name}」的目标值在文件中被隐去，请先在任务页补充");
            }
        }

        return blockers;
    }

    /// <summary>Districts below the assessing region (their governments / zone committees) and the departments with work in the assessed plans or scores.</summary>
    public async Task<IReadOnlyList<Assessee>> AssesseesAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var catalog = await units.LoadAsync(ct);
        var planIds = await PlanIdsAsync(scheme.Id, ct);
        var assignedRegions = await db.TaskAssignments.AsNoTracking().Where(a => planIds.Contains(a.PlanId)).Select(a => new { a.UnitKey, a.RegionCode }).Distinct().ToListAsync(ct);
        var assigned = assignedRegions.Where(a => a.RegionCode == scheme.RegionCode).Select(a => a.UnitKey).ToHashSet();
        var scored = (await db.AssessmentManualScores.AsNoTracking().Where(s => s.SchemeId == scheme.Id).Select(s => s.AssesseeKey).ToListAsync(ct))
            .Concat(await db.AssessmentVetoes.AsNoTracking().Where(v => v.SchemeId == scheme.Id).Select(v => v.AssesseeKey).ToListAsync(ct)).ToHashSet();

        // A scheme built on plans assesses the districts that have work in them (a zone without tasks would otherwise
        // score full marks on 暗访 alone); a scheme of manual items only assesses every district.
        var districts = catalog.Units
            .Where(u => u.Kind is UnitKind.Government or UnitKind.ZoneCommittee && catalog.Regions.Find(u.RegionCode)?.ParentCode == scheme.RegionCode)
            .Where(u => planIds.Count == 0 || scored.Contains(u.Key) || assignedRegions.Any(a => RegionCode.IsWithin(a.RegionCode, u.RegionCode)))
            .Select(u => new Assessee(u.Key, catalog.Regions.Find(u.RegionCode)?.Name ?? u.Name, AssesseeKind.District, u.RegionCode));
        var departments = catalog.UnitsIn(scheme.RegionCode)
            .Where(u => u.Kind is UnitKind.Department or UnitKind.PartyOrgan or UnitKind.Judicial or UnitKind.Stationed && (assigned.Contains(u.Key) || scored.Contains(u.Key)))
            .Select(u => new Assessee(u.Key, u.Name, AssesseeKind.Department, u.RegionCode));
        return [.. districts.OrderBy(a => a.RegionCode, StringComparer.Ordinal), .. departments.OrderBy(a => a.Key, StringComparer.Ordinal)];
    }

    private async Task<List<Guid>> PlanIdsAsync(Guid schemeId, CancellationToken ct)
    {
        var items = await db.AssessmentItems.AsNoTracking().Where(i => i.SchemeId == schemeId).ToListAsync(ct);
        var targetIds = items.Where(i => i.TargetId is not null).Select(i => i.TargetId!.Value).ToList();
        var fromTargets = await (from t in db.Targets.AsNoTracking()
                                 join task in db.PlanTasks.AsNoTracking() on t.TaskId equals task.Id
                                 where targetIds.Contains(t.Id)
                                 select task.PlanId).ToListAsync(ct);
        return [.. items.Where(i => i.PlanId is not null).Select(i => i.PlanId!.Value).Concat(fromTargets).Distinct()];
    }

    private async Task<IReadOnlyList<Row>> ComputeAsync(AssessmentScheme scheme, IReadOnlyList<AssessmentItem> items, IReadOnlyList<AssessmentVeto> vetoes,
        IReadOnlyList<AssessmentManualScore> manual, IReadOnlyDictionary<string, AssessmentResult> last, CancellationToken ct)
    {
        var assessees = await AssesseesAsync(scheme, ct);

        // Target items: the target, the assignments of its task, each unit's latest measured value.
        var targetIds = items.Where(i => i.TargetId is not null).Select(i => i.TargetId!.Value).ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => targetIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var targetTaskIds = targets.Values.Select(t => t.TaskId).Distinct().ToList();
        var planIds = items.Where(i => i.PlanId is not null).Select(i => i.PlanId!.Value).ToList();
        var assignments = await db.TaskAssignments.AsNoTracking().Where(a => targetTaskIds.Contains(a.TaskId) || planIds.Contains(a.PlanId)).ToListAsync(ct);
        var measured = (await (from m in db.TargetMeasurements.AsNoTracking()
                               join r in db.ProgressReports.AsNoTracking() on m.ReportId equals r.Id
                               where targetIds.Contains(m.TargetId)
                               select new { m.TargetId, r.UnitKey, r.ReportedAtUtc, m.Value }).ToListAsync(ct))
            .GroupBy(x => (x.TargetId, x.UnitKey))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.ReportedAtUtc).First().Value);
        var checks = await db.IncognitoChecks.AsNoTracking().Where(c => c.CheckedOn >= new DateOnly(scheme.Year, 1, 1) && c.CheckedOn <= new DateOnly(scheme.Year, 12, 31)).ToListAsync(ct);
        var manualByKey = manual.ToDictionary(s => (s.ItemId, s.AssesseeKey), s => s.Points);
        var vetoByKey = vetoes.ToDictionary(v => v.AssesseeKey, v => v.Reason);
        var itemsById = items.ToDictionary(i => i.Id);
        var specs = items.Select(i => i.Spec).ToList();

        var scored = assessees.Select(a =>
        {
            bool Mine(string unitKey, string regionCode) => a.Kind == AssesseeKind.District ? RegionCode.IsWithin(regionCode, a.RegionCode) : unitKey == a.Key;

            ItemEvidence Evidence(ItemSpec spec)
            {
                var item = itemsById[spec.Id];
                if (item.AppliesTo is AssesseeKind k && k != a.Kind)
                {
                    return ItemEvidence.NotApplicable;
                }

                switch (item.Kind)
                {
                    case AssessmentItemKind.Target:
                        if (!targets.TryGetValue(item.TargetId!.Value, out var target) || target.Value is not decimal value)
                        {
                            return ItemEvidence.NotApplicable;
                        }

                        var mineOnTask = assignments.Where(x => x.TaskId == target.TaskId && Mine(x.UnitKey, x.RegionCode)).Select(x => x.UnitKey).Distinct().ToList();
                        return new ItemEvidence(mineOnTask.Count > 0,
                            [.. mineOnTask.Select(u => AssessmentScoring.TargetAttainment(target.Comparator, value, measured.TryGetValue((target.Id, u), out var m) ? m : null))], 0, null);
                    case AssessmentItemKind.TaskCompletion:
                        var mineInPlan = assignments.Where(x => x.PlanId == item.PlanId && Mine(x.UnitKey, x.RegionCode)).ToList();
                        return new ItemEvidence(mineInPlan.Count > 0, [.. mineInPlan.Select(x => (decimal?)AssessmentWeights.CompletionShare(x))], 0, null);
                    case AssessmentItemKind.IncognitoChecks:
                        var problems = checks.Where(c => a.Kind == AssesseeKind.District ? RegionCode.IsWithin(c.RegionCode, a.RegionCode) : c.UnitKey == a.Key).Sum(c => c.Problems);
                        return new ItemEvidence(true, [], problems, null);
                    default:
                        return new ItemEvidence(true, [], 0, manualByKey.TryGetValue((item.Id, a.Key), out var p) ? p : null);
                }
            }

            return (Assessee: a, Score: AssessmentScoring.Score(specs, Evidence, vetoByKey.ContainsKey(a.Key), scheme.Thresholds));
        }).ToList();

        var rows = new List<Row>();
        foreach (var kind in new[] { AssesseeKind.District, AssesseeKind.Department })
        {
            foreach (var (x, rank) in AssessmentScoring.Rank(scored.Where(s => s.Assessee.Kind == kind), s => s.Score.Total, s => s.Score.Vetoed))
            {
                var prev = last.GetValueOrDefault(x.Assessee.Key);
                rows.Add(new Row(x.Assessee, x.Score, rank, vetoByKey.GetValueOrDefault(x.Assessee.Key), prev?.Total, prev?.Rank));
            }
        }

        return rows;
    }

    /// <summary>Freezes the results, makes them public, proposes 约谈 and tells each district. One transaction.</summary>
    public async Task<SchemeView> PublishAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.AssessmentSchemes.FirstOrDefaultAsync(s => s.Id == schemeId, ct)
            ?? throw ShianProblemException.NotFound("governance.assessment-not-found", "考核方案不存在");
        EnsureMayManage(scheme.RegionCode);
        if (scheme.Status == AssessmentStatus.Published)
        {
            throw ShianProblemException.Conflict("governance.assessment-published", "该考核结果已公布，不能再修改。");
        }

        var view = await ViewOfAsync(scheme, ct);
        if (view.PublishBlockers.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-not-ready", "考核方案尚不能公布：" + string.Join("；", view.PublishBlockers),
                new Dictionary<string, string[]> { ["items"] = [.. view.PublishBlockers] });
        }

        if (view.Districts.Count + view.Departments.Count == 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-not-ready", "考核方案没有被考核单位，不能公布。");
        }

        var lastYear = await LastYearAsync(scheme, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var existingProposals = await db.Interviews.IgnoreQueryFilters([RegionScope.FilterName]).Where(i => i.SchemeId == scheme.Id).Select(i => i.SubjectKey).ToListAsync(ct);
        foreach (var row in view.Districts.Concat(view.Departments))
        {
            db.AssessmentResults.Add(new AssessmentResult
            {
                SchemeId = scheme.Id, Year = scheme.Year, RegionCode = row.Assessee.RegionCode, SchemeRegionCode = scheme.RegionCode,
                AssesseeKey = row.Assessee.Key, AssesseeName = row.Assessee.Name, AssesseeKind = row.Assessee.Kind,
                BaseScore = row.Score.Base, Bonus = row.Score.Bonus, Total = row.Score.Total, Rank = row.Rank, Grade = row.Score.Grade,
                Vetoed = row.Score.Vetoed, VetoReason = row.VetoReason, TargetsMissed = row.Score.TargetsMissed,
                ItemsJson = JsonSerializer.Serialize(row.Score.Items, Json),
            });

            // 约谈 concerns regions (地区): districts only.
            if (row.Assessee.Kind != AssesseeKind.District || existingProposals.Contains(row.Assessee.Key))
            {
                continue;
            }

            var trigger = InterviewRule.Propose(row.Score.Grade, row.Score.TargetsMissed, lastYear.GetValueOrDefault(row.Assessee.Key)?.TargetsMissed);
            if (trigger is InterviewTrigger t)
            {
                db.Interviews.Add(new Interview
                {
                    RegionCode = row.Assessee.RegionCode, IssuerRegionCode = scheme.RegionCode, SubjectKey = row.Assessee.Key, SubjectName = row.Assessee.Name,
                    Trigger = t, Year = scheme.Year, SchemeId = scheme.Id, Status = InterviewStatus.Proposed, ProposedAtUtc = now,
                    Reason = t == InterviewTrigger.AssessmentFailed
                        ? $"{scheme.Year} 年度考核{(row.Score.Vetoed ? "被一票否决" : $"得分 {row.Score.Total:0.##}，不合格")}"
                        : $"{scheme.Year - 1}、{scheme.Year} 年连续未完成目标（本年 {row.Score.TargetsMissed} 项）",
                });
            }
        }

        scheme.Status = AssessmentStatus.Published;
        scheme.PublishedBy = db.Request.UserName;
        scheme.PublishedAtUtc = now;
        var who = await recipients.LoadAsync(ct);
        foreach (var row in view.Districts)
        {
            notifier.Notify(who(row.Assessee.RegionCode), $"考核结果公布：{scheme.Title}",
                $"{row.Assessee.Name} 得分 {row.Score.Total:0.##}，排名第 {row.Rank}，{AssessmentScoring.Label(row.Score.Grade)}", $"/governance/assessments/{scheme.Id}");
        }

        await db.SaveChangesAsync(ct);
        return (await ViewAsync(scheme.Id, ct))!;
    }

    /// <summary>Published schemes and their results, for the public portal: read past the region filter (reviewed: only published rows).</summary>
    public async Task<IReadOnlyList<AssessmentScheme>> PublishedSchemesAsync(CancellationToken ct) =>
        await db.AssessmentSchemes.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(s => s.Status == AssessmentStatus.Published)
            .OrderByDescending(s => s.Year).ThenBy(s => s.RegionCode).ToListAsync(ct);

    public async Task<SchemeView?> PublishedViewAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.AssessmentSchemes.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == schemeId && s.Status == AssessmentStatus.Published, ct);
        if (scheme is null)
        {
            return null;
        }

        var results = await db.AssessmentResults.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(r => r.SchemeId == scheme.Id).ToListAsync(ct);
        var items = await db.AssessmentItems.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(i => i.SchemeId == scheme.Id).OrderBy(i => i.Ordinal).ToListAsync(ct);
        var last = await LastYearAsync(scheme, ct);
        var rows = results.Select(r => FromResult(r, last)).OrderBy(r => r.Rank).ThenBy(r => r.Assessee.Key, StringComparer.Ordinal).ToList();
        return new SchemeView(scheme, items, [.. rows.Where(r => r.Assessee.Kind == AssesseeKind.District)], [.. rows.Where(r => r.Assessee.Kind == AssesseeKind.Department)],
            [], [], [], last.Count > 0 ? scheme.Year - 1 : null);
    }

    private async Task<AssessmentScheme> DraftAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.AssessmentSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schemeId, ct)
            ?? throw ShianProblemException.NotFound("governance.assessment-not-found", "考核方案不存在");
        EnsureMayManage(scheme.RegionCode);
        if (scheme.Status == AssessmentStatus.Published)
        {
            throw ShianProblemException.Conflict("governance.assessment-published", "该考核结果已公布，不能再修改。");
        }

        return scheme;
    }

    /// <summary>Only the assessing office (its coordinators) or an administrator manage a scheme; a district officer only reads its results.</summary>
    private void EnsureMayManage(string regionCode) => EnsureMayManage(db, regionCode);

    internal static void EnsureMayManage(ShianDb db, string regionCode)
    {
        // The role (coordinator/admin) is required by the endpoints and pages; here the region.
        if (!db.Request.Scope.AllowsCreateIn(regionCode))
        {
            throw ShianProblemException.RegionForbidden("只有组织考核的食安办可以管理考核方案。");
        }
    }
}
