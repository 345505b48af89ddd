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

    /// <summary>The anonymous requests allowed per address and minute (high: test clients share one address).</summary>
    protected virtual int RateLimitPerMinute => 100_000;

    /// <summary>Whether administrators must set up a second factor (off here so the demo admin signs in with a password; its own tests turn it on).</summary>
    protected virtual bool AdminsRequireTwoFactor => false;

    /// <summary>Whether the app has an SMS gateway (the test relay <see cref="Sms"/>); without one, self-registration is closed.</summary>
    protected virtual bool SmsGateway => true;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// The fixed start of the test clock: Wednesday 2026-11-25 10:00 Beijing, inside a year whose holiday notice is loaded,
    /// so every deadline a test computes is the same whatever day the suite runs (issue #14).
    /// </summary>
    public static readonly DateTimeOffset FixedStart = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The app's clock: fixed at <see cref="FixedStart"/>; tests advance it (idle timeouts, deadlines).</summary>
    public FakeTimeProvider Clock { get; } = new(FixedStart);

    protected string ConnectionString { get; set; } = "";

    /// <summary>The connection string the app was given (empty for SQLite's default file in <see cref="DataDir"/>).</summary>
    public string DatabaseConnectionString => ConnectionString;

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
        // The background dispatcher looks often, and gives up after three attempts (tests advance the clock between them).
        builder.UseSetting("Events:PollInterval", "00:00:00.200");
        builder.UseSetting("Events:MaxAttempts", "3");
        // Every test client shares one address: the anonymous limits are exercised by their own test (PublicLimitsTests).
        builder.UseSetting("RateLimits:AnonymousPerMinute", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Complaints:PerClientPerHour", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:AdminsRequireTwoFactor", AdminsRequireTwoFactor ? "true" : "false");
        builder.UseSetting("Registry:SelfRegistration:PerClientPerHour", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The real HTTP gateway, posting to a relay that lives in this process (SmsRelay records what it is sent).
        builder.UseSetting("Sms:Gateway", SmsGateway ? "http" : "");
        builder.UseSetting("Sms:Url", "http://sms-relay.test/send");
        builder.UseSetting("Sms:ApiKey", "relay-key");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IDomainEventHandler<CaseClueRaised>>(CaseClues);
            services.AddSingleton<IDomainEventHandler<OutboxProbe>>(Probes);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            services.AddHttpClient("sms").ConfigurePrimaryHttpMessageHandler(() => Sms);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>The SMS relay the app's gateway posts to: every message it was sent; it can be made to fail.</summary>
    public SmsRelay Sms { get; } = new();

    public sealed class SmsRelay : HttpMessageHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<System.Text.Json.JsonElement> _sent = new();

        /// <summary>The JSON bodies posted, oldest first.</summary>
        public IReadOnlyList<System.Text.Json.JsonElement> Sent => [.. _sent];

        /// <summary>The Authorization header of the last post.</summary>
        public string? LastAuthorization { get; private set; }

        /// <summary>When set, the relay answers 502 (a provider outage).</summary>
        public bool Failing { get; set; }

        /// <summary>The code in the last message sent to <paramref name="phone"/>.</summary>
        public string LastCode(string phone) => Sent.Last(m => m.GetProperty("phone").GetString() == phone).GetProperty("params").GetProperty("code").GetString()!;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Failing)
            {
                return new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway);
            }

            LastAuthorization = request.Headers.Authorization?.ToString();
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            _sent.Enqueue(System.Text.Json.JsonDocument.Parse(body).RootElement.Clone());
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{\"ok\":true}") };
        }
    }

    /// <summary>The test header that sets the client's address (every test client is otherwise the same "unknown" client).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Test-only, before the app's middleware: a request's client address from <see cref="ClientAddressHeader"/>, so a test can be another client of the per-address limits.</summary>
    private sealed class ClientAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            Microsoft.AspNetCore.Builder.UseExtensions.Use(app, (Microsoft.AspNetCore.Http.HttpContext context, Microsoft.AspNetCore.Http.RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && System.Net.IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>Today in Beijing on the test clock, as the app computes it.</summary>
    public DateOnly Today => Shian.Kernel.Calendar.ChinaTime.Today(Clock);

    /// <summary>What the app logged (Information and above, as in production).</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Case clues raised by the app, as delivered (beside the enforcement module, which registers them).</summary>
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

    /// <summary>Handles <see cref="OutboxProbe"/> events for the outbox tests: counts each probe, fails on request.</summary>
    public ProbeHandler Probes { get; } = new();

    /// <summary>A test-only event.</summary>
    public sealed record OutboxProbe(Guid Id, string Text);

    public sealed class ProbeHandler : IDomainEventHandler<OutboxProbe>
    {
        /// <summary>How often each probe was handled (successfully).</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<Guid, int> Handled { get; } = new();

        /// <summary>Probes that fail this many more times before they succeed (int.MaxValue: always).</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<Guid, int> FailuresLeft { get; } = new();

        /// <summary>Another instance's count, for tests with two instances on one database.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<Guid, int>? SharedCount { get; set; }

        public Task HandleAsync(OutboxProbe domainEvent, CancellationToken ct)
        {
            if (FailuresLeft.TryGetValue(domainEvent.Id, out var left) && left > 0)
            {
                FailuresLeft[domainEvent.Id] = left == int.MaxValue ? left : left - 1;
                throw new InvalidOperationException($"探针故障 probe failure {domainEvent.Text}");
            }

            Handled.AddOrUpdate(domainEvent.Id, 1, (_, n) => n + 1);
            SharedCount?.AddOrUpdate(domainEvent.Id, 1, (_, n) => n + 1);
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

    /// <summary>
    /// A browser signed in with the page cookie as a demo account, and the antiforgery token its forms carry
    /// (read from the sign-out form, which every signed-in user can open). Redirects are not followed.
    /// </summary>
    public async Task<(HttpClient Client, string Token)> BrowserAsAsync(string userName)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await client.GetStringAsync("/account/signin");
        var res = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = DemoOptions.DefaultPassword, ["__RequestVerificationToken"] = AntiforgeryToken(signIn),
        }));
        if (res.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)res.StatusCode}");
        }

        return (client, AntiforgeryToken(await client.GetStringAsync("/")));
    }

    internal static string AntiforgeryToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("The page has no antiforgery token");

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

/// <summary>SQLite with the anonymous limits low enough to reach in a test, and no SMS gateway.</summary>
public sealed class LimitedSqliteShianFactory : ShianFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override int RateLimitPerMinute => 30;

    protected override bool SmsGateway => false;
}

public sealed class SqliteShianFactory : ShianFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>SQLite where administrators must use a second factor, as in Production.</summary>
public sealed class TwoFactorSqliteShianFactory : ShianFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override bool AdminsRequireTwoFactor => true;
}

/// <summary>A second app instance on the database of another PostgreSQL factory (two instances, one database).</summary>
public sealed class SecondPostgresInstance : ShianFactory
{
    public SecondPostgresInstance(ShianFactory first) => ConnectionString = first.DatabaseConnectionString;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
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
