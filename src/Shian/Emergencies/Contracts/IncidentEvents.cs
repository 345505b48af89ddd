namespace Shian.Emergencies.Contracts;

/// <summary>
/// Raised with the commit of an incident opened from a complaint or report (a durable outbox event, ADR 0005): the
/// complaints module records on the complaint that it went to the emergency response, and links the incident.
/// </summary>
public sealed record IncidentOpenedFromComplaint(Guid ComplaintId, Guid IncidentId, string IncidentTitle, string GradeLabel, DateTime OpenedAtUtc);
