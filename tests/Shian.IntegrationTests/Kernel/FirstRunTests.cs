using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Kernel;

/// <summary>
/// Security finding 9, as an operator meets it: a fresh Production deployment has no users and refuses demo accounts
/// (their password is public, and it is never logged); <c>admin create</c> makes the first administrator, who signs in.
/// Real processes of the built app on a fresh SQLite data folder.
/// </summary>
public sealed class FirstRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string AppDll => AppProcess.AppDll;

    private static async Task<(int Code, string Output)> RunAsync(string arguments, IDictionary<string, string> environment, string? input = null, Process? keep = null)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{AppDll}\" {arguments}")
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll)!, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task AFreshProductionStart_RefusesDemoAccounts_AndTheFirstAdministratorIsCreatedFromTheCommandLine()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "shian-firstrun-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        try
        {
            var port = AppProcess.FreePort();
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Shian__DataDir"] = dataDir, ["Demo__Seed"] = "true",
            };

            // The administrator, with the password given on standard input.
            var (code, output) = await RunAsync("admin create ops --name 运维管理员 --password-stdin", environment, "Ops-Pass-2026!first");
            Assert.True(code == 0, output);
            Assert.Contains("已创建系统管理员“ops”", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Ops-Pass-2026!first", output, StringComparison.Ordinal);
            var (again, refused) = await RunAsync("admin create ops --password-stdin", environment, "Other-Pass-2026!x");
            Assert.Equal(1, again);
            Assert.Contains("已存在", refused, StringComparison.Ordinal);

            // The server starts in Production: no demo accounts, no password in its log; the administrator signs in.
            await using var server = AppProcess.Start($"--urls http://127.0.0.1:{port}", environment);
            var log = server.Output;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await server.WaitHealthyAsync(http, "the server");

            var demo = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = Shian.Kernel.Users.DemoOptions.DefaultPassword }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
            var ops = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "ops", password = "Ops-Pass-2026!first" }, Ct);
            Assert.Equal(HttpStatusCode.OK, ops.StatusCode);
            Assert.Contains(log, l => l.Contains("Demo seeding refused outside Development", StringComparison.Ordinal));
            Assert.DoesNotContain(log, l => l.Contains(Shian.Kernel.Users.DemoOptions.DefaultPassword, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
