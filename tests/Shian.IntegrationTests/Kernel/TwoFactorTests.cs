using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Audit;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Kernel;

/// <summary>The authenticator second factor (security finding 8), required of administrators as in Production.</summary>
public sealed class TwoFactorTests(TwoFactorSqliteShianFactory factory) : IClassFixture<TwoFactorSqliteShianFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits) as an authenticator app computes it, from the Base32 key the page shows.</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant()
            .Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private HttpClient Browser() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) => AccountsTests.Form(fields);

    [Fact]
    public async Task AnAdministrator_MustSetUpTheAuthenticatorFirst_ThenSignsInWithACode()
    {
        // Signed in with the password only, the administrator is sent to set up the second factor, and the API refuses.
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccountsTests.PostFormAsync(browser, "/account/signin", Form(("Input.UserName", "admin"), ("Input.Password", DemoOptions.DefaultPassword)))).StatusCode);
        var home = await browser.GetAsync("/admin/users", Ct);
        Assert.Equal("/account", home.Headers.Location?.OriginalString);
        var api = await factory.ClientAsAsync("admin");
        var refused = await api.GetAsync("/api/v1/regions", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("auth.mfa-setup-required", await refused.ProblemCodeAsync(Ct));

        // The account page shows the key (and QR code); a wrong code is refused, the right one turns it on.
        var page = await browser.GetStringAsync("/account", Ct);
        Assert.Contains("请先在下方绑定身份验证器", page, StringComparison.Ordinal);
        var key = WebUtility.HtmlDecode(Regex.Match(page, "<code class=\"key\">([^<]+)</code>").Groups[1].Value);
        Assert.Matches("^[A-Z2-7 ]{20,}$", key);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        var wrong = await AccountsTests.PostFormAsync(browser, "/account", Form(("Code", "000000")), "EnableTwoFactor");
        Assert.Contains("动态码不正确", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var enabled = await AccountsTests.PostFormAsync(browser, "/account", Form(("Code", Totp(key, DateTimeOffset.UtcNow))), "EnableTwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users", Ct)).StatusCode);

        // From now on the password alone does not sign in: the page asks for the code, the token endpoint wants twoFactorCode.
        var next = Browser();
        var step = await AccountsTests.PostFormAsync(next, "/account/signin", Form(("Input.UserName", "admin"), ("Input.Password", DemoOptions.DefaultPassword)));
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        Assert.Contains("请输入手机身份验证器显示的 6 位动态码", await step.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/admin/users", Ct)).StatusCode); // not signed in yet
        var badCode = await AccountsTests.PostFormAsync(next, "/account/signin", Form(("Code", "123456")), "Code");
        Assert.Contains("动态码不正确或已过期", WebUtility.HtmlDecode(await badCode.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var signedIn = await AccountsTests.PostFormAsync(next, "/account/signin", Form(("Code", Totp(key, DateTimeOffset.UtcNow))), "Code");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/admin/users", Ct)).StatusCode);

        var anon = factory.CreateClient();
        var noCode = await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoOptions.DefaultPassword }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.Equal("auth.mfa-code-required", await noCode.ProblemCodeAsync(Ct));
        var withCode = await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoOptions.DefaultPassword, twoFactorCode = Totp(key, DateTimeOffset.UtcNow) }, Ct);
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);

        // It cannot be switched off while required.
        var off = await AccountsTests.PostFormAsync(next, "/account", [], "DisableTwoFactor");
        Assert.Contains("此账号须使用双因素认证，不能关闭", WebUtility.HtmlDecode(await off.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == SecurityActions.TwoFactorEnabled && a.EntityId == "admin", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == SecurityActions.SignInFailed && a.EntityId == "admin" && a.After!.Contains("second-factor"), Ct));
    }

    [Fact]
    public async Task OthersNeedNoSecondFactor_UnlessAnAdministratorRequiresIt()
    {
        var officer = await factory.ClientAsAsync("officer@210502");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/regions", Ct)).StatusCode);

        await using (var scope = factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ShianUser>>();
            var user = (await users.FindByNameAsync("inspector@210502"))!;
            user.RequireTwoFactor = true;
            await users.UpdateAsync(user);
        }

        var inspector = await factory.ClientAsAsync("inspector@210502");
        var refused = await inspector.GetAsync("/api/v1/regions", Ct);
        Assert.Equal("auth.mfa-setup-required", await refused.ProblemCodeAsync(Ct));
    }
}
