using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Kernel;

/// <summary>
/// kill -9 (ADR 0006): the app runs as its own process on PostgreSQL, is killed with SIGKILL in the middle of a register
/// import, and a second instance (another process) on the same database recovers the job and completes it — it is never left "failed".
/// </summary>
public sealed class KillTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int Rows = 20_000;

    [Fact]
    public async Task AnImportKilledWithSigkill_IsRecoveredByAnotherInstance_AndCompletes()
    {
        var connectionString = await PostgresServer.Current.CreateDatabaseAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), "shian-kill-" + Guid.NewGuid().ToString("N")[..8]);
        var imports = Path.Combine(dataDir, "imports");
        Directory.CreateDirectory(imports);
        try
        {
            // A register of 20 000 businesses of 本溪市 from the app's own generator.
            var sheet = Path.Combine(dataDir, "register.xlsx");
            await using (var generate = AppProcess.Start($"demo generate --region 210500000000 --count {Rows} --seed 7 --out \"{sheet}\"", new Dictionary<string, string>()))
            {
                await generate.Process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
                Assert.Equal(0, generate.Process.ExitCode);
            }

            var port = AppProcess.FreePort();
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Shian"] = connectionString,
                ["Shian__DataDir"] = dataDir,
                ["Registry__ImportFolder"] = imports,
                ["Demo__Seed"] = "true",
                ["Jobs__CheckinInterval"] = "00:00:01",
                ["Jobs__CheckinMisfireThreshold"] = "00:00:04",
            };
            await using var victimApp = AppProcess.Start($"--urls http://127.0.0.1:{port}", environment);
            var victim = victimApp.Process;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await victimApp.WaitHealthyAsync(http, "the first instance");

            var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer@210500", password = Shian.Kernel.Users.DemoOptions.DefaultPassword }, Ct))
                .Content.ReadFromJsonAsync<JsonElement>(Ct);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(sheet, Ct)), "file", "二万户.xlsx" } };
            var started = await http.PostAsync("/api/v1/business-imports", form, Ct);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var id = Guid.Parse((await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!);

            // Kill -9 while the job is validating or writing.
            await using var sql = new Npgsql.NpgsqlConnection(connectionString);
            await sql.OpenAsync(Ct);
            async Task<string> StatusAsync()
            {
                await using var cmd = new Npgsql.NpgsqlCommand("SELECT status FROM registry_imports WHERE id = @id", sql);
                cmd.Parameters.AddWithValue("id", id);
                return (string)(await cmd.ExecuteScalarAsync(Ct))!;
            }

            async Task<long> CountAsync(string query)
            {
                await using var cmd = new Npgsql.NpgsqlCommand(query, sql);
                cmd.Parameters.AddWithValue("id", id);
                return Convert.ToInt64(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
            }

            await Eventually.TrueAsync(async () => await StatusAsync() is "Validating" or "Writing", "the import to be running");
            victim.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no finally blocks
            await victim.WaitForExitAsync(Ct);
            Assert.NotEqual("Completed", await StatusAsync());

            // A second instance starts on the same database and upload folder: it declares the dead node gone and runs
            // the import again, from the start.
            var port2 = AppProcess.FreePort();
            await using var survivorApp = AppProcess.Start($"--urls http://127.0.0.1:{port2}", environment);
            var survivor = survivorApp.Process;
            await Eventually.TrueAsync(async () => await StatusAsync() is "Completed" or "Failed", "the recovered import to end", TimeSpan.FromSeconds(150));
            Assert.True(await StatusAsync() == "Completed", $"Not recovered ({await StatusAsync()}):\n" + string.Join("\n", survivorApp.Output.TakeLast(60)));
            Assert.Equal(Rows, await CountAsync("SELECT count(*) FROM registry_businesses WHERE import_id = @id"));
            // The run is marked succeeded just after the import's own commit.
            await Eventually.TrueAsync(async () => await CountAsync("SELECT count(*) FROM kernel_job_runs WHERE job = 'registry-import' AND recovering AND outcome = 'Succeeded'") == 1,
                "the recovered run to be recorded");
            var runs = new List<string>();
            await using (var cmd = new Npgsql.NpgsqlCommand("SELECT instance || ' ' || outcome || ' ' || recovering::text || ' ' || COALESCE(summary, '') FROM kernel_job_runs WHERE job = 'registry-import'", sql))
            await using (var reader = await cmd.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct))
                {
                    runs.Add(reader.GetString(0));
                }
            }

            Assert.True(runs.Count(r => r.Contains(" Succeeded true ", StringComparison.Ordinal)) == 1, "runs:\n" + string.Join("\n", runs));
            Assert.Equal(1, await CountAsync("SELECT count(*) FROM kernel_job_runs WHERE job = 'registry-import' AND outcome = 'Running'")); // the killed run
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }
}
