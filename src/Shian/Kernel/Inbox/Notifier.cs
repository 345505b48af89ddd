using Shian.Data;

namespace Shian.Kernel.Inbox;

/// <summary>
/// Adds notifications to the caller's unit of work: they are saved with the change that caused them, by the
/// caller's one SaveChangesAsync.
/// </summary>
public sealed class Notifier(ShianDb db, TimeProvider clock)
{
    public void Notify(IEnumerable<string> userIds, string title, string? body = null, string? link = null)
    {
        if (link is not null && !link.StartsWith('/'))
        {
            throw new ArgumentException("A notification link must be a relative path inside Shian", nameof(link));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(userIds.Distinct().Select(u => new Notification { UserId = u, Title = title, Body = body, Link = link, CreatedAtUtc = now }));
    }
}

/// <summary>A user's own inbox: marking one of their messages read (the API and the 工作台 share it).</summary>
public sealed class InboxReader(ShianDb db, TimeProvider clock)
{
    /// <summary>False when the message does not exist or is someone else's (callers answer 404).</summary>
    public async Task<bool> MarkReadAsync(string userId, Guid id, CancellationToken ct)
    {
        var n = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Notifications, x => x.Id == id && x.UserId == userId, ct);
        if (n is null)
        {
            return false;
        }

        n.ReadAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
