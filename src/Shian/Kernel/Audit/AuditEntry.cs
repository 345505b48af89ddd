namespace Shian.Kernel.Audit;

/// <summary>
/// One append-only audit record. Entries form one hash chain per county-level region (plus "system" for city
/// and system actions): <see cref="Hash"/> is the HMAC-SHA256 (key <see cref="KeyId"/>, kept outside the database) of this entry's content and <see cref="PreviousHash"/>,
/// the hash of the entry before it in the same chain. See docs/adr/0003-audit-hash-chains.md.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    /// <summary>The county's 12-digit code, or <c>system</c>.</summary>
    public required string Chain { get; init; }

    /// <summary>1, 2, 3 … within the chain.</summary>
    public long Sequence { get; init; }

    /// <summary>UTC, truncated to microseconds so that both databases store it exactly.</summary>
    public DateTime AtUtc { get; init; }

    public required string UserName { get; init; }

    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    public string? RegionCode { get; init; }

    /// <summary>The record before the change (JSON), null for an insert.</summary>
    public string? Before { get; init; }

    /// <summary>The record after the change (JSON), null for a delete.</summary>
    public string? After { get; init; }

    public string? RequestId { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }

    /// <summary>Which audit key signed the entry (<see cref="AuditKeys"/>).</summary>
    public string? KeyId { get; init; }
}
