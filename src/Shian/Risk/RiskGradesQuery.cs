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
}
