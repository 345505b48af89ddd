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
/// <remarks>The ranking is in <see cref="AssessmentRanking"/>, publication in <see cref="AssessmentPublication"/>.</remarks>
public sealed class AssessmentService(ShianDb db, AssessmentRanking ranking, TimeProvider clock)
{
    public sealed record CreateRequest(string RegionCode, int Year, string? Title, bool FromPlans);

    public sealed record ItemRequest(string Name, AssessmentItemKind Kind, decimal Weight, AssesseeKind? AppliesTo, Guid? TargetId, Guid? PlanId, decimal? DeductionPerProblem);

    public sealed record ItemUpdate(string? Name, decimal? Weight, AssesseeKind? AppliesTo, bool ClearAppliesTo, decimal? DeductionPerProblem);

    public sealed record ScoreRequest(string AssesseeKey, decimal? Points, string? Note);

    public sealed record VetoRequest(string AssesseeKey, string Reason, DateOnly OccurredOn);

    public const decimal FullMarks = 100;

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
                             select new { t.Id, t.Text, t.Comparator, t.Value, t.Unit, task.Number, task.PlanId }).ToListAsync(ct);
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
            items.Add(NewItem(scheme, Rules.TargetJudgement.ItemName(target.Number, target.Text, target.Comparator, target.Value!.Value, target.Unit), AssessmentItemKind.Target, weight, targetId: target.Id));
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

        var assessees = await ranking.AssesseesAsync(scheme, ct);
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
        if ((await ranking.AssesseesAsync(scheme, ct)).All(a => a.Key != request.AssesseeKey))
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


    internal async Task<AssessmentScheme> DraftAsync(Guid schemeId, CancellationToken ct)
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
    internal void EnsureMayManage(string regionCode) => EnsureMayManage(db, regionCode);

    internal static void EnsureMayManage(ShianDb db, string regionCode)
    {
        // The role (coordinator/admin) is required by the endpoints and pages; here the region.
        if (!db.Request.Scope.AllowsCreateIn(regionCode))
        {
            throw ShianProblemException.RegionForbidden("只有组织考核的食安办可以管理考核方案。");
        }
    }
}
