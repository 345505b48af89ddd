namespace Shian.Kernel.Users;

/// <summary>
/// One chain of refresh tokens, from a password sign-in onward (security finding 8). Each refresh token carries its
/// family and its own id; only the latest may be used, once. Presenting an older one means a token was copied: the
/// user's security stamp changes, which ends every session of that user (cookie and tokens), and the family is revoked.
/// </summary>
public sealed class RefreshFamily
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    /// <summary>The id of the only refresh token of the family that may still be used.</summary>
    public required string CurrentTokenId { get; set; }

    public DateTime LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}
