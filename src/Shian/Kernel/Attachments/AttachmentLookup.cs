using Microsoft.EntityFrameworkCore;
using Shian.Data;

namespace Shian.Kernel.Attachments;

public static class AttachmentLookup
{
    /// <summary>
    /// Which of the ids name an attachment the caller may use as evidence: one it can see (region filter) or one added
    /// to this unit of work (uploaded with the same form, not saved yet).
    /// </summary>
    public static async Task<HashSet<Guid>> UsableAsync(this ShianDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = (await db.Attachments.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        found.UnionWith(db.Attachments.Local.Where(a => ids.Contains(a.Id)).Select(a => a.Id));
        return found;
    }

    /// <summary>
    /// Marks the attachments as used by a record being saved in this unit of work (call after validating, before the
    /// one SaveChangesAsync): they become immutable evidence (<see cref="Attachment.AttachedAtUtc"/>).
    /// </summary>
    public static async Task AttachAsync(this ShianDb db, IReadOnlyCollection<Guid> ids, DateTime nowUtc, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var rows = await db.Attachments.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        foreach (var a in rows.Concat(db.Attachments.Local.Where(a => ids.Contains(a.Id))).Distinct().Where(a => a.AttachedAtUtc is null))
        {
            a.AttachedAtUtc = nowUtc;
        }
    }
}
