namespace Shian.Kernel.Reference;

/// <summary>A module's shipped reference data, loaded after the migrations at start-up; adds only missing rows (an administrator's changes are kept).</summary>
public interface IReferenceDataSeeder
{
    Task SeedAsync(CancellationToken ct);
}
