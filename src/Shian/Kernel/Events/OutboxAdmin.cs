using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Kernel.Events;

/// <summary>What administrators see of event delivery (page <c>/admin/events</c>, API <c>/api/v1/admin/events</c>).</summary>
public sealed class OutboxAdmin(ShianDb db, TimeProvider clock)
{
    public sealed record Row(Guid DeliveryId, Guid EventId, string EventType, string Handler, DeliveryStatus Status, int Attempts,
        DateTime RaisedAtUtc, string RaisedBy, DateTime NextAttemptAtUtc, string? LastError, DateTime? DoneAtUtc, string Payload);

    public sealed record Summary(int Pending, int Failed, int Done, int Retrying);

    public async Task<Summary> SummaryAsync(CancellationToken ct)
    {
        var counts = await db.Set<OutboxDelivery>().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var retrying = await db.Set<OutboxDelivery>().CountAsync(d => d.Status == DeliveryStatus.Pending && d.Attempts > 0, ct);
        int Of(DeliveryStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new Summary(Of(DeliveryStatus.Pending), Of(DeliveryStatus.Failed), Of(DeliveryStatus.Done), retrying);
    }

    /// <summary>Deliveries newest first; by status, or those that failed at least once when <paramref name="troubled"/>.</summary>
    public async Task<IReadOnlyList<Row>> ListAsync(DeliveryStatus? status, bool troubled, int take, CancellationToken ct)
    {
        var q = db.Set<OutboxDelivery>().AsNoTracking().AsQueryable();
        if (status is { } s)
        {
            q = q.Where(d => d.Status == s);
        }

        if (troubled)
        {
            q = q.Where(d => d.LastError != null);
        }

        var rows = await q.Join(db.Set<OutboxEvent>(), d => d.EventId, e => e.Id, (d, e) => new { d, e })
            .OrderByDescending(x => x.e.RaisedAtUtc).ThenBy(x => x.d.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return [.. rows.Select(x => new Row(x.d.Id, x.e.Id, x.e.Type, x.d.Handler, x.d.Status, x.d.Attempts, x.e.RaisedAtUtc, x.e.RaisedBy,
            x.d.NextAttemptAtUtc, x.d.LastError, x.d.DoneAtUtc, x.e.Payload))];
    }

    /// <summary>Puts a failed delivery back in the queue for the background dispatcher (audited as a change of the system).</summary>
    public async Task RetryAsync(Guid deliveryId, CancellationToken ct)
    {
        var d = await db.Set<OutboxDelivery>().FirstOrDefaultAsync(x => x.Id == deliveryId, ct) ?? throw ShianProblemException.NotFound("events.delivery-not-found", "事件投递记录不存在");
        if (d.Status != DeliveryStatus.Failed)
        {
            throw new ShianProblemException(StatusCodes.Status409Conflict, "events.not-failed", "只能重试失败的投递", "该投递尚未失败或已完成。");
        }

        d.Status = DeliveryStatus.Pending;
        d.Attempts = 0;
        d.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime;
        d.LockedBy = null;
        d.LockedUntilUtc = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Short event type name for display: "Shian.Registry.Contracts.BusinessChanged, Shian" → "Registry.BusinessChanged".</summary>
    public static string ShortType(string type)
    {
        var name = type.Split(',')[0];
        var parts = name.Split('.');
        return parts.Length >= 4 && parts[0] == "Shian" ? $"{parts[1]}.{parts[^1]}" : parts[^1];
    }
}

internal static class OutboxAdminApi
{
    public static IEndpointRouteBuilder MapOutboxAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/events").WithTags("Admin 管理").AdminOnly("领域事件投递状态，仅系统管理员", KernelPermissions.AdminOperations);
        group.MapGet("/", async (OutboxAdmin admin, DeliveryStatus? status, bool? troubled, int? take, CancellationToken ct) =>
            TypedResults.Ok(new { summary = await admin.SummaryAsync(ct), deliveries = await admin.ListAsync(status, troubled == true, take ?? 100, ct) }))
            .WithSummary("领域事件的投递情况（待投递、失败、已完成），失败的列出错误");
        group.MapPost("/deliveries/{deliveryId:guid}/retry", async (Guid deliveryId, OutboxAdmin admin, CancellationToken ct) =>
        {
            await admin.RetryAsync(deliveryId, ct);
            return TypedResults.NoContent();
        }).WithSummary("重新投递一条失败的事件");
        return app;
    }
}
