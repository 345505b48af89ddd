using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

public enum CheckRating
{
    /// <summary>好.</summary>
    Good,

    /// <summary>一般.</summary>
    Fair,

    /// <summary>差.</summary>
    Poor,
}

/// <summary>
/// 暗访检查: the 食安办 visits a place unannounced and records what it found against a region (and unit). Seed 000
/// feeds these into assessment; the record carries the checked region.
/// </summary>
public sealed class IncognitoCheck : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public string? UnitKey { get; init; }

    public string? UnitName { get; init; }

    public DateOnly CheckedOn { get; init; }

    public required string Place { get; init; }

    public required string Findings { get; init; }

    public int Problems { get; init; }

    public CheckRating Rating { get; init; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
