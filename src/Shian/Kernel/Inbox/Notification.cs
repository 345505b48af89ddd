namespace Shian.Kernel.Inbox;

/// <summary>A message in one user's in-app inbox.</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UserId { get; init; }

    public required string Title { get; init; }

    public string? Body { get; init; }

    /// <summary>A relative link inside Shian to the record concerned.</summary>
    public string? Link { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? ReadAtUtc { get; set; }
}
