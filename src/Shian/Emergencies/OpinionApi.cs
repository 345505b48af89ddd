using Microsoft.AspNetCore.Mvc;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Emergencies;

/// <summary>/api/v1/opinion: 舆情 items, alerts and their response steps, trends, feeds, and the vendors' push.</summary>
internal static class OpinionApi
{
    public sealed record ItemRequest(string? RegionCode, string? Title, string? Body, string? Source, string? Url, string? Author, DateTimeOffset? PublishedAt);

    public sealed record PushRequest(IReadOnlyList<ItemRequest>? Items);

    public sealed record VerifyRequest(OpinionFinding Finding, string? Text, bool Major);

    public sealed record RespondRequest(OpinionResponse Response, string? Text);

    public sealed record TextRequest(string? Text);

    public sealed record IncidentRequest(IncidentSetting Setting, int Harmed, int Hospitalised, int Deaths, string? Symptoms);

    public sealed record FeedRequest(OpinionFeedKind Kind, string? RegionCode, string? Name, string? Url);

    public sealed record ActiveRequest(bool Active);

    public static IEndpointRouteBuilder MapOpinionApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/opinion/alerts").WithTags("Opinion 舆情").Regulated("opinion-alerts");
        alerts.MapGet("/", async (OpinionAlertStatus? status, bool? overdue, int? p, OpinionQueries q, TimeProvider clock, CancellationToken ct) =>
        {
            var page = await q.AlertsAsync(status, overdue == true, p ?? 1, 50, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            return TypedResults.Ok(new { page.Total, page.Open, page.Overdue, Items = page.Rows.Select(a => Alert(a, now)) });
        }).Requires(EmergenciesPermissions.OpinionRead).WithSummary("本辖区舆情预警（未办结的在前；overdue=true 只看超时）");
        alerts.MapGet("/{id:guid}", async (Guid id, OpinionQueries q, TimeProvider clock, CancellationToken ct) =>
        {
            var d = await q.AlertAsync(id, ct);
            return TypedResults.Ok(new
            {
                Alert = Alert(d.Alert, clock.GetUtcNow().UtcDateTime), Item = Item(d.Item),
                Businesses = d.Businesses.Select(b => new { b.BusinessId, b.BusinessName, b.RegionCode, b.Confidence, b.Alias }),
                Copies = d.Copies.Select(Item), Timeline = d.Entries.Select(e => new { e.AtUtc, e.Author, e.Text }),
            });
        }).Requires(EmergenciesPermissions.OpinionRead).WithSummary("一条舆情预警：原文、匹配的经营者、转载、处置时间线");
        alerts.MapPost("/{id:guid}/verify", async (Guid id, VerifyRequest r, OpinionDesk desk, CancellationToken ct) => { await desk.VerifyAsync(id, r.Finding, r.Text, r.Major, ct); return TypedResults.NoContent(); })
            .Requires(EmergenciesPermissions.OpinionHandle).WithSummary("核实（属实/部分属实/不属实/无法核实；重大突发事件舆情另计 5 小时、24 小时时限）");
        alerts.MapPost("/{id:guid}/respond", async (Guid id, RespondRequest r, OpinionDesk desk, CancellationToken ct) => { await desk.RespondAsync(id, r.Response, r.Text, ct); return TypedResults.NoContent(); })
            .Requires(EmergenciesPermissions.OpinionHandle).WithSummary("回应（48 小时内，国办发〔2016〕61号；或记录无需公开回应的理由）");
        alerts.MapPost("/{id:guid}/publish", async (Guid id, TextRequest r, OpinionDesk desk, CancellationToken ct) => { await desk.PublishAsync(id, r.Text, ct); return TypedResults.NoContent(); })
            .Requires(EmergenciesPermissions.OpinionHandle).WithSummary("发布核实处置结果");
        alerts.MapPost("/{id:guid}/notes", async (Guid id, TextRequest r, OpinionDesk desk, CancellationToken ct) => { await desk.NoteAsync(id, r.Text, ct); return TypedResults.NoContent(); })
            .Requires(EmergenciesPermissions.OpinionHandle).WithSummary("处置记录");
        alerts.MapPost("/{id:guid}/incident", async (Guid id, IncidentRequest r, OpinionDesk desk, CancellationToken ct) =>
        {
            var incidentId = await desk.ToIncidentAsync(id, r.Setting, r.Harmed, r.Hospitalised, r.Deaths, r.Symptoms, ct);
            return TypedResults.Created($"/api/v1/emergencies/incidents/{incidentId}", new { Id = incidentId });
        }).Requires(EmergenciesPermissions.OpinionHandle).WithSummary("转为食品安全事故（分级、向上报告时限自此起算）");
        alerts.MapPost("/{id:guid}/clue", async (Guid id, TextRequest r, OpinionDesk desk, CancellationToken ct) => { await desk.RaiseClueAsync(id, r.Text, ct); return TypedResults.NoContent(); })
            .Requires(EmergenciesPermissions.OpinionHandle).WithSummary("移送案件线索（核实属实后；立案决定 15 个工作日）");
        alerts.MapGet("/rates", async (int? year, OpinionQueries q, TimeProvider clock, CancellationToken ct) =>
        {
            var y = year ?? ChinaTime.Today(clock).Year;
            return TypedResults.Ok(await q.RatesAsync(new DateOnly(y, 1, 1), new DateOnly(y + 1, 1, 1), ct));
        }).Requires(EmergenciesPermissions.OpinionRead).WithSummary("各区县舆情预警的核实、回应及时率与办结数");

        var items = app.MapGroup("/api/v1/opinion/items").WithTags("Opinion 舆情").Regulated("opinion-items");
        items.MapGet("/", async (string? topic, string? region, Guid? businessId, OpinionSeverity? severity, DateOnly? from, DateOnly? to, string? q, bool? copies, int? p,
            OpinionQueries queries, CancellationToken ct) =>
        {
            var page = await queries.ItemsAsync(new OpinionQueries.ItemFilter(topic, region, businessId, severity, from, to, q, copies == true), p ?? 1, 50, ct);
            return TypedResults.Ok(new { page.Total, Items = page.Rows.Select(Item) });
        }).Requires(EmergenciesPermissions.OpinionRead).WithSummary("本辖区舆情条目（按主题、地区、经营者、严重程度、日期筛选）");
        items.MapGet("/{id:guid}", async (Guid id, OpinionQueries q, CancellationToken ct) => TypedResults.Ok(Item(await q.ItemAsync(id, ct))))
            .Requires(EmergenciesPermissions.OpinionRead).WithSummary("一条舆情条目");
        items.MapPost("/", async (ItemRequest r, OpinionFeeds feeds, CancellationToken ct) =>
        {
            var o = await feeds.EnterAsync(r.RegionCode, Entry(r), ct);
            return TypedResults.Created($"/api/v1/opinion/items/{o.ItemIds[0]}", Outcome(o));
        }).Requires(EmergenciesPermissions.OpinionIntake).WithSummary("人工录入一条舆情（匹配经营者、研判、达到阈值即生成预警）");
        items.MapPost("/{id:guid}/alert", async (Guid id, OpinionDesk desk, CancellationToken ct) =>
        {
            var alertId = await desk.RaiseAsync(id, ct);
            return TypedResults.Created($"/api/v1/opinion/alerts/{alertId}", new { Id = alertId });
        }).Requires(EmergenciesPermissions.OpinionHandle).WithSummary("人工生成预警");

        // Uploads are their own resource (a form, not JSON): the items they bring are read under /items.
        var uploads = app.MapGroup("/api/v1/opinion/uploads").WithTags("Opinion 舆情").Regulated("opinion-uploads");
        uploads.MapPost("/", async ([FromForm] string? regionCode, [FromForm] string? source, IFormFile file, OpinionFeeds feeds, CancellationToken ct) =>
        {
            await using var s = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await s.CopyToAsync(buffer, ct);
            return TypedResults.Ok(Outcome(await feeds.UploadAsync(regionCode, source, file.FileName, buffer.ToArray(), ct)));
        }).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(20 * 1024 * 1024))
            .Requires(EmergenciesPermissions.OpinionIntake).WithSummary("上传舆情监测服务导出（.xlsx）或 RSS/Atom 文档（.xml）：全部有效才导入");

