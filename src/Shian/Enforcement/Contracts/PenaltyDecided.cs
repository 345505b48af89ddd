namespace Shian.Enforcement.Contracts;

/// <summary>
/// Raised with the commit of an administrative penalty decision (a durable outbox event): what credit files, the
/// serious-dishonesty list proposals and disclosure (Order 45) consume. Carries no personal data beyond the party's name.
/// </summary>
/// <param name="Article">The penalty article's name (<c>Art122</c> … <c>Art126</c>) when a fine was set.</param>
/// <param name="DiscretionLevel">从轻 / 一般 / 从重 / 减轻: a fine in the 从重 band is a 较重行政处罚 (Order 44 第二条).</param>
/// <param name="PartyIsPerson">The party is a natural person: its name is masked when published, and 较低数额罚款 has its own threshold.</param>
public sealed record PenaltyDecided(Guid CaseId, Guid? BusinessId, string Party, string RegionCode, DateOnly DecidedOn, decimal Fine, decimal Confiscated, bool Warning,
    string? OtherMeasures, string? Article, string DecisionNumber, string? Cause = null, string? DiscretionLevel = null, bool PartyIsPerson = false);

/// <summary>
/// Raised with the commit of a penalty decision's 撤销、变更 or 确认违法/无效 (行政复议, 行政诉讼 or the office's own correction):
/// its publication is withdrawn within 3 working days (《市场监督管理行政处罚信息公示规定》第十一条) and a listing that rests on it
/// is removed.
/// </summary>
public sealed record PenaltyRevoked(Guid CaseId, Guid? BusinessId, string RegionCode, DateOnly RevokedOn, string Reason);

/// <summary>Where a penalty decision stands, for the credit module's repair conditions (已履行行政处罚决定).</summary>
public sealed record PenaltyFacts(Guid CaseId, bool Fulfilled, DateOnly? PaidOn, DateOnly? ClosedOn, bool Revoked);

/// <summary>Read access to penalty decisions for other modules (region-filtered like every regulated read).</summary>
public interface IPenaltyFacts
{
    Task<PenaltyFacts?> FindAsync(Guid caseId, CancellationToken ct);
}
