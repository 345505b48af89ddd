using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shian.Data;

namespace Shian.Kernel.Events;

/// <summary>
/// Runs the handlers of the events a context wrote as soon as they are committed: after SaveChanges outside a
/// transaction, or when the context's transaction commits (ADR 0005). Events of a rolled-back transaction are
/// forgotten with it.
/// </summary>
internal sealed class OutboxInterceptor(OutboxDispatcher dispatcher) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShianDb db)
        {
            foreach (var e in db.ChangeTracker.Entries<OutboxEvent>().Where(e => e.State == EntityState.Added))
            {
                db.OutboxWritten.Add(e.Entity.Id);
            }
        }

        return ValueTask.FromResult(result);
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShianDb { Database.CurrentTransaction: null } db)
        {
            await DispatchAsync(db, cancellationToken);
        }

        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShianDb { Database.CurrentTransaction: null } db)
        {
            db.OutboxWritten.Clear();
        }

        return Task.CompletedTask;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShianDb db)
        {
            await DispatchAsync(db, cancellationToken);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShianDb db)
        {
            db.OutboxWritten.Clear();
        }

        return Task.CompletedTask;
    }

    private async Task DispatchAsync(ShianDb db, CancellationToken ct)
    {
        if (db.OutboxWritten.Count == 0)
        {
            return;
        }

        var ids = db.OutboxWritten.ToList();
        db.OutboxWritten.Clear();
        await dispatcher.DispatchAsync(ids, ct);
    }
}
