using Shian.Kernel.Calendar;

namespace Shian.UnitTests.Kernel.Calendar;

/// <summary>Calendar-day periods on a party that end on a 法定休假日 run to the next working day (民法典 第二百零三条; review D-1).</summary>
public sealed class PartyPeriodTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendarTests.Shipped();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-02", 30, "2026-04-01")] // a Wednesday: unchanged
    [InlineData("2026-09-01", 30, "2026-10-08")] // 10-01 is 国庆: 10-01..10-07 off
    [InlineData("2026-09-10", 30, "2026-10-10")] // Sat 10-10 is a 调休 working day: no roll
    [InlineData("2026-08-26", 30, "2026-09-28")] // 09-25 中秋: 09-25..09-27 off
    [InlineData("2026-01-20", 30, "2026-02-24")] // 02-19 in 春节 (02-15..02-23 off)
    [InlineData("2026-05-21", 30, "2026-06-22")] // 06-20 in 端午 (06-19..06-21 off)
    [InlineData("2026-02-12", 30, "2026-03-16")] // an ordinary Saturday: to Monday
    [InlineData("2026-10-01", 15, "2026-10-16")] // 罚款缴纳 15 日 from a holiday: counted in calendar days
    public void APeriodEndingOnARestDay_RunsToTheNextWorkingDay(string start, int days, string expected)
    {
        var result = Calendar.DueCalendarDays(D(start), days);
        Assert.Equal(D(expected), result.Date);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void IntoAnUnannouncedYear_ItRollsPastTheWeekend_AndIsProvisional()
    {
        var result = Calendar.DueCalendarDays(D("2026-12-10"), 30); // 2027-01-09 is a Saturday; 2027's notice is not loaded
        Assert.Equal(D("2027-01-11"), result.Date);
        Assert.True(result.Provisional);
    }
}
