using Shian.Enforcement.Contracts;
using Shian.Kernel.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Shian.Data;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Infrastructure;

/// <summary>The real app over HTTP on a real database of its own (one per test class).</summary>
public abstract class ShianFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "shian-test-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The app's data folder (attachments live under files/).</summary>
    public string DataDir => _dataDir;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The app's clock; tests advance it (idle timeouts, deadlines). Starts at the real time.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

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
        builder.UseSetting("Demo:Seed", "true");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IDomainEventHandler<CaseClueRaised>>(CaseClues);
        });
    }

    /// <summary>Today in Beijing on the test clock, as the app computes it.</summary>
    public DateOnly Today => Shian.Kernel.Calendar.ChinaTime.Today(Clock);

    /// <summary>Case clues raised by the app: stands in for the enforcement module, which will consume them.</summary>
    public CaseClueRecorder CaseClues { get; } = new();

    public sealed class CaseClueRecorder : IDomainEventHandler<CaseClueRaised>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<CaseClueRaised> _raised = new();

        public IReadOnlyList<CaseClueRaised> Raised => [.. _raised];

        public Task HandleAsync(CaseClueRaised domainEvent, CancellationToken ct)
        {
            _raised.Enqueue(domainEvent);
            return Task.CompletedTask;
        }
    }

    /// <summary>A client signed in with a bearer token as a demo account (e.g. <c>officer@210503</c>).</summary>
    public async Task<HttpClient> ClientAsAsync(string userName)
    {
        var client = CreateClient();
        var res = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoOptions.DefaultPassword });
        res.EnsureSuccessStatusCode();
        var token = await res.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
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
