namespace Shian.Kernel.Calendar;

/// <summary>
/// One step of the modules' deadline recomputation after a holiday notice (issue #14): a stored due date set to its
/// value on the new calendar. Pure.
/// </summary>
public static class DeadlineMove
{
    /// <summary>Sets <paramref name="computed"/> through <paramref name="set"/> when it differs from <paramref name="current"/>; true when it moved.</summary>
    public static bool To(DateOnly? current, DateOnly computed, Action<DateOnly> set)
    {
        if (current == computed)
        {
            return false;
        }

        set(computed);
        return true;
    }
}
