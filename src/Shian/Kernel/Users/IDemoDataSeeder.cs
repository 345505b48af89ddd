namespace Shian.Kernel.Users;

/// <summary>A module's demo data, created at start-up after the demo accounts when <c>Demo:Seed</c> is on; must do nothing if its data exists.</summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(CancellationToken ct);
}
