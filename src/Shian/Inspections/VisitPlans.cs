using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;
using Shian.Inspections.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;
using Shian.Risk.Contracts;

namespace Shian.Inspections;

/// <summary>
/// Risk-based yearly plans and special campaigns: picks the businesses, asks <see cref="VisitPlanner"/> to spread their
/// visits and inspectors, and stores the plan and its visits in one transaction.
/// </summary>
public sealed class VisitPlans(ShianDb db, IBusinessDirectory directory, IRiskGrades grades, TimeProvider clock, Kernel.Calendar.WorkingDayCalendarProvider calendar,
    IConfiguration configuration)
{
    /// <summary>
    /// Visits one inspector takes part in per working day (Inspections:VisitsPerInspectorPerDay, default 2: two half-day
    /// inspections; an office sets its own). A plan never schedules more than its inspectors can make.
    /// </summary>
    public decimal VisitsPerInspectorPerDay => configuration.GetValue("Inspections:VisitsPerInspectorPerDay", 2m);

    public sealed record RiskPlanRequest(string RegionCode, int Year, string? Title);

    public sealed record CampaignRequest(string RegionCode, CampaignKind Kind, string? Title, DateOnly StartsOn, DateOnly EndsOn,
        IReadOnlyList<BusinessKind>? Kinds, IReadOnlyList<string>? Places, IReadOnlyList<string>? Areas, IReadOnlyList<string>? Grades, IReadOnlyList<Guid>? BusinessIds);

    public static IReadOnlyDictionary<CampaignKind, string> CampaignLabels { get; } = new Dictionary<CampaignKind, string>
    {
        [CampaignKind.Special] = "专项整治", [CampaignKind.Flying] = "飞行检查", [CampaignKind.Seasonal] = "节令检查", [CampaignKind.SchoolTerm] = "开学季检查",
    };

    /// <summary>
    /// The yearly plan of a region: every operating business with its grade's minimum frequency (未评级: once), scaled to
    /// the rest of the year when made after 1 January, and the two-year full-inspection floor. One plan per region and
    /// year (a city's plan and its districts' plans may coexist: each level plans the businesses it supervises).
    /// </summary>
    public async Task<InspectionPlan> CreateRiskPlanAsync(RiskPlanRequest body, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var errors = new Dictionary<string, string[]>();
        var region = await RegionAsync(body.RegionCode, errors, ct);
        if (body.Year < today.Year || body.Year > today.Year + 1)
        {
            errors["year"] = [$"只能制定 {today.Year} 或 {today.Year + 1} 年的计划"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("inspections.plan-invalid", "检查计划条件有误", errors);
        }

        region = EnsureMayPlanIn(region!);
        if (await db.InspectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Kind == PlanKind.RiskBased && p.Year == body.Year && p.RegionCode == region.Code, ct) is { } other)
        {
            throw ShianProblemException.Conflict("inspections.plan-exists", $"{body.Year} 年已有该区划的风险分级检查计划：{other.Title}");
        }

        var from = body.Year == today.Year ? today : new DateOnly(body.Year, 1, 1);
        var to = new DateOnly(body.Year, 12, 31);
        var share = (to.DayNumber - from.DayNumber + 1) / (double)(to.DayNumber - new DateOnly(body.Year, 1, 1).DayNumber + 1);
        var facts = await OperatingAsync(region.Code, _ => true, ct);
        var frequencies = await grades.FrequenciesAsync([.. facts.Select(f => f.Id)], ct);
        var history = await InspectorPool.HistoryAsync(db, [.. facts.Select(f => f.Id)], ct);

        // 第二十一条: frequency by grade — the scheme's minimum, scaled to the part of the year left; an ungraded business once.
        var targets = facts.Select(f => new PlanTarget(f.Id,
            (int)Math.Ceiling((frequencies.TryGetValue(f.Id, out var g) ? g.InspectionsPerYearMin : 1) * share - 1e-9),
            history.GetValueOrDefault(f.Id).Last, history.TryGetValue(f.Id, out var h) ? h.Inspectors : [])).ToList();
        var title = string.IsNullOrWhiteSpace(body.Title) ? $"{region.Name}{body.Year}年食品生产经营风险分级监督检查计划" : body.Title.Trim();
        return await SaveAsync(region, PlanKind.RiskBased, null, title, from, to, new { year = body.Year, ungraded = facts.Count(f => !frequencies.ContainsKey(f.Id)) }, facts, targets, ct);
    }

    /// <summary>A campaign: the operating businesses of the region matching every filter given (or the businesses named), one visit each within the window.</summary>
    public async Task<InspectionPlan> CreateCampaignAsync(CampaignRequest body, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var errors = new Dictionary<string, string[]>();
        var region = await RegionAsync(body.RegionCode, errors, ct);
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Trim().Length > 300)
        {
            errors["title"] = ["请填写专项检查名称（300 字以内），如“2026 年秋季开学校园周边食品安全专项检查”"];
        }

        if (body.EndsOn < body.StartsOn)
        {
            errors["endsOn"] = ["结束日期不能早于开始日期"];
        }
        else if (body.EndsOn < today)
        {
            errors["endsOn"] = ["结束日期已过"];
        }
        else if (body.EndsOn.DayNumber - body.StartsOn.DayNumber > 366)
        {
            errors["endsOn"] = ["专项检查的时间不超过一年"];
        }

        var places = BusinessPlace.None;
        foreach (var p in body.Places ?? [])
        {
            if (!RegistryLabels.TryPlaces(p, out var parsed, out var unknown))
            {
                errors["places"] = [$"场所“{unknown}”无法识别（可选：{string.Join("、", RegistryLabels.Places.Values)}）"];
                break;
            }

            places |= parsed;
        }

        var gradeFilter = (body.Grades ?? []).Select(g => g.Trim().ToUpperInvariant()).ToHashSet();
        if (gradeFilter.Any(g => g is not ("A" or "B" or "C" or "D")))
        {
            errors["grades"] = ["风险等级应为 A、B、C、D"];
        }

        var areas = (body.Areas ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        if (region is not null && areas.FirstOrDefault(a => !RegionCode.IsValid(a) || !a.StartsWith(RegionCode.Prefix(region.Code), StringComparison.Ordinal)) is { } badArea)
        {
            errors["areas"] = [$"区域 {badArea} 不在 {region.Name} 内"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("inspections.plan-invalid", "专项检查条件有误", errors);
        }

        region = EnsureMayPlanIn(region!);
        var kinds = (body.Kinds ?? []).ToHashSet();
        var named = (body.BusinessIds ?? []).ToHashSet();
        var areaPrefixes = areas.Select(RegionCode.Prefix).ToList();
        var facts = await OperatingAsync(region.Code, f =>
            (named.Count == 0 || named.Contains(f.Id))
            && (kinds.Count == 0 || kinds.Contains(f.Kind))
            && (places == BusinessPlace.None || (f.Places & places) != 0)
            && (areaPrefixes.Count == 0 || areaPrefixes.Any(a => f.RegionCode.StartsWith(a, StringComparison.Ordinal))), ct);
        if (named.Count > 0 && facts.Count < named.Count)
        {
            throw ShianProblemException.Invalid("inspections.plan-invalid", "专项检查条件有误",
                new Dictionary<string, string[]> { ["businessIds"] = [$"{named.Count - facts.Count} 家指定的经营者不存在、不在该区划内或未在营"] });
        }

        if (gradeFilter.Count > 0)
        {
            var current = await grades.CurrentAsync([.. facts.Select(f => f.Id)], ct);
            facts = [.. facts.Where(f => current.TryGetValue(f.Id, out var g) && gradeFilter.Contains(g))];
        }

        if (facts.Count == 0)
        {
            throw ShianProblemException.Invalid("inspections.plan-empty", "没有符合条件的在营经营者，请放宽条件");
        }

        var history = await InspectorPool.HistoryAsync(db, [.. facts.Select(f => f.Id)], ct);
        var targets = facts.Select(f => new PlanTarget(f.Id, 1, null, history.TryGetValue(f.Id, out var h) ? h.Inspectors : [])).ToList();
        var from = body.StartsOn < today ? today : body.StartsOn;
        var filters = new
        {
            kinds = kinds.Select(k => k.ToString()), places = RegistryLabels.PlacesText(places), areas, grades = gradeFilter, businessIds = named,
        };
        return await SaveAsync(region, PlanKind.Campaign, body.Kind, body.Title!.Trim(), from, body.EndsOn, filters, facts, targets, ct);
    }

    private async Task<InspectionPlan> SaveAsync(Region region, PlanKind kind, CampaignKind? campaign, string title, DateOnly from, DateOnly to, object filters,
        IReadOnlyList<BusinessFacts> facts, List<PlanTarget> targets, CancellationToken ct)
    {
        var inspectors = await InspectorPool.LoadAsync(db, region.Code, ct);
        VisitPlan plan;
        try
        {
            // A campaign's visits are not full-checklist floors (FullCycleYears large): they target the campaign's items.
            var cal = calendar.Current;
            plan = VisitPlanner.Plan(new VisitPlanRequest(targets, [.. inspectors.Select(i => i.Inspector)], from, to, kind == PlanKind.RiskBased ? 2 : 1000,
                VisitsPerInspectorPerDay: VisitsPerInspectorPerDay, WorkingDays: period => cal.WorkingDaysBetween(period.From.AddDays(-1), period.To).Days));
        }
        catch (DrawRefused e)
        {
            throw ShianProblemException.Invalid("inspections.plan-refused", e.Message);
        }

        var names = inspectors.ToDictionary(i => i.Inspector.Id);
        var byId = facts.ToDictionary(f => f.Id);
        var entity = new InspectionPlan
        {
            RegionCode = region.Code, Kind = kind, Campaign = campaign, Title = title, Year = from.Year, StartsOn = from, EndsOn = to,
            FiltersJson = JsonSerializer.Serialize(filters, JsonSerializerOptions.Web), Businesses = plan.Visits.Select(v => v.BusinessId).Distinct().Count(),
            Visits = plan.Visits.Count, FullChecklistVisits = plan.Visits.Count(v => v.FullChecklistDue), InspectorPoolSize = inspectors.Count,
            UnplacedVisits = plan.Unplaced.Count, UnplacedBusinesses = plan.Unplaced.Distinct().Count(), VisitsPerInspectorPerDay = VisitsPerInspectorPerDay,
            CreatedBy = db.Request.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var purpose = kind == PlanKind.RiskBased ? VisitPurpose.RiskPlan : VisitPurpose.Campaign;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.InspectionPlans.Add(entity);
        await db.SaveChangesAsync(ct);
        foreach (var chunk in plan.Visits.Chunk(2000))
        {
            foreach (var v in chunk)
            {
                var f = byId[v.BusinessId];
                db.PlannedVisits.Add(new PlannedVisit
                {
                    Purpose = purpose, PlanId = entity.Id, BusinessId = f.Id, BusinessName = f.Name, RegionCode = f.RegionCode, DueFrom = v.DueFrom, DueBy = v.DueBy,
                    FullChecklistDue = v.FullChecklistDue, Status = VisitStatus.Planned,
                    InspectorIds = string.Join(',', v.Inspectors.Select(i => names[i].Id)), InspectorNames = string.Join('、', v.Inspectors.Select(i => names[i].Name)),
                });
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await tx.CommitAsync(ct);
        return entity;
    }

    private async Task<List<BusinessFacts>> OperatingAsync(string regionCode, Func<BusinessFacts, bool> match, CancellationToken ct)
    {
        var facts = new List<BusinessFacts>();
        await foreach (var f in directory.StreamAsync(regionCode, ct))
        {
            if (f.Status == BusinessStatus.Operating && match(f))
            {
                facts.Add(f);
            }
        }

        return facts;
    }

    private async Task<Region?> RegionAsync(string? code, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var region = code is not null && RegionCode.IsValid(code) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct) : null;
        if (region is null)
        {
            errors["regionCode"] = ["请选择计划的区划"];
        }

        return region;
    }

    private Region EnsureMayPlanIn(Region region)
    {
        if (!db.Request.Scope.AllowsCreateIn(region.Code))
        {
            throw ShianProblemException.RegionForbidden($"您无权为 {region.Name} 制定检查计划。");
        }

        return region;
    }
}
