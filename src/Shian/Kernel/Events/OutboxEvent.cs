namespace Shian.Kernel.Events;

/// <summary>A domain event stored in the transaction that raised it (the outbox, ADR 0005).</summary>
public sealed class OutboxEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The event's CLR type, "Namespace.Type, Assembly" (a Contracts record).</summary>
    public required string Type { get; init; }

    /// <summary>The event as JSON.</summary>
    public required string Payload { get; init; }

    public DateTime RaisedAtUtc { get; init; }

    /// <summary>Who raised it (the acting user's name, or "system").</summary>
    public required string RaisedBy { get; init; }

    public string? RequestId { get; init; }
}

/// <summary>One handler's delivery of one event: handled at least once, each handler on its own (ADR 0005).</summary>
public sealed class OutboxDelivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid EventId { get; init; }

    /// <summary>The handler's type name (full name): its identity across restarts.</summary>
    public required string Handler { get; init; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the background dispatcher may take it (the request that raised it gets a head start).</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>The dispatcher (instance and claim) that holds it until <see cref="LockedUntilUtc"/>.</summary>
    public string? LockedBy { get; set; }

    public DateTime? LockedUntilUtc { get; set; }

    public string? LastError { get; set; }

    public DateTime? DoneAtUtc { get; set; }
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The handler completed.</summary>
    Done,

    /// <summary>Gave up after the last attempt; an administrator may retry it.</summary>
    Failed,
}
