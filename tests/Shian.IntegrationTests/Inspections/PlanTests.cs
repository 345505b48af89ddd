using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.Enforcement.Contracts;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Inspections;

/// <summary>Risk-based yearly plans, special campaigns, re-inspection after rectification and the case clue for enforcement.</summary>
public abstract class PlanTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => factory.Today;

    private static DateOnly Date(JsonElement e) => DateOnly.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task ARiskPlan_VisitsEveryOperatingBusinessAtItsGradesFrequency_SpreadOverTheYear_OncePerRegionAndYear()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var canteen = await RegistryTests.RegisterAsync(officer, "210503001000", "计划测试学校食堂", "学校食堂");
        var shop = await RegistryTests.RegisterAsync(officer, "210503001000", "计划测试便利店", "食品销售经营者");
        var canteenGrade = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/risk/businesses/{canteen}", Ct);
        var perYear = canteenGrade.GetProperty("inspectionsPerYear").GetProperty("min").GetInt32();

        var year = Today.Year + 1;
        var created = await officer.PostAsJsonAsync("/api/v1/inspections/plans/risk", new { regionCode = "210503000000", year }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var report = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/plans/{id}", Ct);
        Assert.Equal(12, report.GetProperty("periods").GetArrayLength());
        var visits = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/plans/{id}/visits", Ct);
        var canteenVisits = visits.EnumerateArray().Where(v => v.GetProperty("businessId").GetString() == canteen).ToList();
        Assert.Equal(Math.Max(1, perYear), canteenVisits.Count);
        Assert.Equal(canteenVisits.Count, canteenVisits.Select(v => Date(v.GetProperty("dueFrom")).Month).Distinct().Count());

        // Never inspected: this visit is the full-checklist one the two-year floor asks for (Order 49 第二十二条).
        var shopVisit = Assert.Single(visits.EnumerateArray(), v => v.GetProperty("businessId").GetString() == shop);
        Assert.True(shopVisit.GetProperty("fullChecklistDue").GetBoolean());
        Assert.Equal(year, Date(shopVisit.GetProperty("dueBy")).Year);

        // Two inspectors each (溪湖区's officer and inspector), the load shown per inspector.
        Assert.All(visits.EnumerateArray(), v => Assert.Contains("、", v.GetProperty("inspectors").GetString(), StringComparison.Ordinal));
        Assert.Equal(2, report.GetProperty("inspectors").GetArrayLength());

        var again = await officer.PostAsJsonAsync("/api/v1/inspections/plans/risk", new { regionCode = "210503000000", year }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("inspections.plan-exists", await again.ProblemCodeAsync(Ct));
        var past = await officer.PostAsJsonAsync("/api/v1/inspections/plans/risk", new { regionCode = "210503000000", year = Today.Year - 1 }, Ct);
        Assert.Equal("inspections.plan-invalid", await past.ProblemCodeAsync(Ct));

        var inspector = await factory.ClientAsAsync("inspector@210503");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync("/api/v1/inspections/plans/risk", new { regionCode = "210503000000", year }, Ct)).StatusCode);
    }

    [Fact]
    public async Task ACampaign_TargetsThePlacesAndKindsAsked_WithinItsWindow_AndNothingMatchingIsRefused()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var nearSchool = await RegistryTests.RegisterAsync(officer, "210503001000", "校园周边测试小卖部", "食品销售经营者", places: "校园周边、夜市");
        var elsewhere = await RegistryTests.RegisterAsync(officer, "210503001000", "普通测试超市", "食品销售经营者");
        var profile = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{nearSchool}", Ct);
        Assert.Equal("校园周边、夜市", profile.GetProperty("placesLabel").GetString());

        var from = Today;
        var to = Today.AddDays(30);
        var created = await officer.PostAsJsonAsync("/api/v1/inspections/plans/campaigns", new
        {
            regionCode = "210503000000", kind = "SchoolTerm", title = "开学季校园周边食品安全专项检查", startsOn = from.ToString("yyyy-MM-dd"), endsOn = to.ToString("yyyy-MM-dd"),
            places = new[] { "校园周边" }, kinds = new[] { "Seller" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var visits = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/plans/{id}/visits", Ct)).EnumerateArray().ToList();
        Assert.Contains(visits, v => v.GetProperty("businessId").GetString() == nearSchool);
        Assert.DoesNotContain(visits, v => v.GetProperty("businessId").GetString() == elsewhere);
        Assert.All(visits, v => Assert.InRange(Date(v.GetProperty("dueBy")), from, to));

        var empty = await officer.PostAsJsonAsync("/api/v1/inspections/plans/campaigns", new
        {
            regionCode = "210503000000", kind = "Special", title = "夜市幼儿园食堂", startsOn = from.ToString("yyyy-MM-dd"), endsOn = to.ToString("yyyy-MM-dd"),
            places = new[] { "夜市" }, kinds = new[] { "KindergartenCanteen" },
        }, Ct);
        Assert.Equal("inspections.plan-empty", await empty.ProblemCodeAsync(Ct));

        var unknown = await officer.PostAsJsonAsync("/api/v1/inspections/plans/campaigns", new
        {
            regionCode = "210503000000", kind = "Special", title = "火星专项", startsOn = from.ToString("yyyy-MM-dd"), endsOn = from.AddDays(-1).ToString("yyyy-MM-dd"),
            places = new[] { "火星" },
        }, Ct);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("火星", problem.GetProperty("errors").GetProperty("places")[0].GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("endsOn", out _));
    }

    [Fact]
    public async Task ARectificationOrder_BringsAReinspection_WhoseResultClosesIt_AndANonConformingResultRaisesACaseClue()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var inspector = await factory.ClientAsAsync("inspector@210503");
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", "复查测试餐馆" + Guid.NewGuid().ToString("N")[..6]);
        var checklist = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/checklist", Ct);
        var items = checklist.GetProperty("items").EnumerateArray().ToList();
        var answers = items.ToDictionary(i => i.GetProperty("code").GetString()!, _ => "Yes");
        answers[items.First(i => !i.GetProperty("key").GetBoolean()).GetProperty("code").GetString()!] = "No";
        var first = await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", new
        {
            submissionId = Guid.NewGuid(), inspectedOn = Today.ToString("yyyy-MM-dd"), answers, findings = "从业人员健康证过期 1 人。", inspectors = new[] { "inspector@210503", "officer@210503" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var record = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("基本符合", record.GetProperty("resultLabel").GetString());
        var rectifyBy = Date(record.GetProperty("rectifyBy"));

        // Order 49 第三十三条: the department follows the rectification up — a re-inspection visit after the deadline, for the same inspectors.
        var visit = Assert.Single((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/visits", Ct)).EnumerateArray());
        Assert.Equal("Reinspection", visit.GetProperty("purpose").GetString());
        Assert.Equal(rectifyBy, Date(visit.GetProperty("dueFrom")));
        Assert.True(Date(visit.GetProperty("dueBy")) > rectifyBy);

        answers = items.ToDictionary(i => i.GetProperty("code").GetString()!, _ => "Yes");
        var recheck = await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", new
        {
            submissionId = Guid.NewGuid(), visitId = visit.GetProperty("id").GetString(), inspectedOn = Today.ToString("yyyy-MM-dd"), answers, inspectors = new[] { "inspector@210503", "officer@210503" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, recheck.StatusCode);
        var records = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/records", Ct)).EnumerateArray().ToList();
        var original = records.Single(r => r.GetProperty("id").GetString() == record.GetProperty("id").GetString());
        Assert.True(original.GetProperty("rectified").GetBoolean());
        Assert.Equal(Today, Date(original.GetProperty("rectificationCheckedOn")));
        Assert.Contains(records, r => r.GetProperty("followsUpRecordId").ValueKind == JsonValueKind.String);
        Assert.Equal("Done", Assert.Single((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/visits", Ct)).EnumerateArray()).GetProperty("status").GetString());
        Assert.DoesNotContain(factory.CaseClues.Raised, c => c.BusinessId == Guid.Parse(id));

        // A key item not met: the clue goes to enforcement with the 15-working-day 立案 date (a domain event).
        answers[items.First(i => i.GetProperty("key").GetBoolean()).GetProperty("code").GetString()!] = "No";

        // An unplanned inspection within 3 months of the last one names why (Order 49 第四十二条, configurable).
        var unexplained = await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", new
        {
            submissionId = Guid.NewGuid(), inspectedOn = Today.ToString("yyyy-MM-dd"), answers, findings = "使用超过保质期的原料。", inspectors = new[] { "inspector@210503", "officer@210503" },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Contains("个月内再次检查须注明原因", await unexplained.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var bad = await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", new
        {
            submissionId = Guid.NewGuid(), inspectedOn = Today.ToString("yyyy-MM-dd"), answers, findings = "使用超过保质期的原料。", inspectors = new[] { "inspector@210503", "officer@210503" },
            repeat = "Complaint",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, bad.StatusCode);
        var badRecord = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var clue = Assert.Single(factory.CaseClues.Raised, c => c.BusinessId == Guid.Parse(id));
        Assert.Equal(CaseClueSource.Inspection, clue.Source);
        Assert.Equal(Date(badRecord.GetProperty("caseDecisionDue")), clue.DecisionDue);
        Assert.Equal("210503001000", clue.RegionCode);
        Assert.Equal(2, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/visits", Ct)).GetArrayLength());
    }
}

public sealed class PlanSqliteTests(SqliteShianFactory factory) : PlanTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class PlanPostgresTests(PostgresShianFactory factory) : PlanTests(factory), IClassFixture<PostgresShianFactory>;
