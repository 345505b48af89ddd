namespace Shian.Kernel.Events;

/// <summary>Handles one kind of domain event raised by another module (registered in DI by the handling module).</summary>
public interface IDomainEventHandler<in TEvent>
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}

/// <summary>
/// In-process domain events: a module publishes after its own transaction committed; each handler runs in the same
/// request scope, in turn. A failing handler is logged and does not undo the publisher's work (the handler's module
/// catches up in its nightly pass). Hand-written: the need is a dozen lines, a message bus would be a second system.
/// </summary>
public sealed partial class DomainEvents(IServiceProvider services, ILogger<DomainEvents> logger)
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct) where TEvent : notnull
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            try
            {
                await handler.HandleAsync(domainEvent, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogHandlerFailed(logger, e, typeof(TEvent).Name, handler.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler {Handler} failed on {Event}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception e, string @event, string handler);
}
