using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Shian.BrowserTests.BrowserFixture))]

namespace Shian.BrowserTests;

/// <summary>
/// The real app on Kestrel at a loopback port (SQLite, demo accounts) and Debian's Chromium driven by Playwright.
/// Chromium and a CJK font are installed with apt-get when missing and the tests run as root (Playwright's own
/// browser download cannot work on these machines); otherwise the fixture fails saying what to install.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private AppFactory? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>What the demo SMS gateway (<c>Sms:Gateway=log</c>) wrote: the text messages the app sent, oldest first.</summary>
    public static TextMessageLog TextMessages { get; } = new();

    /// <summary>Keeps the messages of the log gateway (as a person reading the console of <c>dotnet run</c> would).</summary>
    public sealed class TextMessageLog : Microsoft.Extensions.Logging.ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName.EndsWith("LogSmsGateway", StringComparison.Ordinal) ? _lines : null);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string>? lines) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => lines is not null;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines?.Enqueue(formatter(state, exception));
        }
    }

    /// <summary>The app's services (to enumerate its pages).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Where screenshots are kept as test artefacts: artifacts/screenshots at the repository root.</summary>
    public static string ScreenshotDir { get; } = FindScreenshotDir();

    public async ValueTask InitializeAsync()
    {
        await EnsureBrowserAndFontsAsync();
        _app = new AppFactory();
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    /// <summary>A fresh browser context (no cookies) at a viewport, in Chinese.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        // Irreversible acts ask first (data-confirm): the journeys accept, and the question asked is kept to be checked.
        page.Dialog += (_, dialog) =>
        {
            Dialogs.Add(dialog.Message);
            _ = dialog.AcceptAsync();
        };
        return page;
    }

    /// <summary>The confirmation questions the journeys' pages asked, in order.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Dialogs { get; } = [];

    /// <summary>An API client with a demo user's bearer token (to set up what a journey needs, as the office or the lab would).</summary>
    public async Task<HttpClient> ApiAsync(string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var res = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/auth/token", new { userName = user, password = Kernel.Users.DemoOptions.DefaultPassword });
        res.EnsureSuccessStatusCode();
        var token = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(res.Content)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A fresh page signed in as a demo user, on the workbench.</summary>
    public async Task<IPage> SignedInAsync(string user, int width, int height)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(Kernel.Users.DemoOptions.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // Each role lands on its own start page: inspectors on 今日任务, the lab on its samples, the others on 工作台.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin|/start$"), new() { Timeout = 15_000 });
        await page.Locator("main h1").First.WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static async Task EnsureBrowserAndFontsAsync()
    {
        var missing = new List<string>();
        if (!File.Exists(ChromiumPath))
        {
            missing.Add("chromium");
        }

        if (!(await RunAsync("fc-list", ":lang=zh family", allowFailure: true)).Contains("CJK", StringComparison.OrdinalIgnoreCase))
        {
            missing.Add("fonts-noto-cjk");
        }

        if (missing.Count == 0)
        {
            return;
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException($"Browser tests need Debian packages {string.Join(" ", missing)}: run `sudo apt-get install -y {string.Join(" ", missing)}`.");
        }

        await RunAsync("apt-get", "update -qq");
        await RunAsync("apt-get", "install -y -qq " + string.Join(" ", missing), env: ("DEBIAN_FRONTEND", "noninteractive"));
    }

    private static async Task<string> RunAsync(string file, string args, bool allowFailure = false, (string, string)? env = null)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (env is { } e)
        {
            psi.Environment[e.Item1] = e.Item2;
        }

        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            if (p.ExitCode != 0 && !allowFailure)
            {
                throw new InvalidOperationException($"{file} {args} failed: {await stderr}");
            }

            return await stdout;
        }
        catch (System.ComponentModel.Win32Exception) when (allowFailure)
        {
            return "";
        }
    }

    private static string FindScreenshotDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shian.slnx")))
            {
                return Path.Combine(dir.FullName, "artifacts", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }

    private sealed class AppFactory : WebApplicationFactory<Program>
    {
        private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "shian-browser-" + Guid.NewGuid().ToString("N")[..12]);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Shian:DataDir", _dataDir);
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Demo:Register", "300");
            builder.UseSetting("Demo:Complaints", "60"); // the lists and the phone layout test open real complaints
            builder.UseSetting("Demo:Cases", "30"); // and real clues and cases
            builder.UseSetting("Demo:Traceability", "true"); // a captured supply chain and a published recall
            builder.UseSetting("Demo:Emergencies", "true"); // a reporting network with gaps, an incident in response
            builder.UseSetting("Security:AdminsRequireTwoFactor", "false"); // the demo admin signs in with its password; the integration tests cover the second factor
            builder.UseSetting("Sms:Gateway", "log"); // as in the Development demo: a business's self-registration code is read from the log
            builder.ConfigureServices(s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(TextMessages));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(_dataDir))
            {
                Directory.Delete(_dataDir, recursive: true);
            }
        }
    }
}
