using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Audit;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Kernel;

/// <summary>
/// Accounts (security findings 7–9): administrators manage accounts on pages, users change their password, sessions
/// end on the server, refresh tokens rotate and a reused one ends every session, and each of these is audited.
/// </summary>
public abstract partial class AccountsTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Token(string html) => ShianFactory.AntiforgeryToken(html);

    /// <summary>Posts a form of the page at <paramref name="url"/> (reading its antiforgery token first).</summary>
    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var page = await client.GetStringAsync(url, Ct);
        var target = handler is null ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        return await client.PostAsync(target, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", Token(page))]), Ct);
    }

    internal static IEnumerable<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) => fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value));

    private async Task<List<AuditEntry>> AuditAsync(string action)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private async Task<HttpResponseMessage> TokenAsync(string user, string password, string? code = null) =>
        await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password, twoFactorCode = code }, Ct);

    private async Task<HttpClient> BrowserAsync(string user, string password)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var res = await PostFormAsync(client, "/account/signin", Form(("Input.UserName", user), ("Input.Password", password)));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        return client;
    }

    /// <summary>Opening 账号安全 the first time creates an authenticator key; it must not end the user's sessions.</summary>
    [Fact]
    public async Task OpeningTheAccountPage_DoesNotEndTheUsersSessions()
    {
        var (first, _) = await factory.BrowserAsAsync("inspector@210505");
        var (second, _) = await factory.BrowserAsAsync("inspector@210505");
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/account", Ct)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(31)); // past the instance's stamp cache
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/inspections/visits", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/inspections/visits", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnAdministrator_CreatesAnAccountOnThePage_SeesItsPasswordOnce_AndEveryChangeIsAudited()
    {
        var (admin, _) = await factory.BrowserAsAsync("admin");
        var res = await PostFormAsync(admin, "/admin/users/edit", Form(("UserName", "wang.li"), ("DisplayName", "王丽（溪湖区）"), ("Roles", ShianRoles.Inspector),
            ("Regions", "210503000000\n210503003000"), ("BusinessUscc", ""), ("RequireTwoFactor", "false"), ("Disabled", "false")));
        var html = await res.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("已创建账号“wang.li”", html, StringComparison.Ordinal);
        var password = WebUtility.HtmlDecode(Regex.Match(html, "<code class=\"key\">([^<]+)</code>").Groups[1].Value);
        Assert.Equal(24, password.Length);
        Assert.Equal("no-store", res.Headers.CacheControl?.ToString().Split(',')[0]);

        // The new inspector signs in with it and holds exactly what was granted.
        var token = await (await TokenAsync("wang.li", password)).Content.ReadFromJsonAsync<AccessTokenResponse>(Ct);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.Equal([ShianRoles.Inspector], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["210503000000", "210503003000"], me.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("王丽（溪湖区）", me.GetProperty("displayName").GetString());

        // The list shows it; the creation is audited with who did it and never with the password.
        Assert.Contains("wang.li", await admin.GetStringAsync("/admin/users?q=wang", Ct), StringComparison.Ordinal);
        var created = Assert.Single(await AuditAsync(SecurityActions.AccountCreated), a => a.EntityId == "wang.li");
        Assert.Equal("admin", created.UserName);
        Assert.Contains("210503003000", created.After, StringComparison.Ordinal);
        Assert.DoesNotContain(password, created.After, StringComparison.Ordinal);
        Assert.Contains((await AuditAsync(SecurityActions.SignIn)), a => a.EntityId == "wang.li");
    }

    [Fact]
    public async Task BadAccountSettings_AreRefusedInChineseUnderTheirFields_AndNothingIsCreated()
    {
        var (admin, _) = await factory.BrowserAsAsync("admin");
        var res = await PostFormAsync(admin, "/admin/users/edit", Form(("UserName", "shop.owner"), ("DisplayName", "某店"), ("Roles", ShianRoles.Business),
            ("Regions", "21050300000"), ("BusinessUscc", "91210503MA0XXXXXX1")));
        var html = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("区划代码“21050300000”应为 12 位数字", html, StringComparison.Ordinal);
        Assert.Contains("统一社会信用代码无效", html, StringComparison.Ordinal);

        var forged = await PostFormAsync(admin, "/admin/users/edit", Form(("UserName", "x.y"), ("DisplayName", "某人"), ("Roles", "superuser")));
        Assert.Contains("未知的角色：superuser", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var scopedWithoutRegion = await PostFormAsync(admin, "/admin/users/edit", Form(("UserName", "x.z"), ("DisplayName", "某人"), ("Roles", ShianRoles.Officer)));
        Assert.Contains("须授权至少一个区划", WebUtility.HtmlDecode(await scopedWithoutRegion.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("shop.owner", "whatever-Aa1!")).StatusCode);
        Assert.DoesNotContain(await AuditAsync(SecurityActions.AccountCreated), a => a.EntityId is "shop.owner" or "x.y" or "x.z");
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionsAtOnce_AndItsSignInIsRefused()
    {
        var (admin, _) = await factory.BrowserAsAsync("admin");
        var officer = await factory.ClientAsAsync("officer@210504");
        var (browser, _) = await factory.BrowserAsAsync("officer@210504");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/me", Ct)).StatusCode);

        var id = Regex.Match(await admin.GetStringAsync("/admin/users?q=officer%40210504", Ct), "/admin/users/edit\\?id=([0-9a-f-]+)").Groups[1].Value;
        var res = await PostFormAsync(admin, $"/admin/users/edit?id={id}", Form(("DisplayName", "龙山街道监管员"), ("Roles", ShianRoles.Officer), ("Regions", "210504000000"), ("Disabled", "true")));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/v1/me", Ct)).StatusCode);
        var page = await browser.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/signin", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("officer@210504", DemoOptions.DefaultPassword)).StatusCode);
        Assert.Contains(await AuditAsync(SecurityActions.SignInFailed), a => a.EntityId == "officer@210504" && a.After!.Contains("disabled", StringComparison.Ordinal));
        Assert.Contains(await AuditAsync(SecurityActions.AccountChanged), a => a.EntityId == "officer@210504" && a.After!.Contains("\"Disabled\":true", StringComparison.Ordinal));

        // An administrator cannot disable themselves.
        var adminId = Regex.Match(await admin.GetStringAsync("/admin/users?q=admin", Ct), "/admin/users/edit\\?id=([0-9a-f-]+)\">admin<").Groups[1].Value;
        var self = await PostFormAsync(admin, $"/admin/users/edit?id={adminId}", Form(("DisplayName", "系统管理员"), ("Roles", ShianRoles.Admin), ("Disabled", "true")));
        Assert.Contains("不能取消自己的系统管理员角色或停用自己的账号", WebUtility.HtmlDecode(await self.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResettingAPassword_RefusesTheOldOne_AndShowsTheNewOneOnce()
    {
        var (admin, _) = await factory.BrowserAsAsync("admin");
        var row = Regex.Match(await admin.GetStringAsync("/admin/users?q=lab", Ct), "/admin/users/edit\\?id=([0-9a-f-]+)\">(lab[^<]*)<");
        var (id, lab) = (row.Groups[1].Value, row.Groups[2].Value);
        var res = await PostFormAsync(admin, $"/admin/users/edit?id={id}", [], "ResetPassword");
        var password = WebUtility.HtmlDecode(Regex.Match(await res.Content.ReadAsStringAsync(Ct), "<code class=\"key\">([^<]+)</code>").Groups[1].Value);
        Assert.Equal(24, password.Length);
        Assert.DoesNotContain(password, await admin.GetStringAsync($"/admin/users/edit?id={id}", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(lab, DemoOptions.DefaultPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(lab, password)).StatusCode);
        Assert.Contains(await AuditAsync(SecurityActions.PasswordReset), a => a.EntityId == lab && a.UserName == "admin");
    }

    [Fact]
    public async Task AUser_ChangesTheirPassword_TheOldOneStopsWorking_AndOtherSessionsEnd()
    {
        var other = await factory.ClientAsAsync("coordinator@210521");
        var (browser, _) = await factory.BrowserAsAsync("coordinator@210521");

        var wrong = await PostFormAsync(browser, "/account", Form(("CurrentPassword", "not-it-Aa1!"), ("NewPassword", "Neu-Passwort-2026"), ("ConfirmPassword", "Neu-Passwort-2026")), "Password");
        Assert.Contains("密码不正确", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var mismatch = await PostFormAsync(browser, "/account", Form(("CurrentPassword", DemoOptions.DefaultPassword), ("NewPassword", "Neu-Passwort-2026"), ("ConfirmPassword", "other")), "Password");
        Assert.Contains("两次输入的新密码不一致", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var res = await PostFormAsync(browser, "/account", Form(("CurrentPassword", DemoOptions.DefaultPassword), ("NewPassword", "Neu-Passwort-2026"), ("ConfirmPassword", "Neu-Passwort-2026")), "Password");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Contains("密码已修改", await browser.GetStringAsync("/account", Ct), StringComparison.Ordinal); // this session goes on
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me", Ct)).StatusCode); // the other one ended
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("coordinator@210521", DemoOptions.DefaultPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("coordinator@210521", "Neu-Passwort-2026")).StatusCode);
        Assert.Single(await AuditAsync(SecurityActions.PasswordChanged), a => a.EntityId == "coordinator@210521");
    }

    [Fact]
    public async Task SigningOut_EndsTheSessionOnTheServer_NotOnlyInTheBrowser()
    {
        var api = await factory.ClientAsAsync("officer@210505");

        // Keep a copy of the session cookie, as a thief would.
        var thief = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var sessionCookie = await SessionCookieAsync("officer@210505");
        thief.DefaultRequestHeaders.Add("Cookie", sessionCookie.Cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/", Ct)).StatusCode);

        var signOut = await sessionCookie.Client.PostAsync("/account/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", sessionCookie.Token)]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var after = await thief.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/signin", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Contains(await AuditAsync(SecurityActions.SignOut), a => a.EntityId == "officer@210505");
    }

    /// <summary>Signs in on the page and returns the client, its session cookie (as a header value) and a form token.</summary>
    private async Task<(HttpClient Client, string Cookie, string Token)> SessionCookieAsync(string user)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/account/signin", Ct);
        var antiforgeryCookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var form = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent([new("Input.UserName", user), new("Input.Password", DemoOptions.DefaultPassword), new("__RequestVerificationToken", Token(await page.Content.ReadAsStringAsync(Ct)))]),
        };
        form.Headers.Add("Cookie", antiforgeryCookie);
        var res = await client.SendAsync(form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var session = res.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("shian.auth=", StringComparison.Ordinal));
        var cookie = antiforgeryCookie + "; " + session;
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var home = await client.GetStringAsync("/", Ct);
        return (client, cookie, Token(home));
    }

    [Fact]
    public async Task RefreshTokens_Rotate_AndAReusedOneEndsEverySessionOfTheUser()
    {
        var first = await (await TokenAsync("inspector@210503", DemoOptions.DefaultPassword)).Content.ReadFromJsonAsync<AccessTokenResponse>(Ct);
        var anon = factory.CreateClient();
        var second = await (await anon.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first!.RefreshToken }, Ct)).Content.ReadFromJsonAsync<AccessTokenResponse>(Ct);
        var third = await (await anon.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second!.RefreshToken }, Ct)).Content.ReadFromJsonAsync<AccessTokenResponse>(Ct);
        Assert.NotNull(third?.AccessToken);
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", third!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me", Ct)).StatusCode);

        // The first refresh token was copied and is used again: refused, and the user's sessions end.
        var reuse = await anon.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = third.RefreshToken }, Ct)).StatusCode);
        Assert.Contains(await AuditAsync(SecurityActions.TokenReuse), a => a.EntityId == "inspector@210503");

        // Signing in again works.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("inspector@210503", DemoOptions.DefaultPassword)).StatusCode);
    }

    [Fact]
    public async Task SignInsFailuresDenialsAndExports_AreInTheAuditChain()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("nobody-here", "x-Password-1")).StatusCode);
        Assert.Contains(await AuditAsync(SecurityActions.SignInFailed), a => a.EntityId == "nobody-here" && a.UserName == "anonymous" && a.After!.Contains("unknown-user", StringComparison.Ordinal));

        var inspector = await factory.ClientAsAsync("inspector@210502");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.DeleteAsync($"/api/v1/plans/{Guid.NewGuid()}", Ct)).StatusCode);
        var (browser, _) = await factory.BrowserAsAsync("inspector@210502");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin/users", Ct)).StatusCode);
        var denied = (await AuditAsync(SecurityActions.Denied)).Where(a => a.UserName == "inspector@210502").ToList();
        Assert.Contains(denied, a => a.EntityId.StartsWith("DELETE /api/v1/plans/", StringComparison.Ordinal) && a.After!.Contains("governance.plan.delete", StringComparison.Ordinal));
        Assert.Contains(denied, a => a.EntityId == "GET /admin/users" && a.After!.Contains("admin.users", StringComparison.Ordinal));

        var coordinator = await factory.ClientAsAsync("coordinator@210503");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/v1/businesses/export.xlsx?regionCode=210503000000", Ct)).StatusCode);
        var export = Assert.Single(await AuditAsync(SecurityActions.Export), a => a.UserName == "coordinator@210503");
        Assert.Equal("经营者名录", export.EntityType);
        Assert.Equal("210503000000", export.Chain);

        // The administrator finds them on the audit page, filtered.
        var (adminBrowser, _) = await factory.BrowserAsAsync("admin");
        var listed = WebUtility.HtmlDecode(await adminBrowser.GetStringAsync("/admin/audit?action=denied&who=inspector%40210502", Ct));
        Assert.Contains("GET /admin/users", listed, StringComparison.Ordinal);
        Assert.Contains("越权访问被拒绝", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("coordinator@210503", listed, StringComparison.Ordinal);

        // The chains still verify with these events in them.
        var admin = await factory.ClientAsAsync("admin");
        foreach (var chain in new[] { "system", "210503000000" })
        {
            var verify = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit/chains/{chain}/verify", Ct);
            Assert.True(verify.GetProperty("intact").GetBoolean(), chain);
        }
    }
}

public sealed class AccountsSqliteTests(SqliteShianFactory factory) : AccountsTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class AccountsPostgresTests(PostgresShianFactory factory) : AccountsTests(factory), IClassFixture<PostgresShianFactory>;
