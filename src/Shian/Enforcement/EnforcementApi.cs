using Microsoft.AspNetCore.Mvc;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Enforcement;

/// <summary>/api/v1/enforcement: clues, cases and their steps, and the penalty band calculator.</summary>
internal static class EnforcementApi
{
    public sealed record ProposeRequest(bool Open, string? Reason, string? Party, bool PartyIsPerson, string? Cause, DateOnly? ViolationEndedOn, bool LifeHealthHarm,
        IReadOnlyList<string>? Officers, bool Major);

    public sealed record ApproveRequest(bool Approve, string? Opinion);

    public sealed record PauseRequest(int Days, string? Reason);

    public sealed record ExtendRequest(int Days, string? Reason, DateOnly? DiscussedOn);

    public sealed record ClueExtendRequest(string? Reason);

    public sealed record MeasureRequest(MeasureKind Kind, string? Items, DateOnly? StartedOn);

    public sealed record EndMeasureRequest(string? Outcome);

    public sealed record ReviewRequest(bool Pass, string? Opinion);

    public sealed record DateRequest(DateOnly? On);

    public sealed record StatementRequest(string? Statement, bool Waived);

    public sealed record HearingRequest(DateOnly? RequestedOn, DateOnly? HearingOn, DateOnly? NoticedOn);

    public sealed record HearingHeldRequest(DateOnly? HeldOn, string? Record);

    public sealed record DiscussionRequest(DateOnly? DiscussedOn, string? Conclusion);

    public sealed record ServeRequest(DateOnly? ServedOn, string? Method);

    public sealed record PaymentRequest(DateOnly? PaidOn, decimal? Amount);

    public sealed record CloseRequest(string? Note);

    public sealed record RevokeRequest(DateOnly? RevokedOn, string? Ground, string? Note);

    public sealed record TransferRequest(string? Grounds, string? Evidence);

    public sealed record TransferSendRequest(DateOnly? SentOn, string? Police, bool CopiedToProcuratorate);

    public sealed record PoliceDecisionRequest(string? Decision, DateOnly? DecidedOn, DateOnly? FeedbackOn);

    public sealed record FollowUpRequest(string? FollowUp, DateOnly? On);

    public sealed record EvidenceRequest(EvidenceKind? Kind, string? Description, DateOnly? CollectedOn, Guid? AttachmentId);

    public sealed record ChainNoticeRequest(IReadOnlyList<Guid>? PartnerIds, string? Facts);

    public sealed record AnswerRequest(string? Answer, DateTime? ArrivedAtUtc, Guid? AttachmentId);

    public sealed record AssistanceExtendRequest(DateOnly? To, string? Reason);

    public sealed record WithdrawRequest(string? Reason);

    public sealed record FileRequest(string? Note);

    public sealed record PlanRequest(PaymentPlanKind? Kind, string? Reason, DateOnly? ReceivedOn);

    public sealed record ScheduleLine(DateOnly? DueOn, decimal? Amount);

    public sealed record PlanDecisionRequest(bool Approve, IReadOnlyList<ScheduleLine>? Schedule, string? Opinion);

