using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shian.Kernel.Scoping;

namespace Shian.Data;

/// <summary>The PostgreSQL flavour (production); owns Migrations/Postgres.</summary>
public sealed class PostgresShianDb(DbContextOptions<PostgresShianDb> options, IRequestContext request, TimeProvider clock, Kernel.Audit.AuditKeys auditKeys) : ShianDb(options, request, clock, auditKeys)
{
    protected override bool MatchPrefixesWithLikeAny => true;

    /// <summary>
    /// A transaction-scoped advisory lock per chain: writers of one district queue, other districts do not wait.
    /// </summary>
    protected override async Task LockAuditChainAsync(string chain, CancellationToken ct)
    {
        var key = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("shian.audit:" + chain)));
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }
}
