using Shian.Kernel.Calendar;
using Shian.Kernel.Reference;

namespace Shian.UnitTests.Kernel.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = Shipped();

    internal static WorkingDayCalendar Shipped()
    {
        using var reader = ReferenceFiles.Open(ReferenceFiles.Holidays);
        var parsed = HolidayCsv.Parse(reader);
        Assert.Empty(parsed.Errors);
        return new WorkingDayCalendar(parsed.Rows, parsed.Rows.Select(r => r.Date.Year).Distinct());
    }

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ShippedTable_Covers2016To2026_WithEveryRowValid()
    {
        Assert.Equal(Enumerable.Range(2016, 11), Calendar.CoveredYears.Order());
    }

    [Theory]
    [InlineData("2024-09-27", 5, "2024-10-10")] // Sun 09-29 is 调休上班; 10-01..10-07 off
    [InlineData("2025-01-20", 10, "2025-02-08")] // Sun 01-26 and Sat 02-08 are 调休上班; 01-28..02-04 off
    [InlineData("2020-01-23", 3, "2020-02-05")] // 2020 春节 extended to 02-02, cancelling make-up Sat 02-01
    [InlineData("2026-09-15", 15, "2026-10-12")] // Sun 09-20 and Sat 10-10 work; 09-25..09-27 and 10-01..10-07 off
    [InlineData("2019-04-26", 7, "2019-05-08")] // adjusted 2019 劳动节 (国办发明电〔2019〕3号)
    [InlineData("2024-02-09", 1, "2024-02-18")] // 春节 2024: 02-10..02-17 off, Sun 02-18 is a working day
    [InlineData("2023-12-29", 1, "2024-01-02")] // 元旦 2024 falls on Monday
    public void AddWorkingDays_AcrossStatutoryHolidaysAndMakeUpDays_LandsOnTheNoticeDate(string start, int days, string expected)
    {
        var result = Calendar.AddWorkingDays(D(start), days);
        Assert.Equal(D(expected), result.Date);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void AddWorkingDays_Zero_IsTheStartDate() =>
        Assert.Equal(D("2024-10-01"), Calendar.AddWorkingDays(D("2024-10-01"), 0).Date);

    [Theory]
    [InlineData("2023-10-08", true)] // Sunday make-up day
    [InlineData("2025-05-31", false)] // Saturday, 端午节
    [InlineData("2024-10-07", false)] // Monday inside 国庆节
    [InlineData("2024-10-08", true)] // ordinary Tuesday
    [InlineData("2024-10-12", true)] // Saturday make-up day
    [InlineData("2024-10-13", false)] // ordinary Sunday
    public void IsWorkingDay_FollowsTheNotice_NotTheWeekday(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(D(date)));

    [Fact]
    public void WorkingDaysBetween_CountsDaysAfterStartUpToEnd()
    {
        Assert.Equal(new WorkingDayCount(5, false), Calendar.WorkingDaysBetween(D("2024-09-27"), D("2024-10-10")));
        Assert.Equal(new WorkingDayCount(-5, false), Calendar.WorkingDaysBetween(D("2024-10-10"), D("2024-09-27")));
        Assert.Equal(new WorkingDayCount(0, false), Calendar.WorkingDaysBetween(D("2024-10-01"), D("2024-10-07")));
    }

    [Fact]
    public void AddWorkingDays_IntoAYearWithoutNotice_CountsWeekdaysAndIsProvisional()
    {
        var result = Calendar.AddWorkingDays(D("2026-12-30"), 3);
        Assert.Equal(D("2027-01-04"), result.Date); // Thu 12-31, Fri 01-01 (weekday rule), Mon 01-04
        Assert.True(result.Provisional);
        Assert.True(Calendar.WorkingDaysBetween(D("2026-12-01"), D("2027-01-10")).Provisional);
    }

    [Fact]
    public void AddWorkingDays_EndingInsideCoveredYears_IsNotProvisional() =>
        Assert.False(Calendar.AddWorkingDays(D("2026-12-01"), 10).Provisional);

    [Fact]
    public void Parse_RejectsBadRows_NamingLineAndColumn()
    {
        var csv = "date,kind,name,source\n2027-01-01,off,元旦,x\n2027-13-01,off,元旦,x\n2027-01-04,work,元旦,x\n2027-01-02,holiday,元旦,x\n2027-01-01,off,元旦,x\n";
        var parsed = HolidayCsv.Parse(new StringReader(csv));
        Assert.Equal(4, parsed.Errors.Count);
        Assert.Contains(parsed.Errors, e => e.Contains("第 3 行 date 列", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.Contains("第 4 行 kind 列", StringComparison.Ordinal)); // Monday cannot be a make-up day
        Assert.Contains(parsed.Errors, e => e.Contains("第 5 行 kind 列", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.Contains("第 6 行 date 列", StringComparison.Ordinal) && e.Contains("重复", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingColumn_IsReported() =>
        Assert.Contains("缺少列 kind", HolidayCsv.Parse(new StringReader("date,name,source\n2027-01-01,元旦,x\n")).Errors[0], StringComparison.Ordinal);
}