    public static IEndpointRouteBuilder MapEnforcementApi(this IEndpointRouteBuilder app)
    {
        var clues = app.MapGroup("/api/v1/enforcement/clues").WithTags("Enforcement 案件").Regulated("enforcement-clues");
        clues.MapGet("/", async (ClueStatus? status, bool? open, bool? overdue, int? p, EnforcementQueries q, CancellationToken ct) =>
        {
            var page = await q.CluesAsync(status, open == true, overdue == true, p ?? 1, ct);
            return TypedResults.Ok(new { page.Total, page.Overdue, Items = page.Rows });
        }).Requires(EnforcementPermissions.Read).WithSummary("案件线索（本辖区；未决定的按立案期限排前）");
        clues.MapGet("/{id:guid}", async (Guid id, EnforcementQueries q, CancellationToken ct) =>
        {
            var d = await q.ClueAsync(id, ct) ?? throw ShianProblemException.NotFound("enforcement.clue-not-found", "案件线索不存在或不在您的辖区");
            var c = d.Clue;
            return TypedResults.Ok(new
            {
                c.Id, c.Source, c.SourceId, c.BusinessId, c.BusinessName, c.Summary, c.FromWhom, c.RegionCode, c.FoundOn, c.DecisionDue, c.Extended, c.ExtensionReason,
                c.PausedWorkingDays, c.Status, c.ProposeOpen, c.ProposalReason, c.ProposedBy, c.ProposedOn, c.ApprovedBy, c.DecidedOn, c.CaseId,
                History = d.Entries.Select(e => new { e.AtUtc, e.Author, e.Text }),
            });
        }).Requires(EnforcementPermissions.Read).WithSummary("一条案件线索及其办理记录");
        clues.MapPost("/", async (Clues.ManualClue r, Clues s, CancellationToken ct) =>
        {
            var id = await s.AddAsync(r, ct);
            return TypedResults.Created($"/api/v1/enforcement/clues/{id}", new { id });
        }).Requires(EnforcementPermissions.Handle).WithSummary("登记移送、上级交办或执法检查发现的案件线索");
        clues.MapPost("/{id:guid}/pause", async (Guid id, PauseRequest r, Clues s, CancellationToken ct) => { await s.PauseAsync(id, r.Days, r.Reason, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("检测、检验、检疫、鉴定或复检时间不计入立案期限（工作日）");
        clues.MapPost("/{id:guid}/extend", async (Guid id, ClueExtendRequest r, Clues s, CancellationToken ct) => { await s.ExtendAsync(id, r.Reason, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Approve).WithSummary("负责人批准延长立案期限十五个工作日（一次）");
        clues.MapPost("/{id:guid}/propose", async (Guid id, ProposeRequest r, Clues s, CancellationToken ct) =>
        {
            await s.ProposeAsync(id, new Clues.Proposal(r.Open, r.Reason, r.Party, r.PartyIsPerson, r.Cause, r.ViolationEndedOn, r.LifeHealthHarm, r.Officers, r.Major), ct);
            return TypedResults.NoContent();
        }).Requires(EnforcementPermissions.Handle).WithSummary("核查后提出立案（当事人、案由、违法行为日期、两名以上办案人员）或不予立案意见");
        clues.MapPost("/{id:guid}/approve", async (Guid id, ApproveRequest r, Clues s, CancellationToken ct) =>
            TypedResults.Ok(new { caseId = await s.ApproveAsync(id, r.Approve, r.Opinion, ct) }))
            .Requires(EnforcementPermissions.Approve).WithSummary("负责人审批立案或不予立案意见（批准立案即编号并开始计算九十日办案期限）");

        var cases = app.MapGroup("/api/v1/enforcement/cases").WithTags("Enforcement 案件").Regulated("enforcement-cases");
        cases.MapGet("/", async (CaseStage? stage, bool? mine, EnforcementQueries.Awaiting? awaiting, int? p, EnforcementQueries q, CancellationToken ct) =>
        {
            var page = await q.CasesAsync(stage, mine == true, p ?? 1, ct, awaiting);
            return TypedResults.Ok(new
            {
                page.Total, page.Overdue,
                Items = page.Rows.Select(r => new
                {
                    r.Id, Number = r.Label, r.Procedure, r.Party, r.Cause, r.RegionCode, r.OpenedOn, r.Stage,
                    NextDue = r.Next.Due, NextDueLabel = r.Next.Label,
                }),
            });
        }).Requires(EnforcementPermissions.Read).WithSummary("案件（本辖区）；awaiting=Filing 待备案的当场处罚，PaymentPlan 待批准的延期、分期缴纳申请");
        cases.MapGet("/{id:guid}", async (Guid id, EnforcementQueries q, TimeProvider clock, CancellationToken ct) =>
        {
            var d = await q.CaseAsync(id, ct) ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
            var c = d.Case;
            var (principal, surcharge) = Cases.Owed(c, c.PaidOn ?? Kernel.Calendar.ChinaTime.Today(clock), d.Instalments);
            return TypedResults.Ok(new
            {
                c.Id, Number = c.Number is int n ? EnforcementHistory.CaseNumber(c.Year, n) : null, c.Procedure, c.LegalBasis, c.Place, c.CollectedOnSpot, c.ReceiptNumber,
                c.FileBy, c.FiledOn, c.FiledBy, c.ClueId, c.BusinessId, c.Party, c.PartyIsPerson, c.Cause, c.RegionCode, c.OpenedOn,
                c.ViolationEndedOn, c.LifeHealthHarm, Officers = c.Officers.Split('、'), c.Major, c.Stage, c.DecisionDue, c.ExtensionDays, c.PausedDays, c.InvestigationReport,
                c.Outcome, c.NoPenaltyGround, c.Article, c.GoodsValue, c.Fine, c.Confiscated, c.Warning, c.OtherMeasures, c.DiscretionLevel, c.DiscretionReason, c.Benchmark,
                c.ReviewedBy, c.ReviewedOn, c.ReviewOpinion, c.NoticeServedOn, c.HearingRight, c.StatementBy, c.Statement, c.Waived, c.HearingRequestedOn, c.HearingOn,
                c.HearingNoticedOn, c.HearingHeldOn, c.DiscussedOn, c.DiscussionConclusion,
                DecisionNumber = c.DecisionYear is null ? null : EnforcementHistory.DecisionNumberOf(c), c.DecidedOn, c.DecidedBy, c.ServeBy, c.ServedOn,
                c.ServiceMethod, c.PayBy, c.PaidOn, c.AmountPaid, Owed = new { principal, surcharge }, c.ClosedOn,
                Measures = d.Measures.Select(m => new { m.Id, m.Kind, m.Items, m.StartedOn, m.DueOn, m.Extended, m.EndedOn, m.Outcome }),
                History = d.Entries.Select(e => new { e.AtUtc, e.Author, e.Text }),
            });
        }).Requires(EnforcementPermissions.Read).WithSummary("一件案件及其期限、措施和办理记录");
        cases.MapPost("/{id:guid}/pause", async (Guid id, PauseRequest r, Cases s, CancellationToken ct) => { await s.PauseAsync(id, r.Days, r.Reason, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("中止、公告、检测、检验、检疫、鉴定时间不计入办案期限（日）");
        cases.MapPost("/{id:guid}/extend", async (Guid id, ExtendRequest r, Cases s, CancellationToken ct) => { await s.ExtendAsync(id, r.Days, r.Reason, r.DiscussedOn, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Approve).WithSummary("负责人批准延长办案期限（首次不超过三十日；再延长须集体讨论）");
        cases.MapPost("/{id:guid}/measures", async (Guid id, MeasureRequest r, Cases s, CancellationToken ct) =>
            TypedResults.Ok(new { id = await s.AddMeasureAsync(id, r.Kind, r.Items, r.StartedOn, ct) }))
            .Requires(EnforcementPermissions.Handle).WithSummary("先行登记保存或查封、扣押");
        cases.MapPost("/{id:guid}/measures/{measureId:guid}/extend", async (Guid id, Guid measureId, Cases s, CancellationToken ct) => { await s.ExtendMeasureAsync(id, measureId, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Approve).WithSummary("负责人批准延长查封、扣押期限三十日（一次）");
        cases.MapPost("/{id:guid}/measures/{measureId:guid}/end", async (Guid id, Guid measureId, EndMeasureRequest r, Cases s, CancellationToken ct) => { await s.EndMeasureAsync(id, measureId, r.Outcome, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("解除或处理先行登记保存、查封扣押的物品");
        cases.MapPost("/{id:guid}/submit", async (Guid id, Cases.Findings r, Cases s, CancellationToken ct) => { await s.SubmitAsync(id, r, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("调查终结，提出处理意见（罚款按法定幅度校验），提交审核");
        cases.MapPost("/{id:guid}/review", async (Guid id, ReviewRequest r, Cases s, CancellationToken ct) => { await s.ReviewAsync(id, r.Pass, r.Opinion, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Approve).WithSummary("审核（重大案件法制审核）：通过或退回补充调查");
        cases.MapPost("/{id:guid}/notify", async (Guid id, DateRequest r, Cases s, CancellationToken ct) => { await s.NotifyAsync(id, r.On, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("送达行政处罚告知书（陈述申辩、听证期限五个工作日）");
        cases.MapPost("/{id:guid}/statement", async (Guid id, StatementRequest r, Cases s, CancellationToken ct) => { await s.StatementAsync(id, r.Statement, r.Waived, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("记录当事人陈述申辩或书面放弃");
        cases.MapPost("/{id:guid}/hearing", async (Guid id, HearingRequest r, Cases s, CancellationToken ct) => { await s.HearingAsync(id, r.RequestedOn, r.HearingOn, r.NoticedOn, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("当事人要求听证并安排听证（七个工作日前通知）");
        cases.MapPost("/{id:guid}/hearing-held", async (Guid id, HearingHeldRequest r, Cases s, CancellationToken ct) => { await s.HearingHeldAsync(id, r.HeldOn, r.Record, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("记录听证（听证时间不计入办案期限）");
        cases.MapPost("/{id:guid}/discussion", async (Guid id, DiscussionRequest r, Cases s, CancellationToken ct) => { await s.DiscussAsync(id, r.DiscussedOn, r.Conclusion, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Approve).WithSummary("负责人集体讨论（重大案件）");
        cases.MapPost("/{id:guid}/decide", async (Guid id, Cases s, CancellationToken ct) => { await s.DecideAsync(id, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Approve).WithSummary("负责人作出处罚（不予处罚、撤案）决定，编文号");
        cases.MapPost("/{id:guid}/serve", async (Guid id, ServeRequest r, Cases s, CancellationToken ct) => { await s.ServeAsync(id, r.ServedOn, r.Method, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("送达决定书（缴款期限十五日）");
        cases.MapPost("/{id:guid}/payment", async (Guid id, PaymentRequest r, Cases s, CancellationToken ct) => { await s.PayAsync(id, r.PaidOn, r.Amount, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("登记缴款（逾期按日加处 3%，不超过罚款数额）");
        cases.MapPost("/{id:guid}/close", async (Guid id, CloseRequest r, Cases s, CancellationToken ct) => { await s.CloseAsync(id, r.Note, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("结案");
        cases.MapPost("/{id:guid}/revocation", async (Guid id, RevokeRequest r, Cases s, CancellationToken ct) => { await s.RevokeAsync(id, r.RevokedOn, r.Ground, r.Note, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Approve).WithSummary("登记处罚决定被撤销、变更或确认违法（公示信息随之撤下）");
        cases.MapPost("/{id:guid}/filing", async (Guid id, FileRequest r, SummaryPenalties s, CancellationToken ct) => { await s.FileAsync(id, r.Note, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Approve).WithSummary("负责人为当场处罚决定备案（作出决定的执法人员以外的人）");
        cases.MapGet("/{id:guid}/payment-plans", async (Guid id, EnforcementQueries q, PaymentPlanDesk s, CancellationToken ct) =>
        {
            _ = await q.CaseAsync(id, ct) ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
            return TypedResults.Ok((await s.OfCaseAsync(id, ct)).Select(v => new
            {
                v.Plan.Id, v.Plan.Kind, v.Plan.Reason, v.Plan.RequestedOn, v.Plan.DecideBy, v.Plan.ByParty, v.Plan.Status, v.Plan.DecidedOn, v.Plan.DecidedBy, v.Plan.Opinion,
                Schedule = v.Lines.Select(l => new { l.Seq, l.DueOn, l.Amount, l.PaidOn, l.AmountPaid }),
            }));
        }).Requires(EnforcementPermissions.Read).WithSummary("延期、分期缴纳申请及批准的缴纳安排");
        cases.MapPost("/{id:guid}/payment-plans", async (Guid id, PlanRequest r, PaymentPlanDesk s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/enforcement/cases/{id}/payment-plans", new { Id = await s.RequestAsync(id, r.Kind, r.Reason, r.ReceivedOn, ct) }))
            .Requires(EnforcementPermissions.Handle).WithSummary("登记当事人延期（Deferral）或分期（Instalments）缴纳罚款的书面申请（缴款期限届满前提出，《行政处罚法》第六十六条）");
        cases.MapPost("/{id:guid}/payment-plans/decision", async (Guid id, PlanDecisionRequest r, PaymentPlanDesk s, CancellationToken ct) =>
            {
                // A line without a date or amount stays in the schedule, refused by its part's number.
                await s.DecideAsync(id, r.Approve, r.Schedule?.Select(l => new PlanLine(l.DueOn ?? DateOnly.MinValue, l.Amount ?? -1m)).ToList(), r.Opinion, ct);
                return TypedResults.NoContent();
            })
            .Requires(EnforcementPermissions.Approve).WithSummary("负责人批准（附缴纳安排：schedule 每期 dueOn、amount，合计等于罚没款）或不予批准延期、分期缴纳");
        cases.MapGet("/{id:guid}/evidence", async (Guid id, EnforcementQueries q, Evidence s, CancellationToken ct) =>
        {
            _ = await q.CaseAsync(id, ct) ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
            return TypedResults.Ok(await s.OfCaseAsync(id, ct));
        }).Requires(EnforcementPermissions.Read).WithSummary("案件的证据（文件名、种类、取证日期、SHA-256）");
        cases.MapPost("/{id:guid}/evidence", async (Guid id, EvidenceRequest r, Evidence s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/enforcement/cases/{id}/evidence", new { Id = await s.AddAsync(id, r.Kind, r.Description, r.CollectedOn, r.AttachmentId, null, ct) }))
            .Requires(EnforcementPermissions.Handle).WithSummary("添加证据（先经 /api/v1/attachments 上传文件）；文件此后不可更改，SHA-256 记入案卷");
        cases.MapPost("/{id:guid}/evidence/{eid:guid}/verify", async (Guid id, Guid eid, Evidence s, CancellationToken ct) => TypedResults.Ok(new { Intact = await s.VerifyAsync(id, eid, ct) }))
            .Requires(EnforcementPermissions.Read).WithSummary("重新计算证据文件的 SHA-256 并与取证时的记录比对");
        cases.MapGet("/{id:guid}/documents/{kind}", async (Guid id, string kind, EnforcementQueries q, CaseDocuments docs, CancellationToken ct) =>
        {
            _ = await q.CaseAsync(id, ct) ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
            if (!kind.All(char.IsAsciiLetter) || !Enum.TryParse<CaseDocumentKind>(kind, out var k))
            {
                throw ShianProblemException.Invalid("enforcement.document-kind", "文书种类应为 Opening（立案审批表）、Interview（询问笔录）、Notice（行政处罚告知书）或 Decision（行政处罚决定书）",
                    Input.Error("kind", "文书种类"));
            }

            var (content, name) = await docs.BuildAsync(id, k, ct);
            return TypedResults.File(content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
        }).Requires(EnforcementPermissions.Read).WithSummary("案件文书（.docx）：立案审批表 Opening、询问笔录 Interview（抬头和告知事项）、行政处罚告知书 Notice、行政处罚决定书 Decision（当场处罚为当场行政处罚决定书）");
        cases.MapGet("/{id:guid}/transfers", async (Guid id, EnforcementQueries q, Transfers s, CancellationToken ct) =>
        {
            _ = await q.CaseAsync(id, ct) ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
            return TypedResults.Ok(await s.OfCaseAsync(id, ct));
        }).Requires(EnforcementPermissions.Read).WithSummary("案件的行刑衔接（移送公安机关）记录");
        cases.MapPost("/{id:guid}/transfers", async (Guid id, TransferRequest r, Transfers s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/enforcement/cases/{id}/transfers", new { Id = await s.ReportAsync(id, r.Grounds, r.Evidence, ct) }))
            .Requires(EnforcementPermissions.Handle).WithSummary("报告涉嫌犯罪，提请移送公安机关");
        cases.MapPost("/{id:guid}/transfers/{tid:guid}/decision", async (Guid id, Guid tid, ApproveRequest r, Transfers s, CancellationToken ct) => { await s.DecideAsync(id, tid, r.Approve, r.Opinion, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Approve).WithSummary("负责人审批移送（3 日内）");
        cases.MapPost("/{id:guid}/transfers/{tid:guid}/sent", async (Guid id, Guid tid, TransferSendRequest r, Transfers s, CancellationToken ct) => { await s.SendAsync(id, tid, r.SentOn, r.Police, r.CopiedToProcuratorate, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("登记移送公安机关（批准后 24 小时内，抄送检察院）");
        cases.MapPost("/{id:guid}/transfers/{tid:guid}/accepted", async (Guid id, Guid tid, DateRequest r, Transfers s, CancellationToken ct) => { await s.AcceptedAsync(id, tid, r.On, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("登记公安机关受理");
        cases.MapPost("/{id:guid}/transfers/{tid:guid}/police-decision", async (Guid id, Guid tid, PoliceDecisionRequest r, Transfers s, CancellationToken ct) => { await s.PoliceDecisionAsync(id, tid, r.Decision, r.DecidedOn, r.FeedbackOn, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("登记公安机关立案或不予立案的决定和反馈");
        cases.MapPost("/{id:guid}/transfers/{tid:guid}/follow-up", async (Guid id, Guid tid, FollowUpRequest r, Transfers s, CancellationToken ct) => { await s.FollowUpAsync(id, tid, r.FollowUp, r.On, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("不予立案后提请复议或建议检察院立案监督");
        cases.MapPost("/{id:guid}/transfers/{tid:guid}/close-case", async (Guid id, Guid tid, Transfers s, CancellationToken ct) => { await s.CloseCaseAsync(id, tid, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("公安机关立案后终结行政案件");

        cases.MapGet("/{id:guid}/assistance", async (Guid id, AssistanceDesk s, CancellationToken ct) => TypedResults.Ok((await s.OfCaseAsync(id, ct)).Select(AssistanceView)))
            .Requires(EnforcementPermissions.Read).WithSummary("案件发出的协查、警力支援请求和上下游通报，及其回复");
        cases.MapPost("/{id:guid}/assistance", async (Guid id, AssistanceDesk.Request r, AssistanceDesk s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/enforcement/assistance", new { Id = await s.RequestAsync(id, r, ct) }))
            .Requires(EnforcementPermissions.Handle).WithSummary("发出协助调查函（Investigation：其他区县，15 个工作日内回复）、部门协查（Department）或警力支援请求（PoliceSupport：24 小时内到场）");
        cases.MapPost("/{id:guid}/assistance/{assistanceId:guid}/withdraw", async (Guid id, Guid assistanceId, WithdrawRequest r, AssistanceDesk s, CancellationToken ct) =>
            { await s.WithdrawAsync(id, assistanceId, r.Reason, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("撤回未办结的协查请求");
        cases.MapGet("/{id:guid}/partners", async (Guid id, AssistanceDesk s, CancellationToken ct) =>
        {
            var (found, notified) = await s.PartnersAsync(id, ct);
            return TypedResults.Ok(new
            {
                found.Unregistered,
                Partners = found.Partners.Select(p => new { p.BusinessId, p.Name, p.RegionCode, p.Direction, p.Events, p.LastOn, Notified = notified.Contains(p.BusinessId) }),
            });
        }).Requires(EnforcementPermissions.Read).WithSummary("当事人近两年的上游供货方和下游购货方（来自追溯记录），用于违法信息上下游通报");
        cases.MapPost("/{id:guid}/chain-notices", async (Guid id, ChainNoticeRequest r, AssistanceDesk s, CancellationToken ct) =>
            TypedResults.Ok(new { Notified = await s.NotifyChainAsync(id, r.PartnerIds, r.Facts, ct) }))
            .Requires(EnforcementPermissions.Handle).WithSummary("向所选上下游经营者所在地通报违法信息（对方辖区收到案件线索，立案决定即为回复）");

        app.MapPost("/api/v1/enforcement/summary-penalties", async (SummaryPenalties.Decision r, SummaryPenalties s, CancellationToken ct) =>
        {
            var id = await s.DecideAsync(r, ct);
            return TypedResults.Created($"/api/v1/enforcement/cases/{id}", new { id });
        }).WithTags("Enforcement 案件").Regulated("enforcement-summary").Requires(EnforcementPermissions.Handle)
            .WithSummary("简易程序：登记当场作出的行政处罚决定（警告，或对个人 200 元、对单位 3000 元以下罚款；两名执法人员；当场收缴限 100 元以下或事后难以执行的）");

        var assistance = app.MapGroup("/api/v1/enforcement/assistance").WithTags("Enforcement 案件").Regulated("enforcement-assistance");
        assistance.MapGet("/", async (AssistanceDesk.Direction? direction, AssistanceStatus? status, bool? overdue, int? p, AssistanceDesk s, CancellationToken ct) =>
        {
            var page = await s.ListAsync(direction ?? AssistanceDesk.Direction.Incoming, status, overdue == true, p ?? 1, ct);
            return TypedResults.Ok(new { page.Total, page.Overdue, Items = page.Rows });
        }).Requires(EnforcementPermissions.Read).WithSummary("协查：Incoming 本辖区收到的协助调查函和上下游通报；Outgoing 本辖区案件发出的请求（未办结的按期限排前）");
        assistance.MapGet("/rates", async (int? year, AssistanceDesk s, TimeProvider clock, CancellationToken ct) =>
        {
            var (help, police) = await s.RatesAsync(year ?? Kernel.Calendar.ChinaTime.Today(clock).Year, ct);
            return TypedResults.Ok(new { Assistance = help, Police = police });
        }).Requires(EnforcementPermissions.Read).WithSummary("按区县的案件协办率（收到的协助调查函按时办结）和警力支援到位率");
        assistance.MapGet("/{id:guid}", async (Guid id, AssistanceDesk s, CancellationToken ct) =>
            (await s.FindAsync(id, ct))?.Item is { } a ? Results.Ok(AssistanceView(a))
                : throw ShianProblemException.NotFound("enforcement.assistance-not-found", "协查请求不存在或不在您的辖区"))
            .Requires(EnforcementPermissions.Read).WithSummary("一件协查请求或通报");
        assistance.MapPost("/{id:guid}/answer", async (Guid id, AnswerRequest r, AssistanceDesk s, CancellationToken ct) => { await s.AnswerAsync(id, r.Answer, r.ArrivedAtUtc, ct, r.AttachmentId); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("回复协助调查函；或登记部门协查的回复、警力到场时间（arrivedAtUtc）");
        assistance.MapGet("/{id:guid}/file", async (Guid id, AssistanceDesk s, CancellationToken ct) =>
        {
            var (content, type, name) = await s.FileAsync(id, ct);
            return TypedResults.File(content, type, name);
        }).Requires(EnforcementPermissions.Read).WithSummary("回复所附的文件（回复方和请求方案件均可下载）");
        assistance.MapPost("/{id:guid}/extend", async (Guid id, AssistanceExtendRequest r, AssistanceDesk s, CancellationToken ct) => { await s.ExtendAsync(id, r.To, r.Reason, ct); return TypedResults.NoContent(); })
            .Requires(EnforcementPermissions.Handle).WithSummary("期限届满前告知延期（一次，至多再加 15 个工作日）");

        app.MapGet("/api/v1/enforcement/penalty-band", async (PenaltyArticle article, decimal goodsValue, string? regionCode, Benchmarks benchmarks, CancellationToken ct) =>
        {
            if (goodsValue is < 0 or > 10_000_000_000m)
            {
                throw ShianProblemException.Invalid("enforcement.goods-value", "货值金额应为 0 以上的金额", new Dictionary<string, string[]> { ["goodsValue"] = ["货值金额（元）"] });
            }

            if (regionCode is not null && !Kernel.Regions.RegionCode.IsValid(regionCode))
            {
                throw ShianProblemException.Invalid("enforcement.region-invalid", "区划代码应为 12 位数字", new Dictionary<string, string[]> { ["regionCode"] = ["12 位区划代码"] });
            }

            var b = PenaltyBands.Band(article, goodsValue);
            var (from, lines) = regionCode is null ? (null, []) : await benchmarks.ForRegionAsync(regionCode, ct);
            var local = lines.Where(l => l.Article == article).Select(l => (Line: l, Range: DiscretionBenchmarks.Range(b, l)))
                .Select(x => new { x.Line.Level, x.Line.LowerPercent, x.Line.UpperPercent, Min = x.Range.Min, Max = x.Range.Max, x.Line.Circumstances, x.Line.Document });
            return TypedResults.Ok(new { b.Article, b.Citation, b.Min, b.Max, b.Basis, b.WarningFirst, BenchmarkRegion = from, Benchmark = local });
        }).WithTags("Enforcement 案件").RegionNeutral("法定罚款幅度是公开的法律规定").Requires(EnforcementPermissions.Read).WithSummary("《食品安全法》第一百二十二至一百二十六条的法定罚款幅度；给出 regionCode 时附该地适用的裁量基准各档金额");

        var benchmarks = app.MapGroup("/api/v1/enforcement/benchmarks").WithTags("Enforcement 案件");
        benchmarks.MapGet("/", async (Benchmarks s, CancellationToken ct) => TypedResults.Ok((await s.ListAsync(ct)).Select(x => new
        {
            x.RegionCode, x.Article, Citation = PenaltyBands.Citation(x.Article), x.Level, x.LowerPercent, x.UpperPercent, x.Circumstances, x.Document, x.ImportedAtUtc,
        }))).RegionNeutral("裁量基准是公开的规范性文件，各级执法机构都可查阅上级和本级的基准").Requires(EnforcementPermissions.Read).WithSummary("已导入的行政处罚裁量基准（按制定区划）");
        benchmarks.MapPost("/", async ([FromForm] string? regionCode, [FromForm] string? document, IFormFile file, Benchmarks s, CancellationToken ct) =>
        {
            if (file.Length > Benchmarks.MaxBytes)
            {
                throw ShianProblemException.Invalid("enforcement.benchmark-too-large", "文件不超过 2 MB");
            }

            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            stream.Position = 0;
            return TypedResults.Ok(new { Imported = await s.ImportAsync(regionCode, stream, file.FileName, document, ct) });
        }).DisableAntiforgery().RegionNeutral("写入时按调用者的辖区校验制定区划（只能导入本辖区的基准）").Requires(EnforcementPermissions.Benchmark)
            .WithSummary("导入（替换）本辖区的裁量基准：.xlsx 或 .csv，表头 处罚依据、裁量档次、下限比例、上限比例、适用情形、依据文件；全部通过才保存");
        benchmarks.MapDelete("/{code}", async (string code, Benchmarks s, CancellationToken ct) => TypedResults.Ok(new { Removed = await s.RemoveAsync(code, ct) }))
            .RegionNeutral("按调用者的辖区校验制定区划").Requires(EnforcementPermissions.Benchmark).WithSummary("删除本辖区的裁量基准（其案件改用上级基准或仅法定幅度）");
        return app;
    }

    private static object AssistanceView(CaseAssistance a) => new
    {
        a.Id, a.CaseId, a.CaseNumber, a.Kind, a.Addressee, a.Subject, a.SubjectBusinessId, a.Side, a.Matters, a.RequestedBy, a.RequestedAtUtc, a.RequestedOn,
        a.DueOn, a.DueAtUtc, a.ExtendedFrom, a.ExtensionReason, a.Status, a.Answer, a.AnsweredBy, a.AnsweredAtUtc, a.AnsweredOn, a.ClueId, a.AnswerFileName, a.AnswerSha256,
        OnTime = AssistanceClock.OnTime(a),
    };
}
