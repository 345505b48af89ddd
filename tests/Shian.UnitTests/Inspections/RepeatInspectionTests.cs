using Shian.Inspections.Domain;
using Shian.Inspections.Rules;

namespace Shian.UnitTests.Inspections;

public sealed class RepeatInspectionTests
{
    [Theory]
    [InlineData("2026-08-27", "2026-11-26", true)] // within 3 months
    [InlineData("2026-08-26", "2026-11-26", false)] // exactly 3 months before: outside
    [InlineData("2026-11-26", "2026-11-26", true)] // the same day
    [InlineData(null, "2026-11-26", false)]
    public void TheWindow_IsThreeCalendarMonthsBeforeTheInspection(string? last, string on, bool inside) =>
        Assert.Equal(inside, RepeatInspection.Recent(3, DateOnly.Parse(on), last is null ? null : DateOnly.Parse(last)) is not null);

    [Fact]
    public void AnUnplannedRepeat_NeedsAReason_APlannedVisitOrAReasonPasses()
    {
        var on = new DateOnly(2026, 11, 26);
        var last = new DateOnly(2026, 10, 9);
        var refusal = RepeatInspection.Refusal(3, on, last, null, null);
        Assert.Contains("2026年10月9日", refusal);
        Assert.Contains("第四十二条", refusal);
        Assert.Null(RepeatInspection.Refusal(3, on, last, null, RepeatReason.Complaint));
        Assert.Null(RepeatInspection.Refusal(3, on, last, VisitPurpose.Reinspection, null));
        Assert.Null(RepeatInspection.Refusal(3, on, last, VisitPurpose.RandomDraw, null));
        Assert.Null(RepeatInspection.Refusal(0, on, last, null, null)); // turned off
        Assert.Null(RepeatInspection.Refusal(3, on, new DateOnly(2026, 8, 1), null, null));
    }
}
