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
/// The ranking of a 考核 scheme: who is assessed, each item scored from the platform's evidence (targets and their
/// measured values, task completion, 暗访 problems, the assessors' scores) and ranked; live while a draft, the frozen
/// results once published.
/// </summary>
public sealed class AssessmentRanking(ShianDb db, UnitCatalogService units)
{
    public sealed record Assessee(string Key, string Name, AssesseeKind Kind, string RegionCode);

    public sealed record Row(Assessee Assessee, AssesseeScore Score, int Rank, string? VetoReason, decimal? LastYearTotal, int? LastYearRank)
    {
        public decimal? Change => LastYearTotal is decimal last ? Score.Total - last : null;

        public int? RankChange => LastYearRank is int last ? last - Rank : null;
    }

    public sealed record SchemeView(AssessmentScheme Scheme, IReadOnlyList<AssessmentItem> Items, IReadOnlyList<Row> Districts, IReadOnlyList<Row> Departments,
        IReadOnlyList<AssessmentVeto> Vetoes, IReadOnlyList<AssessmentManualScore> ManualScores, IReadOnlyList<string> PublishBlockers, int? LastYear);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The scheme with its ranking: live while a draft, the frozen results once published.</summary>
    public async Task<SchemeView?> ViewAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.AssessmentSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schemeId, ct);
        return scheme is null ? null : await ViewOfAsync(scheme, ct);
    }

    internal async Task<SchemeView> ViewOfAsync(AssessmentScheme scheme, CancellationToken ct)
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

    internal static Row FromResult(AssessmentResult r, IReadOnlyDictionary<string, AssessmentResult> last)
    {
        var items = JsonSerializer.Deserialize<List<ItemScore>>(r.ItemsJson, Json) ?? [];
        var score = new AssesseeScore(items, r.BaseScore, r.Bonus, r.Total, r.Vetoed, r.Grade, r.TargetsMissed);
        var prev = last.GetValueOrDefault(r.AssesseeKey);
        return new Row(new Assessee(r.AssesseeKey, r.AssesseeName, r.AssesseeKind, r.RegionCode), score, r.Rank, r.VetoReason, prev?.Total, prev?.Rank);
    }

    /// <summary>Last year's published results of the same office, by assessee.</summary>
    internal async Task<IReadOnlyDictionary<string, AssessmentResult>> LastYearAsync(AssessmentScheme scheme, CancellationToken ct)
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
        if (sum != AssessmentService.FullMarks)
        {
            blockers.Add($"基本项目权重合计应为 {AssessmentService.FullMarks:0} 分，当前为 {sum:0.##} 分");
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
                        // No 暗访 of the assessee in the year: the item does not apply (not full marks for nothing checked).
                        var theirs = checks.Where(c => a.Kind == AssesseeKind.District ? RegionCode.IsWithin(c.RegionCode, a.RegionCode) : c.UnitKey == a.Key).ToList();
                        return theirs.Count == 0
                            ? new ItemEvidence(false, [], 0, null, "本年度未开展暗访，不计分（按其余项目折算）")
                            : new ItemEvidence(true, [], theirs.Sum(c => c.Problems), null);
                    default:
                        return new ItemEvidence(true, [], 0, manualByKey.TryGetValue((item.Id, a.Key), out var p) ? p : null);
                }
            }

            return (Assessee: a, Score: AssessmentScoring.Score(specs, Evidence, vetoByKey.ContainsKey(a.Key), scheme.Thresholds));
        }).ToList();

        var rows = new List<Row>();
        var anyMeasured = scored.Any(s => s.Score.Measured);
        foreach (var kind in new[] { AssesseeKind.District, AssesseeKind.Department })
        {
            // With nothing measured for anyone (nothing reported, scored or checked), nobody is ranked or graded: rank 0 means
            // "no data yet" (usability finding 9). Once anything is measured, everyone is ranked — not reporting scores 0.
            if (!anyMeasured)
            {
                rows.AddRange(scored.Where(s => s.Assessee.Kind == kind).Select(x => new Row(x.Assessee, x.Score, 0, vetoByKey.GetValueOrDefault(x.Assessee.Key), null, null)));
                continue;
            }

            foreach (var (x, rank) in AssessmentScoring.Rank(scored.Where(s => s.Assessee.Kind == kind), s => s.Score.Total, s => s.Score.Vetoed))
            {
                var prev = last.GetValueOrDefault(x.Assessee.Key);
                rows.Add(new Row(x.Assessee, x.Score, rank, vetoByKey.GetValueOrDefault(x.Assessee.Key), prev?.Total, prev?.Rank));
            }
        }

        return rows;
    }
}
