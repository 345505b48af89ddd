using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;
using Shian.Inspections.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;
using Shian.Risk.Contracts;

namespace Shian.Inspections;

/// <summary>
/// 双随机一公开: freezes the pool (operating businesses of the region, filtered by kind and risk grade) and the
/// inspector pool (officers and inspectors granted within the region, with their declared conflicts), runs
/// <see cref="RandomDraw"/>, stores the draw with its seed, pool hash and snapshot, and the planned visits.
/// </summary>
public sealed class Draws(ShianDb db, IBusinessDirectory directory, IRiskGrades grades, TimeProvider clock)
{
    public sealed record DrawRequestBody(string RegionCode, decimal Percent, string? Title, IReadOnlyList<BusinessKind>? Kinds, IReadOnlyList<string>? Grades);

    /// <summary>The stored outcome of the last re-run (none yet: <see cref="VerifiedAtUtc"/> null) and whether a re-run is queued or running.</summary>
    public sealed record Verification(bool Matches, string Algorithm, string Seed, string PoolHash, int PoolSize, int Drawn, DateTime? VerifiedAtUtc, bool Pending = false);

    /// <summary>Everything a re-run needs; <see cref="CoverageYears"/> is absent (null) in snapshots of draws made with the 5-year window.</summary>
    private sealed record Snapshot(List<SnapshotEntry> Pool, List<SnapshotInspector> Inspectors, decimal Percent, string Seed, DateOnly Today, int? CoverageYears = null);

    private sealed record SnapshotEntry(Guid Id, DateOnly? Last, List<Guid> LastInspectors);

    private sealed record SnapshotInspector(Guid Id, List<Guid> Conflicts);

    /// <summary>What a draw with these conditions would take (pool, count, coverage, inspectors, refusal), without drawing.</summary>
    public async Task<DrawPreview> PreviewAsync(DrawRequestBody body, CancellationToken ct)
    {
        var (region, _, pool) = await PoolAsync(body, ct, withInspectors: false);
        var roster = await InspectorPool.RosterAsync(db, region.Code, ct);
        return RandomDraw.Preview(pool, roster.Count, body.Percent, ChinaTime.Today(clock));
    }

    public async Task<Draw> RunAsync(DrawRequestBody body, CancellationToken ct)
    {
        var (region, facts, pool) = await PoolAsync(body, ct);
        var kinds = (body.Kinds ?? []).ToHashSet();
        var gradeFilter = (body.Grades ?? []).Select(g => g.Trim().ToUpperInvariant()).ToHashSet();
        var inspectors = await InspectorPool.LoadAsync(db, region.Code, ct);
        var drawInspectors = inspectors.Select(i => i.Inspector).ToList();
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var seed = RandomDraw.NewSeed(now);
        DrawResult result;
        try
        {
            result = RandomDraw.Run(new DrawRequest(pool, drawInspectors, body.Percent, seed, today));
        }
        catch (DrawRefused e)
        {
            throw ShianProblemException.Invalid("inspections.draw-refused", e.Message);
        }

        var names = inspectors.ToDictionary(i => UserGuid(i.Id), i => (i.Id, i.Name));
        var factsById = facts.ToDictionary(f => f.Id);
        var draw = new Draw
        {
            RegionCode = region.Code,
            Title = string.IsNullOrWhiteSpace(body.Title) ? $"{region.Name}{today.Year}年食品安全“双随机”抽查" : body.Title.Trim(),
            Percent = body.Percent,
            FiltersJson = JsonSerializer.Serialize(new { kinds = kinds.Select(k => k.ToString()), grades = gradeFilter }, JsonSerializerOptions.Web),
            Seed = seed, Algorithm = result.Algorithm, PoolHash = result.PoolHash, PoolSize = result.PoolSize, Drawn = result.Drawn,
            InspectorPoolSize = inspectors.Count, DrawnOn = today, CreatedBy = db.Request.UserName, CreatedAtUtc = now,
            Snapshot = Compress(new Snapshot([.. pool.Select(p => new SnapshotEntry(p.BusinessId, p.LastInspected, [.. p.LastInspectors]))],
                [.. drawInspectors.Select(i => new SnapshotInspector(i.Id, [.. i.Conflicts]))], body.Percent, seed, today, RandomDraw.FullInspectionYears)),
        };
        db.Draws.Add(draw);
        foreach (var v in result.Visits)
        {
            var f = factsById[v.BusinessId];
            db.PlannedVisits.Add(new PlannedVisit
            {
                DrawId = draw.Id, BusinessId = f.Id, BusinessName = f.Name, RegionCode = f.RegionCode, CoverageOverdue = v.Overdue, Status = VisitStatus.Planned,
                Purpose = VisitPurpose.RandomDraw, InspectorIds = string.Join(',', v.Inspectors.Select(i => names[i].Id)), InspectorNames = string.Join('、', v.Inspectors.Select(i => names[i].Name)),
            });
        }

        await db.SaveChangesAsync(ct);
        return draw;
    }

