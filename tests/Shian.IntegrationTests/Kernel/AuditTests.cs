using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Audit;

namespace Shian.IntegrationTests.Kernel;

public abstract class AuditTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> VerifyAsync(string chain)
    {
        var admin = await factory.ClientAsAsync("admin");
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit/chains/{chain}/verify", Ct);
    }

    [Fact]
    public async Task AnUpload_IsAuditedInItsDistrictsChain_WithWhoWhatAndAfter()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var id = await Uploads.UploadTextAsync(client, "210503003000", "审计.txt", "x", Ct);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityId == id, Ct);
        Assert.Equal("210503000000", entry.Chain);
        Assert.Equal("create", entry.Action);
        Assert.Equal("Attachment", entry.EntityType);
        Assert.Equal("officer@210503", entry.UserName);
        Assert.Null(entry.Before);
        Assert.Contains("审计.txt", entry.After, StringComparison.Ordinal);
        Assert.NotNull(entry.RequestId);
        Assert.True((await VerifyAsync("210503000000")).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Districts_WriteToTheirOwnChains_AndCityWideDataToTheSystemChain()
    {
        await Uploads.UploadTextAsync(await factory.ClientAsAsync("officer@210504"), "210504000000", "明山.txt", "x", Ct);
        await Uploads.UploadTextAsync(await factory.ClientAsAsync("officer@210500"), "210500000000", "市级.txt", "x", Ct);

        var chains = (await (await factory.ClientAsAsync("admin")).GetFromJsonAsync<JsonElement>("/api/v1/admin/audit/chains", Ct))
            .EnumerateArray().Select(c => c.GetProperty("chain").GetString()).ToList();
        Assert.Contains("210504000000", chains);
        Assert.Contains(AuditChain.SystemChain, chains); // reference data, grants and the city-level upload
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        Assert.Equal(AuditChain.SystemChain, (await db.AuditEntries.SingleAsync(a => a.After!.Contains("市级.txt"), Ct)).Chain);
    }

    [Fact]
    public async Task ConcurrentWritesInOneDistrict_KeepOneUnbrokenChain()
    {
        var client = await factory.ClientAsAsync("officer@210505");
        var uploads = Enumerable.Range(0, 12).Select(i => Uploads.UploadTextAsync(client, "210505001000", $"并发{i}.txt", "x" + i, Ct));
        await Task.WhenAll(uploads);
        var result = await VerifyAsync("210505000000");
        Assert.True(result.GetProperty("intact").GetBoolean(), result.ToString());
        Assert.True(result.GetProperty("entriesChecked").GetInt32() >= 12);
    }

    [Fact]
    public async Task TamperingWithAnEntryInTheDatabase_IsFoundByTheVerifier_AtThatEntry()
    {
        var client = await factory.ClientAsAsync("officer@210521");
        for (var i = 0; i < 3; i++)
        {
            await Uploads.UploadTextAsync(client, "210521100000", $"篡改{i}.txt", "x", Ct);
        }

        long tamperedSequence;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            var victim = await db.AuditEntries.Where(a => a.Chain == "210521000000").OrderBy(a => a.Sequence).Skip(1).FirstAsync(Ct);
            tamperedSequence = victim.Sequence;
            await db.Database.ExecuteSqlAsync($"UPDATE kernel_audit_entries SET \"after\" = '{{\"fileName\":\"forged.txt\"}}' WHERE id = {victim.Id}", Ct);
        }

        var result = await VerifyAsync("210521000000");
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(tamperedSequence, result.GetProperty("brokenAtSequence").GetInt64());
    }

    [Fact]
    public async Task ForgingWithRecomputedHashes_OrCuttingTheLastEntries_IsFound_ByTheKeyAndTheAnchorOutsideTheDatabase()
    {
        var client = await factory.ClientAsAsync("officer@210522");
        for (var i = 0; i < 4; i++)
        {
            await Uploads.UploadTextAsync(client, "210522100000", $"锚点{i}.txt", "x", Ct);
        }

        // The hourly checkpoint writes the chain's head outside the database, in a file only the owner reads.
        await using (var scope = factory.Scope())
        {
            var anchors = scope.ServiceProvider.GetRequiredService<AuditAnchors>();
            Assert.True(await anchors.CheckpointAsync(scope.ServiceProvider.GetRequiredService<ShianDb>(), factory.Clock.GetUtcNow().UtcDateTime, Ct) > 0);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(anchors.Path));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(factory.DataDir, "keys", "audit.keys")));
            }
        }

        Assert.True((await VerifyAsync("210522000000")).GetProperty("intact").GetBoolean());

        // Someone with the database edits an entry and recomputes its hash the old, unkeyed way: the signature fails.
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            var victim = await db.AuditEntries.AsNoTracking().Where(a => a.Chain == "210522000000").OrderByDescending(a => a.Sequence).FirstAsync(Ct);
            var forged = new AuditEntry
            {
                Chain = victim.Chain, Sequence = victim.Sequence, AtUtc = victim.AtUtc, UserName = "nobody", Action = victim.Action, EntityType = victim.EntityType,
                EntityId = victim.EntityId, RegionCode = victim.RegionCode, Before = victim.Before, After = victim.After, RequestId = victim.RequestId,
                PreviousHash = victim.PreviousHash, KeyId = victim.KeyId, Hash = "",
            };
            var hash = AuditChain.ComputeHash(forged, new byte[32]);
            await db.Database.ExecuteSqlAsync($"UPDATE kernel_audit_entries SET user_name = 'nobody', hash = {hash} WHERE id = {victim.Id}", Ct);
            Assert.Equal(victim.Sequence, (await VerifyAsync("210522000000")).GetProperty("brokenAtSequence").GetInt64());

            // Deleting the forged entry and the one before it leaves a clean-looking chain: the anchor shows the cut.
            var cut = await db.AuditEntries.Where(a => a.Chain == "210522000000").OrderByDescending(a => a.Sequence).Take(2).Select(a => a.Id).ToListAsync(Ct);
            await db.AuditEntries.Where(a => cut.Contains(a.Id)).ExecuteDeleteAsync(Ct);
        }

        var result = await VerifyAsync("210522000000");
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Contains("链尾被截断", result.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuditLog_CannotBeChangedThroughTheApplication()
    {
        await Uploads.UploadTextAsync(await factory.ClientAsAsync("officer@210503"), "210503000000", "只追加.txt", "x", Ct);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var entry = await db.AuditEntries.FirstAsync(Ct);
        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task TheAuditApi_IsForAdministratorsOnly()
    {
        var officer = await factory.ClientAsAsync("coordinator@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/admin/audit/chains", Ct)).StatusCode);
        var missing = await (await factory.ClientAsAsync("admin")).GetAsync("/api/v1/admin/audit/chains/210599000000/verify", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class AuditSqliteTests(SqliteShianFactory factory) : AuditTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class AuditPostgresTests(PostgresShianFactory factory) : AuditTests(factory), IClassFixture<PostgresShianFactory>;
