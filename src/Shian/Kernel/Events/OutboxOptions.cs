using System.ComponentModel.DataAnnotations;

namespace Shian.Kernel.Events;

/// <summary>Settings of the outbox dispatcher (section <c>Events</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Events";

    /// <summary>Attempts before a delivery is marked failed for an administrator to look at.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a claimed delivery stays with its dispatcher (after that, e.g. after kill -9, another takes it).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the background dispatcher leaves a new event to the request that raised it.</summary>
    public TimeSpan InlineHeadStart { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the background dispatcher looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries claimed at once by the background dispatcher.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Whether this instance runs the background dispatcher (every instance may; claims keep them apart).</summary>
    public bool Background { get; set; } = true;

    /// <summary>The wait before attempt n+1: 10 s, 20 s, 40 s … at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
