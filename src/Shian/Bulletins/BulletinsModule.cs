using System.ServiceModel.Syndication;
using System.Xml;
using Shian.Bulletins.Contracts;
using Shian.Bulletins.Domain;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Bulletins;

/// <summary>
/// 信息发布: the office's consumer tips, risk alerts, notices and work news — written and published by officers and
/// coordinators of their region, read by the public on the portal, as open data and as an RSS feed (seed 004: 信息发布制度,
/// 新媒体; seed 000: 公众互动).
/// </summary>
internal static class BulletinsModule
{
    public static WebApplicationBuilder AddBulletins(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BulletinDesk>();
        builder.Services.AddScoped<PublicBulletins>();
        builder.Services.AddScoped<Kernel.Public.IPublicSection, BulletinsPublicSection>();
        builder.Services.AddScoped<IDemoDataSeeder, Demo.BulletinsDemoSeeder>();
        return builder;
    }

    public sealed record WithdrawalRequest(string? Reason);

    private static object Dto(Bulletin b) => new
    {
        b.Id, b.RegionCode, kind = b.Kind.ToString(), kindName = BulletinDesk.KindNames[b.Kind], b.Title, b.Body, status = b.Status.ToString(),
        b.CreatedAtUtc, b.PublishedOn, b.PublishedAtUtc, b.WithdrawnOn, b.WithdrawnReason,
    };

    private static object PublicDto(PublicBulletins.Item b) => new
    {
        b.Id, kind = b.Kind.ToString(), kindName = BulletinDesk.KindNames[b.Kind], b.Title, b.Body, b.PublishedOn, b.Office, url = $"/public/bulletins/{b.Id}",
    };

    public static WebApplication MapBulletins(this WebApplication app)
    {
        var g = app.MapGroup("/api/v1/bulletins").WithTags("Bulletins 信息发布").Regulated("bulletins");
        g.MapGet("/", async (string? regionCode, BulletinDesk desk, CancellationToken ct) => TypedResults.Ok((await desk.ListAsync(regionCode, 200, ct)).Select(Dto)))
            .Requires(BulletinsPermissions.Read).WithSummary("本辖区的信息发布（草稿在前，含已撤回）");
        g.MapGet("/{id:guid}", async (Guid id, BulletinDesk desk, CancellationToken ct) =>
                TypedResults.Ok(Dto(await desk.FindAsync(id, ct) ?? throw ShianProblemException.NotFound("bulletins.not-found", "信息不存在或不在您的辖区"))))
            .Requires(BulletinsPermissions.Read).WithSummary("一条信息");
        g.MapPost("/", async (BulletinDesk.Input input, BulletinDesk desk, CancellationToken ct) =>
        {
            var b = await desk.DraftAsync(input, ct);
            return TypedResults.Created($"/api/v1/bulletins/{b.Id}", Dto(b));
        }).Requires(BulletinsPermissions.Publish).WithSummary("撰写信息（草稿）：类别 ConsumerTip 消费提示、RiskAlert 风险警示、Notice 通知公告、WorkNews 工作动态；正文为纯文本，空行分段");
        g.MapPut("/{id:guid}", async (Guid id, BulletinDesk.Input input, BulletinDesk desk, CancellationToken ct) => TypedResults.Ok(Dto(await desk.EditAsync(id, input, ct))))
            .Requires(BulletinsPermissions.Publish).WithSummary("修改草稿");
        g.MapPost("/{id:guid}/publication", async (Guid id, BulletinDesk desk, CancellationToken ct) => TypedResults.Ok(Dto(await desk.PublishAsync(id, ct))))
            .Requires(BulletinsPermissions.Publish).WithSummary("发布（公众即可在门户、开放数据和订阅源中看到）");
        g.MapPost("/{id:guid}/withdrawal", async (Guid id, WithdrawalRequest r, BulletinDesk desk, CancellationToken ct) => TypedResults.Ok(Dto(await desk.WithdrawAsync(id, r.Reason, ct))))
            .Requires(BulletinsPermissions.Publish).WithSummary("撤回已发布的信息（须写明原因；记录保留）");

        var pub = app.MapGroup("/api/v1/public/bulletins").WithTags("Public 公开").AllowAnonymous()
            .RegionNeutral("已发布的消费提示、风险警示、通知公告和工作动态（发布单位以名称表示）");
        pub.MapGet("/", async (BulletinKind? kind, string? q, int? page, PublicBulletins bulletins, CancellationToken ct) =>
        {
            var p = await bulletins.ListAsync(kind is { } k && Enum.IsDefined(k) ? k : null, q?.Length > 50 ? q[..50] : q, Math.Clamp(page ?? 1, 1, 1000), 20, ct);
            return TypedResults.Ok(new { total = p.Total, items = p.Items.Select(PublicDto) });
        }).WithSummary("已发布的信息（每页 20 条，可按类别、标题关键词查询）");
        pub.MapGet("/{id:guid}", async (Guid id, PublicBulletins bulletins, CancellationToken ct) =>
                TypedResults.Ok(PublicDto(await bulletins.FindAsync(id, ct) ?? throw ShianProblemException.NotFound("bulletins.not-found", "信息不存在或已撤回"))))
            .WithSummary("一条已发布的信息");

        app.MapGet("/public/bulletins/feed.xml", async (HttpContext http, PublicBulletins bulletins, CancellationToken ct) =>
        {
            var items = (await bulletins.ListAsync(null, null, 1, 30, ct)).Items;
            var root = $"{http.Request.Scheme}://{http.Request.Host}";
            var feed = new SyndicationFeed("食安云 · 信息发布", "市场监督管理部门发布的消费提示、风险警示、通知公告和工作动态", new Uri(root + "/public/bulletins"))
            {
                Language = "zh-CN",
                LastUpdatedTime = items.Count > 0 ? new DateTimeOffset(items[0].PublishedAtUtc, TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
                Items = [.. items.Select(b => new SyndicationItem($"【{BulletinDesk.KindNames[b.Kind]}】{b.Title}", b.Body, new Uri($"{root}/public/bulletins/{b.Id}"), b.Id.ToString(),
                    new DateTimeOffset(b.PublishedAtUtc, TimeSpan.Zero)) { PublishDate = new DateTimeOffset(b.PublishedAtUtc, TimeSpan.Zero), Authors = { new SyndicationPerson { Name = b.Office } } })],
            };
            using var buffer = new MemoryStream();
            using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Async = true }))
            {
                new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
            }

            return Results.Bytes(buffer.ToArray(), "application/rss+xml; charset=utf-8");
        }).AllowAnonymous().RegionNeutral("已发布信息的 RSS 2.0 订阅源（新媒体转载、政务公开平台抓取）").ExcludeFromDescription();
        return app;
    }
}
