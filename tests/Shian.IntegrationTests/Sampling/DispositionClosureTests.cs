using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Sampling;

/// <summary>Usability finding 8: a disposition closes only when every step is done — not while the 复检 window is open or the result unpublished.</summary>
public abstract class DispositionClosureTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Day() => factory.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task CompletedChecks_LeaveItOpen_UntilTheRetestWindowEndsAndTheResultIsPublished()
    {
        var (_, id, _) = await SamplingTests.ReceivedSampleAsync(factory, "结案测试菜店" + Guid.NewGuid().ToString("N")[..4]);
        var lab = await factory.ClientAsAsync("lab@210500");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", SamplingTests.FailingLead, Ct)).EnsureSuccessStatusCode();
        var officer = await factory.ClientAsAsync("officer@210503");
        (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/notified", new { on = Day() }, Ct)).EnsureSuccessStatusCode();
        var done = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/actions", new { removedFromSale = true, recalled = false, cause = "供货商批次超标", note = "已下架 12 kg", completedOn = Day() }, Ct);
        var body = await done.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(body.GetProperty("closed").GetBoolean());
        Assert.Equal(["复检申请期", "信息公开"], body.GetProperty("outstanding").EnumerateArray().Select(e => e.GetString()));

        // The page keeps the 复检 and 异议 forms open and shows what was entered.
        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        var page = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync($"/sampling/samples/{id}", Ct));
        Assert.Contains("供货商批次超标", page, StringComparison.Ordinal);
        Assert.Contains("已下架 12 kg", page, StringComparison.Ordinal);
        Assert.Contains("尚待完成：复检申请期、信息公开", page, StringComparison.Ordinal);
        Assert.Contains("handler=Retest", page, StringComparison.Ordinal);

        // After the window (7 working days) only publication is left; publishing the announcement closes it.
        factory.Clock.Advance(TimeSpan.FromDays(14));
        officer = await factory.ClientAsAsync("officer@210503");
        var later = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct)).GetProperty("disposition");
        Assert.Equal(["信息公开"], later.GetProperty("outstanding").EnumerateArray().Select(e => e.GetString()));
        (await officer.PostAsJsonAsync("/api/v1/sampling/announcements", new { regionCode = "210503000000" }, Ct)).EnsureSuccessStatusCode();
        var closed = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct)).GetProperty("disposition");
        Assert.True(closed.GetProperty("closed").GetBoolean());
        Assert.Empty(closed.GetProperty("outstanding").EnumerateArray());
    }
}

public sealed class DispositionClosureSqliteTests(SqliteShianFactory factory) : DispositionClosureTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class DispositionClosurePostgresTests(PostgresShianFactory factory) : DispositionClosureTests(factory), IClassFixture<PostgresShianFactory>;
