using System.Net;
using System.Net.Http.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Web;

/// <summary>Security finding 10 and part of 12: browser protections, the session cookie cannot write through the API, safe redirects.</summary>
public abstract class BrowserSecurityTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPage_SendsTheBrowserProtections()
    {
        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        foreach (var path in new[] { "/", "/registry", "/account/signin", "/public/businesses" })
        {
            var res = await browser.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            var csp = string.Join(";", res.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", res.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", res.Headers.GetValues("Referrer-Policy").Single());
            Assert.DoesNotContain("onclick=", await res.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheSessionCookie_ReadsThroughTheApi_ButCannotWrite()
    {
        var (browser, _) = await factory.BrowserAsAsync("coordinator@210503");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/plans", Ct)).StatusCode);

        // A same-site page posting an upload with the coordinator's cookie: refused, nothing stored.
        var upload = await browser.PostAsync("/api/v1/attachments", Uploads.TextForm("210503000000", "csrf.txt", "csrf"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal("auth.cookie-write-refused", await upload.ProblemCodeAsync(Ct));
        var check = await browser.PostAsJsonAsync("/api/v1/incognito-checks", new { regionCode = "210503000000", checkedOn = "2026-11-20", place = "csrf", findings = "csrf", problems = 0, rating = "Good" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, check.StatusCode);
        var list = await (await factory.ClientAsAsync("coordinator@210503")).GetStringAsync("/api/v1/incognito-checks", Ct);
        Assert.DoesNotContain("csrf", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/\\evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("/registry", "/registry")]
    public async Task TheLanguageSwitch_ReturnsOnlyToAPageOfThisSite(string returnUrl, string expected)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var res = await client.PostAsync($"/culture?culture=en-US&returnUrl={Uri.EscapeDataString(returnUrl)}", null, Ct);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal(expected, res.Headers.Location!.OriginalString);
    }
}

public sealed class BrowserSecuritySqliteTests(SqliteShianFactory factory) : BrowserSecurityTests(factory), IClassFixture<SqliteShianFactory>;
