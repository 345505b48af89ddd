namespace Shian.Kernel.Users;

/// <summary>A user may read and change regulated records within this region subtree.</summary>
public sealed class RegionGrant
{
    public required string UserId { get; init; }

    public required string RegionCode { get; init; }
}
