using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Audit;

namespace Shian.IntegrationTests.Registry;

/// <summary>身份证号 at rest (security finding 11): sealed in the database, masked everywhere, revealed only with its own audited permission.</summary>
public abstract class PersonalDataTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Clear = "210503199001011235";

    [Fact]
    public async Task AnIdNumber_IsStoredSealed_ShownMasked_AndRevealedOnlyWithAnAuditedPermission()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", "身份证测试餐馆");

        // Nowhere in the database in clear: not in the business row, not in its audit entries.
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            var stored = await db.Set<Shian.Registry.Domain.Business>().IgnoreQueryFilters().AsNoTracking().SingleAsync(b => b.Id == Guid.Parse(id), Ct);
            Assert.Equal("210503********1235", stored.ResponsiblePersonIdMasked);
            Assert.DoesNotContain(Clear, stored.ResponsiblePersonIdSealed, StringComparison.Ordinal);
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id).ToListAsync(Ct);
            Assert.NotEmpty(audit);
            Assert.All(audit, a => Assert.DoesNotContain(Clear, (a.Before ?? "") + (a.After ?? ""), StringComparison.Ordinal));
            Assert.All(audit, a => Assert.DoesNotContain("ResponsiblePersonIdSealed", a.After ?? "", StringComparison.Ordinal));
        }

        // The profile and the export show the masked number.
        var profile = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}", Ct);
        Assert.Equal("210503********1235", profile.GetProperty("responsiblePersonId").GetString());

        // An officer reveals it; the reveal is audited in the business's district chain and shows in its timeline.
        var revealed = await officer.GetAsync($"/api/v1/businesses/{id}/responsible-person-id", Ct);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal("no-store", revealed.Headers.CacheControl?.ToString());
        Assert.Equal(Clear, (await revealed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("responsiblePersonId").GetString());
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            var read = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == SecurityActions.ReadPersonal && a.EntityId == id, Ct);
            Assert.Equal("officer@210503", read.UserName);
            Assert.Equal("210503000000", read.Chain);
            Assert.DoesNotContain(Clear, read.After, StringComparison.Ordinal);
        }

        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        Assert.Contains("查看了身份证号原文", await browser.GetStringAsync($"/registry/{id}", Ct), StringComparison.Ordinal);
        Assert.Equal(Clear, await browser.GetStringAsync($"/registry/{id}?handler=PersonId", Ct));

        // An inspector reads the record but not the clear number; another district's officer does not find it.
        var inspector = await factory.ClientAsAsync("inspector@210503");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync($"/api/v1/businesses/{id}/responsible-person-id", Ct)).StatusCode);
        var other = await factory.ClientAsAsync("officer@210502");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/businesses/{id}/responsible-person-id", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheDataFolder_KeysAndEvidence_AreTheServiceAccountsOnly()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        await Uploads.UploadTextAsync(officer, "210503003000", "证据.txt", "x", Ct);
        await RegistryTests.RegisterAsync(officer, "210503001000", "密钥测试餐馆"); // seals an identifier: the key ring exists

        var keys = Path.Combine(factory.DataDir, "keys", "data-protection");
        Assert.NotEmpty(Directory.GetFiles(keys, "*.xml"));
        var evidence = Directory.GetFiles(Path.Combine(factory.DataDir, "files"), "*", SearchOption.AllDirectories);
        Assert.NotEmpty(evidence);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
            foreach (var file in evidence)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }
}

public sealed class PersonalDataSqliteTests(SqliteShianFactory factory) : PersonalDataTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class PersonalDataPostgresTests(PostgresShianFactory factory) : PersonalDataTests(factory), IClassFixture<PostgresShianFactory>;
