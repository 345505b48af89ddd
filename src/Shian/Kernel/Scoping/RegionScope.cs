using System.Security.Claims;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;

namespace Shian.Kernel.Scoping;

/// <summary>
/// What regulated data the caller may see: everything (administrator, or system work outside a request), the
/// records within its granted region subtrees (coordinators, officers, inspectors, labs), or the records of its
/// own business (food-business users). Anyone else (the public, a signed-in user without grants) sees none.
/// </summary>
public sealed class RegionScope
{
    /// <summary>Name of the EF query filter; bypass it only by name, in reviewed places (the public portal).</summary>
    public const string FilterName = "region";

    private RegionScope(bool unrestricted, IReadOnlyList<string> prefixes, string? uscc)
    {
        Unrestricted = unrestricted;
        Prefixes = prefixes;
        Uscc = uscc;
    }

    public static RegionScope System { get; } = new(true, [], null);

    public static RegionScope Nothing { get; } = new(false, [], null);

    public bool Unrestricted { get; }

    /// <summary>Significant prefixes of the granted subtrees (e.g. 210503).</summary>
    public IReadOnlyList<string> Prefixes { get; }

    public string? Uscc { get; }

    public static RegionScope For(IReadOnlyList<string> grantedRegions, string? uscc = null) =>
        new(false, [.. grantedRegions.Select(RegionCode.Prefix).Distinct()], uscc);

    /// <summary>A scope saved with deferred work (<see cref="Unrestricted"/>, <see cref="Prefixes"/>), restored when it runs.</summary>
    public static RegionScope Restore(bool unrestricted, IReadOnlyList<string> prefixes) =>
        unrestricted ? System : new(false, [.. prefixes.Where(p => p.Length > 0)], null);

    public static RegionScope FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Nothing;
        }

        if (user.IsInRole(ShianRoles.Admin))
        {
            return System;
        }

        var regions = ShianRoles.RegionScoped.Any(user.IsInRole)
            ? user.FindAll(ShianClaims.Region).Select(c => c.Value).Where(RegionCode.IsValid).ToList()
            : [];
        var uscc = user.IsInRole(ShianRoles.Business) ? user.FindFirstValue(ShianClaims.Uscc) : null;
        return For(regions, uscc);
    }

    /// <summary>Whether a record of this region (and business) is visible; the same rule as the query filter.</summary>
    public bool Allows(string regionCode, string? uscc = null) =>
        Unrestricted || Prefixes.Any(p => regionCode.StartsWith(p, StringComparison.Ordinal)) || (Uscc is not null && uscc == Uscc);

    /// <summary>Whether the caller may create a record in this region (403 otherwise).</summary>
    /// <summary>The region a dashboard opens on: the caller's first granted region, else the deployment's home region.</summary>
    public string HomeRegion(string deploymentHome) => Prefixes.Select(Regions.RegionCode.Pad).FirstOrDefault() ?? deploymentHome;

    public bool AllowsCreateIn(string regionCode) => Unrestricted || Prefixes.Any(p => regionCode.StartsWith(p, StringComparison.Ordinal));
}
