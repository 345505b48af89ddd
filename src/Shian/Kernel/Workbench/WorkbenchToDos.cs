using System.Security.Claims;

namespace Shian.Kernel.Workbench;

/// <summary>
/// One line of a user's to-dos on 工作台: what (resource key of the title), how many are overdue, how many fall due
/// within <see cref="WorkbenchToDos.DueWithinDays"/> days, how many are open in all, and the list that shows them.
/// </summary>
public sealed record ToDo(string TitleKey, int Open, int Overdue, int DueSoon, string Href, string? OverdueHref = null);

/// <summary>
/// A module's to-dos for the signed-in user (usability finding 21): each module counts its own work (the web shell reads
/// no module table) and returns nothing to a user without the permission the list needs.
/// </summary>
public interface IWorkbenchSource
{
    /// <summary>Position on 工作台 (smaller first).</summary>
    int Order { get; }

    Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct);
}

public static class WorkbenchToDos
{
    /// <summary>"Due soon": within this many calendar days from today (today included).</summary>
    public const int DueWithinDays = 7;

    /// <summary>Whether a due date is overdue, due soon, or neither, on <paramref name="today"/>.</summary>
    public static (bool Overdue, bool DueSoon) Classify(DateOnly? due, DateOnly today) =>
        due is not DateOnly d ? (false, false) : (d < today, d >= today && d <= today.AddDays(DueWithinDays));

    /// <summary>Counts a list of due dates (null: undated, open but never overdue).</summary>
    public static ToDo Count(string titleKey, IEnumerable<DateOnly?> dues, DateOnly today, string href, string? overdueHref = null)
    {
        int open = 0, overdue = 0, soon = 0;
        foreach (var due in dues)
        {
            open++;
            var (o, s) = Classify(due, today);
            overdue += o ? 1 : 0;
            soon += s ? 1 : 0;
        }

        return new ToDo(titleKey, open, overdue, soon, href, overdueHref);
    }
}

/// <summary>
/// A figure on 工作台 against its target (a coordinator's indicator tiles): the value as shown, the target as the plan
/// words it, whether it is met (null: not known), and the page behind it.
/// </summary>
public sealed record WorkbenchTile(string Title, string Value, string? Target, bool? Met, string Href);

/// <summary>A module's tiles for the signed-in user (nothing without the permission the page behind them needs).</summary>
public interface IWorkbenchTiles
{
    Task<IReadOnlyList<WorkbenchTile>> TilesAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct);
}
