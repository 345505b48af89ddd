using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shian.Data;
using Shian.Kernel.Scoping;

namespace Shian.Kernel.Events;

/// <summary>Handles one kind of domain event raised by another module (registered in DI by the handling module).</summary>
/// <remarks>
/// Delivery is at least once (ADR 0005): a handler may see the same event again after a crash or a retry, so it must
/// be idempotent — recompute from the current state rather than count.
/// </remarks>
public interface IDomainEventHandler<in TEvent>
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}

/// <summary>
/// Raises domain events into the outbox (ADR 0005): <see cref="Raise{TEvent}"/> adds the event, and one delivery per
/// registered handler, to the caller's unit of work, so they commit with the change that raised them or not at all.
/// After the commit the <see cref="OutboxDispatcher"/> runs the handlers at once; what a crash interrupts, the
/// background <see cref="OutboxWorker"/> delivers later.
/// </summary>
public sealed class DomainEvents(ShianDb db, IServiceProvider services, DomainEventHandlers handlers, IRequestContext request, TimeProvider clock, Microsoft.Extensions.Options.IOptions<OutboxOptions> options)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Adds the event to the current unit of work; call before its SaveChangesAsync.</summary>
    public void Raise<TEvent>(TEvent domainEvent) where TEvent : notnull
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var type = typeof(TEvent);
        var stored = new OutboxEvent
        {
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(domainEvent, Json),
            RaisedAtUtc = now,
            RaisedBy = request.UserName,
            RequestId = request.RequestId,
        };
        db.Set<OutboxEvent>().Add(stored);
        foreach (var handler in handlers.NamesFor(type, services))
        {
            db.Set<OutboxDelivery>().Add(new OutboxDelivery
            {
                EventId = stored.Id,
                Handler = handler,
                Status = DeliveryStatus.Pending,
                NextAttemptAtUtc = now + options.Value.InlineHeadStart,
            });
        }
    }
}

/// <summary>The handlers registered for each event type (their type names are the deliveries' identities).</summary>
public sealed class DomainEventHandlers
{
    private readonly ConcurrentDictionary<Type, string[]> _names = new();

    public IReadOnlyList<string> NamesFor(Type eventType, IServiceProvider services) =>
        _names.GetOrAdd(eventType, t => [.. Resolve(t, services).Select(h => Name(h.GetType())).Distinct()]);

    /// <summary>The handler instances for an event type, from a scope.</summary>
    public static IEnumerable<object> Resolve(Type eventType, IServiceProvider services) =>
        services.GetServices(typeof(IDomainEventHandler<>).MakeGenericType(eventType)).OfType<object>();

    public static string Name(Type handlerType) => handlerType.FullName ?? handlerType.Name;
}
