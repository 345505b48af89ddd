using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling.Demo;

/// <summary>
/// Fills an empty sampling module with <c>Demo:Samples</c> deterministic samples of the demo register (seed 20261124):
/// a plan per county with a population figure, samples of everyday products spread over the last ten months, results
/// judged by the real rules (about one item in 120 over its limit), dispositions at the stage their age implies, and
/// one announcement per county for what was reported more than three weeks ago. Also what the dashboard benchmark loads.
/// </summary>
internal sealed partial class SamplingDemoSeeder(ShianDb db, IOptions<DemoOptions> demo, IBusinessDirectory directory, Standards standards, WorkingDayCalendarProvider calendar,
    TimeProvider clock, ILogger<SamplingDemoSeeder> logger) : IDemoDataSeeder
{
    private const int Seed = 20261124;

    private static readonly (string Product, string Category, string[] Analytes)[] Products =
    [
        ("菠菜", "VEG.LEAFY.SPINACH", ["PB", "CD", "OMETHOATE", "CARBOFURAN"]), ("芹菜", "VEG.LEAFY.CELERY", ["CHLORPYRIFOS", "PB", "CD"]),
        ("韭菜", "VEG.BULB.CHIVE", ["PROCYMIDONE", "OMETHOATE", "PHORATE"]), ("豇豆", "VEG.LEGUME.COWPEA", ["CYROMAZINE", "ISOCARBOPHOS", "OMETHOATE"]),
        ("番茄", "VEG.FRUITING.TOMATO", ["PB", "CD", "OMETHOATE"]), ("黄瓜", "VEG.CUCURBIT.CUCUMBER", ["OMETHOATE", "CARBOFURAN", "PB"]),
        ("大米", "GRAIN.RICE.MILLED", ["PB", "CD", "IAS", "AFB1"]), ("小麦粉", "GRAIN.WHEAT.FLOUR", ["CD", "DON", "ZEN", "AFB1"]),
        ("花生油", "OIL.VEG.PEANUT", ["AFB1", "BAP"]), ("猪肉", "ANIMAL.MEAT.FRESH.MUSCLE.PORK", ["CLEN", "RAC", "SAL", "SULFA", "CD"]),
        ("鸡肉", "ANIMAL.MEAT.FRESH.MUSCLE.CHICKEN", ["ENRO", "SULFA", "TC", "CAP"]), ("鸡蛋", "ANIMAL.EGG.CHICKEN", ["ENRO", "OFLX", "NOR"]),
        ("草鱼", "ANIMAL.AQUA.FISH", ["MG", "AOZ", "MEHG"]), ("纯牛奶", "ANIMAL.DAIRY.MILK", ["PB", "AFM1", "TC"]), ("苹果", "FRUIT.POME.APPLE", ["PB"]),
        ("猪肝", "ANIMAL.MEAT.FRESH.LIVER.PORK", ["CD", "CLEN"]), ("玉米面", "GRAIN.MAIZE", ["AFB1", "DON", "ZEN"]),
    ];

    private static readonly BusinessKind[] Sampled = [BusinessKind.Seller, BusinessKind.Caterer, BusinessKind.SmallRestaurant, BusinessKind.Producer, BusinessKind.Farm,
        BusinessKind.Cooperative, BusinessKind.MarketOperator, BusinessKind.SchoolCanteen, BusinessKind.Vendor, BusinessKind.SmallWorkshop];

    public async Task SeedAsync(CancellationToken ct)
    {
        var count = demo.Value.Samples;
        if (count <= 0 || await db.Samples.IgnoreQueryFilters().AnyAsync(ct))
        {
            return;
        }

        var businesses = new List<BusinessFacts>();
        await foreach (var b in directory.StreamAsync(null, ct))
        {
            if (b.Status == BusinessStatus.Operating && Sampled.Contains(b.Kind))
            {
                businesses.Add(b);
            }
        }

        if (businesses.Count == 0)
        {
            return;
        }

        var identities = new Dictionary<Guid, BusinessIdentity>();
        foreach (var chunk in businesses.Select(b => b.Id).Chunk(1000))
        {
            foreach (var i in await directory.IdentitiesAsync(chunk, ct))
            {
                identities[i.Id] = i;
            }
        }

        var library = await standards.LibraryAsync(ct);
        var cal = calendar.Current;
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var rng = new Random(Seed);
        var plans = await PlansAsync(today, now, ct);
        var serials = new Dictionary<string, int>();
        var counties = new Dictionary<string, List<Guid>>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var n = 0; n < count; n++)
        {
            var b = businesses[rng.Next(businesses.Count)];
            var (product, category, analytes) = Products[rng.Next(Products.Length)];
            var age = rng.Next(0, 300);
            var sampledOn = today.AddDays(-age);
            var county = RegionCode.CountyOf(b.RegionCode) ?? b.RegionCode;
            var prefix = $"SJ{county[..6]}{sampledOn.Year}";
            serials[prefix] = serials.GetValueOrDefault(prefix) + 1;
            var stage = age > 30 ? SampleStatus.Reported : (SampleStatus)rng.Next(4);
            var sent = sampledOn.AddDays(rng.Next(0, 3));
            var received = sent.AddDays(1);
            var reported = cal.AddWorkingDays(received, rng.Next(5, 18)).Date;
            if (stage == SampleStatus.Reported && reported > today)
            {
                reported = today;
            }

            var identity = identities[b.Id];
            var sample = new Sample
            {
                Code = $"{prefix}{serials[prefix]:D6}", PlanId = plans.GetValueOrDefault(county), Kind = rng.Next(10) == 0 ? SampleKind.RiskMonitoring : SampleKind.Supervision,
                BusinessId = b.Id, BusinessName = b.Name, BusinessUscc = identity.Uscc, RegionCode = b.RegionCode, BusinessAddress = identity.Address, BusinessKind = b.Kind,
                ProductName = product, CategoryCode = category, Batch = $"{sampledOn:yyyyMMdd}", Quantity = "2 kg（含备份 1 kg）", SampledOn = sampledOn,
                Samplers = "演示抽样员甲、演示抽样员乙", Lab = "本溪市食品检验检测中心", Analytes = string.Join(',', analytes), Status = stage,
                SendBy = SamplingClock.SendBy(cal, sampledOn), SentOn = stage >= SampleStatus.Sent ? sent : null, ReceivedOn = stage >= SampleStatus.Received ? received : null,
                ReportDueBy = stage >= SampleStatus.Received ? SamplingClock.ReportDueBy(cal, received) : null, ReportedOn = stage == SampleStatus.Reported ? reported : null,
                Residue = analytes.Any(a => library.Analytes[a].Group is AnalyteGroup.Pesticide or AnalyteGroup.VeterinaryDrug), CreatedBy = "demo", CreatedAtUtc = now,
            };
            db.Samples.Add(sample);
            if (stage == SampleStatus.Reported)
            {
                var verdicts = new List<ItemVerdict>();
                foreach (var a in analytes)
                {
                    var limit = library.Book.Resolve(category, a, sampledOn);
                    var result = DemoResult(limit, rng);
                    var j = Judgement.Judge(result, limit);
                    verdicts.Add(j.Verdict);
                    db.SampleResults.Add(new SampleResult
                    {
                        SampleId = sample.Id, RegionCode = sample.RegionCode, BusinessUscc = sample.BusinessUscc, AnalyteCode = a, SampledOn = sampledOn, Value = result.Value, Unit = result.Unit, Lod = result.Lod,
                        Decimals = result.Decimals, AutoVerdict = j.Verdict, Verdict = j.Verdict, Explanation = j.Explanation, LimitId = limit?.Rule.Id,
                        LimitText = limit is null ? null : Samples.LimitText(limit.Rule), EnteredBy = "demo", EnteredAtUtc = now,
                    });
                }

                sample.Verdict = Judgement.Overall(verdicts);
                if (sample.Verdict == SampleVerdict.NonConforming)
                {
                    var notified = cal.AddWorkingDays(reported, 2).Date;
                    var done = age > 90;
                    db.Dispositions.Add(new Disposition
                    {
                        SampleId = sample.Id, RegionCode = sample.RegionCode, BusinessUscc = sample.BusinessUscc, BusinessId = b.Id, ConcludedOn = reported,
                        NotifyBy = SamplingClock.NotifyBy(cal, reported), NotifiedOn = notified <= today ? notified : null,
                        RetestApplyBy = notified <= today ? SamplingClock.RetestApplyBy(cal, notified) : null, ActionBy = SamplingClock.ActionBy(reported),
                        RemovedFromSale = true, Recalled = done && rng.Next(3) == 0, Cause = done ? "供货方源头农药使用不规范，已责令下架并追溯供货单位" : null,
                        ActionCompletedOn = done ? Min(reported.AddDays(rng.Next(20, 80)), today) : null, Closed = done, CaseDecisionDue = SamplingClock.CaseDecisionDue(cal, reported),
                        CaseClueRaised = true, PublishBy = SamplingClock.PublishBy(cal, reported),
                    });
                }

                if (reported <= today.AddDays(-8))
                {
                    (counties.TryGetValue(county, out var list) ? list : counties[county] = []).Add(sample.Id);
                }
            }

            if (n % 2000 == 1999)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await AnnounceAsync(counties, today, ct);
        await tx.CommitAsync(ct);
        LogSeeded(logger, count);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Mostly below the limit or not detected; about one item in 120 over it (1.1–3 ×); a prohibited substance detected rarely.</summary>
    private static ItemResult DemoResult(ResolvedLimit? limit, Random rng)
    {
        var rule = limit?.Rule;
        var unit = rule?.Unit ?? "μg/kg";
        if (rule is null || rule.NotDetectable || rule.Limit is not decimal max)
        {
            var lod = 0.5m;
            return new ItemResult(rng.Next(150) == 0 ? Math.Round(0.6m + (decimal)rng.NextDouble() * 3, 2) : null, unit, lod, 2);
        }

        var fail = rng.Next(120) == 0;
        var factor = fail ? 1.1 + rng.NextDouble() * 1.9 : rng.NextDouble() * 0.8;
        var detected = fail || rng.Next(3) > 0;
        return new ItemResult(detected ? Math.Round(max * (decimal)factor, 4) : null, unit, Math.Round(max / 50m, 6), 3);
    }

    private async Task<Dictionary<string, Guid>> PlansAsync(DateOnly today, DateTime now, CancellationToken ct)
    {
        var figures = await db.PopulationFigures.AsNoTracking().ToListAsync(ct);
        var result = new Dictionary<string, Guid>();
        foreach (var figure in figures.Where(f => f.RegionCode.StartsWith("2105", StringComparison.Ordinal) && RegionCode.LevelOf(f.RegionCode) == RegionLevel.County))
        {
            var name = await db.Regions.AsNoTracking().Where(r => r.Code == figure.RegionCode).Select(r => r.Name).FirstAsync(ct);
            var plan = new SamplingPlan
            {
                RegionCode = figure.RegionCode, Year = today.Year, Title = $"{name}{today.Year}年食品安全抽检监测计划（演示）", Population = figure.Population,
                PopulationSource = $"{figure.Year} 年常住人口（{figure.Source}）", CreatedBy = "demo", CreatedAtUtc = now,
            };
            db.SamplingPlans.Add(plan);
            foreach (var (kind, rate) in new[] { (QuotaKind.Total, 4.5m), (QuotaKind.Residue, 2m), (QuotaKind.RiskMonitoring, 1m) })
            {
                var required = QuotaRules.Required(rate, figure.Population);
                var quota = new SamplingQuota { PlanId = plan.Id, RegionCode = plan.RegionCode, Kind = kind, Name = SamplingPlans.KindLabels[kind], PerThousand = rate, Required = required };
                db.SamplingQuotas.Add(quota);
                db.QuotaAllocations.Add(new QuotaAllocation { QuotaId = quota.Id, PlanId = plan.Id, RegionCode = plan.RegionCode, Population = figure.Population, Required = required });
            }

            result[figure.RegionCode] = plan.Id;
        }

        await db.SaveChangesAsync(ct);
        return result;
    }

    private async Task AnnounceAsync(Dictionary<string, List<Guid>> counties, DateOnly today, CancellationToken ct)
    {
        var on = today.AddDays(-7);
        foreach (var (county, ids) in counties.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var name = await db.Regions.AsNoTracking().Where(r => r.Code == county).Select(r => r.Name).FirstAsync(ct);
            var id = Guid.CreateVersion7();
            var failed = 0;
            foreach (var chunk in ids.Chunk(1000))
            {
                var samples = await db.Samples.Where(s => chunk.Contains(s.Id)).ToListAsync(ct);
                foreach (var s in samples)
                {
                    s.AnnouncementId = id;
                }

                foreach (var d in await db.Dispositions.Where(d => chunk.Contains(d.SampleId)).ToListAsync(ct))
                {
                    d.PublishedOn = on;
                }

                failed += samples.Count(s => s.Verdict == SampleVerdict.NonConforming);
            }

            db.Announcements.Add(new Announcement
            {
                Id = id, RegionCode = county, Number = $"{name}{today.Year}年第1期", PublishedOn = on, SampleIds = string.Join(',', ids), PublishedBy = "demo",
                Samples = ids.Count, NonConforming = failed,
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo sampling: {Count} samples generated")]
    private static partial void LogSeeded(ILogger logger, int count);
}
