using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>A sample by its code, under the region filter: another module links it (an incident's samples) without reading this module's tables.</summary>
internal sealed class SampleLookup(ShianDb db) : ISampleLookup
{
    public async Task<SampleSummary?> FindByCodeAsync(string code, CancellationToken ct)
    {
        var c = code.Trim();
        var s = await db.Samples.AsNoTracking().Where(x => x.Code == c)
            .Select(x => new { x.Id, x.Code, x.ProductName, x.BusinessName, x.SampledOn, x.Status, x.Verdict }).FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }

        var state = s.Verdict switch
        {
            SampleVerdict.Conforming => "合格",
            SampleVerdict.NonConforming => "不合格",
            SampleVerdict.Undetermined => "不判定",
            _ => s.Status switch
            {
                SampleStatus.Taken => "已抽样",
                SampleStatus.Sent => "已寄送检验机构",
                SampleStatus.Received => "检验中",
                _ => "已出具结论",
            },
        };
        return new SampleSummary(s.Id, s.Code, s.ProductName, s.BusinessName, s.SampledOn, state);
    }
}
