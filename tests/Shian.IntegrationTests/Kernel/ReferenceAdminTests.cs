using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Units;

namespace Shian.IntegrationTests.Kernel;

/// <summary>
/// Usability finding 2: administrators keep reference data on pages — population figures, units and aliases, the
/// holiday calendar, limits, risk schemes — each change validated first and audited; other roles are refused.
/// </summary>
public abstract class ReferenceAdminTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? handler, params (string Key, string Value)[] fields) =>
        AccountsTests.PostFormAsync(client, url, AccountsTests.Form(fields), handler);

    private async Task<int> AuditCountAsync(string entityType, string entityId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
        return await db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityType.EndsWith(entityType) && a.EntityId == entityId, Ct);
    }

    [Fact]
    public async Task TheReferencePages_AreForAdministrators_AndLinkedFromOneIndex()
    {
        var (admin, _) = await factory.BrowserAsAsync("admin");
        var index = await admin.GetStringAsync("/admin/reference", Ct);
        foreach (var href in new[] { "/admin/populations", "/admin/units", "/admin/calendar", "/admin/limits", "/admin/risk-schemes" })
        {
            Assert.Contains($"href=\"{href}\"", index, StringComparison.Ordinal);
            var page = await admin.GetAsync(href, Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var (officer, _) = await factory.BrowserAsAsync("officer@210503");
        var denied = await officer.GetAsync("/admin/populations", Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/reference", await officer.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministrator_EntersTheMissingPopulationOfADistrict_WhichUnblocksTheCity()
    {
        var (admin, _) = await factory.BrowserAsAsync("admin");
        var page = await admin.GetStringAsync("/admin/populations", Ct);
        Assert.Contains("平山区", page[..page.IndexOf("按市查看", StringComparison.Ordinal)], StringComparison.Ordinal);

        // A number that is not one: a Chinese error naming the field, nothing stored.
        var bad = await PostAsync(admin, "/admin/populations", "Save", ("Code", "210502000000"), ("Population", "三十万"), ("Year", "2020"), ("Source", "测试"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("“三十万”不是“常住人口”的有效取值", WebUtility.HtmlDecode(badHtml), StringComparison.Ordinal);
        Assert.Equal(0, await AuditCountAsync("PopulationFigure", "210502000000:2020"));

        var future = await PostAsync(admin, "/admin/populations", "Save", ("Code", "210502000000"), ("Population", "300000"), ("Year", "2099"), ("Source", "测试"));
        Assert.Contains("年份应在 1950–", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var ok = await PostAsync(admin, "/admin/populations", "Save", ("Code", "210502000000"), ("Population", "300000"), ("Year", "2020"), ("Source", "平山区第七次全国人口普查公报"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var after = WebUtility.HtmlDecode(await admin.GetStringAsync(ok.Headers.Location!.OriginalString, Ct));
        Assert.Contains("已保存：平山区 2020 年常住人口 300,000 人", after, StringComparison.Ordinal);
        var missingSection = after[after.IndexOf("缺少人口数据的区划", StringComparison.Ordinal)..after.IndexOf("按市查看", StringComparison.Ordinal)];
        Assert.DoesNotContain("平山区", missingSection, StringComparison.Ordinal);
        Assert.Contains("本溪满族自治县", missingSection, StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync("PopulationFigure", "210502000000:2020"));

        var missing = await (await factory.ClientAsAsync("admin")).GetFromJsonAsync<JsonElement>("/api/v1/admin/populations/missing", Ct);
        Assert.DoesNotContain(missing.EnumerateArray(), r => r.GetProperty("code").GetString() == "210502000000");
        Assert.Contains(missing.EnumerateArray(), r => r.GetProperty("code").GetString() == "210521000000");
    }

    [Fact]
    public async Task AWrongMappingFromAPlanImport_IsRepointedOrDeleted_WhileCatalogueNamesStay()
    {
        var api = await factory.ClientAsAsync("admin");
        (await api.PostAsJsonAsync("/api/v1/admin/units/aliases", new { text = "市卫健部门", contextRegion = "210500000000", unitKey = "210500:market-regulation" }, Ct)).EnsureSuccessStatusCode();
        var (admin, _) = await factory.BrowserAsAsync("admin");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/units", Ct)); // first visit: the mapped names
        Assert.Contains("卫健部门", page, StringComparison.Ordinal);
        long id;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            id = await db.UnitAliases.Where(a => a.Alias == "卫健部门").Select(a => a.Id).SingleAsync(Ct);
        }

        var moved = await PostAsync(admin, "/admin/units", "Repoint", ("id", id.ToString()), ("target", "210500:health"), ("mapped", "true"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("“卫健部门”已改指本溪市卫生健康委员会", WebUtility.HtmlDecode(await admin.GetStringAsync(moved.Headers.Location!.OriginalString, Ct)), StringComparison.Ordinal);
        var resolved = await api.PostAsJsonAsync("/api/v1/units/resolve", new { text = "市卫健部门", contextRegion = "210500000000" }, Ct);
        Assert.Contains("210500:health", await resolved.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(await AuditCountAsync("UnitAlias", "210500:health:卫健部门") >= 1);

        long newId;
        long catalogueId;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            newId = await db.UnitAliases.Where(a => a.Alias == "卫健部门").Select(a => a.Id).SingleAsync(Ct);
            catalogueId = await db.UnitAliases.Where(a => a.UnitKey == "210500:health" && a.Origin == UnitAliasOrigin.Catalogue).Select(a => a.Id).FirstAsync(Ct);
        }

        var refused = await PostAsync(admin, "/admin/units", "Delete", ("id", catalogueId.ToString()));
        Assert.Contains("是单位目录自带的名称", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/v1/admin/unit-aliases/{catalogueId}", Ct)).StatusCode);

        var deleted = await PostAsync(admin, "/admin/units", "Delete", ("id", newId.ToString()), ("mapped", "true"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            Assert.False(await db.UnitAliases.AnyAsync(a => a.Alias == "卫健部门", Ct));
            Assert.True(await db.UnitAliases.AnyAsync(a => a.Id == catalogueId, Ct));
        }

        // A new alias that already names another unit of the region is refused.
        var clash = await api.PostAsJsonAsync("/api/v1/admin/units/210500:health/aliases", new { alias = "市场监管局" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("本溪市市场监督管理局", await clash.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Committee membership is corrected on the page and audited.
        var edited = await PostAsync(admin, "/admin/units", "Unit", ("key", "210500:health"), ("name", "本溪市卫生健康委员会"), ("shortName", "卫生健康委员会"), ("note", "测试更正"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            Assert.False((await db.Units.SingleAsync(u => u.Key == "210500:health", Ct)).IsCommitteeMember);
        }

        Assert.True(await AuditCountAsync("Unit", "210500:health") >= 1);
    }

    [Fact]
    public async Task TheNextYearsHolidayNotice_IsImportedOnThePage_AndABadFileChangesNothing()
    {
        var (admin, _) = await factory.BrowserAsAsync("admin");
        var year = factory.Clock.GetUtcNow().Year + 1;
        var html = await admin.GetStringAsync("/admin/calendar", Ct);
        Assert.Contains("未导入，按周一至周五暂定", html, StringComparison.Ordinal);

        async Task<HttpResponseMessage> UploadAsync(string csv)
        {
            var page = await admin.GetStringAsync("/admin/calendar", Ct);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(year.ToString()), "Year" },
                { new StringContent($"国办发明电〔{year - 1}〕测试号"), "Notice" },
                { new StringContent(ShianFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "holidays.csv" },
            };
            return await admin.PostAsync("/admin/calendar?handler=Import", form, Ct);
        }

        var bad = await UploadAsync($"date,kind,name,source\n{year}-01-01,off,元旦,测试\n{year}-13-40,off,春节,测试\n");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("未导入任何数据", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            Assert.False(await db.CalendarYears.AnyAsync(y => y.Year == year, Ct));
        }

        // Open clocks counted Monday to Friday into the unannounced year (a report received and a clue found on Thursday
        // 24 December, set back in the database as if they came in then): the notice moves them (issue #14).
        Assert.Equal(2027, year);
        var officer = await factory.ClientAsAsync("officer@210503");
        var filed = await officer.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "Hotline12345", ticketId = "HN-" + Guid.NewGuid().ToString("N")[..10], kind = "Report", category = "Other", description = "节假日通知前收到的举报",
            address = "溪湖区", regionCode = "210503000000", anonymous = true,
        }, Ct);
        filed.EnsureSuccessStatusCode();
        var complaintId = Guid.Parse((await filed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!);
        var found = await officer.PostAsJsonAsync("/api/v1/enforcement/clues", new { source = "Field", regionCode = "210503000000", businessName = "节假日测试", summary = "节假日通知前发现的线索", foundOn = "2026-11-25" }, Ct);
        found.EnsureSuccessStatusCode();
        var clueId = Guid.Parse((await found.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!);
        var dec24 = new DateOnly(2026, 12, 24);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            await db.Set<Shian.Complaints.Domain.Complaint>().IgnoreQueryFilters().Where(c => c.Id == complaintId).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.ReceivedOn, dec24).SetProperty(c => c.VerifyFrom, dec24)
                .SetProperty(c => c.AcceptBy, new DateOnly(2027, 1, 4)).SetProperty(c => c.VerifyBy, new DateOnly(2027, 1, 14)), Ct);
            await db.Set<Shian.Enforcement.Domain.CaseClue>().IgnoreQueryFilters().Where(c => c.Id == clueId).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.FoundOn, dec24).SetProperty(c => c.DecisionDue, new DateOnly(2027, 1, 14)), Ct);
        }

        var ok = await UploadAsync($"date,kind,name,source\n{year}-01-01,off,元旦,测试\n");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await Eventually.TrueAsync(async () =>
        {
            var c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/complaints/{complaintId}", Ct);
            return c.GetProperty("verifyBy").GetString() == "2027-01-15";
        }, "the report's 15-working-day verification to move past 元旦");
        var complaint = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/complaints/{complaintId}", Ct);
        Assert.Equal("2027-01-05", complaint.GetProperty("acceptBy").GetString());
        await Eventually.TrueAsync(async () =>
            (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/clues/{clueId}", Ct)).GetProperty("decisionDue").GetString() == "2027-01-15",
            "the clue's 立案 clock to move past 元旦");
        var shown = await admin.GetStringAsync(ok.Headers.Location!.OriginalString, Ct);
        Assert.Contains($"已导入 {year} 年节假日安排", shown, StringComparison.Ordinal);
        Assert.Contains($"{year}-01-01", shown, StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync("CalendarYear", year.ToString()));
    }

    [Fact]
    public async Task ARiskSchemeVersion_IsAddedFromTheLatest_AndAMisspeltFieldIsRefusedWithItsLine()
    {
        var (admin, _) = await factory.BrowserAsAsync("admin");
        var page = await admin.GetStringAsync("/admin/risk-schemes", Ct);
        var definition = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<textarea[^>]*>([^<]*)</textarea>").Groups[1].Value).Trim();
        Assert.Contains("\"maxA\": 30", definition, StringComparison.Ordinal);
        var code = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "id=\"Code\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
        var version = System.Text.RegularExpressions.Regex.Match(page, "id=\"Version\"[^>]*value=\"([^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(code);

        var typo = definition.Replace("\"maxA\"", "\"maxAA\"", StringComparison.Ordinal);
        var refused = await PostAsync(admin, "/admin/risk-schemes", null, ("Code", code), ("Version", version), ("Name", "测试方案"), ("Province", "21"), ("EffectiveFrom", "2027-01-01"), ("Basis", "测试"), ("Definition", typo));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("方案内容第 2 行：有未知的字段", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var added = await PostAsync(admin, "/admin/risk-schemes", null, ("Code", code), ("Version", version), ("Name", "辽宁测试方案"), ("Province", "21"), ("EffectiveFrom", "2027-01-01"), ("Basis", "测试"), ("Definition", definition.Replace("\"maxA\": 30", "\"maxA\": 28", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = await (await factory.ClientAsAsync("admin")).GetFromJsonAsync<JsonElement>("/api/v1/admin/risk-schemes", Ct);
        var stored = list.EnumerateArray().Single(s => s.GetProperty("code").GetString() == code && s.GetProperty("version").GetInt32().ToString() == version);
        Assert.Contains("\"maxA\":28", stored.GetProperty("definitionJson").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLimitsPage_ShowsTheLibrary_AndRefusesAFileThatIsNotAWorkbook()
    {
        var (admin, _) = await factory.BrowserAsAsync("admin");
        var html = await admin.GetStringAsync("/admin/limits", Ct);
        Assert.Contains("GB 2762", html, StringComparison.Ordinal);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(ShianFactory.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new ByteArrayContent("这不是表格"u8.ToArray()), "Upload", "limits.xlsx" },
        };
        var res = await admin.PostAsync("/admin/limits?handler=Import", form, Ct);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("field-error", await res.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class ReferenceAdminSqliteTests(SqliteShianFactory factory) : ReferenceAdminTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class ReferenceAdminPostgresTests(PostgresShianFactory factory) : ReferenceAdminTests(factory), IClassFixture<PostgresShianFactory>;
