using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.Governance;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Governance;

/// <summary>Progress reports, statuses, the daily overdue/reminder pass.</summary>
public abstract class TrackingTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Imports a 溪湖区 plan for next year (its milestones lie ahead) and returns its first task's id.</summary>
    private async Task<(string PlanId, string TaskId, int Year)> ImportNextYearPlanAsync()
    {
        var year = factory.Clock.GetUtcNow().Year + 1;
        var client = await factory.ClientAsAsync("coordinator@210503");
        var res = await client.PostAsync("/api/v1/plans", Seeds.PlanForm(Seeds.SmallDistrictPlan("溪湖区", Guid.NewGuid().ToString("N")[..8], year), "plan.txt"), Ct);
        res.EnsureSuccessStatusCode();
        var planId = (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}", Ct);
        return (planId, plan.GetProperty("sections")[0].GetProperty("tasks")[0].GetProperty("id").GetString()!, year);
    }

    [Fact]
    public async Task APlanWithReports_CannotBeDeleted_AMistakenImportIsRemovedAndAudited()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210503");
        var (usedPlan, taskId, _) = await ImportNextYearPlanAsync();
        var officer = await factory.ClientAsAsync("officer@210503");
        (await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports", new { unitKey = "210503:market-regulation", text = "已启动。", percent = 10 }, Ct)).EnsureSuccessStatusCode();
        var refused = await coordinator.DeleteAsync($"/api/v1/plans/{usedPlan}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("governance.plan-in-use", await refused.ProblemCodeAsync(Ct));
        var task = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/tasks/{taskId}", Ct);
        Assert.Single(task.GetProperty("reports").EnumerateArray());

        // The officer of the district (no permission to delete) is refused before anything is looked at.
        var (mistake, _, _) = await ImportNextYearPlanAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.DeleteAsync($"/api/v1/plans/{mistake}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/v1/plans/{mistake}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/v1/plans/{mistake}", Ct)).StatusCode);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
        var deleted = await db.AuditEntries.Where(a => a.EntityId == mistake).Select(a => a.Action).ToListAsync(Ct);
        Assert.Contains(deleted, a => a.Contains("Delete", StringComparison.OrdinalIgnoreCase) || a.Contains("删除", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReport_ShowsItsAuthorByName_AndItsEvidence_OnlyToTheDistrict()
    {
        var (_, taskId, _) = await ImportNextYearPlanAsync();
        var officer = await factory.ClientAsAsync("officer@210503");
        var file = await Uploads.UploadTextAsync(officer, "210503000000", "现场照片说明.txt", "明厨亮灶试点已启动。", Ct);
        (await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports",
            new { unitKey = "210503:market-regulation", text = "已启动试点。", percent = 20, attachmentIds = new[] { file } }, Ct)).EnsureSuccessStatusCode();

        var (own, _) = await factory.BrowserAsAsync("coordinator@210503");
        var page = await own.GetStringAsync($"/governance/tasks/{taskId}", Ct);
        Assert.Contains("· 溪湖区监管人员", page, StringComparison.Ordinal); // the author by display name (issue 15 item 14)
        Assert.DoesNotContain("· officer@210503", page, StringComparison.Ordinal);
        var evidence = $"/governance/tasks/{taskId}?handler=Evidence&file={file}";
        Assert.Contains(evidence.Replace("&", "&amp;", StringComparison.Ordinal), page, StringComparison.Ordinal);
        Assert.Equal("明厨亮灶试点已启动。", await own.GetStringAsync(evidence, Ct));

        // Another district's coordinator cannot fetch the evidence by URL, nor another file through this task.
        var (other, _) = await factory.BrowserAsAsync("coordinator@210504");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(evidence, Ct)).StatusCode);
        var stranger = await Uploads.UploadTextAsync(officer, "210503000000", "无关文件.txt", "与本任务无关", Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"/governance/tasks/{taskId}?handler=Evidence&file={stranger}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ATaskWithSeveralMilestones_IsOverdueOnlyUntilThePassedOneIsDeclaredMet()
    {
        var year = factory.Clock.GetUtcNow().Year;
        var text = $"溪湖区{year - 1}年食品安全重点工作（{Guid.NewGuid():N}）\n\n一、强化监管\n（一）推进明厨亮灶。上半年完成试点，{year + 1}年底前全面推开。（责任单位：区市场监督管理局）\n";
        var coordinator = await factory.ClientAsAsync("coordinator@210503");
        var res = await coordinator.PostAsync("/api/v1/plans", Seeds.PlanForm(System.Text.Encoding.UTF8.GetBytes(text), "plan.txt"), Ct);
        res.EnsureSuccessStatusCode();
        var planId = (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var taskId = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}", Ct)).GetProperty("sections")[0].GetProperty("tasks")[0].GetProperty("id").GetString()!;
        var task = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/tasks/{taskId}", Ct);
        var milestones = task.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal(2, milestones.Count);
        var first = milestones[0].GetProperty("id").GetString();

        var officer = await factory.ClientAsAsync("officer@210503");
        string Status(JsonElement t) => t.GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("unitKey").GetString() == "210503:market-regulation").GetProperty("statusLabel").GetString()!;
        (await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports", new { unitKey = "210503:market-regulation", text = "试点推进中。", percent = 30 }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("逾期", Status(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/plans/tasks/{taskId}", Ct)));

        // 我的任务 shows the passed deadline as overdue (not the next one, nor nothing).
        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        var tasksPage = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/governance/tasks", Ct));
        var card = tasksPage[tasksPage.IndexOf(text.Split('\n')[0], StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains("已逾期", card, StringComparison.Ordinal);
        Assert.Contains($"{year - 1}年", card, StringComparison.Ordinal);

        var wrong = await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports", new { unitKey = "210503:market-regulation", text = "x", percent = 40, milestoneId = Guid.NewGuid() }, Ct);
        Assert.Equal("governance.report-invalid", await wrong.ProblemCodeAsync(Ct));
        (await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports", new { unitKey = "210503:market-regulation", text = "试点已完成，12 家食堂改造完毕。", percent = 40, milestoneId = first }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("进行中", Status(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/plans/tasks/{taskId}", Ct)));

        // The daily pass agrees, also after a later report that names no milestone.
        (await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports", new { unitKey = "210503:market-regulation", text = "全面推开中。", percent = 60 }, Ct)).EnsureSuccessStatusCode();
        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<GovernanceDaily>().RunAsync(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime), Ct);
        }

        Assert.Equal("进行中", Status(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/plans/tasks/{taskId}", Ct)));
    }

    [Fact]
    public async Task AReportSayingTenPercentAndCompleted_IsRefusedAsContradictory_NotStoredAsAHundred()
    {
        var (_, taskId, _) = await ImportNextYearPlanAsync();
        var officer = await factory.ClientAsAsync("officer@210503");
        var res = await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports",
            new { unitKey = "210503:market-regulation", text = "已完成。", percent = 10, completed = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains("完成比例 10% 与“已完成”矛盾", await res.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var task = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/plans/tasks/{taskId}", Ct);
        Assert.DoesNotContain(task.GetProperty("reports").EnumerateArray(), r => r.GetProperty("text").GetString() == "已完成。");
    }

    [Fact]
    public async Task AResponsibleUnitReportsProgress_AndTheCoordinatorSeesItWithTheStatus()
    {
        var (_, taskId, _) = await ImportNextYearPlanAsync();
        var officer = await factory.ClientAsAsync("officer@210503");
        var res = await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports",
            new { unitKey = "210503:market-regulation", text = "已完成 12 所学校食堂改造。", percent = 40, completed = false }, Ct);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);

        var task = await (await factory.ClientAsAsync("coordinator@210503")).GetFromJsonAsync<JsonElement>($"/api/v1/plans/tasks/{taskId}", Ct);
        var report = task.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("text").GetString() == "已完成 12 所学校食堂改造。");
        Assert.Equal("已完成 12 所学校食堂改造。", report.GetProperty("text").GetString());
        Assert.Equal("officer@210503", report.GetProperty("reportedBy").GetString());
        var unit = task.GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("unitKey").GetString() == "210503:market-regulation");
        Assert.Equal("进行中", unit.GetProperty("statusLabel").GetString());
        Assert.Equal(40, unit.GetProperty("percent").GetInt32());
        var other = task.GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("unitKey").GetString() == "210503:education");
        Assert.Equal("未开始", other.GetProperty("statusLabel").GetString());

        var targetId = task.GetProperty("targets")[0].GetProperty("id").GetString(); // 覆盖率达到100%
        var done = await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports",
            new { unitKey = "210503:market-regulation", text = "全部完成。", percent = 100, completed = true, measurements = new Dictionary<string, decimal> { [targetId!] = 100m } }, Ct);
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        task = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/plans/tasks/{taskId}", Ct);
        Assert.Equal("已完成", task.GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("unitKey").GetString() == "210503:market-regulation").GetProperty("statusLabel").GetString());
        var measured = task.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("text").GetString() == "全部完成。").GetProperty("measurements")[0];
        Assert.Equal(100m, measured.GetProperty("value").GetDecimal());
        Assert.Equal("Met", measured.GetProperty("result").GetString());
    }

    [Fact]
    public async Task ABadReport_IsRefusedNamingTheField_AndAnotherDistrictCannotReachTheTask()
    {
        var (_, taskId, _) = await ImportNextYearPlanAsync();
        var officer = await factory.ClientAsAsync("officer@210503");
        var bad = await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports", new { unitKey = "210503:market-regulation", text = "", percent = 150, completed = false }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("text", out _));
        Assert.True(errors.TryGetProperty("percent", out _));

        var notMine = await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports", new { unitKey = "210504:market-regulation", text = "x", percent = 10, completed = false }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notMine.StatusCode);

        var mingshan = await factory.ClientAsAsync("officer@210504");
        Assert.Equal(HttpStatusCode.NotFound, (await mingshan.GetAsync($"/api/v1/plans/tasks/{taskId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mingshan.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports",
            new { unitKey = "210503:market-regulation", text = "x", percent = 10, completed = false }, Ct)).StatusCode);
    }

    [Fact]
    public async Task TheDailyPass_RemindsFiveAndOneWorkingDaysAhead_OnceEach_ThenMarksOverdue()
    {
        var (_, taskId, year) = await ImportNextYearPlanAsync();
        var due = new DateOnly(year, 10, 31); // "10月底前"
        await using var scope = factory.Scope();
        var daily = scope.ServiceProvider.GetRequiredService<GovernanceDaily>();
        var calendar = scope.ServiceProvider.GetRequiredService<Shian.Kernel.Calendar.WorkingDayCalendarProvider>().Current;
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var officer = await scope.ServiceProvider.GetRequiredService<UserManager<ShianUser>>().FindByNameAsync("officer@210503");

        // The day five working days before the deadline (on the statutory calendar).
        var fiveBefore = due;
        while (calendar.WorkingDaysBetween(fiveBefore, due).Days < 5)
        {
            fiveBefore = fiveBefore.AddDays(-1);
        }

        var first = await daily.RunAsync(fiveBefore, Ct);
        Assert.True(first.Reminders >= 2); // both responsible units of the task
        Assert.Equal(0, (await daily.RunAsync(fiveBefore, Ct)).Reminders); // sent once
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == officer!.Id && n.Title.Contains("剩余 5 个工作日") && n.Link == $"/governance/tasks/{taskId}", Ct));

        var overdue = await daily.RunAsync(due.AddDays(1), Ct);
        Assert.True(overdue.OverdueNotices >= 2);
        db.ChangeTracker.Clear();
        Assert.True(await db.TaskAssignments.AnyAsync(a => a.TaskId == Guid.Parse(taskId) && a.Status == Shian.Governance.Domain.WorkStatus.Overdue, Ct));
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == officer!.Id && n.Title.StartsWith("任务已逾期"), Ct));
    }
}

public sealed class TrackingSqliteTests(SqliteShianFactory factory) : TrackingTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class TrackingPostgresTests(PostgresShianFactory factory) : TrackingTests(factory), IClassFixture<PostgresShianFactory>;
