using System.Security.Claims;
using Shian.Credit.Contracts;
using Shian.Credit.Domain;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Credit;

/// <summary>/api/v1/credit: publications (Order 45), the serious-dishonesty list (Order 44), credit files, the joint-punishment lookup and the push file.</summary>
internal static class CreditApi
{
    public sealed record RepairRequest(string? Application, bool HarmRemoved);

    public sealed record DecisionRequest(bool Approve, string? Opinion);

    public sealed record NoticeRequest(ListingGround? Ground, string? Facts, DateOnly? ServedOn);

    public sealed record ReasonRequest(string? Reason);

    public sealed record StatementRequest(string? Statement, bool HearingRequested);

    public sealed record ListingDecisionRequest(bool List, string? Reason);

    public sealed record GoodRecordRequest(CreditRecordKind Kind, DateOnly? On, string? Summary);

    public sealed record KeyRequest(string? Holder, string? Purpose);

    public sealed record LiftRequest(string? Reason);

    public static IEndpointRouteBuilder MapCreditApi(this IEndpointRouteBuilder app)
    {
        var pubs = app.MapGroup("/api/v1/credit/publications").WithTags("Credit 信用").Regulated("credit-publications");
        pubs.MapGet("/", async (PublicationStatus? status, bool? overdue, int? p, CreditQueries q, CancellationToken ct) =>
        {
            var page = await q.PublicationsAsync(status, overdue == true, p ?? 1, ct);
            return TypedResults.Ok(new { page.Total, page.Overdue, Items = page.Rows });
        }).Requires(CreditPermissions.Read).WithSummary("行政处罚信息公示（本辖区；待公示的按期限排前）");
        pubs.MapGet("/{id:guid}", async (Guid id, CreditQueries q, CancellationToken ct) =>
        {
            var d = await q.PublicationAsync(id, ct) ?? throw ShianProblemException.NotFound("credit.publication-not-found", "处罚信息公示不存在或不在您的辖区");
            return TypedResults.Ok(new { d.Publication, History = d.Entries.Select(e => new { e.AtUtc, e.Author, e.Text }) });
        }).Requires(CreditPermissions.Read).WithSummary("一条处罚信息公示及其记录");
        pubs.MapPost("/{id:guid}/publish", async (Guid id, Publications s, CancellationToken ct) => { await s.PublishAsync(id, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Handle).WithSummary("公示（决定之日起 20 个工作日内）");
        pubs.MapPost("/{id:guid}/repair", async (Guid id, RepairRequest r, Publications s, CancellationToken ct) => { await s.ApplyRepairAsync(id, r.Application, r.HarmRemoved, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Handle).WithSummary("登记提前停止公示（信用修复）申请");
        pubs.MapPost("/{id:guid}/repair-decision", async (Guid id, DecisionRequest r, Publications s, CancellationToken ct) => { await s.DecideRepairAsync(id, r.Approve, r.Opinion, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Approve).WithSummary("负责人决定是否提前停止公示");

        var lists = app.MapGroup("/api/v1/credit/listings").WithTags("Credit 信用").Regulated("credit-listings");
        lists.MapGet("/", async (ListingStatus? status, int? p, CreditQueries q, CancellationToken ct) =>
        {
            var page = await q.ListingsAsync(status, p ?? 1, ct);
            return TypedResults.Ok(new { page.Total, Items = page.Rows });
        }).Requires(CreditPermissions.Read).WithSummary("严重违法失信名单事项（本辖区；待办的排前）");
        lists.MapGet("/{id:guid}", async (Guid id, CreditQueries q, CancellationToken ct) =>
        {
            var d = await q.ListingAsync(id, ct) ?? throw ShianProblemException.NotFound("credit.listing-not-found", "失信名单事项不存在或不在您的辖区");
            return TypedResults.Ok(new { d.Listing, History = d.Entries.Select(e => new { e.AtUtc, e.Author, e.Text }) });
        }).Requires(CreditPermissions.Read).WithSummary("一个失信名单事项及其记录");
        lists.MapPost("/{id:guid}/notice", async (Guid id, NoticeRequest r, Listings s, CancellationToken ct) => { await s.NoticeAsync(id, r.Ground, r.Facts, r.ServedOn, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Handle).WithSummary("送达拟列入告知书（陈述申辩、听证）");
        lists.MapPost("/{id:guid}/dismissal", async (Guid id, ReasonRequest r, Listings s, CancellationToken ct) => { await s.DismissAsync(id, r.Reason, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Handle).WithSummary("研判后不提出列入");
        lists.MapPost("/{id:guid}/statement", async (Guid id, StatementRequest r, Listings s, CancellationToken ct) => { await s.StatementAsync(id, r.Statement, r.HearingRequested, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Handle).WithSummary("登记当事人陈述申辩（听证要求）");
        lists.MapPost("/{id:guid}/decision", async (Guid id, ListingDecisionRequest r, Listings s, CancellationToken ct) => { await s.DecideAsync(id, r.List, r.Reason, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Approve).WithSummary("负责人决定列入或不列入");
        lists.MapPost("/{id:guid}/repair", async (Guid id, RepairRequest r, Listings s, CancellationToken ct) => { await s.ApplyRepairAsync(id, r.Application, r.HarmRemoved, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Handle).WithSummary("登记提前移出（信用修复）申请");
        lists.MapPost("/{id:guid}/repair-decision", async (Guid id, DecisionRequest r, Listings s, CancellationToken ct) => { await s.DecideRepairAsync(id, r.Approve, r.Opinion, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Approve).WithSummary("负责人决定是否提前移出");

        var files = app.MapGroup("/api/v1/credit/businesses").WithTags("Credit 信用").Regulated("credit-files");
        files.MapGet("/{id:guid}", async (Guid id, IBusinessDirectory directory, CreditQueries q, CancellationToken ct) =>
        {
            _ = (await directory.FindAsync([id], ct)).FirstOrDefault() ?? throw ShianProblemException.NotFound("credit.business-not-found", "经营主体不存在或不在您的辖区");
            var f = await q.FileAsync(id, ct);
            return TypedResults.Ok(new
            {
                f.BusinessId, f.Grade.Grade, GradeLabel = Rules.CreditGrading.Label(f.Grade.Grade), f.Grade.Score,
                Records = f.Records.Select(r => new { r.Id, r.Kind, r.Good, r.OccurredOn, r.Summary, r.RevokedOn }),
                Listings = f.Listings.Select(l => new { l.Id, l.Status, l.Ground, l.ListedOn, l.ExpiresOn, l.RemovedOn, l.RemovalReason }),
                Publications = f.Publications.Select(p => new { p.Id, p.DecisionNumber, p.Status, p.PublishedOn, p.ShowUntil }),
            });
        }).Requires(CreditPermissions.Read).WithSummary("经营主体的信用档案（守信与失信记录、信用等级、名单和公示）");
        files.MapPost("/{id:guid}/records", async (Guid id, GoodRecordRequest r, CreditRecords s, CancellationToken ct) =>
            TypedResults.Ok(new { Id = await s.AddGoodAsync(id, r.Kind, r.On, r.Summary, ct) }))
            .Requires(CreditPermissions.Handle).WithSummary("登记守信记录（表彰奖励、诚信管理体系评价）");

        var barred = app.MapGroup("/api/v1/credit/barred-persons").WithTags("Credit 信用").Regulated("credit-barred");
        barred.MapGet("/", async (BarredPersons s, CancellationToken ct) =>
            TypedResults.Ok((await s.ListAsync(ct)).Select(p => new { p.Id, p.Name, p.IdMasked, p.Basis, p.Role, p.Reference, p.From, p.Until, p.LiftedOn, p.LiftReason, p.RegionCode })))
            .Requires(CreditPermissions.Read).WithSummary("违法犯罪人员信息库（本辖区登记的禁业人员，身份证号已隐去部分）");
        barred.MapPost("/", async (BarredPersons.BarInput r, BarredPersons s, CancellationToken ct) => TypedResults.Created("/api/v1/credit/barred-persons", new { Id = await s.AddAsync(r, ct) }))
            .Requires(CreditPermissions.Handle).WithSummary("登记禁业人员（《食品安全法》第一百三十五条：吊销许可证五年、食品安全犯罪终身）");
        barred.MapPost("/{id:guid}/lift", async (Guid id, LiftRequest r, BarredPersons s, CancellationToken ct) => { await s.LiftAsync(id, r.Reason, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Approve).WithSummary("解除禁业记录（处罚决定被撤销、判决改判）");

        app.MapGet("/api/v1/credit/lookup", async (string? uscc, HttpContext http, CreditExchange x, CancellationToken ct) =>
            TypedResults.Ok(await x.LookupAsync(http.Request.Headers["X-Api-Key"].ToString(), uscc, http.Connection.RemoteIpAddress?.ToString(), ct)))
            .WithTags("Credit 信用").AllowAnonymous().RegionNeutral("联合惩戒查询：严重违法失信名单和处罚信息依法向社会公示；调用方凭管理员签发的查询密钥（X-Api-Key），每次查询留痕")
            .WithSummary("联合惩戒查询：按统一社会信用代码查询是否在严重违法失信名单、列入期限、原因和公示中的处罚");

        // The business's own records (its account's USCC through the region filter): what it may state and ask.
        var mine = app.MapGroup("/api/v1/credit/mine").WithTags("Credit 信用").Regulated("credit-listings");
        mine.MapGet("/", async (CreditMine m, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        {
            var today = Kernel.Calendar.ChinaTime.Today(clock);
            var r = await m.OfAsync(user.FindFirstValue(Kernel.Users.ShianClaims.Uscc) ?? "", today, ct);
            return TypedResults.Ok(new
            {
                publications = r.Publications.Select(p => new { p.Publication.Id, p.Publication.DecisionNumber, p.Publication.DecidedOn, p.Publication.Violation, p.Publication.Content, p.Publication.Status, p.Publication.PublishedOn, p.Publication.ShowUntil, p.RepairFrom, mayApplyRepair = p.MayApply, p.Publication.RepairAppliedOn, p.Publication.RepairApproved, p.Publication.RepairOpinion }),
                listings = r.Listings.Select(l => new { l.Listing.Id, l.Listing.DecisionNumber, l.Listing.Penalty, l.Listing.Status, l.Listing.NoticeServedOn, l.Listing.StatementBy, mayState = l.MayState, l.Listing.ListedOn, l.Listing.ExpiresOn, l.RepairFrom, mayApplyRepair = l.MayApply, l.Listing.RepairAppliedOn, l.Listing.RepairApproved, l.Listing.RepairOpinion }),
            });
        }).Requires(CreditPermissions.Own).WithSummary("经营者：本企业的处罚公示和失信名单事项（可陈述申辩、可申请信用修复的时间）");
        mine.MapPost("/listings/{id:guid}/statement", async (Guid id, StatementRequest r, Listings s, CancellationToken ct) => { await s.StatementAsync(id, r.Statement, r.HearingRequested, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Own).WithSummary("经营者：对拟列入严重违法失信名单的告知在线陈述申辩（告知后期限内）");
        mine.MapPost("/listings/{id:guid}/repair", async (Guid id, RepairRequest r, Listings s, CancellationToken ct) => { await s.ApplyRepairAsync(id, r.Application, r.HarmRemoved, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Own).WithSummary("经营者：申请提前移出严重违法失信名单（信用修复）");
        mine.MapPost("/publications/{id:guid}/repair", async (Guid id, RepairRequest r, Publications s, CancellationToken ct) => { await s.ApplyRepairAsync(id, r.Application, r.HarmRemoved, ct); return TypedResults.NoContent(); })
            .Requires(CreditPermissions.Own).WithSummary("经营者：申请提前停止公示行政处罚信息（信用修复）");

        var admin = app.MapGroup("/api/v1/credit").WithTags("Credit 信用");
        admin.MapGet("/keys", async (CreditExchange x, CancellationToken ct) =>
                TypedResults.Ok((await x.KeysAsync(ct)).Select(k => new { k.Id, k.Holder, k.Purpose, k.Prefix, k.CreatedBy, k.CreatedAtUtc, k.RevokedAtUtc, k.LastUsedAtUtc })))
            .AdminOnly("联合惩戒查询密钥", CreditPermissions.Exchange).WithSummary("查询密钥");
        admin.MapPost("/keys", async (KeyRequest r, CreditExchange x, CancellationToken ct) => TypedResults.Ok(await x.IssueAsync(r.Holder, r.Purpose, ct)))
            .AdminOnly("联合惩戒查询密钥", CreditPermissions.Exchange).WithSummary("签发查询密钥（密钥只显示这一次）");
        admin.MapPost("/keys/{id}/revocation", async (Guid id, CreditExchange x, CancellationToken ct) => { await x.RevokeKeyAsync(id, ct); return TypedResults.NoContent(); })
            .AdminOnly("联合惩戒查询密钥", CreditPermissions.Exchange).WithSummary("停用查询密钥");
        admin.MapGet("/query-log", async (CreditExchange x, CancellationToken ct) => TypedResults.Ok(await x.LogAsync(200, ct)))
            .AdminOnly("联合惩戒查询记录", CreditPermissions.Exchange).WithSummary("最近的联合惩戒查询记录");
        admin.MapGet("/exchange", async (DateOnly? from, DateOnly? to, CreditExchange x, TimeProvider clock, CancellationToken ct) =>
        {
            var today = Kernel.Calendar.ChinaTime.Today(clock);
            var csv = await x.ExchangeFileAsync(from ?? today.AddDays(-1), to ?? today.AddDays(-1), ct);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"shian-credit-{(from ?? today.AddDays(-1)):yyyyMMdd}-{(to ?? today.AddDays(-1)):yyyyMMdd}.csv");
        }).AdminOnly("信用信息推送文件（市信用数据交换平台）", CreditPermissions.Exchange).WithSummary("信用信息推送文件（CSV，格式见 docs/credit-exchange.md）");
        return app;
    }
}
