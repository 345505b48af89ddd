using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;
using Shian.Registry;
using Shian.Registry.Rules;

namespace Shian.IntegrationTests.Registry;

/// <summary>
/// The register's name search by two-character pieces (Registry/Rules/NameGrams, issue #23): fragments found through
/// the pieces and checked whole, the pieces following a rename, the public search the same way, and the migration's
/// back-fill making the same pieces as the rule.
/// </summary>
public abstract class NameSearchTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Named(Guid Id, string Name);

    private sealed record Piece(string Gram, Guid BusinessId);

    private static async Task<string[]> NamesAsync(HttpClient client, string q) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q={Uri.EscapeDataString(q)}", Ct)).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task AFragmentIsFoundByItsPieces_CheckedWhole_AndARenameMovesThePieces()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var ids = RegistryTests.NextIds();
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", "鹬蚌相争海鲜酒楼", ids: ids);
        await RegistryTests.RegisterAsync(officer, "210503001000", "渔翁得利得利KFC小吃");

        Assert.Equal(["鹬蚌相争海鲜酒楼"], await NamesAsync(officer, "鹬蚌"));
        Assert.Equal(["鹬蚌相争海鲜酒楼"], await NamesAsync(officer, "蚌相争海鲜酒楼")); // six pieces: four looked up, the whole checked
        Assert.Equal(["渔翁得利得利KFC小吃"], await NamesAsync(officer, "利KFC"));
        Assert.Empty(await NamesAsync(officer, "蚌鹬"));           // no such piece
        Assert.Empty(await NamesAsync(officer, "鹬蚌海鲜"));        // 蚌海 is not a piece of either name
        Assert.Empty(await NamesAsync(officer, "得利得利得利"));   // both its pieces (得利, 利得) are in a name, the whole is not: checked whole
        Assert.Equal(["渔翁得利得利KFC小吃"], await NamesAsync(officer, "得")); // one character: no piece, names are read

        // The public search (no sign-in) finds it by the same pieces.
        var anonymous = factory.CreateClient();
        var found = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/businesses?q={Uri.EscapeDataString("相争海鲜")}", Ct);
        Assert.Equal("鹬蚌相争海鲜酒楼", Assert.Single(found.EnumerateArray()).GetProperty("name").GetString());

        // Renamed: the old name's own pieces go, the new ones come, a shared one stays.
        var renamed = await officer.PutAsJsonAsync($"/api/v1/businesses/{id}", RegistryTests.Business("210503001000", "鹬蚌和解海鲜酒楼", ids), Ct);
        renamed.EnsureSuccessStatusCode();
        Assert.Empty(await NamesAsync(officer, "相争"));
        Assert.Equal(["鹬蚌和解海鲜酒楼"], await NamesAsync(officer, "和解"));
        Assert.Equal(["鹬蚌和解海鲜酒楼"], await NamesAsync(officer, "鹬蚌"));
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
        var pieces = await db.BusinessNameGrams.Where(g => g.BusinessId == Guid.Parse(id)).Select(g => g.Gram).ToListAsync(Ct);
        Assert.Equal(NameGrams.Of("鹬蚌和解海鲜酒楼").Order(StringComparer.Ordinal), pieces.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheMigrationsBackFill_MakesTheSamePiecesAsTheRule()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        await RegistryTests.RegisterAsync(officer, "210503001000", "ＡＢ全角Ab半角KFC　空格 好好好");
        await RegistryTests.RegisterAsync(officer, "210503001000", "𠀀𠀁生僻字饭店");

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
        var migrations = db.Database.GetMigrations().ToList();
        var at = migrations.FindIndex(m => m.EndsWith("_RegistryNameGrams", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[at - 1], Ct); // the table dropped
        await migrator.MigrateAsync(migrations[^1], Ct);     // created again and back-filled by the migration's SQL

        var businesses = await db.Database.SqlQueryRaw<Named>("SELECT id, name FROM registry_businesses").ToListAsync(Ct);
        var expected = businesses.SelectMany(b => NameGrams.Of(b.Name).Select(g => $"{g}|{b.Id}")).Order(StringComparer.Ordinal).ToList();
        var actual = (await db.Database.SqlQueryRaw<Piece>("SELECT gram, business_id FROM registry_name_grams").ToListAsync(Ct))
            .Select(p => $"{p.Gram}|{p.BusinessId}").Order(StringComparer.Ordinal).ToList();
        Assert.True(businesses.Count >= 2);
        Assert.Contains("ab|", string.Join(",", actual), StringComparison.Ordinal); // ASCII folded, full-width kept (ＡＢ)
        Assert.Equal(expected, actual);
    }
}

public sealed class NameSearchSqliteTests(SqliteShianFactory factory) : NameSearchTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class NameSearchPostgresTests(PostgresShianFactory factory) : NameSearchTests(factory), IClassFixture<PostgresShianFactory>;
