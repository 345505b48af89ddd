using System.Security.Claims;
using Shian.Complaints.Contracts;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Complaints;

/// <summary>/api/v1/complaints: the officers' list and record, the hotline operator's intake, and the handling steps.</summary>
internal static class ComplaintsApi
{
    public sealed record HotlineRequest(ComplaintChannel Channel, string? TicketId, ComplaintKind Kind, ComplaintCategory Category, string? Description, DateOnly? OccurredOn,
        Guid? BusinessId, string? BusinessName, string? Address, string? RegionCode, bool Anonymous, string? Name, string? Phone);

    public sealed record AcceptRequest(bool MediationConsented);

    public sealed record RefuseRequest(string? Reason, string? Note);

    public sealed record VerifyRequest(bool Substantiated, bool ViolationSuspected, string? Findings);

    public sealed record ReplyRequest(string? Reply, string? Channel);

    public sealed record MergeRequest(Guid IntoId);

    public sealed record TransferRequest(string? RegionCode, string? Reason);

    /// <summary>A complaint passed to its respondent business: what it reads (no complainant identity) and what it is asked.</summary>
    public sealed record RespondentAsk(string? Summary, string? Question);

    /// <summary>The business's answer: its proposal (Refund, Replace, Compensate, Apologise, Dispute, Other), the amount for a refund or compensation.</summary>
    public sealed record RespondentAnswer(string? Answer, string? Proposal, decimal? OfferAmount);

