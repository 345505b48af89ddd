using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Risk.Contracts;

namespace Shian.Risk;

internal sealed class RiskGradesQuery(ShianDb db) : IRiskGrades
{
    public async Task<IReadOnlyDictionary<Guid, string>> CurrentAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, string>(businessIds.Count);
        foreach (var chunk in businessIds.Chunk(1000))
        {
            foreach (var g in await db.RiskGrades.AsNoTracking().Where(g => g.Current && chunk.Contains(g.BusinessId)).Select(g => new { g.BusinessId, g.Grade }).ToListAsync(ct))
            {
                result[g.BusinessId] = g.Grade.ToString();
            }
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<Guid, GradeFrequency>> FrequenciesAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, GradeFrequency>(businessIds.Count);
        foreach (var chunk in businessIds.Chunk(1000))
        {
            foreach (var g in await db.RiskGrades.AsNoTracking().Where(g => g.Current && chunk.Contains(g.BusinessId))
                .Select(g => new { g.BusinessId, g.Grade, g.InspectionsPerYearMin, g.InspectionsPerYearMax }).ToListAsync(ct))
            {
                result[g.BusinessId] = new GradeFrequency(g.Grade.ToString(), g.InspectionsPerYearMin, g.InspectionsPerYearMax);
            }
        }

        return result;
    }
}
