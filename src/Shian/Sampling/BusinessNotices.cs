using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Inbox;
using Shian.Kernel.Users;

namespace Shian.Sampling;

/// <summary>
/// Tells the sampled business what concerns it (usability finding 20): a failing conclusion, its 送达 with the 复检 deadline,
/// the 复检 and 异议 outcomes — in the inbox of the accounts bound to its USCC, linking to its own view of the sample; and
/// tells the district office what the business filed online. Added to the caller's unit of work (saved with the change).
/// </summary>
public sealed class BusinessNotices(ShianDb db, People people, Notifier notifier, DistrictRecipients recipients)
{
    public async Task ToBusinessAsync(Guid sampleId, string title, string body, CancellationToken ct)
    {
        var s = await db.Samples.AsNoTracking().Where(x => x.Id == sampleId).Select(x => new { x.BusinessUscc, x.ProductName, x.Code }).FirstAsync(ct);
        var users = await people.OfBusinessAsync(s.BusinessUscc, ct);
        notifier.Notify(users, $"{title}：{s.ProductName}（{s.Code}）", body, $"/sampling/mine/{sampleId}");
    }

    public async Task ToOfficeAsync(Guid sampleId, string title, string body, CancellationToken ct)
    {
        var s = await db.Samples.AsNoTracking().Where(x => x.Id == sampleId).Select(x => new { x.RegionCode, x.BusinessName, x.ProductName }).FirstAsync(ct);
        notifier.Notify(await recipients.ForAsync(s.RegionCode, ct), $"{title}：{s.BusinessName}", $"{s.ProductName} · {body}", $"/sampling/samples/{sampleId}#disposition");
    }
}
