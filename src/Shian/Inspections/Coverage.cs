using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;

namespace Shian.Inspections;

/// <summary>
/// Coverage per child region of a region: operating businesses, how many were inspected in the year (seed 000: 20 % a
/// year) and within the last five years (all of them), from the checklist inspections.
/// </summary>
public sealed class Coverage(ShianDb db, IBusinessDirectory directory)
{
    public sealed record Row(string RegionCode, string Name, int Businesses, int InspectedInYear, int InspectedInFiveYears)
    {
        public decimal YearShare => Businesses == 0 ? 0 : Math.Round(InspectedInYear * 100m / Businesses, 1);

        public decimal FiveYearShare => Businesses == 0 ? 0 : Math.Round(InspectedInFiveYears * 100m / Businesses, 1);
    }

    public const decimal YearTarget = 20;

    public async Task<IReadOnlyList<Row>> ForAsync(string regionCode, int year, CancellationToken ct)
    {
        await db.PlanForEachQueryAsync(ct);
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == regionCode).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var counts = children.ToDictionary(c => RegionCode.Prefix(c.Code), _ => (Businesses: 0, Ids: new List<Guid>()));
        var prefixLength = children.Count == 0 ? 0 : RegionCode.Prefix(children[0].Code).Length;
        await foreach (var b in directory.StreamAsync(regionCode, ct))
        {
            if (b.Status != BusinessStatus.Operating || prefixLength == 0 || b.RegionCode.Length < prefixLength) // 在营 only: 停业 and 注销 are not inspected
            {
                continue;
            }

            if (counts.TryGetValue(b.RegionCode[..prefixLength], out var c))
            {
                c.Businesses++;
                c.Ids.Add(b.Id);
                counts[b.RegionCode[..prefixLength]] = c;
            }
        }

        var from5 = new DateOnly(year - 4, 1, 1);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var prefix = RegionCode.Prefix(regionCode);
        var inspected = await db.InspectionRecords.AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix) && r.InspectedOn >= from5 && r.InspectedOn <= yearEnd)
            .Select(r => new { r.BusinessId, r.InspectedOn }).ToListAsync(ct);
        var inYear = inspected.Where(r => r.InspectedOn >= yearStart).Select(r => r.BusinessId).ToHashSet();
        var inFive = inspected.Select(r => r.BusinessId).ToHashSet();
        return [.. children.Select(c =>
        {
            var (businesses, ids) = counts[RegionCode.Prefix(c.Code)];
            return new Row(c.Code, c.Name, businesses, ids.Count(inYear.Contains), ids.Count(inFive.Contains));
        })];
    }
}
