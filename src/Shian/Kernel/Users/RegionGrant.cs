namespace Shian.Kernel.Users;

/// <summary>A user may read and change regulated records within this region subtree.</summary>
public sealed class RegionGrant : Audit.IAudited
{
    public required string UserId { get; init; }

    public required string RegionCode { get; init; }

    string Audit.IAudited.AuditKey => UserId + ":" + RegionCode;

    // Granting access is an administrator's act: the system chain.
    string? Audit.IAudited.AuditRegionCode => null;
}
