using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;

namespace Shian.Registry.Demo;

/// <summary>Fills an empty register with <c>Demo:Register</c> generated businesses of 本溪市 (same seed as the CLI).</summary>
internal sealed partial class RegistryDemoSeeder(ShianDb db, IOptions<DemoOptions> demo, TimeProvider clock, Kernel.Privacy.PersonalData personal, ILogger<RegistryDemoSeeder> logger) : IDemoDataSeeder
{
    public const string City = "210500000000";
    public const int Seed = 20261123;

    public async Task SeedAsync(CancellationToken ct)
    {
        var count = demo.Value.Register;
        if (count <= 0 || await db.Businesses.IgnoreQueryFilters().AnyAsync(ct))
        {
            return;
        }

        var tree = new RegionTree(await db.Regions.AsNoTracking().ToListAsync(ct));
        var populations = (await db.PopulationFigures.AsNoTracking().ToListAsync(ct)).GroupBy(p => RegionCode.Prefix(p.RegionCode))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Year).First().Population);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Kernel.Calendar.ChinaTime.Today(clock);
        var all = DemoRegister.Generate(tree, populations, City, count, Seed, today).ToList();

        // The demo business account (business@210503) sees its own record.
        all.Add(new Rules.ValidBusiness("溪湖区示范餐饮店（演示）", DemoAccounts.DemoBusinessUscc, Contracts.BusinessKind.Caterer, "210503001000", "溪湖区河东街道人民路 1 号",
            "演示", "演示", null, null, 180, 12, false, Contracts.BusinessStatus.Operating,
            new Rules.ValidLicence(Contracts.LicenceKind.FoodOperation, "JY22105030999997", "本溪市溪湖区市场监督管理局", today.AddYears(-1), today.AddYears(4), "热食类食品制售")));
        await RegistryService.AddManyAsync(db, personal, all, null, now, null, ct);
        LogSeeded(logger, count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo register: {Count} businesses generated for 本溪市")]
    private static partial void LogSeeded(ILogger logger, int count);
}
