using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;
using Shian.Kernel.Users;

namespace Shian.Data;

/// <summary>
/// The one database context. Each module configures its own tables (prefixed with the module name)
/// from its own folder; one provider-specific subclass per database keeps a migration set each
/// (see docs/adr/0001-one-project-one-context.md).
/// </summary>
public abstract class ShianDb(DbContextOptions options) : IdentityDbContext<ShianUser, IdentityRole, string>(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UnitAlias> UnitAliases => Set<UnitAlias>();

    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();

    public DbSet<UnitGroupMember> UnitGroupMembers => Set<UnitGroupMember>();

    public DbSet<RegionGrant> RegionGrants => Set<RegionGrant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Identity's tables belong to the kernel like every other kernel table.
        modelBuilder.Entity<ShianUser>().ToTable("kernel_users");
        modelBuilder.Entity<IdentityRole>().ToTable("kernel_roles");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("kernel_user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("kernel_user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("kernel_user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("kernel_user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("kernel_role_claims");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShianDb).Assembly, t => t.Namespace?.StartsWith("Shian.", StringComparison.Ordinal) == true);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Statuses and kinds are enums stored as readable strings (STYLE.md §3.10).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
