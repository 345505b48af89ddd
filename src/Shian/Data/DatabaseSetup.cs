using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

        // One reading of the connection (the job scheduler reads the same, JobsSetup).
        var (provider, connectionString) = FromConfiguration(configuration);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                // The options are built once (optionsLifetime: Singleton), not for every request's context: building them
                // per scope cost ~10 % of a hotline filing's allocations (issue #16's intake benchmark).
                services.AddDbContext<PostgresShianDb>((sp, o) => ConfigurePostgres(o, WithPostgresDefaults(connectionString)).AddInterceptors(sp.GetRequiredService<Kernel.Events.OutboxInterceptor>()),
                    optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<ShianDb>(sp => sp.GetRequiredService<PostgresShianDb>());
                break;
            default:
                services.AddDbContext<SqliteShianDb>((sp, o) => ConfigureSqlite(o, connectionString).AddInterceptors(sp.GetRequiredService<Kernel.Events.OutboxInterceptor>()),
                    optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<ShianDb>(sp => sp.GetRequiredService<SqliteShianDb>());
                break;
        }

        return services;
    }

    /// <summary>
    /// Npgsql's automatic preparation unless the operator's connection string sets it: the statements every request
    /// repeats (the audit chain's head, the session stamp, the inserts) are parsed and planned once per connection
    /// instead of on every execution.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            b.MaxAutoPrepare = 100;
            b.AutoPrepareMinUsages = 2;
        }

        return b.ConnectionString;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(ShianDb).Assembly.FullName))
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, s => s.MigrationsAssembly(typeof(ShianDb).Assembly.FullName))
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning));

    /// <summary>
    /// The provider and connection string of the configured database, read from configuration (<c>Database:Provider</c>,
    /// <c>ConnectionStrings:Shian</c>; SQLite defaults to {Shian:DataDir}/shian.db) — for the context and the job scheduler.
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
        Kernel.Privacy.PrivateFiles.CreateFolder(dir); // 0700: the database, keys, evidence and uploads are the service account's only
        return (provider, $"Data Source={Path.Combine(dir, "shian.db")}");
    }
}
