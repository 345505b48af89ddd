using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;
using Shian.IntegrationTests.Sampling;

namespace Shian.IntegrationTests.Web;

/// <summary>Usability finding 21: each role's 工作台 counts what is due and overdue, the same as the list it links to.</summary>
public abstract partial class WorkbenchTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("data-todo=\"(?<key>[^\"]+)\">\\s*<a href=\"(?<href>[^\"]+)\"><strong>[^<]+</strong></a>\\s*<span class=\"todo-counts\">\\s*<span>共 (?<open>[\\d,]+) 项</span>(?:\\s*<a class=\"bad\" href=\"[^\"]+\" data-overdue=\"(?<overdue>\\d+)\")?")]
    private static partial Regex ToDoLine();

    private async Task<Dictionary<string, (string Href, int Open, int Overdue)>> ToDosAsync(string user)
    {
        var (browser, _) = await factory.BrowserAsAsync(user);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/", Ct));
        Assert.Contains("待办", html, StringComparison.Ordinal);
        return ToDoLine().Matches(html).ToDictionary(m => m.Groups["key"].Value,
            m => (m.Groups["href"].Value, int.Parse(m.Groups["open"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["overdue"].Success ? int.Parse(m.Groups["overdue"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0));
    }

    [Fact]
    public async Task AnInspector_SeesTheVisitsToMake_AsTodaysListCountsThem()
    {
        // Two businesses of a 本溪县 town, both drawn (100 %): each visit goes to both people of the county's roster.
        var officer = await factory.ClientAsAsync("officer@210521");
        for (var i = 0; i < 2; i++)
        {
            await RegistryTests.RegisterAsync(officer, "210521100000", $"工作台测试店{i}-{Guid.NewGuid():N}"[..14]);
        }

        (await officer.PostAsJsonAsync("/api/v1/inspections/draws", new { regionCode = "210521100000", percent = 100 }, Ct)).EnsureSuccessStatusCode();
        var todos = await ToDosAsync("inspector@210521");
        var (href, open, overdue) = todos["Todo.Visits"];
        Assert.Equal("/inspections/visits", href);
        Assert.True(open >= 2);
        var (browser, _) = await factory.BrowserAsAsync("inspector@210521");
        var list = WebUtility.HtmlDecode(await browser.GetStringAsync(href, Ct));
        Assert.Contains($"待检查 {open:N0} 户次，其中已逾期 {overdue:N0} 户次。", list, StringComparison.Ordinal);
        Assert.False(todos.ContainsKey("Todo.Tasks")); // an inspector reports on no plan task
    }

    [Fact]
    public async Task TheLab_SeesItsQueue_AndTheCitizenHasNothingToDo()
    {
        await SamplingTests.ReceivedSampleAsync(factory, "工作台待检菜店" + Guid.NewGuid().ToString("N")[..4]);
        var lab = await ToDosAsync("lab@210500");
        var (browser, _) = await factory.BrowserAsAsync("lab@210500");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/sampling", Ct));
        var queue = Regex.Match(page, "待检 ([\\d,]+) 份");
        Assert.True(queue.Success);
        Assert.Equal(queue.Groups[1].Value, lab["Todo.LabQueue"].Open.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        Assert.False(lab.ContainsKey("Todo.Visits"));

        var (citizen, _) = await factory.BrowserAsAsync("public");
        Assert.Contains("没有待办事项。", await citizen.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficer_SeesTheNonConformitiesToHandle_EachLineLinkingToItsList()
    {
        var (_, id, _) = await SamplingTests.ReceivedSampleAsync(factory, "工作台处置菜店" + Guid.NewGuid().ToString("N")[..4]);
        var lab = await factory.ClientAsAsync("lab@210500");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", SamplingTests.FailingLead, Ct)).EnsureSuccessStatusCode();
        var todos = await ToDosAsync("officer@210503");
        Assert.True(todos["Todo.Dispositions"].Open >= 1);
        Assert.Equal("/sampling", todos["Todo.Dispositions"].Href);
        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        foreach (var (_, (href, _, _)) in todos)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(href, Ct)).StatusCode);
        }

        // Another district's officer does not see 溪湖区's work.
        var other = await ToDosAsync("officer@210504");
        Assert.True(!other.TryGetValue("Todo.Dispositions", out var theirs) || theirs.Open < todos["Todo.Dispositions"].Open);
    }
}

public sealed class WorkbenchSqliteTests(SqliteShianFactory factory) : WorkbenchTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class WorkbenchPostgresTests(PostgresShianFactory factory) : WorkbenchTests(factory), IClassFixture<PostgresShianFactory>;
