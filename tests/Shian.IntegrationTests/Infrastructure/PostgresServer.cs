using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Shian.IntegrationTests.Infrastructure.PostgresServer))]

namespace Shian.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb + pg_ctl from /usr/lib/postgresql/15/bin into a
/// temporary folder, listening on a free loopback port, removed afterwards. initdb refuses to run as root, so
/// as root the cluster belongs to the <c>postgres</c> user (runuser). <c>SHIAN_TEST_POSTGRES</c> may name an
/// existing server instead (a connection string whose user may create databases). A missing server is a
/// failure, never a skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private static PostgresServer? _current;
    private string? _dir;
    private bool _started;

    public static PostgresServer Current => _current ?? throw new InvalidOperationException("PostgresServer assembly fixture has not started");

    /// <summary>Connection string to the maintenance database; tests create their own databases.</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _current = this;
        var external = Environment.GetEnvironmentVariable("SHIAN_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = external;
            return;
        }

        if (!File.Exists(Path.Combine(BinDir, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 server binaries not found in {BinDir}: install postgresql-15 (apt-get install -y postgresql-15) or set SHIAN_TEST_POSTGRES.");
        }

        var asRoot = Environment.UserName == "root";
        _dir = Path.Combine(Path.GetTempPath(), "shian-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(_dir, "data");
        var socket = Path.Combine(_dir, "sock");
        Directory.CreateDirectory(socket);
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _dir], asPostgres: false);
        }

        var port = FreePort();
        await RunAsync(Path.Combine(BinDir, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        await RunAsync(Path.Combine(BinDir, "pg_ctl"), ["-D", data, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {socket} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"], asRoot);
        _started = true;
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "shian_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        // Every test class has its own database and pool, and pools outlive their class (EF keeps the data source for the
        // process): a small pool that lets idle connections go soon keeps the classes within the cluster's 200
        // connections (a class filing 28 complaints at once held 28 for five minutes and starved a later class: 53300).
        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name, Pooling = true, MaxPoolSize = 16, ConnectionIdleLifetime = 15, ConnectionPruningInterval = 5,
        }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started && _dir is not null)
        {
            try
            {
                await RunAsync(Path.Combine(BinDir, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the folder is removed below either way.
            }
        }

        if (_dir is not null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var psi = asPostgres ? new ProcessStartInfo("runuser") : new ProcessStartInfo(file);
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                psi.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({p.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
