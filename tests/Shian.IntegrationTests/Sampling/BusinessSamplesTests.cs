using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Kernel;
using Shian.IntegrationTests.Registry;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Sampling;

/// <summary>
/// Usability finding 20: the sampled business hears of its failed sample in its inbox, sees the result and its deadlines,
/// applies for 复检 online, and the district office is told — while another business sees none of it.
/// </summary>
public abstract class BusinessSamplesTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Day() => factory.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<string> BusinessAccountAsync(string uscc) => RegistryTests.BusinessAccountAsync(factory, uscc);

    private static async Task<List<string>> TitlesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct)).EnumerateArray().Select(n => n.GetProperty("title").GetString()!)];

    [Fact]
    public async Task TheBusiness_IsToldOfItsFailure_SeesItsDeadlines_AndAppliesForARetestOnline()
    {
        var ids = RegistryTests.NextIds();
        var (_, id, code) = await SamplingTests.ReceivedSampleAsync(factory, "复检申请菜店" + Guid.NewGuid().ToString("N")[..4], ids: ids);
        var owner = await BusinessAccountAsync(ids.Uscc);
        var stranger = await BusinessAccountAsync(RegistryTests.NextIds().Uscc);

        var lab = await factory.ClientAsAsync("lab@210500");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", SamplingTests.FailingLead, Ct)).EnsureSuccessStatusCode();
        var ownApi = await factory.ClientAsAsync(owner);
        Assert.Contains($"抽检不合格：菠菜（{code}）", await TitlesAsync(ownApi));
        Assert.DoesNotContain(await TitlesAsync(await factory.ClientAsAsync(stranger)), t => t.Contains(code, StringComparison.Ordinal));

        // 工作台 counts it among the business's to-dos; before 送达 the page says so and offers no 复检 yet.
        var (browser, _) = await factory.BrowserAsAsync(owner);
        var workbench = WebUtility.HtmlDecode(await browser.GetStringAsync("/", Ct));
        Assert.Matches("data-todo=\"Todo.OwnFailures\">\\s*<a href=\"/sampling/mine\"><strong>本企业不合格样品</strong></a>\\s*<span class=\"todo-counts\">\\s*<span>共 1 项</span>", workbench);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/sampling/mine/{id}", Ct));
        Assert.Contains("检验结论尚未正式送达", page, StringComparison.Ordinal);
        Assert.Contains("≤0.3 mg/kg", page, StringComparison.Ordinal); // the result with its limit
        Assert.DoesNotContain("handler=Retest", page, StringComparison.Ordinal);
        Assert.Contains($"/sampling/mine/{id}", await browser.GetStringAsync("/sampling/mine", Ct), StringComparison.Ordinal);

        var officer = await factory.ClientAsAsync("officer@210503");
        (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/notified", new { on = Day() }, Ct)).EnsureSuccessStatusCode();
        Assert.Contains($"检验结论已送达：菠菜（{code}）", await TitlesAsync(ownApi));

        var res = await AccountsTests.PostFormAsync(browser, $"/sampling/mine/{id}", [], handler: "Retest");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var disposition = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct)).GetProperty("disposition");
        Assert.Equal(Day(), disposition.GetProperty("retestRequestedOn").GetString());
        Assert.Contains(await TitlesAsync(officer), t => t.StartsWith("经营者在线申请复检：复检申请菜店", StringComparison.Ordinal));
        page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/sampling/mine/{id}", Ct));
        Assert.Contains("已于", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Retest", page, StringComparison.Ordinal); // applied once

        // Another business can neither open nor act on it; staff pages stay closed to the business.
        var (other, _) = await factory.BrowserAsAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/sampling/mine/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(id, await other.GetStringAsync("/sampling/mine", Ct), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync($"/sampling/samples/{id}", Ct)).StatusCode);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
        Assert.Equal(1, await db.Set<Shian.Sampling.Domain.Disposition>().IgnoreQueryFilters().CountAsync(d => d.SampleId == Guid.Parse(id) && d.RetestRequestedOn != null, Ct));
    }
}

public sealed class BusinessSamplesSqliteTests(SqliteShianFactory factory) : BusinessSamplesTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class BusinessSamplesPostgresTests(PostgresShianFactory factory) : BusinessSamplesTests(factory), IClassFixture<PostgresShianFactory>;
