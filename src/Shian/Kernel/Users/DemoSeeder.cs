using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Regions;

namespace Shian.Kernel.Users;

/// <summary>Creates the roles always, and the demo accounts when <c>Demo:Seed</c> is on; never touches existing users.</summary>
internal sealed partial class DemoSeeder(ShianDb db, UserManager<ShianUser> users, RoleManager<IdentityRole> roles, IOptions<DemoOptions> demo,
    IHostEnvironment environment, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in ShianRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        if (!demo.Value.SeedsIn(environment))
        {
            if (demo.Value.Seed)
            {
                LogRefused(logger, environment.EnvironmentName);
            }

            return;
        }

        var tree = new RegionTree(await db.Regions.AsNoTracking().ToListAsync(ct));
        var created = 0;
        foreach (var account in DemoAccounts.For(tree))
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new ShianUser { UserName = account.UserName, DisplayName = account.DisplayName, BusinessUscc = account.BusinessUscc, EnforcementCertificate = account.Certificate, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            Check(await users.CreateAsync(user, demo.Value.Password), account.UserName);
            Check(await users.AddToRoleAsync(user, account.Role), account.UserName);
            db.RegionGrants.AddRange(account.Regions.Select(r => new RegionGrant { UserId = user.Id, RegionCode = r }));
            await db.SaveChangesAsync(ct);
            created++;
        }

        LogDemo(logger, created);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo seeding failed for {what}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    // The password is in the README (Demo:Password); it is never written to a log.
    [LoggerMessage(Level = LogLevel.Warning, Message = "演示账号 Demo accounts ({Created} new): admin, coordinator@210500, officer@210503 … (密码见 README / password: see README)")]
    private static partial void LogDemo(ILogger logger, int created);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo:Seed 在 {Environment} 环境中被拒绝：演示账号的密码是公开的。确需演示数据时另设 Demo:Force=true。Demo seeding refused outside Development; set Demo:Force=true to force it.")]
    private static partial void LogRefused(ILogger logger, string environment);
}
