using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shian.Data;
using Shian.Kernel.Scoping;

namespace Shian.Kernel.Audit;

/// <summary>
/// Turns the pending changes of <see cref="IAudited"/> entities into chained audit entries, inside the same
/// transaction as the change (called by <see cref="ShianDb"/> before it saves).
/// </summary>
internal static class AuditWriter
{
    private sealed record Draft(string Chain, string Action, string EntityType, string EntityId, string? RegionCode, string? Before, string? After, string? UserName = null,
        bool Attributed = false, string? RequestId = null);

    public static async Task AppendAsync(ShianDb db, IRequestContext request, AuditKeys keys, DateTime nowUtc, Func<string, CancellationToken, Task<(long Sequence, string Hash)?>> lockChainHead, CancellationToken ct)
    {
        var drafts = db.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => ToDraft(e, db.AuditAttribution))
            .OfType<Draft>()
            .Concat(db.PendingSecurityEvents.Select(e => new Draft(AuditChain.ChainFor(e.RegionCode), e.Action, e.Subject, e.SubjectId, e.RegionCode, null, e.Details, e.UserName)))
            .ToList();
        if (drafts.Count == 0)
        {
            return;
        }

        var at = AuditChain.Truncate(nowUtc);

        // Lock chains in a fixed order so that two transactions touching the same chains cannot deadlock.
        foreach (var chain in drafts.Select(d => d.Chain).Distinct().Order(StringComparer.Ordinal))
        {
            var last = await lockChainHead(chain, ct);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditChain.Genesis;
            foreach (var d in drafts.Where(d => d.Chain == chain))
            {
                sequence++;
                var entry = new AuditEntry
                {
                    Chain = chain,
                    Sequence = sequence,
                    AtUtc = at,
                    UserName = d.UserName ?? request.UserName,
                    Action = d.Action,
                    EntityType = d.EntityType,
                    EntityId = d.EntityId,
                    RegionCode = d.RegionCode,
                    Before = d.Before,
                    After = d.After,
                    RequestId = d.Attributed ? d.RequestId : request.RequestId,
                    PreviousHash = previous,
                    KeyId = keys.CurrentId,
                    Hash = "",
                };
                var hashed = new AuditEntry
                {
                    Chain = entry.Chain, Sequence = entry.Sequence, AtUtc = entry.AtUtc, UserName = entry.UserName, Action = entry.Action,
                    EntityType = entry.EntityType, EntityId = entry.EntityId, RegionCode = entry.RegionCode, Before = entry.Before,
                    After = entry.After, RequestId = entry.RequestId, PreviousHash = entry.PreviousHash, KeyId = entry.KeyId, Hash = AuditChain.ComputeHash(entry, keys.Current),
                };
                db.AuditEntries.Add(hashed);
                previous = hashed.Hash;
            }
        }
    }

    private static Draft? ToDraft(EntityEntry e, Dictionary<object, (string UserName, string? RequestId)> attribution)
    {
        var audited = (IAudited)e.Entity;
        string? before = e.State is EntityState.Added ? null : Snapshot(e, original: true);
        string? after = e.State is EntityState.Deleted ? null : Snapshot(e, original: false);
        if (e.State is EntityState.Modified && before == after)
        {
            return null;
        }

        var action = e.State switch { EntityState.Added => "create", EntityState.Modified => "update", _ => "delete" };
        var by = attribution.TryGetValue(e.Entity, out var who) ? who : default((string UserName, string? RequestId)?);
        return new Draft(AuditChain.ChainFor(audited.AuditRegionCode), action, e.Metadata.ClrType.Name, audited.AuditKey, audited.AuditRegionCode, before, after,
            by?.UserName, by is not null, by?.RequestId);
    }

    private static string Snapshot(EntityEntry e, bool original)
    {
        var values = original ? e.OriginalValues : e.CurrentValues;
        var dict = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in values.Properties.Where(p => !NotAudited(p)))
        {
            dict[p.Name] = values[p] is DateTime dt ? AuditChain.Truncate(DateTime.SpecifyKind(dt, DateTimeKind.Utc)) : values[p];
        }

        return JsonSerializer.Serialize(dict, SnapshotJson);
    }

    // The attribute lookup is reflection; the answer per property never changes.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IProperty, bool> NotAuditedCache = new();

    private static bool NotAudited(Microsoft.EntityFrameworkCore.Metadata.IProperty p) =>
        NotAuditedCache.GetOrAdd(p, q => q.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), true) == true);

    private static readonly JsonSerializerOptions SnapshotJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
