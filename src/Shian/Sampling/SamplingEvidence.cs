using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Risk.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>Tells Risk how many of a business's samples failed in the last 12 months (a 复检 that conformed does not count).</summary>
internal sealed class SamplingEvidence(ShianDb db, TimeProvider clock) : IRiskEvidenceSource
{
    public async Task<IReadOnlyDictionary<Guid, RiskEvidence>> EvidenceAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct)
    {
        var since = Kernel.Calendar.ChinaTime.Today(clock).AddMonths(-12);
        var result = new Dictionary<Guid, RiskEvidence>();
        foreach (var chunk in businessIds.Chunk(1000))
        {
            var failed = await db.Samples.AsNoTracking().Where(s => chunk.Contains(s.BusinessId) && s.Verdict == SampleVerdict.NonConforming && s.SampledOn >= since)
                .GroupBy(s => s.BusinessId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var f in failed)
            {
                result[f.Key] = RiskEvidence.None with { SamplingFailures = f.Count };
            }
        }

        return result;
    }
}
