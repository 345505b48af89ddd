using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Traceability.Contracts;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>/api/v1/recalls, /api/v1/recall-tasks and the public recalls and lots: the recall workflow over HTTP.</summary>
internal static class RecallsApi
{
    private const string Tag = "Recall 召回";

    public sealed record GradeRequest(RecallLevel? Level, string? Reason);

    public sealed record ReasonRequest(string? Reason);

    public sealed record SummaryRequest(string? Summary);

    public sealed record ExtendRequest(DateOnly? Until, string? Reason);

    public sealed record TaskDoneRequest(decimal? Recovered, string? Note);

    public static IEndpointRouteBuilder MapRecallsApi(this IEndpointRouteBuilder app)
    {
        var recalls = app.MapGroup("/api/v1/recalls").WithTags(Tag).Regulated("recalls");
        recalls.MapGet("/", async (string? status, ShianDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var q = db.Recalls.AsNoTracking();
            if (status is { Length: > 0 })
            {
                q = Enum.TryParse<RecallStatus>(status, true, out var s) && Enum.IsDefined(s) ? q.Where(r => r.Status == s)
                    : throw ShianProblemException.Invalid("recall.query", $"status 只能是 {string.Join("、", Enum.GetNames<RecallStatus>())}");
            }

            var rows = await q.OrderByDescending(r => r.CreatedAtUtc).Take(200).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(r => Summary(r, clock)));
        }).Requires(TraceabilityPermissions.Read).WithSummary("召回（本辖区或本企业，最新 200 条；status 筛选）");
        recalls.MapGet("/{id:guid}", async (Guid id, Recalls service, ShianDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var r = await service.FindAsync(id, ct);
            var progress = await db.RecallProgress.AsNoTracking().Where(p => p.RecallId == id).OrderBy(p => p.On).ThenBy(p => p.AtUtc).ToListAsync(ct);
            var tasks = await service.TasksOfAsync(r, ct);
            return TypedResults.Ok(new
            {
                recall = Summary(r, clock), r.Reason, r.Notice, r.Summary, r.ExtensionReason, r.DismissReason, r.SampleId, r.SampleCode, r.ProductionDate,
                progress = progress.Select(p => new { p.On, p.Recovered, p.Destroyed, p.Note, p.By }),
                tasks = tasks.Select(t => new { t.Id, t.RegionCode, t.Parties, t.Quantity, t.Unit, t.Status, t.Recovered, t.Note, t.DoneOn }),
            });
        }).Requires(TraceabilityPermissions.Read).WithSummary("一个召回：级别、期限、进度、下游核查任务");
        recalls.MapGet("/{id:guid}/scope", async (Guid id, Recalls service, CancellationToken ct) =>
        {
            var scope = await service.ScopeAsync(await service.FindAsync(id, ct), ct);
            return scope is null
                ? throw ShianProblemException.Conflict("recall.no-lot", "该召回没有商品条码和批号，无法从追溯数据计算召回范围")
                : TypedResults.Ok(new { scope.Truncated, scope.ShippedByRecaller, scope.Parties, events = scope.Rows });
        }).Requires(TraceabilityPermissions.RecallSupervise).WithSummary("召回范围：按批次正向追溯得到的全部下游单位与数量、每个事件的关键数据（跨辖区，仅监管人员）");
        recalls.MapGet("/{id:guid}/scope.xlsx", (Guid id, string? sort, Recalls service, CancellationToken ct) => ExportAsync(id, sort, xlsx: true, service, ct))
            .Requires(TraceabilityPermissions.RecallSupervise).WithSummary("召回范围导出（.xlsx；sort = time、region、to、step、quantity）");
        recalls.MapGet("/{id:guid}/scope.csv", (Guid id, string? sort, Recalls service, CancellationToken ct) => ExportAsync(id, sort, xlsx: false, service, ct))
            .Requires(TraceabilityPermissions.RecallSupervise).WithSummary("召回范围导出（.csv，UTF-8；sort 同上）");

