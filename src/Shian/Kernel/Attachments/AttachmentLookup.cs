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
}
