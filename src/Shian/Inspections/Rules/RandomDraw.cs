using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Shian.Inspections.Rules;

/// <summary>A business in the draw pool: when it was last fully inspected (null: never), and the inspectors who did it.</summary>
public sealed record PoolEntry(Guid BusinessId, DateOnly? LastInspected, IReadOnlyCollection<Guid> LastInspectors);

/// <summary>An officer who may be drawn; <see cref="Conflicts"/> are businesses they declared a conflict with (relatives, interests).</summary>
public sealed record Inspector(Guid Id, IReadOnlyCollection<Guid> Conflicts);

public sealed record DrawRequest(IReadOnlyList<PoolEntry> Pool, IReadOnlyList<Inspector> Inspectors, decimal Percent, string Seed, DateOnly Today,
    int CoverageYears = RandomDraw.FullInspectionYears, int InspectorsPerVisit = 2);

public sealed record DrawnVisit(Guid BusinessId, IReadOnlyList<Guid> Inspectors, bool Overdue);

/// <summary>
/// What a draw would do, before it is run (a draw cannot be undone): the pool, how many it draws, how many of them are
/// forced by the coverage rule, the inspectors, and the reason it would be refused, if any.
/// </summary>
public sealed record DrawPreview(int PoolSize, int Count, int OverdueInPool, int Inspectors, string? Refusal);

public sealed record DrawResult(string Algorithm, string Seed, string PoolHash, int PoolSize, int Drawn, IReadOnlyList<DrawnVisit> Visits);

/// <summary>
/// 双随机 (国办发〔2015〕58号; 《食品生产经营监督检查管理办法》第五条、第二十三条): draws X % of the pool and ≥ 2 inspectors per
/// business. Reproducible by anyone from the published seed and pool: every business gets the key SHA-256(seed ‖ id),
/// businesses not inspected within the coverage window come first — 2 years, the legal floor of a full inspection for every
/// food business (Order 49 第二十二条; review D-15), a deterministic pre-selection the published rules state — then the lowest keys; each
/// business's inspectors are the eligible ones — never one with a declared conflict; one who inspected it last time
/// only when no one else is left — the least loaded first, then the lowest splitmix64(key(business) XOR key(inspector)). Hand-written: the rule is the audit
/// trail, so it must stay this simple and documented (algorithm "shian-draw-v1").
/// </summary>
public static class RandomDraw
{
    public const string Algorithm = "shian-draw-v1";

    /// <summary>Every food business gets a full-checklist inspection at least once in this many years (Order 49 第二十二条第一款).</summary>
    public const int FullInspectionYears = 2;

    /// <summary>The window draws made before the legal floor was applied used (seed 000's 5-year coverage), for re-running them.</summary>
    public const int LegacyCoverageYears = 5;

    /// <summary>Why a draw of this request would be refused (null: it can run). The same checks <see cref="Run"/> makes.</summary>
    public static string? Refusal(int poolSize, int inspectors, decimal percent, int inspectorsPerVisit = 2)
    {
        if (percent is <= 0 or > 100)
        {
            return "抽取比例应在 0–100% 之间";
        }

        if (poolSize == 0)
        {
            return "抽查对象名录为空，无法抽取";
        }

        if (!Kernel.Law.FieldStaff.IsEnough(inspectorsPerVisit))
        {
            return Kernel.Law.FieldStaff.InspectorsMessage;
        }

        return inspectors < inspectorsPerVisit ? $"执法检查人员名录只有 {inspectors} 人，不足每次 {inspectorsPerVisit} 人" : null;
    }

    /// <summary>How many businesses a draw of <paramref name="percent"/> takes from a pool (rounded up: 20 % of 11 is 3).</summary>
    public static int CountFor(int poolSize, decimal percent) => (int)Math.Ceiling(poolSize * percent / 100m);

    /// <summary>What <see cref="Run"/> would do with this pool, without the seed: counts only, nothing drawn.</summary>
    public static DrawPreview Preview(IReadOnlyList<PoolEntry> pool, int inspectors, decimal percent, DateOnly today, int coverageYears = FullInspectionYears, int inspectorsPerVisit = 2)
    {
        var windowStart = today.AddYears(-coverageYears);
        var overdue = pool.Count(p => p.LastInspected is not DateOnly d || d < windowStart);
        var refusal = Refusal(pool.Count, inspectors, percent, inspectorsPerVisit);
        return new DrawPreview(pool.Count, refusal is null ? CountFor(pool.Count, percent) : 0, overdue, inspectors, refusal);
    }

