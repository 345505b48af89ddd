using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// Yearly sampling plans: quotas per 1 000 people (or fixed), optionally for one food category or business type, the
/// population figure recorded, each quota shared among the plan's districts by population; progress counts the samples
/// taken in each district against its share.
/// </summary>
public sealed class SamplingPlans(ShianDb db, Standards standards, TimeProvider clock)
{
    public sealed record QuotaInput(QuotaKind Kind, string? Name, decimal? PerThousand, int? FixedCount, string? CategoryCode, Registry.Contracts.BusinessKind? BusinessKind = null);

    public sealed record PlanRequest(string RegionCode, int Year, string? Title, IReadOnlyList<QuotaInput>? Quotas, long? Population, string? PopulationSource);

    public sealed record QuotaProgress(SamplingQuota Quota, int Taken, IReadOnlyList<AllocationProgress> Districts);

    public sealed record AllocationProgress(string RegionCode, string Name, long Population, int Required, int Taken);

    public static IReadOnlyDictionary<QuotaKind, string> KindLabels { get; } = new Dictionary<QuotaKind, string>
    {
        [QuotaKind.Total] = "食品抽检（份/千人）", [QuotaKind.Residue] = "农药兽药残留检测（份/千人）", [QuotaKind.RiskMonitoring] = "风险监测（件/千人）", [QuotaKind.Fixed] = "固定批次",
    };

    public async Task<SamplingPlan> CreateAsync(PlanRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = ChinaTime.Today(clock);
        var region = RegionCode.IsValid(r.RegionCode) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == r.RegionCode, ct) : null;
        if (region is null || region.Level is not (RegionLevel.City or RegionLevel.County))
        {
            errors["regionCode"] = ["请选择市或县（区）"];
        }

        if (r.Year < today.Year - 1 || r.Year > today.Year + 1)
        {
            errors["year"] = [$"年度应在 {today.Year - 1}–{today.Year + 1} 之间"];
        }

        var quotas = r.Quotas ?? [];
        if (quotas.Count == 0)
        {
            errors["quotas"] = ["至少填写一项指标（如 食品抽检 4.5 份/千人）"];
        }