        app.MapGet("/api/v1/opinion/trends", async (int? weeks, string? region, OpinionQueries q, TimeProvider clock, CancellationToken ct) =>
        {
            var t = await q.TrendsAsync(ChinaTime.Today(clock), Math.Clamp(weeks ?? 12, 1, 52), region, ct);
            return TypedResults.Ok(new
            {
                t.Items, t.Copies, Weeks = t.Weeks, Topics = t.Topics.Select(x => new { x.Topic, x.PerWeek }),
                Regions = t.Regions, Businesses = t.Businesses.Select(b => new { b.Id, b.Name, b.Items }),
            });
        }).WithTags("Opinion 舆情").Regulated("opinion-items").Requires(EmergenciesPermissions.OpinionRead).WithSummary("舆情趋势：各主题每周条数、各区县、被提及最多的经营者");

        var feedsGroup = app.MapGroup("/api/v1/opinion/feeds").WithTags("Opinion 舆情").Regulated("opinion-feeds");
        feedsGroup.MapGet("/", async (OpinionQueries q, CancellationToken ct) =>
            TypedResults.Ok((await q.FeedsAsync(ct)).Select(f => new { f.Id, f.RegionCode, f.Name, f.Kind, f.Url, f.KeyPrefix, f.Active, f.LastRunAtUtc, f.LastResult })))
            .Requires(EmergenciesPermissions.OpinionRead).WithSummary("舆情来源");
        feedsGroup.MapPost("/", async (FeedRequest r, OpinionFeeds feeds, CancellationToken ct) =>
        {
            var created = await feeds.CreateAsync(r.Kind, r.RegionCode, r.Name, r.Url, ct);
            return TypedResults.Created($"/api/v1/opinion/feeds/{created.Feed.Id}", new { created.Feed.Id, created.Feed.Kind, Key = created.Key });
        }).Requires(EmergenciesPermissions.OpinionFeeds).WithSummary("新建舆情来源（推送来源的密钥只在此显示一次）");
        feedsGroup.MapPost("/{id:guid}/active", async (Guid id, ActiveRequest r, OpinionFeeds feeds, CancellationToken ct) => { await feeds.SetActiveAsync(id, r.Active, ct); return TypedResults.NoContent(); })
            .Requires(EmergenciesPermissions.OpinionFeeds).WithSummary("启用或停用来源（停用的推送密钥随即失效）");
        feedsGroup.MapPost("/{id:guid}/fetch", async (Guid id, OpinionFeeds feeds, CancellationToken ct) => TypedResults.Ok(Outcome(await feeds.FetchAsync(id, ct))))
            .Requires(EmergenciesPermissions.OpinionIntake).WithSummary("立即抓取 RSS/Atom 来源");

