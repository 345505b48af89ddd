using Microsoft.EntityFrameworkCore;
using Shian.Data;

namespace Shian.Kernel.Calendar;

/// <summary>
/// Holds the current <see cref="WorkingDayCalendar"/> built from the stored holiday table. Reloaded at start-up
/// and after an administrator imports a year. The table is small (≈40 rows a year), so every instance keeps
/// its own copy; a second instance picks up an import at its next reload.
/// </summary>
public sealed class WorkingDayCalendarProvider
{
    private volatile WorkingDayCalendar _current = new([], []);

    public WorkingDayCalendar Current => _current;

    public async Task ReloadAsync(ShianDb db, CancellationToken ct)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        _current = new WorkingDayCalendar(days.Select(d => new CalendarException(d.Date, d.Kind, d.Name, d.Source)), years);
    }
}
