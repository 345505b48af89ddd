using Shian.Inspections.Rules;

namespace Shian.UnitTests.Inspections;

/// <summary>Days-to-publish of inspection results against the office's 7-day target and the law's 20 working days (Order 49 第三十九条).</summary>
public sealed class PublicationDelayTests
{
    private static PublicationDelay.Row Row(string inspected, string? published, string target, string legal) =>
        new(DateOnly.Parse(inspected), DateOnly.Parse(target), DateOnly.Parse(legal), published is null ? null : DateOnly.Parse(published));

    [Fact]
    public void Counts_Days_FromTheInspection_ToPublication_AgainstTargetAndLaw()
    {
        // Target: the inspection + 7 days; the legal limit is given (the calendar computes it when the record is made).
        var rows = new[]
        {
            Row("2026-09-30", "2026-10-02", "2026-10-07", "2026-11-04"), // 2 days
            Row("2026-09-30", "2026-10-07", "2026-10-07", "2026-11-04"), // 7 days: on the target day
            Row("2026-09-30", "2026-10-12", "2026-10-07", "2026-11-04"), // 12 days: late for the target, within the law
            Row("2026-09-30", "2026-11-05", "2026-10-07", "2026-11-04"), // 36 days: past the law
        };

        var s = PublicationDelay.Summarise(rows, new DateOnly(2026, 11, 26));

        Assert.Equal(4, s.Published);
        Assert.Equal(9.5, s.MedianDays); // (7 + 12) / 2
        Assert.Equal(36, s.P90Days);      // nearest rank: ceil(0.9 × 4) = 4th
        Assert.Equal(2, s.WithinTarget);
        Assert.Equal(3, s.WithinLaw);
        Assert.Equal(50.0, s.WithinTargetPercent);
        Assert.Equal(75.0, s.WithinLawPercent);
        Assert.Equal(0, s.Waiting);
    }

    [Fact]
    public void Waiting_Results_AreCounted_PastTheTarget_AndPastTheLaw_ByToday()
    {
        var rows = new[]
        {
            Row("2026-11-24", null, "2026-12-01", "2026-12-22"), // waiting, within the target on 11-26
            Row("2026-11-10", null, "2026-11-17", "2026-12-08"), // past the target
            Row("2026-10-20", null, "2026-10-27", "2026-11-17"), // past the law
        };

        var s = PublicationDelay.Summarise(rows, new DateOnly(2026, 11, 26));

        Assert.Equal(0, s.Published);
        Assert.Null(s.MedianDays);
        Assert.Null(s.P90Days);
        Assert.Null(s.WithinTargetPercent);
        Assert.Equal(3, s.Waiting);
        Assert.Equal(2, s.WaitingPastTarget);
        Assert.Equal(1, s.WaitingPastLaw);
        Assert.Equal(3, s.Total);
    }

    [Fact]
    public void Median_OfAnOddCount_IsTheMiddleDay()
    {
        var rows = new[] { Row("2026-11-02", "2026-11-03", "2026-11-09", "2026-11-30"), Row("2026-11-02", "2026-11-06", "2026-11-09", "2026-11-30"), Row("2026-11-02", "2026-11-20", "2026-11-09", "2026-11-30") };

        var s = PublicationDelay.Summarise(rows, new DateOnly(2026, 11, 26));

        Assert.Equal(4, s.MedianDays);
        Assert.Equal(18, s.P90Days);
    }
}