        app.MapPost("/api/v1/opinion/push", async (PushRequest r, HttpContext http, OpinionFeeds feeds, CancellationToken ct) =>
            TypedResults.Ok(Outcome(await feeds.PushAsync(http.Request.Headers["X-Api-Key"].ToString(), [.. (r.Items ?? []).Select(Entry)], ct))))
            .WithTags("Opinion 舆情").AllowAnonymous().DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(20 * 1024 * 1024))
            .RegionNeutral("舆情厂商推送：凭管理员为某一来源签发的密钥（X-Api-Key）推送，条目只进入该来源所属地区")
            .WithSummary("舆情监测厂商推送条目（全部有效才接收；重复、转载自动合并）");
        return app;
    }

    private static OpinionEntry Entry(ItemRequest r) => new(r.Title, r.Body, r.Source, r.Url, r.Author, r.PublishedAt);

    private static object Outcome(OpinionIntake.Outcome o) => new { o.Added, o.Copies, o.Alerts, o.Unrelated, o.ItemIds };

    private static object Item(OpinionItem i) => new
    {
        i.Id, i.RegionCode, i.Source, i.Url, i.Title, i.Body, i.Author, i.PublishedAtUtc, i.CollectedAtUtc, i.CopyOfId, i.Copies, i.Severity,
        SeverityLabel = OpinionDesk.SeverityLabel(i.Severity), Topics = i.Topics.Split('、', StringSplitOptions.RemoveEmptyEntries), i.BusinessId, i.BusinessName, i.AlertId,
    };

    private static object Alert(OpinionAlert a, DateTime now) => new
    {
        a.Id, a.RegionCode, a.ItemId, a.Title, a.Severity, SeverityLabel = OpinionDesk.SeverityLabel(a.Severity), a.Topics, a.BusinessId, a.BusinessName, a.RaisedAtUtc, a.Major,
        a.Status, a.VerifyDueUtc, a.VerifiedAtUtc, a.Finding, a.FindingText, a.RespondDueUtc, a.RespondedAtUtc, a.Response, a.ResponseText, a.PressDueUtc, a.PressHeldAtUtc,
        a.PublishDueUtc, a.PublishedAtUtc, a.PublishedText, a.IncidentId, a.ClueRaisedAtUtc, a.ClosedAtUtc,
        Pending = a.PendingSteps().Select(s => new { s.Step, s.DueUtc }), Late = a.LateSteps(now),
    };
}
