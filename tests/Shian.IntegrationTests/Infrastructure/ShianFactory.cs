using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;

namespace Shian.IntegrationTests.Infrastructure;

/// <summary>The real app over HTTP on a real database of its own (one per test class).</summary>
public abstract class ShianFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "shian-test-" + Guid.NewGuid().ToString("N")[..12]);

    public abstract DatabaseProvider Provider { get; }

    protected string ConnectionString { get; set; } = "";

    public virtual ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting reaches the configuration Program.cs reads while registering services.
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Shian", ConnectionString);
        builder.UseSetting("Shian:DataDir", _dataDir);
    }

    /// <summary>A scope for arranging data or calling services directly.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteShianFactory : ShianFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresShianFactory : ShianFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectionString = await PostgresServer.Current.CreateDatabaseAsync();
    }
}
