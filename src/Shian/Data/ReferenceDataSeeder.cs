using Microsoft.EntityFrameworkCore;
using Shian.Kernel.Calendar;
using Shian.Kernel.Reference;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;

namespace Shian.Data;

/// <summary>
/// Loads the shipped reference data (regions, populations, holiday calendar, unit catalogue) into an empty
/// or older database. Only missing rows are added: what an administrator changed or entered is never
/// overwritten. One transaction.
/// </summary>
internal sealed partial class ReferenceDataSeeder(ShianDb db, TimeProvider clock, ILogger<ReferenceDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var regions = RegionReference.LoadRegions();
        var existingRegions = await db.Regions.Select(r => r.Code).ToHashSetAsync(ct);
        var newRegions = regions.Where(r => !existingRegions.Contains(r.Code)).ToList();
        db.Regions.AddRange(newRegions);

        var existingFigures = await db.PopulationFigures.Select(p => new { p.RegionCode, p.Year }).ToListAsync(ct);
        var figureKeys = existingFigures.Select(f => (f.RegionCode, f.Year)).ToHashSet();
        db.PopulationFigures.AddRange(RegionReference.LoadPopulations().Where(p => !figureKeys.Contains((p.RegionCode, p.Year))));

        using (var reader = ReferenceFiles.Open(ReferenceFiles.Holidays))
        {
            var parsed = HolidayCsv.Parse(reader);
            if (parsed.Errors.Count > 0)
            {
                throw new InvalidDataException("holidays-cn.csv: " + string.Join("; ", parsed.Errors));
            }

            var existingDays = await db.CalendarDays.Select(d => d.Date).ToHashSetAsync(ct);
            var existingYears = await db.CalendarYears.Select(y => y.Year).ToHashSetAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var yearRows in parsed.Rows.GroupBy(r => r.Date.Year))
            {
                if (existingYears.Contains(yearRows.Key))
                {
                    continue; // an administrator's import of that year wins
                }

                db.CalendarYears.Add(new CalendarYear { Year = yearRows.Key, Notice = yearRows.Last().Source, ImportedAtUtc = now });
                db.CalendarDays.AddRange(yearRows.Where(r => !existingDays.Contains(r.Date))
                    .Select(r => new CalendarDay { Date = r.Date, Kind = r.Kind, Name = r.Name, Source = r.Source }));
            }
        }

        var allRegions = existingRegions.Count == 0 ? regions : [.. await db.Regions.AsNoTracking().ToListAsync(ct), .. newRegions];
        var catalogue = UnitReference.Load(new RegionTree(allRegions));
        var unitKeys = await db.Units.Select(u => u.Key).ToHashSetAsync(ct);
        db.Units.AddRange(catalogue.Units.Where(u => !unitKeys.Contains(u.Key)));
        var aliasKeys = (await db.UnitAliases.Select(a => new { a.UnitKey, a.Alias }).ToListAsync(ct)).Select(a => (a.UnitKey, a.Alias)).ToHashSet();
        db.UnitAliases.AddRange(catalogue.Aliases.Where(a => aliasKeys.Add((a.UnitKey, a.Alias))));
        var groupKeys = await db.UnitGroups.Select(g => g.Key).ToHashSetAsync(ct);
        db.UnitGroups.AddRange(catalogue.Groups.Where(g => !groupKeys.Contains(g.Key)));
        db.UnitGroupMembers.AddRange(catalogue.Members.Where(m => !groupKeys.Contains(m.GroupKey)));

        var added = await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            LogSeeded(logger, added);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data loaded: {Rows} rows added")]
    private static partial void LogSeeded(ILogger logger, int rows);
}
