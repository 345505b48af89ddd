using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Shian.Kernel.Events;

namespace Shian.Data;

/// <summary>
/// Group commit for new records that arrive in floods (a complaint filed by the public, a hotline call, an Open311
/// request): the request validates and builds its records as usual, then hands the new rows here and waits until they
/// are committed — its answer still comes after the commit, so nothing acknowledged can be lost. One writer saves
/// whatever has queued meanwhile in one transaction: one audit-chain lock and one WAL flush for many filings instead
/// of one each (the per-district chain serialized a district's filings, issue #16's intake benchmark). A lone filing
/// is written at once, so a quiet office waits no longer than before.
/// <para>
/// Only units of new rows take this path; anything else (changed or deleted records, outbox events, security events,
/// a caller's own transaction) is saved directly by <see cref="ShianDb.SaveChangesAsync(bool, CancellationToken)"/>.
/// Each row's audit entry names the user and request that filed it, not the writer. When a batch fails, each unit is
/// saved alone, so one bad filing fails only its own request. Hand-written: EF Core has no group commit, and a
/// message bus (Wolverine) would answer before the commit or add a durable queue the intake does not need.
/// </para>
/// </summary>
public sealed partial class GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> logger) : BackgroundService
{
    /// <summary>Units written together at most (a complaint, its history line and two notifications make one unit).</summary>
    public const int MaxUnits = 100;

    private sealed record Unit(IReadOnlyList<object> Rows, string UserName, string? RequestId, TaskCompletionSource Done);

    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool _running;
    private long _sharedCommits;

    /// <summary>How many commits carried more than one unit since start-up (tests prove filings do share commits).</summary>
    internal long SharedCommits => Interlocked.Read(ref _sharedCommits);

    /// <summary>Saves the context's pending changes: new rows through the shared writer, anything else directly.</summary>
    public async Task SaveAsync(ShianDb db, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries().ToList(); // detects the changes
        if (!_running || db.Database.CurrentTransaction is not null || db.PendingSecurityEvents.Count > 0
            || entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted || e is { State: EntityState.Added, Entity: OutboxEvent }))
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        // Refused here, so that a bad value fails its own request without failing the batch it would have joined.
        Kernel.Errors.InvisibleCharacters.EnsureNone(db.ChangeTracker);
        var added = entries.Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var unit = new Unit([.. added.Select(e => e.Entity)], db.Request.UserName, db.Request.RequestId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        foreach (var e in added)
        {
            e.State = EntityState.Detached;
        }

        if (!_queue.Writer.TryWrite(unit))
        {
            await WriteAsync([unit]);
        }

        await unit.Done.Task;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _running = true;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await WriteAsync(Drain(reader));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: new units are saved directly from now on; what is queued is still written below.
        }
        finally
        {
            // A unit handed over from now on is refused by the closed queue and written by its own request.
            _running = false;
            _queue.Writer.TryComplete();
            while (reader.TryPeek(out _))
            {
                await WriteAsync(Drain(reader));
            }
        }
    }

    private static List<Unit> Drain(ChannelReader<Unit> reader)
    {
        var batch = new List<Unit>();
        while (batch.Count < MaxUnits && reader.TryRead(out var unit))
        {
            batch.Add(unit);
        }

        return batch;
    }

    private async Task WriteAsync(IReadOnlyList<Unit> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            foreach (var unit in batch)
            {
                foreach (var row in unit.Rows)
                {
                    db.Add(row);
                    db.AuditAttribution[row] = (unit.UserName, unit.RequestId);
                }
            }

            // Not the requests' tokens: a filer who hangs up does not undo the others' filings.
            await db.SaveChangesAsync(CancellationToken.None);
            if (batch.Count > 1)
            {
                Interlocked.Increment(ref _sharedCommits);
            }

            foreach (var unit in batch)
            {
                unit.Done.TrySetResult();
            }
        }
        catch (Exception e) when (batch.Count > 1)
        {
            LogBatchFailed(logger, batch.Count, e);
            foreach (var unit in batch)
            {
                await WriteAsync([unit]);
            }
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Units} units failed; saving each alone")]
    private static partial void LogBatchFailed(ILogger logger, int units, Exception e);
}