    private static object Dto(RespondentRequest r) => new
    {
        r.Id, r.ComplaintId, r.BusinessName, r.Summary, r.Question, r.AskedOn, r.ReplyBy, status = r.Status.ToString(), r.Answer,
        proposal = r.Proposal?.ToString(), r.OfferAmount, r.AnsweredOn, r.WithdrawnReason,
    };

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/complaints").WithTags("Complaints 投诉举报").Regulated("complaints");
        g.MapGet("/", async (string? q, ComplaintStatus? status, ComplaintKind? kind, ComplaintCategory? category, bool? overdue, int? p, ComplaintQueries queries, CancellationToken ct) =>
        {
            var page = await queries.ListAsync(new ComplaintQueries.Filter(q, status, kind, category, null, overdue == true, p ?? 1), ct);
            return TypedResults.Ok(new
            {
                page.Total, page.Overdue,
                Items = page.Rows.Select(r => new
                {
                    r.Id, TrackingCode = TrackingCodes.Display(r.TrackingCode), r.Kind, r.Channel, r.Category, r.Status, r.BusinessName, r.Address, r.RegionCode, r.ReceivedOn,
                    r.NextDue, r.NextDueLabel, r.Anonymous, Complainant = r.NameMasked, r.Handler,
                }),
            });
        }).Requires(ComplaintsPermissions.Read).WithSummary("投诉举报列表（本辖区；投诉举报人身份已遮蔽）");
        g.MapGet("/stats", async (string? regionCode, DateOnly? from, DateOnly? to, ComplaintStats stats, Shian.Data.ShianDb db,
            Microsoft.Extensions.Options.IOptions<Shian.Data.ShianOptions> shian, TimeProvider clock, CancellationToken ct) =>
        {
            var region = await Web.RegionChoices.HomeOrNullAsync(regionCode, db, shian.Value, ct)
                ?? throw ShianProblemException.NotFound("complaints.region-not-found", "区划不存在或不在您的辖区内");

            var today = Kernel.Calendar.ChinaTime.Today(clock);
            var (f, t) = (from ?? new DateOnly(today.Year, 1, 1), to ?? today);
            if (f > t)
            {
                throw ShianProblemException.Invalid("complaints.period", "统计期间有误", new Dictionary<string, string[]> { ["from"] = ["起始日期不能晚于截止日期"] });
            }

            return TypedResults.Ok(await stats.ForAsync(region, f, t, ct));
        }).Requires(ComplaintsPermissions.Read).WithSummary("投诉举报统计：按渠道、类别、区划（下钻）、经营者；各时限按时率；满意度");
        g.MapGet("/{id:guid}", async (Guid id, ComplaintQueries queries, CancellationToken ct) =>
        {
            var d = await queries.DetailAsync(id, ct) ?? throw ShianProblemException.NotFound("complaints.not-found", "投诉举报不存在或不在您的辖区");
            var c = d.Complaint;
            return TypedResults.Ok(new
            {
                c.Id, TrackingCode = TrackingCodes.Display(c.TrackingCode), c.Kind, c.Channel, c.TicketId, c.Category, c.Status, c.Description, c.OccurredOn, c.BusinessId,
                c.BusinessName, c.Address, c.Latitude, c.Longitude, c.RegionCode, c.ReceivedOn, c.AcceptBy, c.LocalReplyBy, c.AcceptedOn, c.RefusalReason,
                c.MediationConsented, c.MediationEndsBy, c.PausedWorkingDays, c.Mediation, c.AmountRecovered, c.VerifyBy, c.VerifyExtended, c.Substantiated, c.VerifiedOn,
                c.ClueRaisedOn, c.CaseOpened, c.ReporterToldBy, c.Reply, c.ReplyChannel, c.RepliedOn, c.ClosedOn, c.Satisfaction, c.SatisfactionComment, c.Anonymous,
                c.Insider, Complainant = c.NameMasked, Phone = c.PhoneMasked, c.Handler, Photos = d.PhotoIds, c.IncidentId,
                History = d.Entries.Select(e => new { e.AtUtc, e.Kind, e.Author, e.Text, e.Public }),
                PossibleDuplicates = d.PossibleDuplicates.Select(x => x.Id),
            });
        }).Requires(ComplaintsPermissions.Read).WithSummary("一件投诉举报（含办理记录；身份已遮蔽）");
        g.MapPost("/", async (HotlineRequest r, Intake intake, CancellationToken ct) =>
        {
            if (r.Channel is not (ComplaintChannel.Hotline12315 or ComplaintChannel.Hotline12345 or ComplaintChannel.Hotline12331 or ComplaintChannel.Counter))
            {
                throw ShianProblemException.Invalid("complaints.channel", "登记渠道应为热线或窗口", new Dictionary<string, string[]> { ["channel"] = ["应为 Hotline12315、Hotline12345、Hotline12331 或 Counter"] });
            }

            var receipt = await intake.FileAsync(r.Channel, new Intake.Filing(r.Kind, r.Category, r.Description, r.OccurredOn, r.BusinessId, r.BusinessName, r.Address, null, null,
                r.RegionCode, r.Anonymous, r.Name, r.Phone, r.TicketId), ct);
            return TypedResults.Created($"/api/v1/complaints/{receipt.Id}", new { receipt.Id, TrackingCode = TrackingCodes.Display(receipt.TrackingCode), receipt.FollowUpKey, receipt.AcceptBy });
        }).Requires(ComplaintsPermissions.Intake).WithSummary("登记热线或窗口来电（本辖区）");
        g.MapPost("/{id:guid}/reveal", async (Guid id, Handling handling, CancellationToken ct) =>
        {
            var (name, phone) = await handling.RevealAsync(id, ct);
            return TypedResults.Ok(new { name, phone });
        }).Requires(ComplaintsPermissions.Reveal).WithSummary("查看投诉举报人姓名与电话（记入审计）");
        g.MapPost("/{id:guid}/accept", async (Guid id, AcceptRequest? r, Handling handling, CancellationToken ct) =>
        {
            await handling.AcceptAsync(id, r?.MediationConsented == true, ct);
            return TypedResults.NoContent();
        }).Requires(ComplaintsPermissions.Handle).WithSummary("受理（投诉可注明双方同意调解）/ 开始核查（举报）");
        g.MapPost("/{id:guid}/refuse", async (Guid id, RefuseRequest r, Handling handling, CancellationToken ct) =>
        {
            await handling.RefuseAsync(id, r.Reason, r.Note, ct);
            return TypedResults.NoContent();
        }).Requires(ComplaintsPermissions.Handle).WithSummary("不予受理（第十五条所列理由之一）");
        g.MapPost("/{id:guid}/verify", async (Guid id, VerifyRequest r, Handling handling, CancellationToken ct) =>
        {
            await handling.VerifyAsync(id, r.Substantiated, r.ViolationSuspected, r.Findings, ct);
            return TypedResults.NoContent();
        }).Requires(ComplaintsPermissions.Handle).WithSummary("核查结果；查实的计入风险，涉嫌违法的移送案件线索");
        g.MapPost("/{id:guid}/reply", async (Guid id, ReplyRequest r, Handling handling, CancellationToken ct) =>
        {
            await handling.ReplyAsync(id, r.Reply, r.Channel, ct);
            return TypedResults.NoContent();
        }).Requires(ComplaintsPermissions.Handle).WithSummary("答复投诉举报人");
        g.MapPost("/{id:guid}/merge", async (Guid id, MergeRequest r, Handling handling, CancellationToken ct) =>
        {
            await handling.MergeAsync(id, r.IntoId, ct);
            return TypedResults.NoContent();
        }).Requires(ComplaintsPermissions.Handle).WithSummary("合并重复件");
        g.MapPost("/{id:guid}/transfer", async (Guid id, TransferRequest r, Handling handling, CancellationToken ct) =>
        {
            await handling.TransferAsync(id, r.RegionCode, r.Reason, ct);
            return TypedResults.NoContent();
        }).Requires(ComplaintsPermissions.Handle).WithSummary("移送有管辖权的部门");
        g.MapPost("/{id:guid}/close", async (Guid id, Handling handling, CancellationToken ct) =>
        {
            await handling.CloseAsync(id, ct);
            return TypedResults.NoContent();
        }).Requires(ComplaintsPermissions.Handle).WithSummary("办结（合并到本件的一并办结）");
        g.MapGet("/{id:guid}/respondent-requests", async (Guid id, RespondentDesk desk, CancellationToken ct) =>
            TypedResults.Ok((await desk.OfComplaintAsync(id, ct)).Select(Dto))).Requires(ComplaintsPermissions.Read).WithSummary("转被投诉经营者答复的事项及其答复");
        g.MapPost("/{id:guid}/respondent-requests", async (Guid id, RespondentAsk r, RespondentDesk desk, CancellationToken ct) =>
        {
            var made = await desk.AskAsync(id, r.Summary, r.Question, ct);
            return TypedResults.Created($"/api/v1/complaints/{id}/respondent-requests", Dto(made));
        }).Requires(ComplaintsPermissions.Handle).WithSummary("转被投诉经营者答复（仅调解中的投诉；摘要不得含投诉人姓名、电话）");

        // The respondent business's own requests (its account's USCC through the region filter).
        var mine = app.MapGroup("/api/v1/complaints/mine").WithTags("Complaints 投诉举报").Regulated("complaint-respondents");
        mine.MapGet("/requests", async (ClaimsPrincipal user, RespondentDesk desk, CancellationToken ct) =>
            TypedResults.Ok((await desk.MineAsync(user.FindFirstValue(Kernel.Users.ShianClaims.Uscc) ?? "", ct)).Select(Dto)))
            .Requires(ComplaintsPermissions.Own).WithSummary("经营者：转给本企业答复的消费者投诉（不含投诉人身份）");
        mine.MapPost("/requests/{id:guid}/answer", async (Guid id, RespondentAnswer r, RespondentDesk desk, CancellationToken ct) =>
        {
            var p = RespondentDesk.ParseProposal(r.Proposal);
            await desk.AnswerAsync(id, r.Answer, p, r.OfferAmount, ct);
            return TypedResults.NoContent();
        }).Requires(ComplaintsPermissions.Own).WithSummary("经营者：答复转来的投诉（说明情况和处理意见，一次）");
        return app;
    }
}