    /// <summary>Identity ids are GUID strings; any other id gets a stable GUID from its SHA-256.</summary>
    public static Guid UserGuid(string id) => Guid.TryParse(id, out var g) ? g : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 16));

    /// <summary>A draw the caller can see, with all its visits — across the districts of the drawing office (reviewed).</summary>
    public async Task<(Draw Draw, IReadOnlyList<PlannedVisit> Visits)?> FindAsync(Guid id, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draw is null)
        {
            return null;
        }

        var visits = await db.PlannedVisits.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(v => v.DrawId == id)
            .OrderBy(v => v.RegionCode).ThenBy(v => v.BusinessName).ToListAsync(ct);
        return (draw, visits);
    }

    /// <summary>Only the office that drew may publish (一公开); publishing twice keeps the first date.</summary>
    public bool MayPublish(Draw draw) => db.Request.Scope.AllowsCreateIn(draw.RegionCode);

    /// <summary>Publishes a draw's list: 404 when the caller cannot see it, 403 when it is not the drawing office's.</summary>
    public async Task<Draw> PublishAsync(Guid id, CancellationToken ct)
    {
        var draw = await db.Draws.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ShianProblemException.NotFound("inspections.draw-not-found", "抽查记录不存在");
        if (!MayPublish(draw))
        {
            throw ShianProblemException.RegionForbidden("只有组织抽查的辖区可以公开。");
        }

        draw.PublishedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await RecordVerificationAsync(draw, ct);
        await db.SaveChangesAsync(ct);
        return draw;
    }

    /// <summary>
    /// The draw's stored verification, never a re-run (security finding 5): the public sees published draws only; staff
    /// see any draw in their regions, with <see cref="Verification.Pending"/> while a re-run they asked for is queued.
    /// </summary>
    public async Task<Verification?> VerifyAsync(Guid id, bool publishedOnly, CancellationToken ct)
    {
        var draws = publishedOnly ? db.Draws.IgnoreQueryFilters([RegionScope.FilterName]).Where(d => d.PublishedAtUtc != null) : db.Draws;
        var d = await draws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return d is null ? null
            : new Verification(d.VerifiedMatches ?? false, d.Algorithm, d.Seed, d.PoolHash, d.PoolSize, d.Drawn, d.VerifiedAtUtc,
                Pending: !publishedOnly && d.VerificationRequestedAtUtc is { } asked && (d.VerifiedAtUtc is null || d.VerifiedAtUtc < asked));
    }

    /// <summary>Queues a re-run of the draw from its seed and frozen pool (one at a time across instances); null when not found.</summary>
    public async Task<Verification?> RequestVerificationAsync(Guid id, Quartz.ISchedulerFactory schedulers, CancellationToken ct)
    {
        var draw = await db.Draws.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draw is null)
        {
            return null;
        }

        var pending = draw.VerificationRequestedAtUtc is { } asked && (draw.VerifiedAtUtc is null || draw.VerifiedAtUtc < asked);
        if (!pending)
        {
            draw.VerificationRequestedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            var scheduler = await schedulers.GetScheduler(ct);
            await scheduler.TriggerJob(new Quartz.JobKey(DrawVerificationJob.Key), new Quartz.JobDataMap { [DrawVerificationJob.DrawId] = id.ToString() }, ct);
        }

        return await VerifyAsync(id, false, ct);
    }

    /// <summary>The queued re-run (the job, which acts as the system): re-runs the draw and stores the outcome.</summary>
    internal async Task RunVerificationAsync(Guid id, CancellationToken ct)
    {
        var draw = await db.Draws.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draw is not null)
        {
            await RecordVerificationAsync(draw, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Re-runs the draw from its snapshot, compares it with the stored list and records the outcome on the draw.</summary>
    private async Task<Verification> RecordVerificationAsync(Draw draw, CancellationToken ct)
    {
        var snapshot = Decompress(draw.Snapshot);
        var rerun = RandomDraw.Run(new DrawRequest([.. snapshot.Pool.Select(p => new PoolEntry(p.Id, p.Last, p.LastInspectors))],
            [.. snapshot.Inspectors.Select(i => new Inspector(i.Id, i.Conflicts.ToHashSet()))], snapshot.Percent, snapshot.Seed, snapshot.Today,
            snapshot.CoverageYears ?? RandomDraw.LegacyCoverageYears));
        var stored = (await db.PlannedVisits.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(v => v.DrawId == draw.Id)
            .Select(v => new { v.BusinessId, v.InspectorIds }).ToListAsync(ct)).ToDictionary(v => v.BusinessId, v => v.InspectorIds);
        var matches = rerun.PoolHash == draw.PoolHash
            && rerun.Visits.Count == stored.Count
            && rerun.Visits.All(v => stored.TryGetValue(v.BusinessId, out var inspectors) && inspectors.Split(',').Select(UserGuid).SequenceEqual(v.Inspectors));
        draw.VerifiedAtUtc = clock.GetUtcNow().UtcDateTime;
        draw.VerifiedMatches = matches;
        return new Verification(matches, rerun.Algorithm, draw.Seed, rerun.PoolHash, rerun.PoolSize, rerun.Drawn, draw.VerifiedAtUtc);
    }

    private static byte[] Compress(Snapshot s)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal))
        {
            JsonSerializer.Serialize(gz, s, JsonSerializerOptions.Web);
        }

        return ms.ToArray();
    }

    private static Snapshot Decompress(byte[] bytes)
    {
        using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<Snapshot>(gz, JsonSerializerOptions.Web)!;
    }

    /// <summary>Validates the conditions and freezes the pool: operating businesses of the region, by kind and grade, with their history.</summary>
    private async Task<(Region Region, List<BusinessFacts> Facts, List<PoolEntry> Pool)> PoolAsync(DrawRequestBody body, CancellationToken ct, bool withInspectors = true)
    {
        var errors = new Dictionary<string, string[]>();
        var region = RegionCode.IsValid(body.RegionCode) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == body.RegionCode, ct) : null;
        if (region is null)
        {
            errors["regionCode"] = ["请选择抽查的区划"];
        }

        if (body.Percent is <= 0 or > 100)
        {
            errors["percent"] = ["抽取比例应在 0–100% 之间（seed 000：每年 20%）"];
        }

        var gradeFilter = (body.Grades ?? []).Select(g => g.Trim().ToUpperInvariant()).ToHashSet();
        if (gradeFilter.Any(g => g is not ("A" or "B" or "C" or "D")))
        {
            errors["grades"] = ["风险等级应为 A、B、C、D"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("inspections.draw-invalid", "抽查条件有误", errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(region!.Code))
        {
            throw ShianProblemException.RegionForbidden($"您无权在 {region.Name} 组织抽查。");
        }

        // The pool: operating businesses of the region, by kind and grade.
        var kinds = (body.Kinds ?? []).ToHashSet();
        var facts = new List<BusinessFacts>();
        await foreach (var f in directory.StreamAsync(region.Code, ct))
        {
            if (f.Status == BusinessStatus.Operating && (kinds.Count == 0 || kinds.Contains(f.Kind)))
            {
                facts.Add(f);
            }
        }

        if (gradeFilter.Count > 0)
        {
            var current = await grades.CurrentAsync([.. facts.Select(f => f.Id)], ct);
            facts = [.. facts.Where(f => current.TryGetValue(f.Id, out var g) && gradeFilter.Contains(g))];
        }

        var ids = facts.Select(f => f.Id).ToList();
        var history = await InspectorPool.HistoryAsync(db, ids, ct, withInspectors);
        var pool = facts.Select(f => history.TryGetValue(f.Id, out var h) ? new PoolEntry(f.Id, h.Last, h.Inspectors) : new PoolEntry(f.Id, null, [])).ToList();
        return (region, facts, pool);
    }
}

/// <summary>Re-runs one draw for its verification (Quartz: one at a time across instances, recovered if an instance dies).</summary>
internal sealed class DrawVerificationJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DrawVerificationJob> logger) : Kernel.Jobs.ShianJob(scopes, clock, logger)
{
    public const string Key = "inspections-draw-verify";
    public const string DrawId = "drawId";

    protected override async Task<string> RunAsync(Quartz.IJobExecutionContext context, CancellationToken ct)
    {
        var id = context.MergedJobDataMap.TryGetValue(DrawId, out var value) && Guid.TryParse(value?.ToString(), out var parsed)
            ? parsed : throw new InvalidOperationException("drawId missing");
        await using var scope = Scopes.CreateAsyncScope();
        var draws = scope.ServiceProvider.GetRequiredService<Draws>();
        await draws.RunVerificationAsync(id, ct);
        var result = await draws.VerifyAsync(id, publishedOnly: false, ct);
        return result is null ? "抽查记录不存在" : result.Matches ? "核验一致" : "核验不一致";
    }

}
