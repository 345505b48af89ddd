using System.Security.Claims;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.UnitTests.Kernel.Scoping;

public sealed class RegionScopeTests
{
    private static ClaimsPrincipal User(string role, params Claim[] claims) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "u"), new Claim(ClaimTypes.Role, role), .. claims], "test"));

    [Fact]
    public void AnOfficerOfADistrict_SeesItsSubtreeOnly()
    {
        var scope = RegionScope.FromPrincipal(User(ShianRoles.Officer, new Claim(ShianClaims.Region, "210503000000")));
        Assert.True(scope.Allows("210503001000"));
        Assert.True(scope.Allows("210503000000"));
        Assert.False(scope.Allows("210504000000"));
        Assert.False(scope.Allows("210500000000"));
        Assert.False(scope.AllowsCreateIn("210504001000"));
    }

    [Fact]
    public void AnAdministrator_IsUnrestricted() =>
        Assert.True(RegionScope.FromPrincipal(User(ShianRoles.Admin)).Allows("330302000000"));

    [Fact]
    public void ABusinessUser_SeesOnlyItsOwnBusiness_WhateverRegionClaimsItCarries()
    {
        var scope = RegionScope.FromPrincipal(User(ShianRoles.Business, new Claim(ShianClaims.Uscc, "91110000600037341L"), new Claim(ShianClaims.Region, "210503000000")));
        Assert.True(scope.Allows("210503001000", "91110000600037341L"));
        Assert.False(scope.Allows("210503001000", "91350100M000100Y43"));
        Assert.False(scope.Allows("210503001000"));
    }

    [Fact]
    public void AnonymousAndPublicUsers_SeeNoRegulatedRecords()
    {
        Assert.False(RegionScope.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity())).Allows("210503001000"));
        Assert.False(RegionScope.FromPrincipal(User(ShianRoles.Public, new Claim(ShianClaims.Region, "210503000000"))).Allows("210503001000"));
    }
}
