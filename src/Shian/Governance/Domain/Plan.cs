using Shian.Governance.Parsing;
using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

/// <summary>An imported work plan of a 食安办 (or a department), with its source file.</summary>
public sealed class Plan : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The issuing region; the plan is visible within its subtree.</summary>
    public required string RegionCode { get; init; }

    public required string Title { get; set; }

    public int Year { get; set; }

    public string? IssuerName { get; set; }

    public PlanLayout Layout { get; init; }

    /// <summary>SHA-256 of the imported file: the same document is not imported twice in one region.</summary>
    public required string ContentHash { get; init; }

    public required string SourceFileName { get; init; }

    public Guid? SourceAttachmentId { get; init; }

    public required string ImportedBy { get; init; }

    public DateTime ImportedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
