using System.Diagnostics;
using System.Net.Http.Headers;

// A small closed-loop load generator (wrk is not part of the machine): N clients request URLs from a list in turn for a
// duration and report throughput and latency percentiles. Hand-written because it needs a bearer token and a rotating
// set of queries, which wrk would need a Lua script for; ~60 lines.
//   dotnet run -c Release --project benchmarks/Shian.Load -- BASE_URL TOKEN SECONDS CLIENTS PATH [PATH ...]
if (args.Length < 5)
{
    Console.Error.WriteLine("usage: BASE_URL TOKEN SECONDS CLIENTS PATH [PATH ...]");
    return 2;
}

var baseUrl = new Uri(args[0]);
var token = args[1];
var seconds = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var clients = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
var paths = args[4..];
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = baseUrl };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

// Warm-up: every path once.
foreach (var p in paths)
{
    (await http.GetAsync(p)).EnsureSuccessStatusCode();
}

var latencies = new List<double>[clients];
var errors = 0;
var stop = Stopwatch.StartNew();
var end = TimeSpan.FromSeconds(seconds);
await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
{
    latencies[c] = [];
    var i = c;
    while (stop.Elapsed < end)
    {
        var t = Stopwatch.GetTimestamp();
        using var res = await http.GetAsync(paths[i++ % paths.Length]);
        await res.Content.ReadAsByteArrayAsync();
        if (!res.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref errors);
        }

        latencies[c].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }
}));

var all = latencies.SelectMany(l => l).Order().ToList();
double P(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
Console.WriteLine($"{all.Count} requests in {stop.Elapsed.TotalSeconds:0.0} s = {all.Count / stop.Elapsed.TotalSeconds:0} req/s, {clients} clients, {errors} errors");
Console.WriteLine($"latency ms: p50 {P(0.50):0.0}  p95 {P(0.95):0.0}  p99 {P(0.99):0.0}  max {all[^1]:0.0}");
return errors == 0 ? 0 : 1;
