using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Kernel;

/// <summary>Sign-in, bearer tokens, lockout and idle timeout on each database.</summary>
public abstract class AuthTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> TokenAsync(string user, string password) =>
        await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password }, Ct);

    [Fact]
    public async Task Token_ForADemoOfficer_ShowsTheOfficersRoleAndDistrict()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.Equal("officer@210503", me.GetProperty("userName").GetString());
        Assert.Equal([ShianRoles.Officer], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["210503000000"], me.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Api_WithoutSigningIn_Is401_ButHealthIsOpen()
    {
        var client = factory.CreateClient();
        var me = await client.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("auth.required", await me.ProblemCodeAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/regions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
    }

    [Fact]
    public async Task Token_WithAWrongPassword_Is401WithAStableCode()
    {
        var res = await TokenAsync("officer@210504", "wrong-Password-1");
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        Assert.Equal("auth.invalid-credentials", await res.ProblemCodeAsync(Ct));
    }

    /// <summary>A token request as if from <paramref name="address"/> (the test server lets the connection be set).</summary>
    private async Task<(int Status, string Body)> TokenFromAsync(string address, string user, string password)
    {
        var context = await factory.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
            http.Request.Method = "POST";
            http.Request.Path = "/api/v1/auth/token";
            http.Request.ContentType = "application/json";
            var json = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { userName = user, password }));
            http.Request.Body = new MemoryStream(json);
            http.Request.ContentLength = json.Length;
            http.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
        }, Ct);
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(Ct));
    }

    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    [Fact]
    public async Task AStrangerFailingFiveTimes_IsSlowedDown_ButCannotLockTheAccountOutForItsOwner()
    {
        const string user = "inspector@210505";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(401, (await TokenFromAsync("203.0.113.7", user, "wrong-Password-" + i)).Status);
        }

        // The stranger now waits, even with the right password…
        var (status, body) = await TokenFromAsync("203.0.113.7", user, DemoOptions.DefaultPassword);
        Assert.Equal(429, status);
        Assert.Contains("auth.throttled", body, StringComparison.Ordinal);

        // …while the inspector, from their own device, signs in as usual.
        Assert.Equal(200, (await TokenFromAsync("198.51.100.20", user, DemoOptions.DefaultPassword)).Status);

        // The wait doubles and ends: after it, the right password works from the stranger's address too.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(200, (await TokenFromAsync("203.0.113.7", user, DemoOptions.DefaultPassword)).Status);
    }

    [Fact]
    public async Task AnUnknownName_AndAWrongPassword_GetTheSameAnswer()
    {
        var unknown = await TokenFromAsync("192.0.2.1", "nobody@210505", "wrong-Password-1");
        var wrong = await TokenFromAsync("192.0.2.1", "officer@210505", "wrong-Password-1");
        Assert.Equal(401, unknown.Status);
        Assert.Equal(unknown.Status, wrong.Status);
        string Stable(string body) => JsonDocument.Parse(body).RootElement is var e ? $"{e.GetProperty("code")}|{e.GetProperty("title")}|{e.GetProperty("detail")}" : "";
        Assert.Equal(Stable(unknown.Body), Stable(wrong.Body));
    }

    [Fact]
    public async Task BearerToken_IdleForMoreThan30Minutes_IsRejected_AndRefreshWithinTheWindowContinues()
    {
        var res = await TokenAsync("coordinator@210503", DemoOptions.DefaultPassword);
        var tokens = (await res.Content.ReadFromJsonAsync<AccessTokenResponse>(Ct))!;
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var refreshed = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = (await refreshed.Content.ReadFromJsonAsync<AccessTokenResponse>(Ct))!;

        factory.Clock.Advance(TimeSpan.FromMinutes(15)); // 35 minutes after sign-in, 15 after the refresh
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", renewed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
        var late = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = renewed.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
    }
}

public sealed class AuthSqliteTests(SqliteShianFactory factory) : AuthTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class AuthPostgresTests(PostgresShianFactory factory) : AuthTests(factory), IClassFixture<PostgresShianFactory>;
