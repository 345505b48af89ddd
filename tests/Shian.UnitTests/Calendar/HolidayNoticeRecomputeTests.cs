using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Credit.Domain;
using Shian.Credit.Rules;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Governance.Domain;
using Shian.Governance.Rules;
using Shian.Kernel.Calendar;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.UnitTests.Calendar;

/// <summary>
/// Open working-day clocks of complaints, enforcement, credit, recalls and 督办 computed in a year without a holiday notice
/// (Monday to Friday, provisional) move to the statutory dates when the notice arrives; steps already taken keep their
/// dates (issue #14). Expected dates are literal, counted by hand from the day after the start.
/// </summary>
public sealed class HolidayNoticeRecomputeTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    // 2026 announced (no exceptions in December); 2027 unannounced: counted Monday to Friday.
    private static readonly WorkingDayCalendar Before = new([], [2026]);

    // The 2027 notice arrives: 元旦, Friday 2027-01-01, is a holiday.
    private static readonly WorkingDayCalendar After = new([new CalendarException(D("2027-01-01"), CalendarDayKind.Off, "元旦", "test")], [2026, 2027]);

    private static Complaint NewComplaint(ComplaintKind kind, DateOnly receivedOn) => new()
    {
        TrackingCode = "T", RegionCode = "210503001000", Description = "x", Kind = kind, ReceivedOn = receivedOn, Status = ComplaintStatus.Received,
        AcceptBy = ComplaintClock.AcceptBy(Before, receivedOn), LocalReplyBy = ComplaintClock.LocalReplyBy(Before, receivedOn, 5),
        VerifyBy = kind == ComplaintKind.Report ? ComplaintClock.VerifyBy(Before, receivedOn) : null, VerifyFrom = kind == ComplaintKind.Report ? receivedOn : null,
    };

    [Fact]
    public void AComplaintsOpenClocksMove_TheReplyInDecemberStays()
    {
        // Received Thursday 2026-12-24.
        var c = NewComplaint(ComplaintKind.Report, D("2026-12-24"));
        Assert.Equal(D("2027-01-04"), c.AcceptBy);      // 25, 28, 29, 30, 31, 1, 4
        Assert.Equal(D("2027-01-14"), c.VerifyBy);      // 15 working days, 1 January counted
        Assert.Equal(D("2026-12-31"), c.LocalReplyBy);  // 25, 28, 29, 30, 31

        Assert.True(ComplaintRecompute.Apply(c, After, 5));
        Assert.Equal(D("2027-01-05"), c.AcceptBy);
        Assert.Equal(D("2027-01-15"), c.VerifyBy);
        Assert.Equal(D("2026-12-31"), c.LocalReplyBy);
        Assert.False(ComplaintRecompute.Apply(c, After, 5)); // idempotent
    }

    [Fact]
    public void MediationWithItsPausedDaysMoves_AStepTakenKeepsItsDate()
    {
        var c = NewComplaint(ComplaintKind.Complaint, D("2026-12-22"));
        c.Status = ComplaintStatus.InProgress;
        c.AcceptedOn = D("2026-12-24");
        c.PausedWorkingDays = 2;
        c.MediationEndsBy = ComplaintClock.MediationEndsBy(Before, D("2026-12-24"), 2);
        Assert.Equal(D("2027-03-01"), c.MediationEndsBy); // 47 working days: …, 25 February (45), 26 (46), 1 March (47)
        var acceptBy = c.AcceptBy;

        Assert.True(ComplaintRecompute.Apply(c, After, null));
        Assert.Equal(D("2027-03-02"), c.MediationEndsBy);
        Assert.Equal(acceptBy, c.AcceptBy); // accepted already: 受理 clock done
    }

    [Fact]
    public void AClosedReportStillOwesTheReportersNotice_AndThatMoves()
    {
        var c = NewComplaint(ComplaintKind.Report, D("2026-12-01"));
        c.Status = ComplaintStatus.Closed;
        c.VerifiedOn = D("2026-12-10");
        c.CaseDecidedOn = D("2026-12-30");
        c.ReporterToldBy = ComplaintClock.ReporterNoticeBy(Before, D("2026-12-30"));
        Assert.Equal(D("2027-01-06"), c.ReporterToldBy); // 31, 1, 4, 5, 6

        Assert.True(ComplaintRecompute.Apply(c, After, null));
        Assert.Equal(D("2027-01-07"), c.ReporterToldBy);

        var merged = NewComplaint(ComplaintKind.Report, D("2026-12-24"));
        merged.Status = ComplaintStatus.Merged;
        Assert.False(ComplaintRecompute.Apply(merged, After, null));
        Assert.Equal(D("2027-01-04"), merged.AcceptBy);
    }

    [Fact]
    public void AnUndecidedCluesClockMovesWithItsExtensionAndPauses_ADecidedOneStays()
    {
        var clue = new CaseClue
        {
            RegionCode = "210503001000", BusinessName = "x", Summary = "x", FoundOn = D("2026-12-24"), Extended = true, PausedWorkingDays = 2, Status = ClueStatus.Pending,
        };
        clue.DecisionDue = Shian.Enforcement.Contracts.CaseClock.DecisionDue(Before, clue.FoundOn, true, 2);
        Assert.Equal(D("2027-02-08"), clue.DecisionDue); // 15 + 15 + 2 = 32 working days
        Assert.True(EnforcementRecompute.Clue(clue, After));
        Assert.Equal(D("2027-02-09"), clue.DecisionDue);

        var decided = new CaseClue
        {
            RegionCode = "210503001000", BusinessName = "x", Summary = "x", FoundOn = D("2026-12-24"), Status = ClueStatus.Opened, DecidedOn = D("2027-01-05"), DecisionDue = D("2027-01-14"),
        };
        Assert.False(EnforcementRecompute.Clue(decided, After));
        Assert.Equal(D("2027-01-14"), decided.DecisionDue);
    }

    [Fact]
    public void ACasesPartyPeriodsMove_TheFinesLastDayRollsPastNewYearsDay()
    {
        var notified = new EnforcementCase
        {
            RegionCode = "210503001000", County = "210503000000", Party = "x", Cause = "x", Officers = "a、b", Stage = CaseStage.Notified,
            NoticeServedOn = D("2026-12-30"), StatementBy = CaseDeadlines.HearingRequestBy(Before, D("2026-12-30")),
        };
        Assert.Equal(D("2027-01-06"), notified.StatementBy);
        Assert.True(EnforcementRecompute.Case(notified, After));
        Assert.Equal(D("2027-01-07"), notified.StatementBy);

        // Served Thursday 2026-12-17: 15 days end on Friday 2027-01-01 — a working day before the notice, 元旦 after it.
        var served = new EnforcementCase
        {
            RegionCode = "210503001000", County = "210503000000", Party = "x", Cause = "x", Officers = "a、b", Stage = CaseStage.Decided,
            DecidedOn = D("2026-12-15"), ServeBy = D("2026-12-24"), ServedOn = D("2026-12-17"), PayBy = CaseDeadlines.PayBy(Before, D("2026-12-17")),
        };
        Assert.Equal(D("2027-01-01"), served.PayBy);
        Assert.True(EnforcementRecompute.Case(served, After));
        Assert.Equal(D("2027-01-04"), served.PayBy);
        Assert.Equal(D("2026-12-24"), served.ServeBy); // served already

        var closed = new EnforcementCase
        {
            RegionCode = "210503001000", County = "210503000000", Party = "x", Cause = "x", Officers = "a、b", Stage = CaseStage.Decided,
            ServedOn = D("2026-12-17"), PayBy = D("2027-01-01"), ClosedOn = D("2026-12-20"),
        };
        Assert.False(EnforcementRecompute.Case(closed, After));
    }

    [Fact]
    public void MeasuresInForceAndAnUndecidedTransferMove()
    {
        var preservation = new CaseMeasure { RegionCode = "210503001000", Items = "x", Kind = MeasureKind.Preservation, StartedOn = D("2026-12-28") };
        preservation.DueOn = CaseDeadlines.PreservationDecideBy(Before, preservation.StartedOn);
        Assert.Equal(D("2027-01-06"), preservation.DueOn); // 29, 30, 31, 1, 4, 5, 6
        Assert.True(EnforcementRecompute.Measure(preservation, After));
        Assert.Equal(D("2027-01-07"), preservation.DueOn);

        var seizure = new CaseMeasure { RegionCode = "210503001000", Items = "x", Kind = MeasureKind.Seizure, StartedOn = D("2026-12-02") };
        seizure.DueOn = CaseDeadlines.SeizureEndsBy(Before, seizure.StartedOn, false);
        Assert.Equal(D("2027-01-01"), seizure.DueOn);
        Assert.True(EnforcementRecompute.Measure(seizure, After));
        Assert.Equal(D("2027-01-04"), seizure.DueOn);

        var ended = new CaseMeasure { RegionCode = "210503001000", Items = "x", Kind = MeasureKind.Seizure, StartedOn = D("2026-12-02"), DueOn = D("2027-01-01"), EndedOn = D("2026-12-20") };
        Assert.False(EnforcementRecompute.Measure(ended, After));

        var transfer = new PoliceTransfer
        {
            RegionCode = "210503001000", Grounds = "x", Evidence = "x", ReportedBy = "a", ReportedOn = D("2026-12-30"), ApproveBy = TransferDeadlines.ApproveBy(Before, D("2026-12-30")),
        };
        Assert.Equal(D("2027-01-04"), transfer.ApproveBy); // 31, 1, 4
        Assert.True(EnforcementRecompute.Transfer(transfer, After));
        Assert.Equal(D("2027-01-05"), transfer.ApproveBy);
    }

    [Fact]
    public void APendingPublicationAndANoticedListingMove_WithTheirRepairDecisions()
    {
        var p = new PenaltyPublication
        {
            RegionCode = "210503001000", Party = "x", DecisionNumber = "x", Violation = "x", Content = "x", DecidedOn = D("2026-12-24"), Status = PublicationStatus.Pending,
            PublishBy = PublicationRules.PublishBy(Before, D("2026-12-24")),
        };
        Assert.Equal(D("2027-01-21"), p.PublishBy);
        Assert.True(CreditRecompute.Publication(p, After, 15));
        Assert.Equal(D("2027-01-22"), p.PublishBy);

        var published = new PenaltyPublication
        {
            RegionCode = "210503001000", Party = "x", DecisionNumber = "x", Violation = "x", Content = "x", DecidedOn = D("2026-11-02"), Status = PublicationStatus.Published,
            PublishBy = D("2026-11-30"), PublishedOn = D("2026-11-10"), RepairAppliedOn = D("2026-12-24"), RepairDecideBy = Before.AddWorkingDays(D("2026-12-24"), 15).Date,
        };
        Assert.Equal(D("2027-01-14"), published.RepairDecideBy);
        Assert.True(CreditRecompute.Publication(published, After, 15));
        Assert.Equal(D("2027-01-15"), published.RepairDecideBy);
        Assert.Equal(D("2026-11-30"), published.PublishBy);

        var l = new SeriousListing
        {
            RegionCode = "210503001000", Party = "x", DecisionNumber = "x", Penalty = "x", Status = ListingStatus.Noticed, NoticeServedOn = D("2026-12-30"),
            StatementBy = ListingRules.StatementBy(Before, D("2026-12-30"), 5),
        };
        Assert.Equal(D("2027-01-06"), l.StatementBy);
        Assert.True(CreditRecompute.Listing(l, After, 5, 20));
        Assert.Equal(D("2027-01-07"), l.StatementBy);
    }

    [Fact]
    public void AnUnderwayRecallsCompletionMoves_AnExtendedOneKeepsTheDateTheOfficeSet()
    {
        var r = new Recall
        {
            Number = "R1", RegionCode = "210503001000", BusinessName = "x", ProductName = "x", Reason = "x", CreatedBy = "a", Status = RecallStatus.Underway,
            Level = RecallLevel.First, NoticeOn = D("2026-12-24"), CompleteDue = RecallClock.CompleteDue(Before, RecallLevel.First, D("2026-12-24")),
        };
        Assert.Equal(D("2027-01-07"), r.CompleteDue); // 10 working days
        Assert.True(RecallClock.Recompute(r, After));
        Assert.Equal(D("2027-01-08"), r.CompleteDue);

        r.ExtensionReason = "产品分布广";
        r.CompleteDue = D("2027-02-26");
        Assert.False(RecallClock.Recompute(r, After));
        Assert.Equal(D("2027-02-26"), r.CompleteDue);
    }

    [Fact]
    public void AnOpenSupervisionNoticesReplyMovesAndIsNoLongerProvisional()
    {
        var due = SupervisionClock.ReplyDue(Before, D("2026-12-30"), 5);
        Assert.Equal(D("2027-01-06"), due.Date);
        Assert.True(due.Provisional);
        var n = new SupervisionNotice
        {
            UnitKey = "u", UnitName = "u", RegionCode = "210503000000", IssuerRegionCode = "210500000000", Reason = "x", IssuedBy = "a",
            IssuedAtUtc = new DateTime(2026, 12, 30, 2, 0, 0, DateTimeKind.Utc), ReplyDue = due.Date, ReplyDueProvisional = true, ReplyWorkingDays = 5, Status = SupervisionStatus.Open,
        };
        Assert.True(SupervisionClock.Recompute(n, After));
        Assert.Equal(D("2027-01-07"), n.ReplyDue);
        Assert.False(n.ReplyDueProvisional);

        var old = new SupervisionNotice
        {
            UnitKey = "u", UnitName = "u", RegionCode = "210503000000", IssuerRegionCode = "210500000000", Reason = "x", IssuedBy = "a",
            IssuedAtUtc = new DateTime(2026, 12, 30, 2, 0, 0, DateTimeKind.Utc), ReplyDue = D("2027-01-06"), ReplyDueProvisional = true, Status = SupervisionStatus.Open,
        };
        Assert.False(SupervisionClock.Recompute(old, After)); // issued before the period was stored: left as it was
    }
}
