namespace Shian.Complaints.Contracts;

/// <summary>
/// A complaint or report as the emergencies module may escalate it (a tip of people falling ill): what was reported,
/// where, about whom — never who reported it (the complainant's identity stays in the complaints module).
/// </summary>
public sealed record ComplaintTip(Guid Id, string TrackingCode, string RegionCode, string Description, Guid? BusinessId, string? BusinessName, string? Address,
    DateOnly? OccurredOn, DateTime ReceivedAtUtc, bool AboutSchool, Guid? IncidentId);

/// <summary>Finds a complaint among the caller's regions (null when it is not there).</summary>
public interface IComplaintTips
{
    Task<ComplaintTip?> FindAsync(Guid id, CancellationToken ct);
}