        recalls.MapPost("/", async (Recalls.OpenRequest body, Recalls service, TimeProvider clock, CancellationToken ct) =>
        {
            var r = await service.OpenAsync(body, ct);
            return TypedResults.Created($"/api/v1/recalls/{r.Id}", Summary(r, clock));
        }).Requires(TraceabilityPermissions.RecallAct).WithSummary("启动召回：企业主动召回（本企业）或监管人员责令召回（businessId，本辖区）；级别决定 24/48/72 小时的启动期限");
        recalls.MapPost("/{id:guid}/grade", async (Guid id, GradeRequest body, Recalls service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(Summary(await service.GradeAsync(id, body.Level, body.Reason, ct), clock)))
            .Requires(TraceabilityPermissions.RecallSupervise).WithSummary("确定抽检不合格提出的召回的级别（责令召回，启动期限从现在起算）");
        recalls.MapPost("/{id:guid}/dismiss", async (Guid id, ReasonRequest body, Recalls service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(Summary(await service.DismissAsync(id, body.Reason, ct), clock)))
            .Requires(TraceabilityPermissions.RecallSupervise).WithSummary("不予召回（说明理由）");
        recalls.MapPost("/{id:guid}/start", async (Guid id, Recalls.StartRequest body, Recalls service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(Summary(await service.StartAsync(id, body, ct), clock)))
            .Requires(TraceabilityPermissions.RecallAct).WithSummary("发布召回公告：召回开始，完成期限（10/20/30 个工作日）起算，下游单位所在辖区收到核查任务");
        recalls.MapPost("/{id:guid}/progress", async (Guid id, Recalls.ProgressRequest body, Recalls service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(Summary(await service.ProgressAsync(id, body, ct), clock)))
            .Requires(TraceabilityPermissions.RecallAct).WithSummary("报告召回进度：本次召回、销毁的数量");
        recalls.MapPost("/{id:guid}/complete", async (Guid id, SummaryRequest body, Recalls service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(Summary(await service.CompleteAsync(id, body.Summary, ct), clock)))
            .Requires(TraceabilityPermissions.RecallAct).WithSummary("报告召回完成（召回总结报告）");
        recalls.MapPost("/{id:guid}/close", async (Guid id, Recalls service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(Summary(await service.CloseAsync(id, ct), clock)))
            .Requires(TraceabilityPermissions.RecallSupervise).WithSummary("核查后结束召回");
        recalls.MapPost("/{id:guid}/extend", async (Guid id, ExtendRequest body, Recalls service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(Summary(await service.ExtendAsync(id, body.Until, body.Reason, ct), clock)))
            .Requires(TraceabilityPermissions.RecallSupervise).WithSummary("同意延长召回期限");
        recalls.MapPost("/{id:guid}/publish", async (Guid id, Recalls service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(Summary(await service.PublishAsync(id, ct), clock)))
            .Requires(TraceabilityPermissions.RecallSupervise).WithSummary("在公众网站公布召回");
        recalls.MapPost("/{id:guid}/refuse", async (Guid id, Recalls service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(Summary(await service.RefuseAsync(id, ct), clock)))
            .Requires(TraceabilityPermissions.RecallSupervise).WithSummary("认定拒不召回（超过启动或完成期限），移送执法（案件线索）");

        var tasks = app.MapGroup("/api/v1/recall-tasks").WithTags(Tag).Regulated("recall-tasks");
        tasks.MapGet("/", async (ShianDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.RecallTasks.AsNoTracking().OrderBy(t => t.Status).ThenByDescending(t => t.RecallNumber).Take(200).ToListAsync(ct)))
            .Requires(TraceabilityPermissions.RecallSupervise).WithSummary("本辖区的召回核查任务");
        tasks.MapPost("/{id:guid}/done", async (Guid id, TaskDoneRequest body, Recalls service, CancellationToken ct) =>
            TypedResults.Ok(await service.TaskDoneAsync(id, body.Recovered, body.Note, ct)))
            .Requires(TraceabilityPermissions.RecallSupervise).WithSummary("完成召回核查任务（下游单位下架、退回情况）");

        var open = app.MapGroup("/api/v1/public").WithTags("Public 公开").AllowAnonymous();
        open.MapGet("/recalls", async (PublicTrace service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok((await service.PublishedAsync(100, ct)).Select(r => PublicRecall(r))))
            .RegionNeutral("已公布的召回公告面向社会公开").WithSummary("已公布的食品召回");
        open.MapGet("/recalls/{id:guid}", async (Guid id, PublicTrace service, CancellationToken ct) =>
            await service.PublishedOneAsync(id, ct) is { } r ? TypedResults.Ok(PublicRecall(r)) : throw ShianProblemException.NotFound("recall.not-found", "召回公告不存在"))
            .RegionNeutral("已公布的召回公告面向社会公开").WithSummary("一个已公布的食品召回");
        open.MapGet("/lots/{gtin}/{lot}", async (string gtin, string lot, PublicTrace service, CancellationToken ct) =>
        {
            var g = Kernel.Identifiers.Gtin.Normalize(gtin) ?? throw ShianProblemException.Invalid("trace.gtin", "商品条码不是有效的 GTIN（8、12、13 或 14 位数字，末位校验码正确）");
            var view = await service.LotAsync(g, Uri.UnescapeDataString(lot), ct);
            return TypedResults.Ok(new
            {
                view.Gtin, view.Lot, view.Product, steps = view.Steps, tests = view.Tests, recalls = view.Recalls.Select(r => PublicRecall(r)),
            });
        }).RegionNeutral("追溯码：批次的来源、加工环节、已公布的检验结果和召回，消费者扫码查看").WithSummary("消费者追溯码：一个批次（GTIN + 批号）的来源、环节、检验与召回");
        return app;
    }

    private static object Summary(Recall r, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        return new
        {
            r.Id, r.Number, r.RegionCode, r.BusinessId, r.BusinessName, r.Trigger, triggerLabel = RecallClock.Label(r.Trigger), r.Status, statusLabel = RecallClock.Label(r.Status),
            r.ProductName, r.Gtin, r.Lot, r.Level, levelLabel = r.Level is RecallLevel l ? RecallClock.Label(l) : null, r.KnownAtUtc, r.StartDueAtUtc,
            startOverdue = r.Status == RecallStatus.Pending && r.StartDueAtUtc < now, r.NoticeOn, r.CompleteDue,
            completeOverdue = r.Status == RecallStatus.Underway && r.CompleteDue < today, r.QuantityToRecall, r.Unit, r.Recovered, r.Destroyed,
            recallRate = RecallClock.Rate(r.Recovered, r.QuantityToRecall), r.CompletedOn, r.ClosedOn, r.PublishedOn, r.RefusedOn,
        };
    }

    private static object PublicRecall(Recall r) => new
    {
        r.Id, r.Number, r.BusinessName, r.ProductName, r.Gtin, r.Lot, r.ProductionDate, level = r.Level is RecallLevel l ? RecallClock.Label(l) : null, r.Reason, r.Notice,
        r.NoticeOn, r.CompleteDue, status = RecallClock.Label(r.Status), r.PublishedOn,
    };

    private static async Task<IResult> ExportAsync(Guid id, string? sort, bool xlsx, Recalls service, CancellationToken ct)
    {
        var recall = await service.FindAsync(id, ct);
        var scope = await service.ScopeAsync(recall, ct) ?? throw ShianProblemException.Conflict("recall.no-lot", "该召回没有商品条码和批号，无法从追溯数据计算召回范围");
        var rows = RecallExport.Sorted(scope.Rows, sort).ToList();
        var ms = new MemoryStream();
        if (xlsx)
        {
            RecallExport.WriteXlsx(ms, rows);
        }
        else
        {
            await RecallExport.WriteCsvAsync(ms, rows, ct);
        }

        ms.Position = 0;
        return TypedResults.File(ms, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            $"{recall.Number}-召回范围.{(xlsx ? "xlsx" : "csv")}");
    }
}
