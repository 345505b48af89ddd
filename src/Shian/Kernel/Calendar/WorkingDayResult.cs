namespace Shian.Kernel.Calendar;

/// <summary>
/// A date computed on the working-day calendar. <see cref="Provisional"/> is true when the
/// computation crossed a year whose holiday notice is not loaded yet, so Monday–Friday was assumed.
/// </summary>
public readonly record struct WorkingDayResult(DateOnly Date, bool Provisional)
{
    public const string ProvisionalNotice = "节假日安排未公布，暂按周一至周五计算";
}

/// <summary>A number of working days, provisional as in <see cref="WorkingDayResult"/>.</summary>
public readonly record struct WorkingDayCount(int Days, bool Provisional);
