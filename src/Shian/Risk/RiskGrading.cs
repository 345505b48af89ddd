using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;
using Shian.Risk.Contracts;
using Shian.Risk.Domain;
using Shian.Risk.Rules;

namespace Shian.Risk;

/// <summary>
/// Grades businesses: the scheme in force for the business's province (else the national one), static and dynamic
/// factors, A–D and the yearly inspection frequency. A new grade row is written only when the result changes; the
/// previous one stays as history.
/// </summary>
public sealed class RiskGrading(ShianDb db, IBusinessDirectory directory, IEnumerable<IRiskEvidenceSource> evidenceSources, TimeProvider clock)
{
    public const string NationalScheme = "CFDA-2016";
    private const int Chunk = 2000;

    public sealed record Outcome(int Graded, int Changed);

    public bool Unrestricted => db.Request.Scope.Unrestricted;

    public sealed record SchemeInForce(RiskScheme Scheme, RiskSchemeDefinition Definition);

    public const string DefaultSchemeName = "Shian 简化评分方案（参照 2016 试行办法，非官方分值表；默认）";

    public const string DefaultSchemeBasis = "简化方案，不是 2016 年官方静态/动态风险因素量化分值表（review D-14）：沿用 CFDA《食品生产经营风险分级管理办法（试行）》食药监食监一〔2016〕115号 的"
        + "静态 40 + 动态 60 分和分级阈值 30/45/60；按主体类型、规模、特殊人群计静态分，按检查结果、抽检不合格、投诉查实、行政处罚计动态分；不按办法的事件上调一至两级"
        + "（省级方案可在定义的 gradeSteps 中设定）；频次 A≥1、B 1–2、C 2–3、D 3–4 次/年（P）";

    /// <summary>The default scheme (Shian simplified, on the 2016 办法's scale and thresholds); created at start-up when missing.</summary>
    public static RiskScheme DefaultScheme(DateTime now) => new()
    {
        Code = NationalScheme, Version = 1, Name = DefaultSchemeName, Province = "00", EffectiveFrom = new DateOnly(2016, 12, 1),
        DefinitionJson = JsonSerializer.Serialize(new RiskSchemeDefinition(), JsonSerializerOptions.Web), CreatedAtUtc = now, Basis = DefaultSchemeBasis,
    };

