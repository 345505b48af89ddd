using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Inspections.Domain;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Inspections;

/// <summary>Checklist inspections: result and what follows on the calendar, one record per submission, the risk grade moves, the public sees it.</summary>
public abstract class CheckTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKeyItemNotMet_IsNonConforming_WithDeadlines_StoredOnceOnADoubleTap_RaisesTheRisk_AndIsPublic()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var name = "检查测试餐馆" + Guid.NewGuid().ToString("N")[..6];
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", name);
        var before = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/risk/businesses/{id}", Ct)).GetProperty("total").GetInt32();

        var checklist = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/checklist", Ct);
        Assert.Equal("CATERING-v1", checklist.GetProperty("code").GetString());
        var answers = checklist.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, _ => "Yes");
        answers["C06"] = "No"; // expired ingredients: a key item

        var inspector = await factory.ClientAsAsync("inspector@210503");
        var today = factory.Today;
        var form = new { submissionId = Guid.NewGuid(), inspectedOn = today.ToString("yyyy-MM-dd"), answers, findings = "冷库内 3 袋冻肉超过保质期。", inspectors = new[] { "inspector@210503", "officer@210503" } };
        var first = await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", form, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var record = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("不符合", record.GetProperty("resultLabel").GetString());
        Assert.True(record.GetProperty("caseClue").GetBoolean());
        var publishBy = DateOnly.Parse(record.GetProperty("publishBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(publishBy > today.AddDays(20)); // 20 working days, not calendar days

        var again = await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", form, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/records", Ct)).EnumerateArray());

        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/risk/businesses/{id}", Ct);
        Assert.True(after.GetProperty("total").GetInt32() > before);
        Assert.Contains(after.GetProperty("factors").EnumerateArray(), f => f.GetProperty("name").GetString() == "最近一次检查：不符合");

        // Not public until an officer has reviewed it: then it is, in plain words and without the findings text.
        var hidden = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/public/businesses?q={Uri.EscapeDataString(name)}", Ct);
        Assert.Equal(0, Assert.Single(hidden.EnumerateArray()).GetProperty("inspections").GetArrayLength());
        (await officer.PostAsync($"/api/v1/inspections/publication/{record.GetProperty("id").GetString()}", null, Ct)).EnsureSuccessStatusCode();
        var lookup = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/public/businesses?q={Uri.EscapeDataString(name)}", Ct);
        var hit = Assert.Single(lookup.EnumerateArray());
        Assert.Equal("不符合", hit.GetProperty("inspections")[0].GetProperty("outcome").GetString());
        Assert.DoesNotContain("冻肉", lookup.ToString(), StringComparison.Ordinal);

        // Coverage of 溪湖区 by street: 河东街道 has this inspection in the year and in the five-year window.
        var coverage = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/coverage?regionCode=210503000000&year={today.Year}", Ct);
        var hedong = coverage.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "210503001000");
        Assert.True(hedong.GetProperty("inspectedInYear").GetInt32() >= 1);
        Assert.True(hedong.GetProperty("businesses").GetInt32() >= hedong.GetProperty("inspectedInFiveYears").GetInt32());
        Assert.Equal(20m, coverage.GetProperty("target").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/inspections/coverage?regionCode=210504000000", Ct)).StatusCode);
    }

    [Fact]
    public async Task Coverage_CountsOperatingBusinessesOnly_NotSuspendedOnes()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        async Task<int> HedongAsync() => (await officer.GetFromJsonAsync<JsonElement>("/api/v1/inspections/coverage?regionCode=210503000000", Ct))
            .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "210503001000").GetProperty("businesses").GetInt32();
        var before = await HedongAsync();
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", "停业计数店" + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(before + 1, await HedongAsync());
        (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/status", new { status = "Suspended" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(before, await HedongAsync());
    }

    [Fact]
    public async Task AGeneralItemThatAffectsFoodSafety_MakesTheRecordNonConforming_AndGoesToEnforcement()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", "影响安全店" + Guid.NewGuid().ToString("N")[..6]);
        var checklist = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/checklist", Ct);
        var items = checklist.GetProperty("items").EnumerateArray().ToList();
        var answers = items.ToDictionary(i => i.GetProperty("code").GetString()!, _ => "Yes");
        var general = items.First(i => !i.GetProperty("key").GetBoolean()).GetProperty("code").GetString()!;
        answers[general] = "No";
        var yesItem = items.First(i => i.GetProperty("code").GetString() != general).GetProperty("code").GetString()!;

        var wrong = await officer.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", new
        {
            submissionId = Guid.NewGuid(), inspectedOn = factory.Today.ToString("yyyy-MM-dd"), answers, findings = "x", inspectors = new[] { "inspector@210503", "officer@210503" },
            affectsSafety = new Dictionary<string, bool> { [yesItem] = true },
        }, Ct);
        Assert.Contains($"第 {yesItem} 项未判为“否”", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var res = await officer.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", new
        {
            submissionId = Guid.NewGuid(), inspectedOn = factory.Today.ToString("yyyy-MM-dd"), answers, findings = "餐具消毒设施损坏，已影响餐具清洗消毒。",
            inspectors = new[] { "inspector@210503", "officer@210503" }, affectsSafety = new Dictionary<string, bool> { [general] = true },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var record = await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("不符合", record.GetProperty("resultLabel").GetString());
        Assert.Equal(general, record.GetProperty("safetyItems").GetString());
        Assert.True(record.GetProperty("caseClue").GetBoolean());
    }

    [Fact]
    public async Task InspectorsWhoAreNotInTheRegionsRoster_AreRefused()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", "名录校验店" + Guid.NewGuid().ToString("N")[..6]);
        var checklist = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/checklist", Ct);
        var answers = checklist.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, _ => "Yes");
        foreach (var (who, expected) in new[] { ("张三", "“张三”"), ("officer@210504", "“officer@210504”"), ("coordinator@210503", "“coordinator@210503”") })
        {
            var res = await officer.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records",
                new { submissionId = Guid.NewGuid(), inspectedOn = factory.Today.ToString("yyyy-MM-dd"), answers, inspectors = new[] { "officer@210503", who } }, Ct);
            Assert.Equal("inspections.check-invalid", await res.ProblemCodeAsync(Ct));
            Assert.Contains(expected + "不在本辖区执法检查人员名录中", await res.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnIncompleteChecklist_OrOneInspector_IsRefusedNamingTheProblem()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", "检查校验店" + Guid.NewGuid().ToString("N")[..6]);
        var res = await officer.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records",
            new { submissionId = Guid.NewGuid(), inspectedOn = factory.Today.ToString("yyyy-MM-dd"), answers = new Dictionary<string, string> { ["C01"] = "Yes" }, inspectors = new[] { "officer@210503" } }, Ct);
        Assert.Equal("inspections.check-invalid", await res.ProblemCodeAsync(Ct));
        var body = await res.Content.ReadAsStringAsync(Ct);
        Assert.Contains("未填写", body, StringComparison.Ordinal);
        Assert.Contains("不少于 2 名", body, StringComparison.Ordinal);
    }

    /// <summary>Usability finding 11: one inspection carries out the business's 双随机 and plan visits of the period; the record opens as a printable sheet.</summary>
    [Fact]
    public async Task OneInspection_ClosesTheDrawAndPlanVisitsOfItsPeriod_AndTheRecordOpensAsASheet()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var name = "记录表测试餐馆" + Guid.NewGuid().ToString("N")[..6];
        var id = Guid.Parse(await RegistryTests.RegisterAsync(officer, "210503001000", name));
        var today = factory.Today;
        PlannedVisit Visit(VisitPurpose purpose, DateOnly? from, DateOnly? by) => new()
        {
            Purpose = purpose, DueFrom = from, DueBy = by, BusinessId = id, BusinessName = name, RegionCode = "210503001000", InspectorIds = "", InspectorNames = "inspector@210503、officer@210503",
        };
        var plan = Visit(VisitPurpose.RiskPlan, today.AddDays(-10), today.AddDays(10));
        var draw = Visit(VisitPurpose.RandomDraw, null, today.AddDays(60));
        var nextQuarter = Visit(VisitPurpose.RiskPlan, today.AddDays(90), today.AddDays(120));
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            db.Set<PlannedVisit>().AddRange(plan, draw, nextQuarter);
            await db.SaveChangesAsync(Ct);
        }

        var checklist = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/checklist", Ct);
        var answers = checklist.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, _ => "Yes");
        answers["C06"] = "No";
        var inspector = await factory.ClientAsAsync("inspector@210503");
        var created = await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", new
        {
            submissionId = Guid.NewGuid(), visitId = plan.Id, inspectedOn = today.ToString("yyyy-MM-dd"), answers, findings = "冷库内冻肉超过保质期。", inspectors = new[] { "inspector@210503", "officer@210503" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var recordId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var visits = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/visits", Ct)).EnumerateArray()
            .ToDictionary(v => Guid.Parse(v.GetProperty("id").GetString()!), v => v.GetProperty("status").GetString());
        Assert.Equal("Done", visits[plan.Id]);
        Assert.Equal("Done", visits[draw.Id]);
        Assert.Equal("Planned", visits[nextQuarter.Id]);

        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        Assert.Contains($"/inspections/records/{recordId}", await browser.GetStringAsync($"/registry/{id}", Ct), StringComparison.Ordinal);
        var sheet = WebUtility.HtmlDecode(await browser.GetStringAsync($"/inspections/records/{recordId}", Ct));
        Assert.Contains("监督检查结果记录表", sheet, StringComparison.Ordinal);
        Assert.Contains("无超过保质期、腐败变质、来源不明的食品原料", sheet, StringComparison.Ordinal);
        Assert.Contains("影响食品安全", sheet, StringComparison.Ordinal);
        Assert.Contains("冷库内冻肉超过保质期。", sheet, StringComparison.Ordinal);
        var (other, _) = await factory.BrowserAsAsync("officer@210504");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/inspections/records/{recordId}", Ct)).StatusCode);
    }
}

public sealed class CheckSqliteTests(SqliteShianFactory factory) : CheckTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class CheckPostgresTests(PostgresShianFactory factory) : CheckTests(factory), IClassFixture<PostgresShianFactory>;
