using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Scoping;

namespace Shian.Kernel.Events;

/// <summary>
/// Delivers stored events to their handlers (ADR 0005). A delivery is first claimed — one UPDATE that sets this
/// dispatcher's claim and a lease, only on rows that are pending and not held by a live lease — so two instances on
/// one database never run the same delivery at once; a dispatcher killed mid-way leaves its lease to expire and
/// another takes the delivery over. Each handler runs in its own scope as the system; success marks the delivery
/// done, a failure schedules a retry with backoff, and after the last attempt the delivery is marked failed for an
/// administrator (<c>/admin/events</c>).
/// </summary>
/// <remarks>
/// Hand-written rather than WolverineFx (ADR 0005): events are in-process only, must commit through our own
/// SaveChangesAsync with the audit chain and live in our migrations on both databases; the rest is this class.
/// </remarks>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger)
{
    private static readonly MethodInfo InvokeMethod = typeof(OutboxDispatcher).GetMethod(nameof(InvokeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly ConcurrentDictionary<Type, Func<object, object, CancellationToken, Task>> _invokers = new();

    /// <summary>This process's name in claims: machine, process and a random part (several instances per machine).</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Right after a commit: the deliveries of these events, whatever their head start.</summary>
    public async Task<int> DispatchAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken ct)
    {
        if (eventIds.Count == 0)
        {
            return 0;
        }

        try
        {
            var claimed = await ClaimAsync(eventIds, ct);
            return await RunAsync(claimed, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never fails the request that raised the events: the background dispatcher delivers them later.
            LogDispatchFailed(logger, e);
            return 0;
        }
    }

    /// <summary>The background pass: claims due deliveries (a batch) and runs them; returns how many ran.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var claimed = await ClaimDueAsync(ct);
        return await RunAsync(claimed, ct);
    }

    private async Task<List<Guid>> ClaimAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = NewClaim();
        var until = now + options.Value.Lease;
        var ids = eventIds.ToList();

        // The conditions are on the updated rows themselves, so PostgreSQL re-checks them after a concurrent claim.
        await db.Set<OutboxDelivery>()
            .Where(d => ids.Contains(d.EventId) && d.Status == DeliveryStatus.Pending && (d.LockedUntilUtc == null || d.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedBy, claim).SetProperty(d => d.LockedUntilUtc, until), ct);
        return await db.Set<OutboxDelivery>().Where(d => d.LockedBy == claim).Select(d => d.Id).ToListAsync(ct);
    }

    private async Task<List<Guid>> ClaimDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = NewClaim();
        var until = now + options.Value.Lease;
        var pending = nameof(DeliveryStatus.Pending);

        // A batch in due order. PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent dispatchers take different rows;
        // SQLite has one writer at a time.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? ClaimDueSql + " FOR UPDATE SKIP LOCKED)" : ClaimDueSql + ")",
            [claim, until, pending, now, options.Value.BatchSize], ct);
        return await db.Set<OutboxDelivery>().Where(d => d.LockedBy == claim).Select(d => d.Id).ToListAsync(ct);
    }

    private const string ClaimDueSql = """
        UPDATE kernel_outbox_deliveries SET locked_by = {0}, locked_until_utc = {1}
        WHERE id IN (SELECT id FROM kernel_outbox_deliveries
                     WHERE status = {2} AND next_attempt_at_utc <= {3} AND (locked_until_utc IS NULL OR locked_until_utc < {3})
                     ORDER BY next_attempt_at_utc LIMIT {4}
        """;

    private string NewClaim() => $"{Instance}:{Guid.NewGuid().ToString("N")[..8]}";

    private async Task<int> RunAsync(List<Guid> deliveryIds, CancellationToken ct)
    {
        foreach (var id in deliveryIds)
        {
            await RunOneAsync(id, ct);
        }

        return deliveryIds.Count;
    }

    private async Task RunOneAsync(Guid deliveryId, CancellationToken ct)
    {
        string? error = null;
        Guid eventId = default;
        string handlerName = "";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;

            // Handlers act as the system: unrestricted, audited as "system" (they act on the event, not for a user).
            services.GetRequiredService<IActOnBehalf>().ActFor(RegionScope.System, "system");
            var db = services.GetRequiredService<ShianDb>();
            var delivery = await db.Set<OutboxDelivery>().AsNoTracking().SingleAsync(d => d.Id == deliveryId, ct);
            var stored = await db.Set<OutboxEvent>().AsNoTracking().SingleAsync(e => e.Id == delivery.EventId, ct);
            eventId = stored.Id;
            handlerName = delivery.Handler;
            var type = Type.GetType(stored.Type) ?? throw new InvalidOperationException($"事件类型不存在 (unknown event type): {stored.Type}");
            var handler = DomainEventHandlers.Resolve(type, services).FirstOrDefault(h => DomainEventHandlers.Name(h.GetType()) == delivery.Handler)
                ?? throw new InvalidOperationException($"处理程序不存在 (handler not registered): {delivery.Handler}");
            var domainEvent = JsonSerializer.Deserialize(stored.Payload, type, DomainEvents.Json) ?? throw new InvalidOperationException("事件内容为空 (empty payload)");
            var invoke = _invokers.GetOrAdd(type, t => InvokeMethod.MakeGenericMethod(t).CreateDelegate<Func<object, object, CancellationToken, Task>>());
            await invoke(handler, domainEvent, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            LogHandlerFailed(logger, e, handlerName, eventId);
        }

        await CompleteAsync(deliveryId, error, CancellationToken.None);
    }

    private static Task InvokeAsync<TEvent>(object handler, object domainEvent, CancellationToken ct) =>
        ((IDomainEventHandler<TEvent>)handler).HandleAsync((TEvent)domainEvent, ct);

    private async Task CompleteAsync(Guid deliveryId, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var delivery = await db.Set<OutboxDelivery>().SingleAsync(d => d.Id == deliveryId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.LockedBy = null;
        delivery.LockedUntilUtc = null;
        if (error is null)
        {
            delivery.Status = DeliveryStatus.Done;
            delivery.DoneAtUtc = now;
            delivery.LastError = null;
        }
        else
        {
            delivery.LastError = error.Length > 2000 ? error[..2000] : error;
            delivery.Status = delivery.Attempts >= options.Value.MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending;
            delivery.NextAttemptAtUtc = now + OutboxOptions.Backoff(delivery.Attempts);
        }

        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler {Handler} failed on event {EventId}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception e, string handler, Guid eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching committed events failed; the background dispatcher will deliver them")]
    private static partial void LogDispatchFailed(ILogger logger, Exception e);
}
