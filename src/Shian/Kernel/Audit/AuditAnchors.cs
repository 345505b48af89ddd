using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Shian.Data;

namespace Shian.Kernel.Audit;

/// <summary>
/// Checkpoints of every audit chain's head, written outside the database (security finding 7): an append-only file
/// (<c>Audit:AnchorFile</c>, default <c>{DataDir}/audit-anchors/anchors.log</c>, 0600), one line per new head —
/// <c>atUtc chain sequence hash keyId mac</c>, the line itself signed with the audit key. Verifying a chain checks it
/// still holds each chain's last anchored entry unchanged: cutting the last entries, or rewriting the chain, shows.
/// Ship the file off the machine (or to write-once storage) with the backups for the strongest guarantee.
/// </summary>
public sealed class AuditAnchors(AuditKeys keys, string path)
{
    public sealed record Anchor(string Chain, long Sequence, string Hash, DateTime AtUtc);

    public string Path => path;

    /// <summary>Appends the current head of every chain that moved since its last anchor; returns how many were written.</summary>
    public async Task<int> CheckpointAsync(ShianDb db, DateTime nowUtc, CancellationToken ct)
    {
        var heads = await db.AuditEntries.AsNoTracking().GroupBy(a => a.Chain).Select(g => new { Chain = g.Key, Sequence = g.Max(a => a.Sequence) }).ToListAsync(ct);
        var anchored = Latest().Anchors;
        var lines = new List<string>();
        foreach (var head in heads.OrderBy(h => h.Chain, StringComparer.Ordinal))
        {
            if (anchored.TryGetValue(head.Chain, out var last) && last.Sequence == head.Sequence)
            {
                continue;
            }

            var hash = await db.AuditEntries.AsNoTracking().Where(a => a.Chain == head.Chain && a.Sequence == head.Sequence).Select(a => a.Hash).SingleAsync(ct);
            var body = $"{nowUtc.ToString("O", CultureInfo.InvariantCulture)} {head.Chain} {head.Sequence.ToString(CultureInfo.InvariantCulture)} {hash} {keys.CurrentId}";
            lines.Add($"{body} {Mac(keys.Current, body)}");
        }

        if (lines.Count > 0)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows() && !File.Exists(path))
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using var writer = new StreamWriter(path, Encoding.ASCII, options);
            foreach (var line in lines)
            {
                await writer.WriteLineAsync(line.AsMemory(), ct);
            }
        }

        return lines.Count;
    }

    /// <summary>Each chain's last anchor, and lines whose signature does not verify (an edited anchor file).</summary>
    public (IReadOnlyDictionary<string, Anchor> Anchors, IReadOnlyList<string> Forged) Latest()
    {
        var anchors = new Dictionary<string, Anchor>(StringComparer.Ordinal);
        var forged = new List<string>();
        if (!File.Exists(path))
        {
            return (anchors, forged);
        }

        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            var parts = line.Split(' ');
            var body = string.Join(' ', parts.Take(parts.Length - 1));
            if (parts.Length != 6 || keys.Find(parts[4]) is not { } key || Mac(key, body) != parts[5]
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                forged.Add(line);
                continue;
            }

            anchors[parts[1]] = new Anchor(parts[1], sequence, parts[3], DateTime.Parse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        }

        return (anchors, forged);
    }

    private static string Mac(byte[] key, string body) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body)));
}

/// <summary>Hourly (and at start): anchor the chain heads outside the database.</summary>
internal sealed class AuditCheckpointJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditCheckpointJob> logger) : Jobs.ShianJob(scopes, clock, logger)
{
    public const string Key = "audit-checkpoint";

    protected override async Task<string> RunAsync(IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var anchors = scope.ServiceProvider.GetRequiredService<AuditAnchors>();
        var written = await anchors.CheckpointAsync(scope.ServiceProvider.GetRequiredService<ShianDb>(), Clock.GetUtcNow().UtcDateTime, ct);
        return written == 0 ? "审计链无新记录，未写锚点" : $"写入 {written} 条审计链锚点";
    }
}
