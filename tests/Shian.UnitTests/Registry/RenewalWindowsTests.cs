using Shian.Registry.Contracts;
using Shian.Registry.Rules;

namespace Shian.UnitTests.Registry;

public sealed class RenewalWindowsTests
{
    [Theory]
    [InlineData(LicenceKind.FoodOperation, 120, null)] // before the window opens
    [InlineData(LicenceKind.FoodOperation, 90, 90)] // the window opens: 90 working days before expiry
    [InlineData(LicenceKind.FoodOperation, 40, 90)]
    [InlineData(LicenceKind.FoodOperation, 15, 15)] // the window is about to close
    [InlineData(LicenceKind.FoodProduction, 31, null)]
    [InlineData(LicenceKind.FoodProduction, 30, 30)] // production: at least 30 working days before expiry
    public void TheReminderDue_DependsOnTheLicenceKind(LicenceKind kind, int left, int? expected) =>
        Assert.Equal(expected, RenewalWindows.Mark(RenewalWindows.Defaults(kind), left));

    [Theory]
    [InlineData("2026-12-31", 15, "2026-12-10")] // 经营许可: 15 working days before expiry, an ordinary December
    [InlineData("2026-10-16", 15, "2026-09-20")] // across 国庆 and 中秋: the 调休 Sunday of 20 September is a working day
    [InlineData("2026-12-07", 1, "2026-12-04")] // the day before falls on a weekend: the Friday before
    public void TheLastDayToApply_StepsBackOnTheWorkingDayCalendar(string validTo, int mark, string expected)
    {
        var calendar = Shian.UnitTests.Kernel.Calendar.WorkingDayCalendarTests.Shipped();
        var applyBy = RenewalWindows.ApplyBy(calendar, DateOnly.Parse(validTo, System.Globalization.CultureInfo.InvariantCulture), mark);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), applyBy);
        Assert.Equal(mark, calendar.WorkingDaysBetween(applyBy, DateOnly.Parse(validTo, System.Globalization.CultureInfo.InvariantCulture)).Days);
    }
}
