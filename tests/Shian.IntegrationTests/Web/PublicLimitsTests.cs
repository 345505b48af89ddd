using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Web;

/// <summary>Security finding 5: anonymous requests are limited per client; signed-in work is not slowed by them.</summary>
public sealed class PublicLimitsTests(LimitedSqliteShianFactory factory) : IClassFixture<LimitedSqliteShianFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void ThePublicSearches_RunAtMostTwoAtATime_WhoeverAsks()
    {
        var endpoints = factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;
        foreach (var name in new[] { "/api/v1/public/businesses/", "/public/businesses" })
        {
            var endpoint = Assert.Single(endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>(), e => e.RoutePattern.RawText?.TrimStart('/') == name.TrimStart('/') || e.DisplayName == name);
            Assert.Equal(Shian.Web.PublicLimits.PublicSearch, endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName);
        }
    }

    [Fact]
    public async Task AnonymousRequestsBeyondTheLimit_AreRefusedInChinese_WhileOfficersWorkOn()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var anonymous = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await anonymous.GetAsync("/api/v1/public/businesses?q=不存在的店", Ct)).StatusCode);
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 20, 30);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var refused = await anonymous.GetAsync("/public/businesses", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("request.rate-limited", body.GetProperty("code").GetString());
        Assert.Equal("请求过于频繁，请稍后再试。", body.GetProperty("detail").GetString());
        Assert.True(refused.Headers.Contains("Retry-After"));

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/businesses?q=测试", Ct)).StatusCode);
    }

    /// <summary>Issue #19: without an SMS gateway (this factory has none) self-registration says so and points to the office.</summary>
    [Fact]
    public async Task WithoutAnSmsGateway_SelfRegistrationSaysSoInChinese()
    {
        // Another client than the flood test's (the anonymous limit is per address and this factory's is low).
        var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.Add(ShianFactory.ClientAddressHeader, "192.0.2.19");
        var page = await anonymous.GetStringAsync("/account/register", Ct);
        Assert.Contains("data-unavailable", page);
        Assert.Contains("暂未开通短信验证码", page);
        Assert.DoesNotContain("获取短信验证码", page);
        var res = await anonymous.PostAsJsonAsync("/api/v1/public/business-accounts/verification", new { uscc = "92210503MA000001A", licenceNumber = "JY22105030000017" }, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, res.StatusCode);
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("registration.sms-unavailable", problem.GetProperty("code").GetString());
        Assert.Contains("市场监管部门", problem.GetProperty("detail").GetString());
    }
}
