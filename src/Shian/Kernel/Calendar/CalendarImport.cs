using Microsoft.EntityFrameworkCore;
using Shian.Data;

namespace Shian.Kernel.Calendar;

/// <summary>
/// An administrator's import of a year's State Council holiday notice: validate every row first, then replace
/// that year's rows in one transaction and reload the calendar, so that provisional deadlines become final.
/// </summary>
public sealed class CalendarImport(ShianDb db, WorkingDayCalendarProvider provider, Events.DomainEvents events, TimeProvider clock)
{
    public sealed record Outcome(bool Succeeded, IReadOnlyList<string> Errors, int Rows);

    public async Task<Outcome> ImportYearAsync(int year, string notice, TextReader csv, CancellationToken ct)
    {
        var parsed = HolidayCsv.Parse(csv);
        var errors = parsed.Errors.ToList();
        if (string.IsNullOrWhiteSpace(notice))
        {
            errors.Add("请填写通知文号（例如 国办发明电〔2026〕x号）");
        }

        var outside = parsed.Rows.Where(r => r.Date.Year != year && !(r.Date.Year == year - 1 && r.Date.Month == 12)).ToList();
        errors.AddRange(outside.Select(r => $"日期 {r.Date:yyyy-MM-dd} 不属于 {year} 年的节假日安排"));
        if (parsed.Rows.Count == 0 && errors.Count == 0)
        {
            errors.Add("文件中没有任何日期");
        }

        if (errors.Count > 0)
        {
            return new Outcome(false, errors, 0);
        }

        var first = parsed.Rows.Min(r => r.Date);
        var last = parsed.Rows.Max(r => r.Date);
        var old = await db.CalendarDays.Where(d => (d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31)) || (d.Date >= first && d.Date <= last)).ToListAsync(ct);
        db.CalendarDays.RemoveRange(old);
        db.CalendarDays.AddRange(parsed.Rows.Select(r => new CalendarDay { Date = r.Date, Kind = r.Kind, Name = r.Name, Source = r.Source }));
        var existingYear = await db.CalendarYears.FindAsync([year], ct);
        if (existingYear is null)
        {
            db.CalendarYears.Add(new CalendarYear { Year = year, Notice = notice, ImportedAtUtc = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            existingYear.Notice = notice;
            existingYear.ImportedAtUtc = clock.GetUtcNow().UtcDateTime;
        }

        await Caching.CacheStamps.TouchAsync(db, Caching.CacheStamps.Calendar, clock.GetUtcNow().UtcDateTime, ct);

        // Modules move their open deadlines that were counted Monday to Friday before the notice (durable, in this transaction).
        events.Raise(new HolidayNoticeImported(year));
        await db.SaveChangesAsync(ct);
        await provider.ReloadAsync(db, ct);
        return new Outcome(true, [], parsed.Rows.Count);
    }
}

/// <summary>A year's holiday notice was imported (or replaced): open working-day deadlines are recomputed by their modules.</summary>
public sealed record HolidayNoticeImported(int Year)
{
    /// <summary>
    /// The earliest due date worth recomputing: a deadline counted Monday to Friday into the new year can only be due from
    /// the December before it on (nothing due earlier counted a day of the new year).
    /// </summary>
    public DateOnly RecomputeDueFrom => new(Year - 1, 12, 1);
}
