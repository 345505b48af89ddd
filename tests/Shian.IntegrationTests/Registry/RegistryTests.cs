using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shian.Data;
using Shian.Registry;
using Shian.Registry.Import;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Identifiers;

namespace Shian.IntegrationTests.Registry;

/// <summary>The register through HTTP: registration, duplicates, the profile, licences and bulk imports.</summary>
public abstract class RegistryTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int _serial = Random.Shared.Next(100_000, 900_000);

    /// <summary>
    /// Other modules walk the register and query the same context between businesses (risk grading, visit plans,
    /// draws): on PostgreSQL an open reader made that "A command is already in progress", a 500 of the city's
    /// re-grading (the reader was open from the first business on). Asserted on both databases.
    /// </summary>
    [Fact]
    public async Task TheRegisterWalk_LetsTheCallerQueryBetweenBusinesses_InIdOrder()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        for (var i = 0; i < 3; i++)
        {
            await RegisterAsync(officer, "210503003000", "走访店" + Guid.NewGuid().ToString("N")[..6]);
        }

        await using var scope = factory.Scope();
        var directory = scope.ServiceProvider.GetRequiredService<Shian.Registry.Contracts.IBusinessDirectory>();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var walked = new List<Guid>();
        await foreach (var b in directory.StreamAsync("210503000000", Ct))
        {
            walked.Add(b.Id);
            Assert.True(await db.Regions.AnyAsync(r => r.Code == b.RegionCode, Ct)); // a query while walking
        }

        var inDatabaseOrder = await db.Businesses.AsNoTracking().Where(b => b.RegionCode.StartsWith("210503")).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(Ct);
        Assert.True(walked.Count >= 3);
        Assert.Equal(inDatabaseOrder, walked);
    }

    /// <summary>A fresh valid USCC and JY number in 溪湖区 for each call.</summary>
    public static (string Uscc, string Licence) NextIds()
    {
        var n = Interlocked.Increment(ref _serial);
        var first17 = $"92210503MA{n:D6}A";
        return (first17 + Uscc.CheckCharacter(first17), $"JY2210503{n:D6}7");
    }

    /// <summary>A food-business account bound to <paramref name="uscc"/>, with the demo password; its login name.</summary>
    public static async Task<string> BusinessAccountAsync(ShianFactory factory, string uscc)
    {
        factory.CreateClient();
        var name = "shop-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Shian.Kernel.Users.ShianUser>>();
        var user = new Shian.Kernel.Users.ShianUser { UserName = name, DisplayName = "测试经营者负责人", BusinessUscc = uscc, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Shian.Kernel.Users.DemoOptions.DefaultPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Shian.Kernel.Users.ShianRoles.Business)).Succeeded);
        return name;
    }

    /// <summary>Registers a business through the API and returns its id.</summary>
    public static async Task<string> RegisterAsync(HttpClient client, string region, string name, string kind = "餐饮服务经营者", (string Uscc, string Licence)? ids = null, string? places = null)
    {
        var res = await client.PostAsJsonAsync("/api/v1/businesses", Business(region, name, ids ?? NextIds(), kind, places), TestContext.Current.CancellationToken);
        res.EnsureSuccessStatusCode();
        return (await res.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// The demo food business (account business@210503) in 河东街道, registered once per database (tests run without
    /// the demo register); its id.
    /// </summary>
    public static async Task<string> DemoBusinessAsync(ShianFactory factory)
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var found = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q={Shian.Kernel.Users.DemoAccounts.DemoBusinessUscc}", TestContext.Current.CancellationToken);
        return found.GetProperty("rows").GetArrayLength() > 0
            ? found.GetProperty("rows")[0].GetProperty("id").GetString()!
            : await RegisterAsync(officer, "210503001000", "溪湖区示范餐饮店（演示）", ids: (Shian.Kernel.Users.DemoAccounts.DemoBusinessUscc, NextIds().Licence));
    }

    public static object Business(string region, string name, (string Uscc, string Licence) ids, string kind = "餐饮服务经营者", string? places = null) => new
    {
        name, uscc = ids.Uscc, kind, regionCode = region, places, address = "河沿街 8 号", responsiblePerson = "李四", responsiblePersonId = "210503199001011235",
        floorArea = 80, employees = 6, licenceNumber = ids.Licence, licenceIssuer = "本溪市溪湖区市场监督管理局", licenceIssuedOn = "2024-03-01", licenceValidTo = "2029-02-28",
    };

    [Fact]
    public async Task AnOfficerRegistersABusiness_TheProfileMasksTheIdNumber_AndDuplicatesAreRefused()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var ids = NextIds();
        var created = await officer.PostAsJsonAsync("/api/v1/businesses", Business("210503001000", "好味餐馆" + ids.Uscc[^4..], ids), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var profile = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}", Ct);
        Assert.Equal("210503********1235", profile.GetProperty("responsiblePersonId").GetString());
        Assert.Equal("餐饮服务经营者", profile.GetProperty("kindLabel").GetString());
        Assert.Equal(ids.Licence, profile.GetProperty("licences")[0].GetProperty("number").GetString());
        Assert.DoesNotContain("199001011235", await officer.GetStringAsync($"/api/v1/businesses/{id}", Ct), StringComparison.Ordinal);

        Assert.Equal("registry.business-exists", await (await officer.PostAsJsonAsync("/api/v1/businesses", Business("210503001000", "另一家", ids), Ct)).ProblemCodeAsync(Ct));
        var sameLicence = (NextIds().Uscc, ids.Licence);
        Assert.Equal("registry.licence-exists", await (await officer.PostAsJsonAsync("/api/v1/businesses", Business("210503001000", "另一家", sameLicence), Ct)).ProblemCodeAsync(Ct));

        var bad = await officer.PostAsJsonAsync("/api/v1/businesses", new { name = "", kind = "火锅店", regionCode = "210503001000", address = "x" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));

        // Found by name, USCC or licence number.
        foreach (var q in new[] { "好味餐馆" + ids.Uscc[^4..], ids.Uscc, ids.Licence.ToLowerInvariant() })
        {
            var page = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q={Uri.EscapeDataString(q)}", Ct);
            Assert.Contains(page.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        }
    }

    [Fact]
    public async Task ACertification_IsKeptWithItsValidity_AndOneWithoutTheOtherIsRefusedByField()
    {
        // Review D-14: the 2016 办法's one-grade reduction needs the business's 体系认证 and its validity on the register.
        var officer = await factory.ClientAsAsync("officer@210503");
        var ids = NextIds();
        object With(string? certification, string? until) => new
        {
            name = "认证食品厂" + ids.Uscc[^4..], uscc = ids.Uscc, kind = "餐饮服务经营者", regionCode = "210503001000", address = "河沿街 9 号", certification, certifiedUntil = until,
        };

        var noDate = await officer.PostAsJsonAsync("/api/v1/businesses", With("HACCP", null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("请填写体系认证的到期日", (await noDate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("certifiedUntil")[0].GetString(), StringComparison.Ordinal);
        var noName = await officer.PostAsJsonAsync("/api/v1/businesses", With(null, "2027-06-30"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.True((await noName.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("certification", out _));
        Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q={ids.Uscc}", Ct)).GetProperty("rows").GetArrayLength());

        var created = await officer.PostAsJsonAsync("/api/v1/businesses", With(" HACCP ", "2027-06-30"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var profile = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}", Ct);
        Assert.Equal("HACCP", profile.GetProperty("certification").GetString());
        Assert.Equal("2027-06-30", profile.GetProperty("certifiedUntil").GetString());
        Assert.Contains("HACCP 认证（至 2027-06-30）", await (await factory.BrowserAsAsync("officer@210503")).Client.GetStringAsync($"/registry/{id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARenewal_SupersedesTheOldLicence_AndClosingCancelsLicences()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var ids = NextIds();
        var id = await RegisterAsync(officer, "210503001000", "续证超市", "食品销售经营者", ids);
        var oldId = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}", Ct)).GetProperty("licences")[0].GetProperty("id").GetString();
        var renewed = NextIds().Licence;
        var res = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/licences", new { number = renewed, issuedOn = "2029-02-01", validTo = "2034-01-31", supersedes = oldId }, Ct);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var licences = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}", Ct)).GetProperty("licences").EnumerateArray().ToList();
        Assert.Equal("Superseded", licences.Single(l => l.GetProperty("id").GetString() == oldId).GetProperty("status").GetString());
        Assert.Equal("Valid", licences.Single(l => l.GetProperty("number").GetString() == renewed).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/status", new { status = "Closed" }, Ct)).StatusCode);
        licences = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}", Ct)).GetProperty("licences").EnumerateArray().ToList();
        Assert.All(licences, l => Assert.NotEqual("Valid", l.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task TheExport_HoldsOnlyTheCallersDistrict_WithIdNumbersMasked()
    {
        var b = await factory.ClientAsAsync("officer@210504");
        var secret = "明山区专属-" + Guid.NewGuid().ToString("N")[..6];
        await RegisterAsync(b, "210504002000", secret);
        var a = await factory.ClientAsAsync("officer@210503");
        var own = "溪湖区导出-" + Guid.NewGuid().ToString("N")[..6];
        await RegisterAsync(a, "210503001000", own);

        using var xlsx = new MemoryStream(await a.GetByteArrayAsync("/api/v1/businesses/export.xlsx", Ct));
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["名称"] == own);
        Assert.DoesNotContain(rows, r => (string?)r["名称"] == secret);
        Assert.All(rows, r => Assert.DoesNotContain("19900101", Convert.ToString(r["管理员身份证号"], System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheExport_EqualsTheList_ExpiringLicencesFilterIncluded()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var tag = "到期筛选" + Guid.NewGuid().ToString("N")[..6];
        foreach (var (name, validTo) in new[] { (tag + "甲", factory.Today.AddDays(30)), (tag + "乙", factory.Today.AddYears(3)) })
        {
            var ids = NextIds();
            var res = await officer.PostAsJsonAsync("/api/v1/businesses", new
            {
                name, uscc = ids.Uscc, kind = "餐饮服务经营者", regionCode = "210503001000", address = "河沿街 9 号", licenceNumber = ids.Licence,
                licenceIssuer = "本溪市溪湖区市场监督管理局", licenceIssuedOn = "2024-03-01", licenceValidTo = validTo.ToString("yyyy-MM-dd"),
            }, Ct);
            res.EnsureSuccessStatusCode();
        }

        var list = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q={Uri.EscapeDataString(tag)}&licenceExpiring=true", Ct);
        var listed = list.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal([tag + "甲"], listed);

        // The list page's export link carries the same filters.
        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/registry?q={Uri.EscapeDataString(tag)}&expiring=true", Ct));
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/api/v1/businesses/export\\.xlsx[^\"]*)\"").Groups[1].Value;
        Assert.Contains("licenceExpiring=true", link, StringComparison.Ordinal);
        using var xlsx = new MemoryStream(await browser.GetByteArrayAsync(link, Ct));
        var exported = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => (string?)r["名称"]).ToList();
        Assert.Equal(listed, exported);
    }

    private async Task<JsonElement> ImportAsync(HttpClient client, byte[] xlsx)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(xlsx), "file", "名录.xlsx" } };
        var started = await client.PostAsync("/api/v1/business-imports", form, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        var id = Guid.Parse((await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!);
        await factory.Services.GetRequiredService<RegistryImportQueue>().WhenDoneAsync(id, Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
        return await client.GetFromJsonAsync<JsonElement>(location, Ct);
    }

    private static byte[] Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var ms = new MemoryStream();
        ms.SaveAs(rows);
        return ms.ToArray();
    }

    private static Dictionary<string, object?> Row(string region, int i)
    {
        var ids = NextIds();
        return new()
        {
            ["名称"] = $"导入测试店{ids.Uscc[^6..]}-{i}", ["统一社会信用代码"] = ids.Uscc, ["主体类型"] = "食品销售经营者", ["区划代码"] = region, ["经营地址"] = $"测试路 {i} 号",
            ["许可证编号"] = ids.Licence, ["有效期至"] = "2029-12-31",
        };
    }

    [Fact]
    public async Task TenThousandRowsWithOneWrong_ImportNothing_AndTheErrorNamesRowAndColumn()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var rows = Enumerable.Range(0, 10_000).Select(i => Row("210503001000", i)).ToList();
        rows[6_789]["许可证编号"] = "JY2210503ABC";
        var job = await ImportAsync(officer, Sheet(rows));
        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Equal(10_000, job.GetProperty("total").GetInt32());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.Equal(6_791, error.GetProperty("row").GetInt32()); // header is row 1, the first data row is row 2
        Assert.Equal("许可证编号", error.GetProperty("column").GetString());
        var first = (string)rows[0]["名称"]!;
        Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q={Uri.EscapeDataString(first)}", Ct)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AGoodSheet_ImportsEveryRow_AndTheSameSheetAgainIsRefusedAsDuplicates()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var rows = Enumerable.Range(0, 300).Select(i => Row(i % 2 == 0 ? "210503001000" : "210503003000", i)).ToList();
        var sheet = Sheet(rows);
        var job = await ImportAsync(officer, sheet);
        Assert.True(job.GetProperty("status").GetString() == "Completed", job.ToString());
        Assert.Equal(300, job.GetProperty("imported").GetInt32());
        var found = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q={Uri.EscapeDataString((string)rows[299]["名称"]!)}", Ct);
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        // Each imported name's pieces, written in SQL at the import's end, are the rule's (Registry/Rules/NameGrams).
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            var importId = Guid.Parse(job.GetProperty("id").GetString()!);
            var names = await db.Businesses.Where(b => b.ImportId == importId).Select(b => new { b.Id, b.Name }).ToListAsync(Ct);
            Assert.Equal(300, names.Count);
            var ids = names.Select(n => n.Id).ToList();
            var pieces = await db.BusinessNameGrams.Where(g => ids.Contains(g.BusinessId)).Select(g => new { g.Gram, g.BusinessId }).ToListAsync(Ct);
            Assert.Equal(names.SelectMany(n => Shian.Registry.Rules.NameGrams.Of(n.Name).Select(g => $"{g}|{n.Id}")).Order(StringComparer.Ordinal),
                pieces.Select(p => $"{p.Gram}|{p.BusinessId}").Order(StringComparer.Ordinal));
        }

        var again = await ImportAsync(officer, sheet);
        Assert.Equal("Failed", again.GetProperty("status").GetString());
        Assert.Contains("已在名录中登记", again.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        // Another district's officer may not import into 溪湖区, and cannot see this job.
        var other = await factory.ClientAsAsync("officer@210504");
        var foreign = await ImportAsync(other, Sheet([Row("210503001000", 1)]));
        Assert.Contains("不在您的管辖范围内", foreign.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/business-imports/{job.GetProperty("id").GetString()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AFileThatIsNotASheet_OrLacksColumns_IsRefusedAtOnce()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var notXlsx = new MultipartFormDataContent { { new ByteArrayContent("名称,主体类型\n"u8.ToArray()), "file", "名录.csv" } };
        Assert.Equal("registry.import-type", await (await officer.PostAsync("/api/v1/business-imports", notXlsx, Ct)).ProblemCodeAsync(Ct));
        var corrupt = new MultipartFormDataContent { { new ByteArrayContent("PK\u0003\u0004garbage"u8.ToArray()), "file", "名录.xlsx" } };
        Assert.Equal("registry.import-unreadable", await (await officer.PostAsync("/api/v1/business-imports", corrupt, Ct)).ProblemCodeAsync(Ct));
        var noColumns = new MultipartFormDataContent { { new ByteArrayContent(Sheet([new() { ["名称"] = "甲", ["备注"] = "x" }])), "file", "名录.xlsx" } };
        var res = await officer.PostAsync("/api/v1/business-imports", noColumns, Ct);
        Assert.Equal("registry.import-header", await res.ProblemCodeAsync(Ct));
    }
}

public sealed class RegistrySqliteTests(SqliteShianFactory factory) : RegistryTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class RegistryPostgresTests(PostgresShianFactory factory) : RegistryTests(factory), IClassFixture<PostgresShianFactory>;
