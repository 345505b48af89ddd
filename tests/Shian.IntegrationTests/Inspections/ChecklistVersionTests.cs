using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Kernel;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Inspections;

/// <summary>Usability finding 2 (checklists): an administrator adds a province's checklist as a new version, in force from a date.</summary>
public abstract class ChecklistVersionTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewCateringChecklist_TakesEffectFromItsDate_AndABadLineIsNamed()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", "检查表版本测试店" + Guid.NewGuid().ToString("N")[..6]);
        var inspector = await factory.ClientAsAsync("inspector@210503");
        var before = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/checklist", Ct);
        Assert.Equal("CATERING-v1", before.GetProperty("code").GetString());

        var (admin, _) = await factory.BrowserAsAsync("admin");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/checklists?family=CATERING", Ct));
        Assert.Contains("食品销售日常监督检查表", page, StringComparison.Ordinal);
        Assert.Contains("C01 重点 持有有效食品经营许可证", page, StringComparison.Ordinal);
        var tomorrow = factory.Today.AddDays(1).ToString("yyyy-MM-dd");

        var bad = await AccountsTests.PostFormAsync(admin, "/admin/checklists?family=CATERING", AccountsTests.Form(("Family", "CATERING"), ("Name", "辽宁省餐饮服务日常监督检查要点表"),
            ("Items", "L01 重点 持有有效许可证\nL02 必查 晨检"), ("EffectiveFrom", tomorrow)));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("第 2 行：第二项应为“重点”或“一般”，“必查”不符合", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var ok = await AccountsTests.PostFormAsync(admin, "/admin/checklists?family=CATERING", AccountsTests.Form(("Family", "CATERING"), ("Name", "辽宁省餐饮服务日常监督检查要点表"),
            ("Items", "L01 重点 持有有效许可证\nL02 一般 晨检记录完整"), ("EffectiveFrom", tomorrow), ("Basis", "测试")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("CATERING-v1", (await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/checklist", Ct)).GetProperty("code").GetString());

        factory.Clock.Advance(TimeSpan.FromDays(1));
        inspector = await factory.ClientAsAsync("inspector@210503"); // the token of yesterday has expired
        var after = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/checklist", Ct);
        Assert.Equal("CATERING-v2", after.GetProperty("code").GetString());
        Assert.Equal(["L01", "L02"], after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));

        // A record filled with the new version is judged by it: L01 (key) failed → 不符合.
        var record = await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", new
        {
            submissionId = Guid.NewGuid(), inspectedOn = factory.Today.ToString("yyyy-MM-dd"),
            answers = new Dictionary<string, string> { ["L01"] = "No", ["L02"] = "Yes" }, findings = "无有效许可证", inspectors = new[] { "inspector@210503", "officer@210503" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, record.StatusCode);
        Assert.Equal("NonConforming", (await record.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("result").GetString());
    }
}

public sealed class ChecklistVersionSqliteTests(SqliteShianFactory factory) : ChecklistVersionTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class ChecklistVersionPostgresTests(PostgresShianFactory factory) : ChecklistVersionTests(factory), IClassFixture<PostgresShianFactory>;
