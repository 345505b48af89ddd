namespace Shian.Kernel.Calendar;

/// <summary>
/// The statutory working-day calendar: a date is a working day iff (it is Monday–Friday and not
/// announced as 放假) or it is an announced 调休 make-up working day. Pure: built from data rows,
/// no clock, no database.
/// </summary>
/// <remarks>
/// 行政处罚法（2021）第八十五条: "二日""三日""五日""七日" are working days excluding statutory holidays,
/// and periods are counted from the day after the start event. For a year whose State Council notice
/// (国务院办公厅关于部分节假日安排的通知) is not loaded, Monday–Friday is assumed and every result
/// touching that year is flagged provisional, never silently treated as final.
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, CalendarException> _exceptions;
    private readonly HashSet<int> _coveredYears;

    public WorkingDayCalendar(IEnumerable<CalendarException> exceptions, IEnumerable<int> coveredYears)
    {
        _exceptions = new Dictionary<DateOnly, CalendarException>();
        foreach (var e in exceptions)
        {
            if (!_exceptions.TryAdd(e.Date, e))
            {
                throw new ArgumentException($"日期 {e.Date:yyyy-MM-dd} 在节假日数据中出现两次", nameof(exceptions));
            }
        }

        _coveredYears = [.. coveredYears];
    }

    /// <summary>Years whose holiday notice is loaded.</summary>
    public IReadOnlyCollection<int> CoveredYears => _coveredYears;

    public bool Covers(DateOnly date) => _coveredYears.Contains(date.Year);

    public CalendarException? ExceptionOn(DateOnly date) => _exceptions.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_exceptions.TryGetValue(date, out var e))
        {
            return e.Kind == CalendarDayKind.Work;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/>, counting from
    /// the next day (the start day itself is not counted). Zero returns the start date.
    /// </summary>
    public WorkingDayResult AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var provisional = false;
        var remaining = workingDays;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            provisional |= !Covers(date);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return new WorkingDayResult(date, provisional);
    }

    /// <summary>
    /// A period of <paramref name="days"/> calendar days from <paramref name="start"/> (the start day not counted) that a
    /// party must meet — 整改期限, 罚款缴纳 15 日, 查封扣押 30 日: when its last day is a 法定休假日 (a weekend or a holiday that is
    /// not a 调休 working day), the period ends on the next working day (民法典 第二百零三条, applied by analogy to deadlines on
    /// the party; review D-1, M). The agency's own calendar-day limits stay plain <see cref="DateOnly.AddDays"/>.
    /// </summary>
    public WorkingDayResult DueCalendarDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start.AddDays(days);
        var provisional = !Covers(date);
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
            provisional |= !Covers(date);
        }

        return new WorkingDayResult(date, provisional);
    }

    /// <summary>
    /// Working days in the half-open range (<paramref name="from"/>, <paramref name="to"/>]: how many
    /// working days have elapsed from <paramref name="from"/> to <paramref name="to"/>. Negative when
    /// <paramref name="to"/> is before <paramref name="from"/> (e.g. 已逾期 N 个工作日).
    /// </summary>
    public WorkingDayCount WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            var reverse = WorkingDaysBetween(to, from);
            return reverse with { Days = -reverse.Days };
        }

        var count = 0;
        var provisional = false;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            provisional |= !Covers(d);
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return new WorkingDayCount(count, provisional);
    }
}
