using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Shian.Data;

internal static class DatabaseSetup
{
    public const string ConnectionStringName = "Shian";

    /// <summary>
    /// Registers <see cref="ShianDb"/> as the provider-specific context chosen by <c>Database:Provider</c>,
    /// with the connection string <c>ConnectionStrings:Shian</c> (SQLite defaults to {DataDir}/shian.db).
    /// </summary>
    public static IServiceCollection AddShianDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ShianOptions>().BindConfiguration(ShianOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresShianDb>((sp, o) => ConfigurePostgres(o, RequiredConnectionString(sp)).AddInterceptors(sp.GetRequiredService<Kernel.Events.OutboxInterceptor>()));
                services.AddScoped<ShianDb>(sp => sp.GetRequiredService<PostgresShianDb>());
                break;
            default:
                services.AddDbContext<SqliteShianDb>((sp, o) => ConfigureSqlite(o, SqliteConnectionString(sp)).AddInterceptors(sp.GetRequiredService<Kernel.Events.OutboxInterceptor>()));
                services.AddScoped<ShianDb>(sp => sp.GetRequiredService<SqliteShianDb>());
                break;
        }

        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(ShianDb).Assembly.FullName))
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, s => s.MigrationsAssembly(typeof(ShianDb).Assembly.FullName))
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning));

    private static string RequiredConnectionString(IServiceProvider sp) =>
        sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException("Database:Provider 为 Postgres 时必须配置 ConnectionStrings:Shian (PostgreSQL connection string required).");

    private static string SqliteConnectionString(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dir = sp.GetRequiredService<IOptions<ShianOptions>>().Value.DataDirFullPath;
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "shian.db")}";
    }

    /// <summary>
    /// The connection string of the configured database, read from configuration alone (for components configured
    /// before the container exists, such as the job scheduler): the same rules as the context's.
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) FromConfiguration(IConfiguration configuration)
    {
        var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (provider, configured);
        }

        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider 为 Postgres 时必须配置 ConnectionStrings:Shian (PostgreSQL connection string required).");
        }

        var dir = Path.GetFullPath(configuration[ShianOptions.Section + ":DataDir"] is { Length: > 0 } d ? d : "data");
        Directory.CreateDirectory(dir);
        return (provider, $"Data Source={Path.Combine(dir, "shian.db")}");
    }
}
