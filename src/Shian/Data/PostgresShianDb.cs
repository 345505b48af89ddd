using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Shian.Kernel.Scoping;

namespace Shian.Data;

/// <summary>The PostgreSQL flavour (production); owns Migrations/Postgres.</summary>
public sealed class PostgresShianDb(DbContextOptions<PostgresShianDb> options, IRequestContext request, TimeProvider clock, Kernel.Audit.AuditKeys auditKeys) : ShianDb(options, request, clock, auditKeys)
{
    protected override bool MatchPrefixesWithLikeAny => true;

    private bool _customPlans;

    /// <summary>
    /// The connection is opened and kept for this context's life, so the session setting holds for its queries; Npgsql
    /// resets the session (RESET ALL) before the pooled connection serves anyone else. Set once per context: a dashboard
    /// asks before each of its measures.
    /// </summary>
    public override async Task PlanForEachQueryAsync(CancellationToken ct)
    {
        if (_customPlans && Database.GetDbConnection().State == System.Data.ConnectionState.Open)
        {
            return;
        }

        await Database.OpenConnectionAsync(ct);
        await Database.ExecuteSqlRawAsync("SET plan_cache_mode = force_custom_plan", ct);
        _customPlans = true;
    }

    /// <summary>
    /// A transaction-scoped advisory lock per chain (writers of one district queue, other districts do not wait), then
    /// the chain's head — two statements in one round trip (a batch), so the lock is held one round trip less. Each
    /// statement of a batch takes its own snapshot under READ COMMITTED, so the head is read after the lock is granted.
    /// </summary>
    protected override async Task<(long Sequence, string Hash)?> LockAuditChainHeadAsync(string chain, CancellationToken ct)
    {
        var key = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("shian.audit:" + chain)));
        var connection = (NpgsqlConnection)Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)Database.CurrentTransaction?.GetDbTransaction())
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new() { Value = key } } },
                new NpgsqlBatchCommand("SELECT sequence, hash FROM kernel_audit_entries WHERE chain = $1 ORDER BY sequence DESC LIMIT 1") { Parameters = { new() { Value = chain } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }
}
