using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Kernel;

public abstract class AttachmentTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_ByADistrictOfficer_KeepsTheFileWithItsHash_AndDownloadGivesItBack()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var text = "现场检查记录：冷库温度 -18℃";
        var id = await Uploads.UploadTextAsync(client, "210503001000", "检查记录.txt", text, Ct);

        var meta = await client.GetFromJsonAsync<JsonElement>($"/api/v1/attachments/{id}", Ct);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), meta.GetProperty("sha256").GetString());
        Assert.Equal("检查记录.txt", meta.GetProperty("fileName").GetString());
        Assert.Equal("officer@210503", meta.GetProperty("uploadedBy").GetString());

        var content = await client.GetStringAsync($"/api/v1/attachments/{id}/content", Ct);
        Assert.Equal(text, content);
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_Is413_AndNothingIsStored()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var before = await CountAsync();
        var big = new byte[(20 * 1024 * 1024) + 1];
        Array.Fill(big, (byte)'a');
        var res = await client.PostAsync("/api/v1/attachments", Uploads.Form("210503000000", "big.txt", big), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, res.StatusCode);
        Assert.Equal("attachment.too-large", await res.ProblemCodeAsync(Ct));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Upload_AnExecutableRenamedToPng_Is415()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var res = await client.PostAsync("/api/v1/attachments", Uploads.Form("210503000000", "photo.png", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0]), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, res.StatusCode);
        Assert.Equal("attachment.type-not-allowed", await res.ProblemCodeAsync(Ct));
    }

    [Fact]
    public async Task Upload_WithAPathInTheFileName_KeepsOnlyTheName()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var id = await Uploads.UploadTextAsync(client, "210503000000", "../../etc/passwd.txt", "x", Ct);
        var meta = await client.GetFromJsonAsync<JsonElement>($"/api/v1/attachments/{id}", Ct);
        Assert.Equal("passwd.txt", meta.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_WithBadFields_IsAValidationProblemNamingThem()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var res = await client.PostAsync("/api/v1/attachments", Uploads.TextForm("2105", "a.txt", "x", businessUscc: "123"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("regionCode", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("businessUscc", out _));
    }

    [Fact]
    public async Task ABusinessUser_SeesOnlyItsOwnBusinessesAttachments()
    {
        await Registry.RegistryTests.DemoBusinessAsync(factory);
        var officer = await factory.ClientAsAsync("officer@210503");
        var own = await Uploads.UploadTextAsync(officer, "210503001000", "许可证.txt", "own", Ct, DemoAccounts.DemoBusinessUscc);
        var other = await Uploads.UploadTextAsync(officer, "210503001000", "其他企业.txt", "other", Ct, "91350100M000100Y43");
        var plain = await Uploads.UploadTextAsync(officer, "210503001000", "区内记录.txt", "plain", Ct);

        var business = await factory.ClientAsAsync("business@210503");
        var list = await business.GetStringAsync("/api/v1/attachments", Ct);
        Assert.Contains(own, list, StringComparison.Ordinal);
        Assert.DoesNotContain(other, list, StringComparison.Ordinal);
        Assert.DoesNotContain(plain, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await business.GetAsync($"/api/v1/attachments/{own}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await business.GetAsync($"/api/v1/attachments/{other}", Ct)).StatusCode);

        // A business may file documents for itself, not for another business.
        Assert.Equal(HttpStatusCode.Created, (await business.PostAsync("/api/v1/attachments", Uploads.TextForm("210503001000", "整改报告.txt", "done", DemoAccounts.DemoBusinessUscc), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await business.PostAsync("/api/v1/attachments", Uploads.TextForm("210503001000", "x.txt", "x", "91350100M000100Y43"), Ct)).StatusCode);
    }

    [Fact]
    public async Task ABusiness_CannotDeleteAnOfficersEvidence_NorUploadIntoAnotherDistrict_AndAttachedEvidenceIsImmutable()
    {
        var demo = await Registry.RegistryTests.DemoBusinessAsync(factory);
        var officer = await factory.ClientAsAsync("officer@210503");
        var business = await factory.ClientAsAsync("business@210503");
        var officers = await Uploads.UploadTextAsync(officer, "210503001000", "现场检查照片.txt", "evidence", Ct, DemoAccounts.DemoBusinessUscc);

        // The business sees the file about itself, but may not remove the officer's evidence.
        Assert.Equal(HttpStatusCode.OK, (await business.GetAsync($"/api/v1/attachments/{officers}", Ct)).StatusCode);
        var delete = await business.DeleteAsync($"/api/v1/attachments/{officers}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("attachment.not-uploader", await delete.ProblemCodeAsync(Ct));

        // Its own USCC does not open another district: it is registered in 溪湖区 only.
        var elsewhere = await business.PostAsync("/api/v1/attachments", Uploads.TextForm("210504002000", "整改报告.txt", "x", DemoAccounts.DemoBusinessUscc), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal("scope.region-forbidden", await elsewhere.ProblemCodeAsync(Ct));

        // Once a record uses the file as evidence, not even its uploader deletes it.
        var duty = await officer.PostAsJsonAsync($"/api/v1/businesses/{demo}/duties", new { kind = "OpenKitchen", value = "已安装", evidenceId = officers }, Ct);
        Assert.Equal(HttpStatusCode.Created, duty.StatusCode);
        var attached = await officer.DeleteAsync($"/api/v1/attachments/{officers}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, attached.StatusCode);
        Assert.Equal("attachment.attached", await attached.ProblemCodeAsync(Ct));
        Assert.NotNull((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/attachments/{officers}", Ct)).GetProperty("attachedAtUtc").GetString());
    }

    [Fact]
    public async Task Delete_RemovesTheRecordAndTheFile()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var id = await Uploads.UploadTextAsync(client, "210503000000", "删除.txt", "x", Ct);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/attachments/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/attachments/{id}", Ct)).StatusCode);
        var files = Directory.GetFiles(factory.DataDir, "*", SearchOption.AllDirectories);
        Assert.DoesNotContain(files, f => f.EndsWith(Guid.Parse(id).ToString("N"), StringComparison.Ordinal));
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<ShianDb>().Attachments.CountAsync(Ct);
    }
}

public sealed class AttachmentSqliteTests(SqliteShianFactory factory) : AttachmentTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class AttachmentPostgresTests(PostgresShianFactory factory) : AttachmentTests(factory), IClassFixture<PostgresShianFactory>;
