using Microsoft.EntityFrameworkCore;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;

namespace Shian.Data;

/// <summary>
/// The one database context. Each module configures its own tables (prefixed with the module name)
/// from its own folder; one provider-specific subclass per database keeps a migration set each
/// (see docs/adr/0001-one-project-one-context.md).
/// </summary>
public abstract class ShianDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UnitAlias> UnitAliases => Set<UnitAlias>();

    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();

    public DbSet<UnitGroupMember> UnitGroupMembers => Set<UnitGroupMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShianDb).Assembly, t => t.Namespace?.StartsWith("Shian.", StringComparison.Ordinal) == true);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Statuses and kinds are enums stored as readable strings (STYLE.md §3.10).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