        var library = await standards.LibraryAsync(ct);
        for (var i = 0; i < quotas.Count; i++)
        {
            var q = quotas[i];
            var row = $"第 {i + 1} 项指标";
            if (q.Kind == QuotaKind.Fixed ? q.FixedCount is not > 0 : q.PerThousand is < 0 or > 100)
            {
                errors[$"quotas[{i}]"] = [q.Kind == QuotaKind.Fixed ? $"{row}：请填写批次数（正整数）" : $"{row}：份/千人应在 0–100 之间（可暂不填写）"];
            }
            else if (q.CategoryCode is { } c && !library.Categories.ContainsKey(c))
            {
                errors[$"quotas[{i}]"] = [$"{row}：食品类别 {c} 不存在"];
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("sampling.plan-invalid", "抽检计划有误", errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(region!.Code))
        {
            throw ShianProblemException.RegionForbidden($"您无权为 {region.Name} 制定抽检计划。");
        }

        // The districts the quotas are shared among (a county plan keeps its quota), each with its population.
        var tree = new RegionTree(await db.Regions.AsNoTracking().Where(x => x.Code.StartsWith(RegionCode.Prefix(region.Code))).ToListAsync(ct));
        var figures = await db.PopulationFigures.AsNoTracking().ToListAsync(ct);
        var districts = region.Level == RegionLevel.City ? tree.CountiesOf(region.Code).ToList() : [region];
        var parts = new List<(string Region, long Population)>();
        var missing = new List<string>();
        foreach (var d in districts)
        {
            var p = PopulationRollup.For(d.Code, tree, figures);
            if (p.Population is long n)
            {
                parts.Add((d.Code, n));
            }
            else
            {
                missing.Add(d.Name);
            }
        }

        if (missing.Count > 0)
        {
            throw ShianProblemException.Invalid("sampling.population-missing", $"以下区划缺少常住人口数据，无法按人口分配指标：{string.Join("、", missing)}。请管理员录入人口数据后再制定计划。",
                new Dictionary<string, string[]> { ["regionCode"] = [$"缺少人口数据：{string.Join("、", missing)}"] });
        }

        var population = r.Population ?? parts.Sum(p => p.Population);
        var years = figures.Where(f => parts.Any(p => p.Region == f.RegionCode)).Select(f => f.Year).Distinct().Order().ToList();
        var source = r.Population is null ? $"{string.Join("、", years)} 年常住人口（各县区合计，区划人口库）" : (r.PopulationSource?.Trim() is { Length: > 0 } s ? s : "计划填写");
        var plan = new SamplingPlan
        {
            RegionCode = region.Code, Year = r.Year, Title = string.IsNullOrWhiteSpace(r.Title) ? $"{region.Name}{r.Year}年食品安全抽检监测计划" : r.Title.Trim(),
            Population = population, PopulationSource = source, CreatedBy = db.Request.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.SamplingPlans.Add(plan);
        foreach (var q in quotas)
        {
            var required = q.Kind == QuotaKind.Fixed ? q.FixedCount : q.PerThousand is decimal rate ? QuotaRules.Required(rate, population) : null;
            var quota = new SamplingQuota
            {
                PlanId = plan.Id, RegionCode = region.Code, Kind = q.Kind, Name = string.IsNullOrWhiteSpace(q.Name) ? KindLabels[q.Kind] : q.Name.Trim(),
                PerThousand = q.Kind == QuotaKind.Fixed ? null : q.PerThousand, FixedCount = q.Kind == QuotaKind.Fixed ? q.FixedCount : null, Required = required, CategoryCode = q.CategoryCode, BusinessKind = q.BusinessKind,
            };
            db.SamplingQuotas.Add(quota);
            if (required is int total)
            {
                foreach (var (code, share) in QuotaRules.Allocate(total, parts))
                {
                    db.QuotaAllocations.Add(new QuotaAllocation { QuotaId = quota.Id, PlanId = plan.Id, RegionCode = code, Population = parts.Single(p => p.Region == code).Population, Required = share });
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>
    /// Sets a blank rate later (seed 004 leaves "x 份/千人" for the city to fill in) and shares it among the districts.
    /// </summary>
    public async Task<SamplingQuota> SetRateAsync(Guid planId, Guid quotaId, decimal? rate, CancellationToken ct)
    {
        var quota = await db.SamplingQuotas.FirstOrDefaultAsync(q => q.Id == quotaId && q.PlanId == planId, ct)
            ?? throw ShianProblemException.NotFound("sampling.quota-not-found", "指标不存在");
        if (quota.Kind == QuotaKind.Fixed || rate is not (>= 0 and <= 100) || rate is not decimal perThousand)
        {
            throw ShianProblemException.Invalid("sampling.plan-invalid", "份/千人应在 0–100 之间", new Dictionary<string, string[]> { ["perThousand"] = ["份/千人应在 0–100 之间"] });
        }

        var plan = await db.SamplingPlans.FirstAsync(p => p.Id == planId, ct);
        var allocations = await db.QuotaAllocations.Where(a => a.QuotaId == quotaId).ToListAsync(ct);
        quota.PerThousand = perThousand;
        quota.Required = QuotaRules.Required(perThousand, plan.Population);
        var parts = await DistrictPartsAsync(plan, allocations, ct);
        var shares = QuotaRules.Allocate(quota.Required.Value, parts);
        foreach (var (code, share) in shares)
        {
            if (allocations.FirstOrDefault(a => a.RegionCode == code) is { } existing)
            {
                existing.Required = share;
            }
            else
            {
                db.QuotaAllocations.Add(new QuotaAllocation { QuotaId = quota.Id, PlanId = plan.Id, RegionCode = code, Population = parts.Single(p => p.Region == code).Population, Required = share });
            }
        }

        await db.SaveChangesAsync(ct);
        return quota;
    }

    private async Task<List<(string Region, long Population)>> DistrictPartsAsync(SamplingPlan plan, List<QuotaAllocation> existing, CancellationToken ct)
    {
        var other = await db.QuotaAllocations.AsNoTracking().Where(a => a.PlanId == plan.Id).Select(a => new { a.RegionCode, a.Population }).Distinct().ToListAsync(ct);
        var parts = other.Concat(existing.Select(a => new { a.RegionCode, a.Population })).DistinctBy(a => a.RegionCode).Select(a => (a.RegionCode, a.Population)).ToList();
        return parts.Count > 0 ? parts : [(plan.RegionCode, plan.Population)];
    }

    /// <summary>Progress of each quota: samples of the plan taken in each district (residue quotas count samples with a residue item; a category quota its category's).</summary>
    public async Task<IReadOnlyList<QuotaProgress>> ProgressAsync(SamplingPlan plan, CancellationToken ct)
    {
        var quotas = await db.SamplingQuotas.AsNoTracking().Where(q => q.PlanId == plan.Id).OrderBy(q => q.Kind).ToListAsync(ct);
        var allocations = await db.QuotaAllocations.AsNoTracking().Where(a => a.PlanId == plan.Id).ToListAsync(ct);
        var names = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(RegionCode.Prefix(plan.RegionCode))).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var samples = await db.Samples.AsNoTracking().Where(s => s.PlanId == plan.Id)
            .Select(s => new PlanSample(s.PlanId, s.RegionCode, s.Kind, s.Residue, s.CategoryCode, s.BusinessKind)).ToListAsync(ct);
        var library = await standards.LibraryAsync(ct);
        var result = new List<QuotaProgress>();
        foreach (var q in quotas)
        {
            var counted = samples.Where(s => CountsToward(q, s, library)).ToList();
            var districts = allocations.Where(a => a.QuotaId == q.Id).OrderBy(a => a.RegionCode)
                .Select(a => new AllocationProgress(a.RegionCode, names.GetValueOrDefault(a.RegionCode, a.RegionCode), a.Population, a.Required,
                    counted.Count(s => s.RegionCode.StartsWith(RegionCode.Prefix(a.RegionCode), StringComparison.Ordinal)))).ToList();
            result.Add(new QuotaProgress(q, counted.Count, districts));
        }

        return result;
    }

    public sealed record MyAllocation(Guid PlanId, string PlanTitle, int Year, string QuotaName, QuotaKind Kind, string RegionCode, int Required, int Taken);

    /// <summary>
    /// The shares allocated to the caller's regions, also under a plan of an enclosing region (a district sees its share of
    /// the city plan). The plans and quotas are read past the region filter by name — reviewed: only the title, year and
    /// quota name of plans that allocated a share to a region the caller holds; samples are counted as the caller sees them.
    /// </summary>
    public async Task<IReadOnlyList<MyAllocation>> AllocationsAsync(int year, CancellationToken ct)
    {
        var allocations = await db.QuotaAllocations.AsNoTracking().ToListAsync(ct);
        var planIds = allocations.Select(a => a.PlanId).Distinct().ToList();
        var plans = await db.SamplingPlans.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AsNoTracking()
            .Where(p => planIds.Contains(p.Id) && p.Year == year).ToDictionaryAsync(p => p.Id, ct);
        var quotaIds = allocations.Select(a => a.QuotaId).ToList();
        var quotas = await db.SamplingQuotas.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AsNoTracking().Where(q => quotaIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var samples = await db.Samples.AsNoTracking().Where(s => s.PlanId != null && planIds.Contains(s.PlanId.Value))
            .Select(s => new PlanSample(s.PlanId, s.RegionCode, s.Kind, s.Residue, s.CategoryCode, s.BusinessKind)).ToListAsync(ct);
        var library = await standards.LibraryAsync(ct);
        return [.. allocations.Where(a => plans.ContainsKey(a.PlanId) && quotas.ContainsKey(a.QuotaId)).OrderBy(a => a.RegionCode).ThenBy(a => quotas[a.QuotaId].Kind)
            .Select(a =>
            {
                var q = quotas[a.QuotaId];
                var taken = samples.Count(s => s.PlanId == a.PlanId && s.RegionCode.StartsWith(RegionCode.Prefix(a.RegionCode), StringComparison.Ordinal) && CountsToward(q, s, library));
                return new MyAllocation(a.PlanId, plans[a.PlanId].Title, plans[a.PlanId].Year, q.Name, q.Kind, a.RegionCode, a.Required, taken);
            })];
    }

    /// <summary>What a quota needs to know of a sample of its plan.</summary>
    private sealed record PlanSample(Guid? PlanId, string RegionCode, SampleKind Kind, bool Residue, string CategoryCode, Registry.Contracts.BusinessKind BusinessKind);

    /// <summary>
    /// Whether a sample counts toward a quota: every sample toward 食品抽检 and fixed counts, those with a residue item toward
    /// 农药兽药残留, risk-monitoring samples toward 风险监测; then the quota's food category (sub-categories included) and business kind.
    /// </summary>
    private static bool CountsToward(SamplingQuota q, PlanSample s, Standards.Library library) =>
        (q.Kind switch { QuotaKind.Residue => s.Residue, QuotaKind.RiskMonitoring => s.Kind == SampleKind.RiskMonitoring, _ => true })
        && (q.CategoryCode is null || library.Book.Lineage(s.CategoryCode).Contains(q.CategoryCode))
        && (q.BusinessKind is null || s.BusinessKind == q.BusinessKind);
}
