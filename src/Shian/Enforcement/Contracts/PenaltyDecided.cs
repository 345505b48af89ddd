namespace Shian.Enforcement.Contracts;

/// <summary>
/// Raised with the commit of an administrative penalty decision (a durable outbox event): what credit files, the
/// serious-dishonesty list proposals and disclosure (Order 45) consume. Carries no personal data beyond the party's name.
/// </summary>
public sealed record PenaltyDecided(Guid CaseId, Guid? BusinessId, string Party, string RegionCode, DateOnly DecidedOn, decimal Fine, decimal Confiscated, bool Warning,
    string? OtherMeasures, string? Article, string DecisionNumber);