    public async Task<IReadOnlyList<SchemeInForce>> SchemesAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var all = await db.RiskSchemes.AsNoTracking().Where(s => s.EffectiveFrom <= today).ToListAsync(ct);
        return [.. all.GroupBy(s => s.Province).Select(g => g.OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Version).First())
            .Select(s => new SchemeInForce(s, JsonSerializer.Deserialize<RiskSchemeDefinition>(s.DefinitionJson, JsonSerializerOptions.Web)!))];
    }

    private static SchemeInForce For(IReadOnlyList<SchemeInForce> schemes, string regionCode) =>
        schemes.FirstOrDefault(s => s.Scheme.Province == regionCode[..2]) ?? schemes.FirstOrDefault(s => s.Scheme.Province == "00")
        ?? throw new InvalidOperationException("No risk scheme in force: the national default is missing.");

    /// <summary>Grades every visible business of a region subtree (the nightly pass, or a coordinator's request).</summary>
    public async Task<Outcome> RecomputeRegionAsync(string? regionCode, CancellationToken ct)
    {
        if (regionCode is not null && !db.Request.Scope.AllowsCreateIn(regionCode))
        {
            throw ShianProblemException.RegionForbidden($"您无权重新评定区划 {regionCode} 的风险等级。");
        }

        var schemes = await SchemesAsync(ct);
        int graded = 0, changed = 0;
        var batch = new List<BusinessFacts>(Chunk);
        await foreach (var facts in directory.StreamAsync(regionCode, ct))
        {
            batch.Add(facts);
            if (batch.Count == Chunk)
            {
                changed += await GradeAsync(batch, schemes, ct);
                graded += batch.Count;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            changed += await GradeAsync(batch, schemes, ct);
            graded += batch.Count;
        }

        return new Outcome(graded, changed);
    }

    public async Task<Outcome> RecomputeAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct)
    {
        var schemes = await SchemesAsync(ct);
        int graded = 0, changed = 0;
        foreach (var ids in businessIds.Chunk(Chunk))
        {
            var facts = await directory.FindAsync(ids, ct);
            changed += await GradeAsync([.. facts], schemes, ct);
            graded += facts.Count;
        }

        return new Outcome(graded, changed);
    }

    private async Task<int> GradeAsync(List<BusinessFacts> batch, IReadOnlyList<SchemeInForce> schemes, CancellationToken ct)
    {
        var ids = batch.Select(b => b.Id).ToList();
        var current = await db.RiskGrades.Where(g => ids.Contains(g.BusinessId) && g.Current).ToDictionaryAsync(g => g.BusinessId, ct);
        var evidence = new Dictionary<Guid, RiskEvidence>();
        foreach (var source in evidenceSources)
        {
            foreach (var (id, e) in await source.EvidenceAsync(ids, ct))
            {
                evidence[id] = evidence.TryGetValue(id, out var known) ? known.Merge(e) : e; // several modules know different things
            }
        }

        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var facts in batch)
        {
            var scheme = For(schemes, facts.RegionCode);
            var result = RiskScoring.Score(scheme.Definition, facts, evidence.GetValueOrDefault(facts.Id, RiskEvidence.None), today);
            var factorsJson = JsonSerializer.Serialize(result.Factors, JsonSerializerOptions.Web);
            if (current.TryGetValue(facts.Id, out var old) && old.Total == result.Total && old.Grade == result.Grade && old.FactorsJson == factorsJson
                && old.SchemeCode == scheme.Scheme.Code && old.SchemeVersion == scheme.Scheme.Version && old.RegionCode == facts.RegionCode)
            {
                continue;
            }

            if (old is not null)
            {
                old.Current = false;
            }

            var (min, max) = RiskScoring.Frequency(scheme.Definition, result.Grade);
            db.RiskGrades.Add(new RiskGrade
            {
                BusinessId = facts.Id, RegionCode = facts.RegionCode, SchemeCode = scheme.Scheme.Code, SchemeVersion = scheme.Scheme.Version,
                StaticScore = result.Static, DynamicScore = result.Dynamic, Total = result.Total, Grade = result.Grade, InspectionsPerYearMin = min,
                InspectionsPerYearMax = max, FactorsJson = factorsJson, ComputedAtUtc = now, Current = true,
            });
            changed++;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return changed;
    }

    public async Task<(RiskGrade? Current, IReadOnlyList<RiskGrade> History)> OfBusinessAsync(Guid businessId, CancellationToken ct)
    {
        var rows = await db.RiskGrades.AsNoTracking().Where(g => g.BusinessId == businessId).OrderByDescending(g => g.ComputedAtUtc).ThenByDescending(g => g.Id).Take(50).ToListAsync(ct);
        return (rows.FirstOrDefault(r => r.Current), rows);
    }

    public static IReadOnlyList<RiskFactor> Factors(RiskGrade grade) => JsonSerializer.Deserialize<List<RiskFactor>>(grade.FactorsJson, JsonSerializerOptions.Web) ?? [];

    /// <summary>Businesses per grade in a region subtree (current grades).</summary>
    public async Task<IReadOnlyDictionary<RiskGradeLevel, int>> SummaryAsync(string? regionCode, CancellationToken ct)
    {
        var q = db.RiskGrades.AsNoTracking().Where(g => g.Current);
        if (regionCode is not null && Kernel.Regions.RegionCode.IsValid(regionCode))
        {
            var prefix = Kernel.Regions.RegionCode.Prefix(regionCode);
            q = q.Where(g => g.RegionCode.StartsWith(prefix));
        }

        var counts = await q.GroupBy(g => g.Grade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<RiskGradeLevel>().ToDictionary(g => g, g => counts.FirstOrDefault(c => c.Key == g)?.Count ?? 0);
    }
}
