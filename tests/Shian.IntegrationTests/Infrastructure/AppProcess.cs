using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Shian.IntegrationTests.Infrastructure;

/// <summary>
/// The built app run as its own process (kill -9, a fresh Production start): started with arguments and environment,
/// its output kept for failure messages, killed on dispose if still running.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private AppProcess(Process process) => Process = process;

    public Process Process { get; }

    public ConcurrentQueue<string> Output { get; } = new();

    public static string AppDll => typeof(Program).Assembly.Location;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static AppProcess Start(string arguments, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{AppDll}\" {arguments}")
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }

        var app = new AppProcess(Process.Start(info)!);
        app.Process.OutputDataReceived += (_, e) => app.Output.Enqueue(e.Data ?? "");
        app.Process.ErrorDataReceived += (_, e) => app.Output.Enqueue(e.Data ?? "");
        app.Process.BeginOutputReadLine();
        app.Process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until the server answers /health (failing at once, with its last output, if it exits).</summary>
    public Task WaitHealthyAsync(HttpClient http, string what) => Eventually.TrueAsync(async () =>
    {
        Assert.False(Process.HasExited, $"{what} exited:\n" + string.Join("\n", Output.TakeLast(40)));
        try
        {
            return (await http.GetAsync("/health", TestContext.Current.CancellationToken)).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }, what + " to start", TimeSpan.FromSeconds(90));

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }
}
