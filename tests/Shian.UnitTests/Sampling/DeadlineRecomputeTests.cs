using Shian.Kernel.Calendar;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.UnitTests.Sampling;

/// <summary>Open deadlines counted Monday to Friday in a year without a holiday notice move when the notice arrives (issue #14).</summary>
public sealed class DeadlineRecomputeTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    // 2026 only: 2027 is unannounced, so days in 2027 count Monday to Friday (provisional).
    private static readonly WorkingDayCalendar Before = new([], [2026]);

    // A notice for 2027 making 2027-01-01 (Friday) a holiday.
    private static readonly WorkingDayCalendar After = new([new CalendarException(D("2027-01-01"), CalendarDayKind.Off, "元旦", "test")], [2026, 2027]);

    [Fact]
    public void AProvisionalDeadline_MovesWhenTheNoticeArrives_ADoneOneStays()
    {
        // Received Thursday 2026-12-24: 20 working days, Monday to Friday → 2027-01-21; with 元旦 off → 2027-01-22.
        var sample = new Sample
        {
            Code = "S1", BusinessName = "x", RegionCode = "210503001000", BusinessAddress = "x", ProductName = "x", CategoryCode = "VEG", Quantity = "1", Samplers = "a,b", Lab = "l", Analytes = "PB",
            CreatedBy = "t", SampledOn = D("2026-12-22"), SendBy = D("2026-12-29"), SentOn = D("2026-12-23"), ReceivedOn = D("2026-12-24"),
        };
        sample.ReportDueBy = SamplingClock.ReportDueBy(Before, D("2026-12-24"));
        Assert.Equal(D("2027-01-21"), sample.ReportDueBy);
        Assert.True(Before.AddWorkingDays(D("2026-12-24"), 20).Provisional);

        Assert.True(DeadlineRecompute.Sample(sample, After));
        Assert.Equal(D("2027-01-22"), sample.ReportDueBy);
        Assert.Equal(D("2026-12-29"), sample.SendBy); // already sent: not touched
        Assert.False(DeadlineRecompute.Sample(sample, After)); // idempotent
    }

    [Fact]
    public void AnOpenDispositionsNextDeadlinesMove_AClosedOneIsLeftAlone()
    {
        var d = new Disposition
        {
            RegionCode = "210503001000", ConcludedOn = D("2026-12-28"), NotifyBy = SamplingClock.NotifyBy(Before, D("2026-12-28")),
            PublishBy = SamplingClock.PublishBy(Before, D("2026-12-28")), ActionBy = D("2027-03-28"),
        };
        Assert.Equal(D("2027-01-04"), d.NotifyBy); // 29, 30, 31, 1, 4
        Assert.True(DeadlineRecompute.Disposition(d, After, 20));
        Assert.Equal(D("2027-01-05"), d.NotifyBy);
        Assert.Equal(D("2027-01-26"), d.PublishBy);

        var closed = new Disposition { RegionCode = "210503001000", ConcludedOn = D("2026-12-28"), NotifyBy = D("2027-01-04"), PublishBy = D("2027-01-25"), Closed = true };
        Assert.False(DeadlineRecompute.Disposition(closed, After, 20));
        Assert.Equal(D("2027-01-04"), closed.NotifyBy);
    }
}
