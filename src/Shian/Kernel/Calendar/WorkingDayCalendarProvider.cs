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

    /// <summary>The database stamp (kernel_cache_stamps) the held calendar was loaded at.</summary>
    public Guid? Stamp { get; private set; }

    public async Task ReloadAsync(ShianDb db, CancellationToken ct)
    {
        var stamp = await Caching.CacheStamps.ReadAsync(db, Caching.CacheStamps.Calendar, ct);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        _current = new WorkingDayCalendar(days.Select(d => new CalendarException(d.Date, d.Kind, d.Name, d.Source)), years);
        Stamp = stamp;
    }

    /// <summary>Reloads when another instance imported a year since this one loaded (its stamp changed).</summary>
    public async Task<bool> RefreshIfChangedAsync(ShianDb db, CancellationToken ct)
    {
        if (await Caching.CacheStamps.ReadAsync(db, Caching.CacheStamps.Calendar, ct) == Stamp)
        {
            return false;
        }

        await ReloadAsync(db, ct);
        return true;
    }
}
