using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Inspections.Domain;

/// <summary>Where a business's reply to an inspection result stands.</summary>
public enum ReplyStatus
{
    /// <summary>提交，待监管部门审核.</summary>
    Submitted,

    /// <summary>监管部门已确认（整改材料属实，或答复予以公开）.</summary>
    Accepted,

    /// <summary>监管部门不予认可（理由写明；需要时安排复查）.</summary>
    Rejected,
}

/// <summary>
/// A business's reply to one of its inspection results: its rectification report (整改情况报告, with photos) and its
/// statement on the result (the right to reply, as UK FHRS gives one). The officer reviews it; once reviewed, its text and
/// the officer's conclusion are shown beside the result on the public page (photos stay with the record).
/// </summary>
public sealed class InspectionReply : IRegionScoped, IBusinessOwned, IAudited
{
    public const int MaxText = 1000;

    public const int MaxNote = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RecordId { get; init; }

    public Guid BusinessId { get; init; }

    public required string RegionCode { get; init; }

    public string? BusinessUscc { get; init; }

    public required string Text { get; init; }

    /// <summary>Attachment ids of the photos, comma-separated.</summary>
    public string? PhotoIds { get; init; }

    public required string SubmittedBy { get; init; }

    public DateTime SubmittedAtUtc { get; init; }

    public ReplyStatus Status { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    /// <summary>The officer's conclusion, shown with the reply (required when not accepted).</summary>
    public string? ReviewNote { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
