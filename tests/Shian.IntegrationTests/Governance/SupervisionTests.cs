using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shian.Governance;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Governance;

/// <summary>督办: issued by the 食安办 with a working-day deadline, answered by the unit's district, overdue when not.</summary>
public abstract class SupervisionTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> TaskOfNewPlanAsync()
    {
        var client = await factory.ClientAsAsync("coordinator@210500");
        var res = await client.PostAsync("/api/v1/plans", Seeds.PlanForm(Seeds.Bytes("000"), "本溪.txt", year: 2017), Ct);
        if (res.StatusCode == HttpStatusCode.Conflict)
        {
            // Imported by an earlier test of this class.
            var plans = await client.GetFromJsonAsync<JsonElement>("/api/v1/plans", Ct);
            var id = plans.EnumerateArray().First().GetProperty("id").GetString();
            return (await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}", Ct)).GetProperty("sections")[0].GetProperty("tasks")[7].GetProperty("id").GetString()!;
        }

        res.EnsureSuccessStatusCode();
        var planId = (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        // Task 8 of section 一 is given to "县（区）政府": every district government.
        return (await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}", Ct)).GetProperty("sections")[0].GetProperty("tasks")[7].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task TheCityOfficePressesADistrict_AndTheDistrictReplies()
    {
        var taskId = await TaskOfNewPlanAsync();
        var coordinator = await factory.ClientAsAsync("coordinator@210500");
        var issued = await coordinator.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/supervision",
            new { unitKey = "gov:210503000000", reason = "请报送听取食品安全工作汇报的会议纪要。", replyWorkingDays = 5 }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var noticeId = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var xihu = await factory.ClientAsAsync("officer@210503");
        var list = await xihu.GetFromJsonAsync<JsonElement>("/api/v1/supervision", Ct);
        Assert.Contains(list.EnumerateArray(), n => n.GetProperty("id").GetString() == noticeId);
        var unread = await xihu.GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct);
        Assert.Contains(unread.EnumerateArray(), n => n.GetProperty("title").GetString()!.StartsWith("督办", StringComparison.Ordinal));

        var mingshan = await factory.ClientAsAsync("officer@210504");
        Assert.DoesNotContain(noticeId!, await mingshan.GetStringAsync("/api/v1/supervision", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await mingshan.PostAsJsonAsync($"/api/v1/supervision/{noticeId}/reply", new { reply = "x" }, Ct)).StatusCode);

        var replied = await xihu.PostAsJsonAsync($"/api/v1/supervision/{noticeId}/reply", new { reply = "已于 3 月 15 日召开区政府常务会议听取汇报，纪要附后。" }, Ct);
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        var again = await xihu.PostAsJsonAsync($"/api/v1/supervision/{noticeId}/reply", new { reply = "再次回复" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var seen = await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/supervision", Ct);
        Assert.Equal("Replied", seen.EnumerateArray().Single(n => n.GetProperty("id").GetString() == noticeId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnOfficer_CannotIssue_AndAnUnansweredNotice_BecomesOverdue()
    {
        var taskId = await TaskOfNewPlanAsync();
        var officer = await factory.ClientAsAsync("officer@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/supervision",
            new { unitKey = "gov:210504000000", reason = "x" }, Ct)).StatusCode);

        var coordinator = await factory.ClientAsAsync("coordinator@210500");
        var bad = await coordinator.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/supervision", new { unitKey = "210500:no-such-unit", reason = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var issued = await coordinator.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/supervision", new { unitKey = "gov:210504000000", reason = "请说明进展。", replyWorkingDays = 3 }, Ct);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var due = DateOnly.Parse(body.GetProperty("replyDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        await using var scope = factory.Scope();
        await scope.ServiceProvider.GetRequiredService<GovernanceDaily>().RunAsync(due.AddDays(1), Ct);
        var seen = await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/supervision", Ct);
        Assert.Equal("Overdue", seen.EnumerateArray().Single(n => n.GetProperty("id").GetString() == body.GetProperty("id").GetString()).GetProperty("status").GetString());
    }
}

public sealed class SupervisionSqliteTests(SqliteShianFactory factory) : SupervisionTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class SupervisionPostgresTests(PostgresShianFactory factory) : SupervisionTests(factory), IClassFixture<PostgresShianFactory>;
