using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Kernel;

namespace Shian.IntegrationTests.Registry;

/// <summary>
/// Usability finding 3: the register is kept on pages — register one business, correct it, change 在营/停业/注销, add or
/// renew a licence — by the import's rules, within the officer's regions, each change audited.
/// </summary>
public abstract class RegisterEditingTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? handler, params (string Key, string Value)[] fields) =>
        AccountsTests.PostFormAsync(client, url, AccountsTests.Form(fields), handler);

    private async Task<T> InDbAsync<T>(Func<Shian.Data.ShianDb, Task<T>> read)
    {
        await using var scope = factory.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>());
    }

    [Fact]
    public async Task AnOfficerRegistersOneBusinessOnThePage_CorrectsIt_AndABadCodeIsNamedWithNothingSaved()
    {
        var (officer, _) = await factory.BrowserAsAsync("officer@210503");
        Assert.Contains("href=\"/registry/edit\"", await officer.GetStringAsync("/registry", Ct), StringComparison.Ordinal);
        var ids = RegistryTests.NextIds();
        var name = "页面登记餐馆" + ids.Uscc[^4..];

        var bad = await PostAsync(officer, "/registry/edit", null, ("Input.Name", name), ("Input.Kind", "Caterer"), ("Input.Uscc", "91210503MA0000000X"),
            ("Input.RegionCode", "210503001000"), ("Input.Address", "河沿街 9 号"), ("Input.FloorArea", "八十"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct));
        Assert.Contains("“八十”不是“经营面积（㎡）”的有效取值", html, StringComparison.Ordinal);
        Assert.False(await InDbAsync(db => db.Set<Shian.Registry.Domain.Business>().IgnoreQueryFilters().AnyAsync(b => b.Name == name, Ct)));

        var badCode = await PostAsync(officer, "/registry/edit", null, ("Input.Name", name), ("Input.Kind", "Caterer"), ("Input.Uscc", "91210503MA0000000X"),
            ("Input.RegionCode", "210503001000"), ("Input.Address", "河沿街 9 号"));
        Assert.Contains("不是有效的统一社会信用代码", WebUtility.HtmlDecode(await badCode.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var created = await PostAsync(officer, "/registry/edit", null, ("Input.Name", name), ("Input.Kind", "Caterer"), ("Input.Uscc", ids.Uscc),
            ("Input.RegionCode", "210503001000"), ("Input.Address", "河沿街 9 号"), ("Input.ResponsiblePerson", "王五"), ("Input.ResponsiblePersonId", "210503199001011235"),
            ("Input.FloorArea", "80"), ("Input.Employees", "6"), ("Input.Places", "SchoolArea"), ("Input.LicenceNumber", ids.Licence),
            ("Input.LicenceIssuedOn", "2024-03-01"), ("Input.LicenceValidTo", "2029-02-28"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var profileUrl = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(profileUrl.Split('/', '?')[2]);
        var profile = WebUtility.HtmlDecode(await officer.GetStringAsync(profileUrl, Ct));
        Assert.Contains(name, profile, StringComparison.Ordinal);
        Assert.Contains(ids.Licence, profile, StringComparison.Ordinal);
        Assert.Contains("已保存", profile, StringComparison.Ordinal);

        // Correct it: new name and address; the 身份证号 left blank stays as recorded (masked).
        var edit = WebUtility.HtmlDecode(await officer.GetStringAsync($"/registry/edit?id={id}", Ct));
        Assert.Contains("留空则不变", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("210503199001011235", edit, StringComparison.Ordinal);
        var corrected = await PostAsync(officer, $"/registry/edit?id={id}", null, ("Id", id.ToString()), ("Input.Name", name + "（更名）"), ("Input.Kind", "Caterer"), ("Input.Uscc", ids.Uscc),
            ("Input.RegionCode", "210503001000"), ("Input.Address", "河沿街 10 号"), ("Input.ResponsiblePerson", "王五"), ("Input.FloorArea", "90"), ("Input.Employees", "7"));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var stored = await InDbAsync(db => db.Set<Shian.Registry.Domain.Business>().IgnoreQueryFilters().SingleAsync(b => b.Id == id, Ct));
        Assert.Equal(name + "（更名）", stored.Name);
        Assert.Equal("河沿街 10 号", stored.Address);
        Assert.NotNull(stored.ResponsiblePersonIdSealed);
        Assert.Equal(Shian.Registry.Contracts.BusinessPlace.None, stored.Places);
        Assert.True(await InDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityId == id.ToString() && a.Action == "update", Ct)) >= 1);

        // Not into another district: 明山区 is outside 溪湖区's officer's regions.
        var moved = await PostAsync(officer, $"/registry/edit?id={id}", null, ("Id", id.ToString()), ("Input.Name", name), ("Input.Kind", "Caterer"), ("Input.Uscc", ids.Uscc),
            ("Input.RegionCode", "210504000000"), ("Input.Address", "河沿街 10 号"));
        Assert.Contains("只能改到您所辖的区划", WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal("210503001000", (await InDbAsync(db => db.Set<Shian.Registry.Domain.Business>().IgnoreQueryFilters().SingleAsync(b => b.Id == id, Ct))).RegionCode);

        // Another district's officer cannot open it; a coordinator may not register.
        var (other, _) = await factory.BrowserAsAsync("officer@210504");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/registry/edit?id={id}", Ct)).StatusCode);
        var (coordinator, _) = await factory.BrowserAsAsync("coordinator@210503");
        var denied = await coordinator.GetAsync("/registry/edit", Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerRenewsALicence_ThenClosesTheBusiness_WhichCancelsItsLicence()
    {
        var api = await factory.ClientAsAsync("officer@210503");
        var ids = RegistryTests.NextIds();
        var id = await RegistryTests.RegisterAsync(api, "210503001000", "换证测试店" + ids.Uscc[^4..], ids: ids);
        var (officer, _) = await factory.BrowserAsAsync("officer@210503");
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/registry/{id}", Ct));
        Assert.Contains($"换发或延续 {ids.Licence}", page, StringComparison.Ordinal);
        var oldId = await InDbAsync(db => db.Set<Shian.Registry.Domain.Licence>().IgnoreQueryFilters().Where(l => l.BusinessId == Guid.Parse(id)).Select(l => l.Id).SingleAsync(Ct));

        var bad = await PostAsync(officer, $"/registry/{id}", "Licence", ("supersedes", oldId.ToString()), ("number", "JY2"), ("validTo", "2034-02-28"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("食品经营许可证编号应为 JY 加 14 位数字", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var renewed = ids.Licence[..^1] + "8";
        var ok = await PostAsync(officer, $"/registry/{id}", "Licence", ("supersedes", oldId.ToString()), ("number", renewed), ("issuedOn", "2029-02-01"), ("validTo", "2034-01-31"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var licences = await api.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}", Ct);
        var byNumber = licences.GetProperty("licences").EnumerateArray().ToDictionary(l => l.GetProperty("number").GetString()!, l => l.GetProperty("status").GetString());
        Assert.Equal("Superseded", byNumber[ids.Licence]);
        Assert.Equal("Valid", byNumber[renewed]);

        var forged = await PostAsync(officer, $"/registry/{id}", "Status", ("status", "7"));
        Assert.Contains("经营状态应为 在营、停业 或 注销", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var closed = await PostAsync(officer, $"/registry/{id}", "Status", ("status", "Closed"));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}", Ct);
        Assert.Equal("Closed", after.GetProperty("status").GetString());
        Assert.All(after.GetProperty("licences").EnumerateArray(), l => Assert.NotEqual("Valid", l.GetProperty("status").GetString()));
        Assert.DoesNotContain("登记许可证、换证或延续", WebUtility.HtmlDecode(await officer.GetStringAsync($"/registry/{id}", Ct)), StringComparison.Ordinal);
    }
}

public sealed class RegisterEditingSqliteTests(SqliteShianFactory factory) : RegisterEditingTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class RegisterEditingPostgresTests(PostgresShianFactory factory) : RegisterEditingTests(factory), IClassFixture<PostgresShianFactory>;
