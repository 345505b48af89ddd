using Shian.Emergencies.Rules;
using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Emergencies.Domain;

/// <summary>How a feed's items come in.</summary>
public enum OpinionFeedKind
{
    /// <summary>An RSS or Atom feed fetched on a schedule.</summary>
    Rss,

    /// <summary>A monitoring service's .xlsx export, uploaded.</summary>
    Workbook,

    /// <summary>Entered by an officer (a call from the 网信办, a post seen on WeChat).</summary>
    Manual,

    /// <summary>A vendor pushes items to <c>POST /api/v1/opinion/push</c> with the feed's key.</summary>
    Push,
}

/// <summary>
/// A source of 舆情 items for a region (a city's or a county's): the items it brings are matched against that region's
/// register, and its alerts go to the district of the business or place they name.
/// </summary>
public sealed class OpinionFeed : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    public required string Name { get; set; }

    public OpinionFeedKind Kind { get; init; }

    /// <summary>The RSS/Atom address (Rss feeds).</summary>
    public string? Url { get; set; }

    /// <summary>The first characters of a push key (shown to tell keys apart) and its SHA-256; the key itself is shown once.</summary>
    public string? KeyPrefix { get; set; }

    public string? KeyHash { get; set; }

    public bool Active { get; set; } = true;

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? LastRunAtUtc { get; set; }

    /// <summary>The last fetch's or upload's outcome in one line (Chinese).</summary>
    public string? LastResult { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>
/// One 舆情 item (a news story, a post, a monitoring service's row) as collected, with what matching found. A copy of an
/// earlier item (the same story reposted) is kept, pointing at the first; the first counts its copies (how far it spread).
/// </summary>
public sealed class OpinionItem : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The region it is about: the matched business's, else the place named, else the feed's.</summary>
    public required string RegionCode { get; set; }

    public Guid FeedId { get; init; }

    /// <summary>The site, account or newspaper (来源), as the feed gives it.</summary>
    public string? Source { get; init; }

    public string? Url { get; init; }

    /// <summary>The canonical link (tracking parameters dropped) used to recognise the same page.</summary>
    public string? CanonicalUrl { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public string? Author { get; init; }

    public DateTime? PublishedAtUtc { get; init; }

    public DateTime CollectedAtUtc { get; init; }

    /// <summary>SHA-256 of the normalised text (exact copies).</summary>
    public required string ContentHash { get; init; }

    /// <summary>SimHash of the words (near copies).</summary>
    public long SimHash { get; init; }

    public Guid? CopyOfId { get; init; }

    /// <summary>How many later items were copies of this one.</summary>
    public int Copies { get; set; }

    public OpinionSeverity Severity { get; init; }

    /// <summary>The topics found (地沟油、食物中毒 …), joined by 、.</summary>
    public string Topics { get; init; } = "";

    /// <summary>The best-matched business (the others are in <see cref="OpinionItemBusiness"/>).</summary>
    public Guid? BusinessId { get; init; }

    public string? BusinessName { get; init; }

    public Guid? AlertId { get; set; }

    /// <summary>Who entered it (manual items) or the feed's name.</summary>
    public required string CollectedBy { get; init; }
}

/// <summary>A register business an item names, and how sure the match is.</summary>
public sealed class OpinionItemBusiness : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ItemId { get; init; }

    public Guid BusinessId { get; init; }

    public required string BusinessName { get; init; }

    /// <summary>The business's region (an item about businesses of two districts is seen by both).</summary>
    public required string RegionCode { get; init; }

    public double Confidence { get; init; }

    public required string Alias { get; init; }
}

public enum OpinionAlertStatus
{
    /// <summary>待核实.</summary>
    Open,

    /// <summary>已核实，待回应或发布.</summary>
    Verified,

    /// <summary>已办结（回应、发布均已完成或经核实无需）.</summary>
    Closed,
}

/// <summary>What verification found.</summary>
public enum OpinionFinding
{
    /// <summary>属实.</summary>
    True,

    /// <summary>部分属实.</summary>
    PartlyTrue,

    /// <summary>不属实（不实信息）.</summary>
    False,

    /// <summary>无法核实（线索不足）.</summary>
    Unverifiable,
}

/// <summary>How the office responded to the public.</summary>
public enum OpinionResponse
{
    /// <summary>发布权威信息（官网、政务微博/微信）.</summary>
    Statement,

