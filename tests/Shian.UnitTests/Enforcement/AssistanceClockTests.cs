using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.UnitTests.Kernel.Calendar;

namespace Shian.UnitTests.Enforcement;

/// <summary>The 协查 clocks on the shipped 2026 calendar, literal dates across 中秋/国庆 and the Spring Festival with its 调休 Saturdays.</summary>
public sealed class AssistanceClockTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendarTests.Shipped();

    private static readonly AssistanceOptions Options = new();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static CaseAssistance Request(AssistanceKind kind = AssistanceKind.Investigation, DateOnly? due = null) => new()
    {
        CaseRegionCode = "210503000000", CaseNumber = "立〔2026〕1 号", RegionCode = "210504000000", Kind = kind, Addressee = "明山区市场监督管理局", Subject = "某超市",
        Matters = "核实进货来源", RequestedBy = "officer@210503", RequestedOn = D("2026-09-23"), DueOn = due ?? D("2026-10-21"), Status = AssistanceStatus.Pending,
    };

    [Fact]
    public void ALetter_IsAnsweredWithin15WorkingDaysOfReceipt()
    {
        // Received Wed 23 Sep: 25–27 Sep (中秋) and 1–7 Oct off, Sat 10 Oct worked (程序规定 第十五条).
        Assert.Equal(D("2026-10-21"), AssistanceClock.ReplyDue(Cal, D("2026-09-23"), Options));

        // Received Fri 13 Feb: Sat 14 Feb worked, 15–23 Feb off, Sat 28 Feb worked.
        Assert.Equal(D("2026-03-12"), AssistanceClock.ReplyDue(Cal, D("2026-02-13"), Options));
    }

    [Fact]
    public void ThePolice_AreDueOnSite24HoursAfterTheRequest_AcrossMidnight()
    {
        var asked = new DateTime(2026, 9, 30, 15, 30, 0, DateTimeKind.Utc); // 23:30 in Beijing, the eve of National Day
        Assert.Equal(new DateTime(2026, 10, 1, 15, 30, 0, DateTimeKind.Utc), AssistanceClock.PoliceDue(asked, Options));
    }

    [Fact]
    public void AnExtension_IsAskedBeforeTheDateRunsOut_Once_ToALaterDateWithin15MoreWorkingDays()
    {
        var a = Request();
        // 21 Oct + 15 working days = Wed 11 Nov.
        Assert.Equal(D("2026-11-11"), AssistanceClock.LatestExtension(Cal, D("2026-10-21"), Options));
        Assert.Null(AssistanceClock.ExtensionRefusal(Cal, a, D("2026-10-21"), D("2026-11-11"), Options));
        Assert.Contains("不晚于 2026-11-11", AssistanceClock.ExtensionRefusal(Cal, a, D("2026-10-21"), D("2026-11-12"), Options));
        Assert.Contains("应晚于 2026-10-21", AssistanceClock.ExtensionRefusal(Cal, a, D("2026-10-20"), D("2026-10-21"), Options));
        Assert.Contains("已过", AssistanceClock.ExtensionRefusal(Cal, a, D("2026-10-22"), D("2026-11-02"), Options));

        a.ExtendedFrom = D("2026-10-21");
        Assert.Contains("已延期一次", AssistanceClock.ExtensionRefusal(Cal, a, D("2026-10-21"), D("2026-11-02"), Options));

        var answered = Request();
        answered.Status = AssistanceStatus.Answered;
        Assert.Contains("已办结", AssistanceClock.ExtensionRefusal(Cal, answered, D("2026-10-20"), D("2026-11-02"), Options));
        Assert.Contains("只有协助调查和部门协查", AssistanceClock.ExtensionRefusal(Cal, Request(AssistanceKind.ChainNotice), D("2026-10-20"), D("2026-11-02"), Options));
    }

    [Fact]
    public void OnTime_IsByTheDateOrTheHour_AndOverdueOnlyWhilePending()
    {
        var a = Request();
        Assert.Null(AssistanceClock.OnTime(a));
        Assert.False(AssistanceClock.Overdue(a, D("2026-10-21"), DateTime.UtcNow));
        Assert.True(AssistanceClock.Overdue(a, D("2026-10-22"), DateTime.UtcNow));
        a.Status = AssistanceStatus.Answered;
        a.AnsweredOn = D("2026-10-21");
        Assert.True(AssistanceClock.OnTime(a));
        a.AnsweredOn = D("2026-10-22");
        Assert.False(AssistanceClock.OnTime(a));
        Assert.False(AssistanceClock.Overdue(a, D("2026-12-01"), DateTime.UtcNow));

        var asked = new DateTime(2026, 9, 30, 15, 30, 0, DateTimeKind.Utc);
        var police = new CaseAssistance
        {
            CaseRegionCode = "210503000000", CaseNumber = "立〔2026〕1 号", RegionCode = "210503000000", Kind = AssistanceKind.PoliceSupport, Addressee = "溪湖公安分局", Subject = "现场",
            Matters = "查封现场", RequestedBy = "officer@210503", RequestedAtUtc = asked, RequestedOn = D("2026-10-01"), DueAtUtc = AssistanceClock.PoliceDue(asked, Options),
            Status = AssistanceStatus.Pending,
        };
        Assert.False(AssistanceClock.Overdue(police, D("2026-10-01"), asked.AddHours(24)));
        Assert.True(AssistanceClock.Overdue(police, D("2026-10-01"), asked.AddHours(24).AddMinutes(1)));
        police.Status = AssistanceStatus.Answered;
        police.AnsweredAtUtc = asked.AddHours(24);
        Assert.True(AssistanceClock.OnTime(police));
        police.AnsweredAtUtc = asked.AddHours(24).AddMinutes(1);
        Assert.False(AssistanceClock.OnTime(police));
    }

    [Fact]
    public void TheOptions_RefuseValuesOutsideTheirRanges()
    {
        Assert.Empty(new AssistanceOptions().Problems());
        Assert.Equal(3, new AssistanceOptions { ReplyWorkingDays = 0, ExtensionWorkingDays = -1, PoliceSupportHours = 200 }.Problems().Count());
    }
}
