using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Bulletins.Domain;

/// <summary>What an office publishes (seed 004: 信息发布制度, 新媒体; seed 000: 公众互动, 知情权).</summary>
public enum BulletinKind
{
    /// <summary>消费提示 (seasonal advice: wild mushrooms, 年夜饭, 校园周边).</summary>
    ConsumerTip = 1,

    /// <summary>风险警示 (a product or a risk the public should avoid now).</summary>
    RiskAlert = 2,

    /// <summary>通知公告.</summary>
    Notice = 3,

    /// <summary>工作动态.</summary>
    WorkNews = 4,
}

public enum BulletinStatus
{
    /// <summary>草稿 (only the office sees it).</summary>
    Draft,

    /// <summary>已发布.</summary>
    Published,

    /// <summary>已撤回 (off the public pages, with the reason kept).</summary>
    Withdrawn,
}

/// <summary>
/// A piece of public information an office writes and publishes: a consumer tip, a risk alert, a notice or work news.
/// Plain text only (paragraphs by line breaks; no markup is ever rendered), in the office's region; a draft is edited
/// until published, a published one is withdrawn with a reason rather than edited or deleted (what the public read stays
/// on record).
/// </summary>
public sealed class Bulletin : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The issuing office's region (a city or a county).</summary>
    public required string RegionCode { get; init; }

    public BulletinKind Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public BulletinStatus Status { get; set; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? UpdatedAtUtc { get; set; }

    public string? PublishedBy { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>The publication day in Beijing time (the public lists sort and show it).</summary>
    public DateOnly? PublishedOn { get; set; }

    public string? WithdrawnBy { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public string? WithdrawnReason { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
