namespace Shian.Kernel.Calendar;

/// <summary>How a date departs from the normal Monday–Friday week.</summary>
public enum CalendarDayKind
{
    /// <summary>放假: a day inside an announced holiday range.</summary>
    Off,

    /// <summary>调休上班: a Saturday or Sunday that is a make-up working day.</summary>
    Work,
}