    public static DrawResult Run(DrawRequest r)
    {
        if (Refusal(r.Pool.Count, r.Inspectors.Count, r.Percent, r.InspectorsPerVisit) is { } refused)
        {
            throw new DrawRefused(refused);
        }

        var seed = Encoding.UTF8.GetBytes(r.Seed);
        var count = CountFor(r.Pool.Count, r.Percent);
        var windowStart = r.Today.AddYears(-r.CoverageYears);

        // Overdue for the coverage window first; then by key (sorted arrays: a million entries stay cheap).
        var overdueKeys = new List<ulong>();
        var overdueEntries = new List<PoolEntry>();
        var coveredKeys = new List<ulong>();
        var coveredEntries = new List<PoolEntry>();
        foreach (var p in r.Pool)
        {
            var overdue = p.LastInspected is not DateOnly d || d < windowStart;
            (overdue ? overdueKeys : coveredKeys).Add(Key(seed, p.BusinessId));
            (overdue ? overdueEntries : coveredEntries).Add(p);
        }

        var ranked = new List<(PoolEntry Entry, bool Overdue, ulong Key)>(count);
        foreach (var (keys, entries, overdue) in new[] { (overdueKeys, overdueEntries, true), (coveredKeys, coveredEntries, false) })
        {
            if (ranked.Count == count)
            {
                break;
            }

            var k = keys.ToArray();
            var e = entries.ToArray();
            Array.Sort(k, e);
            for (var i = 0; i < k.Length && ranked.Count < count; i++)
            {
                ranked.Add((e[i], overdue, k[i]));
            }
        }

        var ids = r.Inspectors.Select(i => i.Id).ToArray();
        var load = new int[ids.Length];
        var inspectorKeys = ids.Select(id => Key(seed, id)).ToArray();
        var conflicts = r.Inspectors.Select(i => i.Conflicts.Count == 0 ? null : i.Conflicts as ISet<Guid> ?? i.Conflicts.ToHashSet()).ToArray();
        var per = r.InspectorsPerVisit;
        var best = new int[per];
        var visits = new List<DrawnVisit>(ranked.Count);
        foreach (var (entry, overdue, businessKey) in ranked)
        {
            // The `per` eligible inspectors with the lowest (load, mixed key), kept by insertion into a small array.
            var found = 0;
            for (var i = 0; i < ids.Length; i++)
            {
                if (conflicts[i] is { } c && c.Contains(entry.BusinessId))
                {
                    continue;
                }

                var pos = found;
                while (pos > 0 && Before(i, best[pos - 1]))
                {
                    if (pos < per)
                    {
                        best[pos] = best[pos - 1];
                    }

                    pos--;
                }

                if (pos < per)
                {
                    best[pos] = i;
                    found = Math.Min(found + 1, per);
                }
            }

            if (found < per)
            {
                throw new DrawRefused($"经营者 {entry.BusinessId} 回避后可派执法人员不足 {per} 人，请补充执法检查人员名录");
            }

            var chosen = new Guid[per];
            for (var j = 0; j < per; j++)
            {
                chosen[j] = ids[best[j]];
                load[best[j]]++;
            }

            visits.Add(new DrawnVisit(entry.BusinessId, chosen, overdue));

            bool WasLast(int i) => entry.LastInspectors.Count > 0 && entry.LastInspectors.Contains(ids[i]);
            bool Before(int a, int b) => WasLast(a) != WasLast(b) ? !WasLast(a)
                : load[a] != load[b] ? load[a] < load[b] : Mix(businessKey ^ inspectorKeys[a]) < Mix(businessKey ^ inspectorKeys[b]);
        }

        return new DrawResult(Algorithm, r.Seed, PoolHash(r.Pool), r.Pool.Count, visits.Count, visits);
    }

    /// <summary>SHA-256 over the sorted business ids: freezes the pool so a re-run can prove it used the same one.</summary>
    public static string PoolHash(IEnumerable<PoolEntry> pool)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> bytes = stackalloc byte[16];
        foreach (var id in pool.Select(p => p.BusinessId).Order())
        {
            id.TryWriteBytes(bytes, bigEndian: true, out _);
            sha.AppendData(bytes);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The first 8 bytes of SHA-256(seed ‖ id) as an unsigned big-endian number (the id in big-endian bytes).</summary>
    public static ulong Key(byte[] seed, Guid id)
    {
        Span<byte> buffer = stackalloc byte[seed.Length + 16];
        seed.CopyTo(buffer);
        id.TryWriteBytes(buffer[seed.Length..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>The splitmix64 finaliser (Steele, Lea, Flood 2014): spreads a 64-bit value uniformly.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A fresh seed to publish with the draw (the time and 128 random bits).</summary>
    public static string NewSeed(DateTime utc) => $"{utc:yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
}

/// <summary>A draw that cannot be made as asked; the message says why, in Chinese.</summary>
public sealed class DrawRefused(string message) : Exception(message);
