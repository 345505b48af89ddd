using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Kernel.Inbox;

/// <summary>The signed-in user's own inbox; every query is by the caller's user id, never by a parameter.</summary>
internal static class InboxApi
{
    public sealed record NotificationDto(Guid Id, string Title, string? Body, string? Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc);

    public sealed record UnreadDto(int Unread);

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/inbox").WithTags("Inbox 消息").UserOwned("inbox").Requires(KernelPermissions.Own);

        group.MapGet("/", async (bool? unreadOnly, ShianDb db, CancellationToken ct) =>
        {
            var userId = RequireUser(db);
            var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
            if (unreadOnly == true)
            {
                query = query.Where(n => n.ReadAtUtc == null);
            }

            var rows = await query.OrderByDescending(n => n.CreatedAtUtc).Take(100).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(n => new NotificationDto(n.Id, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc)).ToList());
        });

        group.MapGet("/unread-count", async (ShianDb db, CancellationToken ct) =>
        {
            var userId = RequireUser(db);
            return TypedResults.Ok(new UnreadDto(await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct)));
        });

        group.MapPost("/{id:guid}/read", async (Guid id, ShianDb db, InboxReader inbox, CancellationToken ct) =>
            await inbox.MarkReadAsync(RequireUser(db), id, ct)
                ? TypedResults.NoContent()
                : throw ShianProblemException.NotFound("inbox.not-found", "消息不存在"));

        return app;
    }

    private static string RequireUser(ShianDb db) =>
        db.Request.UserId ?? throw new ShianProblemException(StatusCodes.Status401Unauthorized, "auth.required", "请先登录", "请先登录。");
}
