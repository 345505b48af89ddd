namespace Shian.Traceability.Contracts;

/// <summary>Which way the goods went between a business and its partner.</summary>
public enum TradeDirection
{
    /// <summary>The partner supplied the business (上游).</summary>
    Supplier,

    /// <summary>The partner bought from the business (下游).</summary>
    Buyer,
}

/// <summary>
/// A business that traded with the one asked about, as the traceability records show it: its register id, name and region,
/// the direction, how many events name the trade and the last one's Beijing date.
/// </summary>
public sealed record TradePartner(Guid BusinessId, string Name, string RegionCode, TradeDirection Direction, int Events, DateOnly LastOn);

/// <summary>
/// The suppliers and buyers of a business (违法信息向上下游通报, seed 004), wherever they are: the caller must already be allowed
/// to see <c>businessId</c> (the enforcement module asks for a case's party only). Partners are named only when their GLN is
/// registered to a business on the platform; an unregistered GLN is counted in <see cref="TradePartners.Unregistered"/>.
/// </summary>
public interface ITradePartners
{
    Task<TradePartners> OfAsync(Guid businessId, DateOnly since, CancellationToken ct);
}

/// <summary>The partners found, and how many trading parties could not be named (GLNs registered to no business).</summary>
public sealed record TradePartners(IReadOnlyList<TradePartner> Partners, int Unregistered);
