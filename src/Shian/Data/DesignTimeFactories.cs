using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shian.Kernel.Scoping;

namespace Shian.Data;

// Used only by `dotnet ef migrations add` to build each provider's model; never at run time.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteShianDb>
{
    public SqliteShianDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteShianDb>();
        DatabaseSetup.ConfigureSqlite(o, "Data Source=design-time.db");
        return new SqliteShianDb(o.Options, SystemRequestContext.Instance, TimeProvider.System, Shian.Kernel.Audit.AuditKeys.Ephemeral());
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresShianDb>
{
    public PostgresShianDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresShianDb>();
        DatabaseSetup.ConfigurePostgres(o, "Host=localhost;Database=shian_design");
        return new PostgresShianDb(o.Options, SystemRequestContext.Instance, TimeProvider.System, Shian.Kernel.Audit.AuditKeys.Ephemeral());
    }
}