    /// <summary>接受媒体采访、吹风会.</summary>
    Interview,

    /// <summary>新闻发布会.</summary>
    PressConference,

    /// <summary>经研判无需公开回应（记录理由）.</summary>
    NotNeeded,
}

/// <summary>
/// A 舆情 alert for the responsible district: 核实 (verify), 回应 (respond), 发布 (publish the result) on their clocks;
/// from it an incident or a case clue may be opened. Regulated by the region of the business or place it is about.
/// </summary>
public sealed class OpinionAlert : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    /// <summary>The item that raised it (its copies count towards the spread).</summary>
    public Guid ItemId { get; init; }

    public required string Title { get; set; }

    public OpinionSeverity Severity { get; init; }

    public string Topics { get; init; } = "";

    public Guid? BusinessId { get; init; }

    public string? BusinessName { get; init; }

    /// <summary>Raised by the matcher ("system") or by hand (the officer's login).</summary>
    public required string RaisedBy { get; init; }

    public DateTime RaisedAtUtc { get; init; }

    /// <summary>The 舆情 of a 重大/特别重大 incident: information within 5 hours, a press conference within 24.</summary>
    public bool Major { get; set; }

    public DateTime VerifyDueUtc { get; set; }

    public DateTime RespondDueUtc { get; set; }

    public DateTime? PressDueUtc { get; set; }

    public DateTime? PublishDueUtc { get; set; }

    public OpinionAlertStatus Status { get; set; }

    public DateTime? VerifiedAtUtc { get; set; }

    public string? VerifiedBy { get; set; }

    public OpinionFinding? Finding { get; set; }

    public string? FindingText { get; set; }

    public DateTime? RespondedAtUtc { get; set; }

    public OpinionResponse? Response { get; set; }

    /// <summary>Where and what was said (a link, the statement), or why no public response was needed.</summary>
    public string? ResponseText { get; set; }

    public DateTime? PressHeldAtUtc { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public string? PublishedText { get; set; }

    public Guid? IncidentId { get; set; }

    public DateTime? ClueRaisedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The steps still to do, each with its due time (earliest first).</summary>
    public IReadOnlyList<(OpinionStep Step, DateTime DueUtc)> PendingSteps()
    {
        var steps = new List<(OpinionStep, DateTime)>();
        if (VerifiedAtUtc is null)
        {
            steps.Add((OpinionStep.Verify, VerifyDueUtc));
        }

        if (RespondedAtUtc is null)
        {
            steps.Add((OpinionStep.Respond, RespondDueUtc));
        }

        if (Major && PressHeldAtUtc is null && PressDueUtc is { } press)
        {
            steps.Add((OpinionStep.Press, press));
        }

        if (PublishedAtUtc is null && PublishDueUtc is { } publish)
        {
            steps.Add((OpinionStep.Publish, publish));
        }

        return [.. steps.OrderBy(s => s.Item2)];
    }

    /// <summary>A step is past its time: still pending after it, or done after it.</summary>
    public IReadOnlyList<OpinionStep> LateSteps(DateTime nowUtc)
    {
        var late = new List<OpinionStep>();
        if ((VerifiedAtUtc ?? nowUtc) > VerifyDueUtc)
        {
            late.Add(OpinionStep.Verify);
        }

        if ((RespondedAtUtc ?? nowUtc) > RespondDueUtc)
        {
            late.Add(OpinionStep.Respond);
        }

        if (PressDueUtc is { } press && (PressHeldAtUtc ?? nowUtc) > press)
        {
            late.Add(OpinionStep.Press);
        }

        if (PublishDueUtc is { } publish && (PublishedAtUtc ?? nowUtc) > publish)
        {
            late.Add(OpinionStep.Publish);
        }

        return late;
    }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>The steps of an alert's response.</summary>
public enum OpinionStep
{
    /// <summary>核实.</summary>
    Verify,

    /// <summary>回应.</summary>
    Respond,

    /// <summary>新闻发布会（重大突发事件舆情）.</summary>
    Press,

    /// <summary>发布处置结果.</summary>
    Publish,
}

/// <summary>A line of an alert's timeline: who did what when.</summary>
public sealed class OpinionAlertEntry : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AlertId { get; init; }

    public required string RegionCode { get; init; }

    public DateTime AtUtc { get; init; }

    public required string Author { get; init; }

    public required string Text { get; init; }
}
