using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Inbox;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Kernel;

public abstract class InboxTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANotification_ReachesOnlyItsUser_WhoCanMarkItRead()
    {
        factory.CreateClient();
        await using (var scope = factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShianUser>>();
            var officer = await users.FindByNameAsync("officer@210502");
            scope.ServiceProvider.GetRequiredService<Notifier>().Notify([officer!.Id], "请报送第三季度工作进展", "截止 2026年12月31日", "/governance/tasks/1");
            await scope.ServiceProvider.GetRequiredService<ShianDb>().SaveChangesAsync(Ct);
        }

        var own = await factory.ClientAsAsync("officer@210502");
        Assert.Equal(1, (await own.GetFromJsonAsync<JsonElement>("/api/v1/inbox/unread-count", Ct)).GetProperty("unread").GetInt32());
        var items = await own.GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct);
        var id = items[0].GetProperty("id").GetString();
        Assert.Equal("请报送第三季度工作进展", items[0].GetProperty("title").GetString());

        var other = await factory.ClientAsAsync("officer@210504");
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/inbox/{id}/read", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await own.PostAsync($"/api/v1/inbox/{id}/read", null, Ct)).StatusCode);
        Assert.Equal(0, (await own.GetFromJsonAsync<JsonElement>("/api/v1/inbox/unread-count", Ct)).GetProperty("unread").GetInt32());
    }
}

public sealed class InboxSqliteTests(SqliteShianFactory factory) : InboxTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class InboxPostgresTests(PostgresShianFactory factory) : InboxTests(factory), IClassFixture<PostgresShianFactory>;
