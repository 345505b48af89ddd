using Shian.Kernel.Workbench;

namespace Shian.UnitTests.Kernel;

public sealed class WorkbenchToDosTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void Counts_Overdue_DueWithinSevenDays_AndUndated()
    {
        DateOnly?[] dues =
        [
            new DateOnly(2026, 11, 26), // yesterday: overdue
            new DateOnly(2026, 11, 27), // today: due soon, not overdue
            new DateOnly(2026, 12, 4), // the 7th day: due soon
            new DateOnly(2026, 12, 5), // the 8th day: neither
            null, // undated: open only
        ];
        Assert.Equal(new ToDo("Todo.Visits", 5, 1, 2, "/inspections/visits", "/inspections/visits?overdue=true"),
            WorkbenchToDos.Count("Todo.Visits", dues, Today, "/inspections/visits", "/inspections/visits?overdue=true"));
    }

    [Fact]
    public void NothingOpen_IsZeroEverywhere() =>
        Assert.Equal(new ToDo("Todo.Tasks", 0, 0, 0, "/governance/tasks"), WorkbenchToDos.Count("Todo.Tasks", [], Today, "/governance/tasks"));
}
