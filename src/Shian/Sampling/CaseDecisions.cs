using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;

namespace Shian.Sampling;

/// <summary>
/// Records on a failed sample's 核查处置 what enforcement decided on its case clue (the durable <see cref="CaseClueDecided"/>), so
/// the disposition's 立案 step shows the decision and the case number instead of "待立案决定" (it was recorded by hand before).
/// Handlers run as the system (the outbox dispatcher), whose scope the region filter does not narrow.
/// </summary>
internal sealed class CaseDecisions(ShianDb db) : Kernel.Events.IDomainEventHandler<CaseClueDecided>
{
    public async Task HandleAsync(CaseClueDecided e, CancellationToken ct)
    {
        if (e.Source != CaseClueSource.Sampling || e.SourceId is not Guid sampleId
            || await db.Dispositions.FirstOrDefaultAsync(d => d.SampleId == sampleId, ct) is not { } d || d.CaseDecidedOn is not null)
        {
            return;
        }

        d.CaseDecidedOn = e.DecidedOn;
        // An on-the-spot penalty (the number 当罚〔年〕N 号) settles the clue as a case would.
        d.CaseOpened = e.Opened || e.Summary;
        d.CaseNumber = e.CaseNumber is { Length: > 40 } n ? n[..40] : e.CaseNumber;
        await db.SaveChangesAsync(ct);
    }
}
