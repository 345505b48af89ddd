using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Isolation;

/// <summary>
/// The role matrix: enumerates every /api/v1 endpoint and every page handler of the running app and, signed in as
/// one demo user of each role, proves each role is refused exactly where its permissions do not reach (403 from the
/// permission policy, or the page's "denied" redirect) and let through where they do; the refused calls change
/// nothing stored. An endpoint or page handler that declares no permission (and is not anonymous) fails the test.
/// </summary>
public abstract partial class RoleMatrixTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One demo user per role, all of 溪湖区 (or the city, for the lab).</summary>
    private static readonly (string Role, string User)[] Users =
    [
        (ShianRoles.Admin, "admin"), (ShianRoles.Coordinator, "coordinator@210503"), (ShianRoles.Officer, "officer@210503"),
        (ShianRoles.Inspector, "inspector@210503"), (ShianRoles.Lab, "lab@210500"), (ShianRoles.Business, "business@210503"), (ShianRoles.Public, "public"),
    ];

    /// <summary>Tables written by the platform's own background work (jobs, event delivery, caches), not by requests.</summary>
    private static readonly string[] BackgroundTables = ["qrtz_", "kernel_job_runs", "kernel_outbox_", "kernel_cache_stamps"];

    private sealed record Call(string Name, string Method, string Path, IReadOnlyList<string> Required, bool IsPage, string? Handler, bool Form);

    [Fact]
    public async Task EveryEndpointAndPageHandler_LetsEachRoleDoExactlyWhatItsPermissionsAllow()
    {
        var failures = new List<string>();
        var calls = ApiCalls(failures).Concat(await PageCallsAsync(failures)).ToList();
        Assert.True(calls.Count(c => !c.IsPage) >= 100, $"only {calls.Count(c => !c.IsPage)} API endpoint methods found");
        Assert.True(calls.Count(c => c.IsPage) >= 60, $"only {calls.Count(c => c.IsPage)} page handlers found");

        var apiClients = new Dictionary<string, HttpClient>();
        var browsers = new Dictionary<string, (HttpClient Client, string Token)>();
        foreach (var (role, user) in Users)
        {
            apiClients[role] = await factory.ClientAsAsync(user);
            browsers[role] = await factory.BrowserAsAsync(user);
        }

        // First every refusal, between two fingerprints of what is stored; then the calls each role may make.
        var before = await StableFingerprintAsync();
        var lastAuditId = await LastAuditIdAsync();
        var refused = 0;
        foreach (var call in calls)
        {
            foreach (var (role, _) in Users.Where(u => !Allows(u.Role, call)))
            {
                refused++;
                var res = await SendAsync(call, apiClients[role], browsers[role]);

                if (!await IsDeniedAsync(call, res))
                {
                    var body = await res.Content.ReadAsStringAsync(Ct);
                    failures.Add($"{call.Name}: {role} lacks {string.Join(" + ", call.Required)} but got {(int)res.StatusCode} {res.Headers.Location} {body[..Math.Min(300, body.Length)]}");
                }
            }
        }

        var after = await FingerprintAsync();
        foreach (var (table, count) in after.Where(t => t.Key != AuditTable && before.GetValueOrDefault(t.Key) != t.Value))
        {
            failures.Add($"refused calls changed {table}: {before.GetValueOrDefault(table)} → {count} rows");
        }

        // The only trace a refusal leaves is its own audit entry (等保: denials are audited), one per refused call.
        await using (var scope = factory.Scope())
        {
            var entries = await scope.ServiceProvider.GetRequiredService<ShianDb>().AuditEntries.AsNoTracking().Where(a => a.Id > lastAuditId).ToListAsync(Ct);
            failures.AddRange(entries.Where(a => a.Action != Shian.Kernel.Audit.SecurityActions.Denied).Select(a => $"a refused call wrote the audit entry {a.Action} {a.EntityType} {a.EntityId}"));
            if (entries.Count != refused)
            {
                failures.Add($"{refused} refusals but {entries.Count} denial entries in the audit log");
            }
        }

        var allowed = 0;
        foreach (var call in calls)
        {
            foreach (var (role, _) in Users.Where(u => Allows(u.Role, call)))
            {
                allowed++;
                var res = await SendAsync(call, apiClients[role], browsers[role]);
                if (await IsDeniedAsync(call, res))
                {
                    failures.Add($"{call.Name}: {role} holds {string.Join(" + ", call.Required)} but was refused");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{calls.Count(c => !c.IsPage)} endpoint methods and {calls.Count(c => c.IsPage)} page handlers × {Users.Length} roles: {refused} refusals proven, {allowed} permitted calls let through");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool Allows(string role, Call call) => call.Required.All(p => PermissionCatalog.Get(p).Roles.Contains(role));

    /// <summary>Every /api/v1 endpoint method and the permissions it requires; anonymous ones are public by design.</summary>
    private List<Call> ApiCalls(List<string> failures)
    {
        var calls = new List<Call>();
        foreach (var e in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true))
        {
            var required = e.Metadata.GetOrderedMetadata<RequiresAttribute>().Select(r => r.Permission).Distinct().ToList();
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var name = $"{method} {e.RoutePattern.RawText}";
                if (anonymous && required.Count > 0)
                {
                    failures.Add($"{name}: both anonymous and requiring {string.Join(", ", required)}");
                }
                else if (!anonymous && required.Count == 0)
                {
                    failures.Add($"{name}: declares no permission (.Requires(…)) and is not anonymous");
                }
                else if (!anonymous)
                {
                    var form = e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(t => t.StartsWith("multipart/form-data", StringComparison.Ordinal)) == true;
                    calls.Add(new Call(name, method, Fill(e.RoutePattern.RawText!), required, false, null, form));
                }
            }
        }

        return calls;
    }

    /// <summary>Every handler of every page (loaded as the app compiles them) and the permissions it requires.</summary>
    private async Task<List<Call>> PageCallsAsync(List<string> failures)
    {
        var calls = new List<Call>();
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .GroupBy(p => p.ViewEnginePath).Select(g => g.First());
        foreach (var page in pages)
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            var model = compiled.ModelTypeInfo?.AsType() ?? compiled.HandlerTypeInfo.AsType();
            var route = "/" + (page.AttributeRouteInfo?.Template ?? page.ViewEnginePath.TrimStart('/'));
            var anonymous = compiled.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            foreach (var handler in compiled.HandlerMethods)
            {
                var name = $"{handler.HttpMethod} {route}{(handler.Name is null ? "" : "?handler=" + handler.Name)} ({model.Name})";
                var required = Shian.Web.PermissionPageFilter.Required(model, handler.MethodInfo);
                if (anonymous)
                {
                    if (required.Count > 0)
                    {
                        failures.Add($"{name}: both anonymous and requiring {string.Join(", ", required)}");
                    }

                    continue;
                }

                if (required.Count == 0)
                {
                    failures.Add($"{name}: declares no permission ([Requires] on the model or handler) and is not anonymous");
                    continue;
                }

                calls.Add(new Call(name, handler.HttpMethod.ToUpperInvariant(), Fill(route), required, true, handler.Name, true));
            }
        }

        return calls;
    }

    private static Task<HttpResponseMessage> SendAsync(Call call, HttpClient api, (HttpClient Client, string Token) browser)
    {
        if (!call.IsPage)
        {
            HttpContent? body = call.Method is "GET" or "DELETE" ? null
                : call.Form ? new MultipartFormDataContent { { new StringContent("x"), "file", "x.xlsx" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
            return api.SendAsync(new HttpRequestMessage(new HttpMethod(call.Method), call.Path) { Content = body }, Ct);
        }

        var path = call.Handler is null ? call.Path : $"{call.Path}?handler={call.Handler}";
        var request = new HttpRequestMessage(new HttpMethod(call.Method), path);
        if (call.Method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = browser.Token });
        }

        return browser.Client.SendAsync(request, Ct);
    }

    /// <summary>Refused by the permission check: the API's 403 (code auth.forbidden), a page's redirect to the "denied" page.</summary>
    private static async Task<bool> IsDeniedAsync(Call call, HttpResponseMessage res) => call.IsPage
        ? res.StatusCode == HttpStatusCode.Redirect && res.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true
        : res.StatusCode == HttpStatusCode.Forbidden && (await res.Content.ReadAsStringAsync(Ct)).Contains("\"auth.forbidden\"", StringComparison.Ordinal);

    /// <summary>The route with its parameters filled: ids with fresh GUIDs (numbers for numeric ids), region codes with 溪湖区's.</summary>
    private static string Fill(string route)
    {
        var path = ParameterPattern().Replace(route, m => m.Groups["name"].Value switch
        {
            "code" or "chain" or "region" => "210503000000",
            "year" => "2027",
            "date" => "2027-01-01",
            "job" => "risk-nightly",
            "key" => "programme.experts",
            _ when m.Groups["constraint"].Value.Contains("long", StringComparison.Ordinal) || m.Groups["constraint"].Value.Contains("int", StringComparison.Ordinal) => "987654321",
            var n when m.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal) || n.EndsWith("Id", StringComparison.Ordinal) || n == "id" => Guid.NewGuid().ToString(),
            _ => "x",
        });
        return path.Replace("//", "/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(?<constraint>(:[^}?]*)?)\??\}")]
    private static partial Regex ParameterPattern();

    private const string AuditTable = "kernel_audit_entries";

    private async Task<long> LastAuditIdAsync()
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<ShianDb>().AuditEntries.MaxAsync(a => (long?)a.Id, Ct) ?? 0;
    }

    /// <summary>Row counts of every table requests can write (all regulated changes are also audited, so updates show too).</summary>
    private async Task<Dictionary<string, long>> FingerprintAsync()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct()
            .Where(t => !BackgroundTables.Any(b => t.StartsWith(b, StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
#pragma warning disable EF1002 // table names come from the model, not from input
            counts[table] = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(Ct);
#pragma warning restore EF1002
        }

        return counts;
    }

    /// <summary>The fingerprint once start-up work (demo data, the jobs that run at start) has settled: no job running, two reads alike.</summary>
    private async Task<Dictionary<string, long>> StableFingerprintAsync()
    {
        Dictionary<string, long>? last = null;
        await Eventually.TrueAsync(async () =>
        {
            await using var scope = factory.Scope();
            var running = await scope.ServiceProvider.GetRequiredService<ShianDb>().Set<Shian.Kernel.Jobs.JobRun>().AnyAsync(r => r.Outcome == Shian.Kernel.Jobs.JobOutcome.Running, Ct);
            var now = await FingerprintAsync();
            var settled = !running && last is not null && now.Count == last.Count && now.All(t => last[t.Key] == t.Value);
            last = now;
            return settled;
        }, "the start-up work to settle", TimeSpan.FromSeconds(10));
        return last!;
    }
}

public sealed class RoleMatrixSqliteTests(SqliteShianFactory factory) : RoleMatrixTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class RoleMatrixPostgresTests(PostgresShianFactory factory) : RoleMatrixTests(factory), IClassFixture<PostgresShianFactory>;
