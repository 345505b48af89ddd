using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.UnitTests.Traceability;

/// <summary>
/// The trace over a small chain: a farm commissions two cartons of lot L1, packs them on a pallet and ships it; a
/// processor receives it, unpacks, and turns lot L1 into lot P7 of a product, which goes to a shop.
/// </summary>
public sealed class TraceWalkTests
{
    private const string LotL1 = "https://id.gs1.org/01/06901234123456/10/L1";
    private const string Carton1 = "https://id.gs1.org/01/06901234123456/21/1";
    private const string Carton2 = "https://id.gs1.org/01/06901234123456/21/2";
    private const string Pallet = "https://id.gs1.org/00/069012340000000012";
    private const string LotP7 = "https://id.gs1.org/01/06901234543216/10/P7";

    private static KeyFact K(TraceKeyKind kind, string value, string? name = null, decimal? quantity = null, string? uom = null) => new(kind, value, name, quantity, uom);

    private static TraceEventRow E(long pk, string type, string step, params KeyFact[] keys) =>
        new(pk, "e" + pk, type, new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc).AddHours(pk), "ADD", step, null, null, null, "210503001000", Guid.Empty, keys);

    private static readonly TraceEventRow[] Chain =
    [
        E(1, "ObjectEvent", "commissioning", K(TraceKeyKind.Epc, Carton1), K(TraceKeyKind.Epc, Carton2), K(TraceKeyKind.Lot, LotL1)),
        E(2, "AggregationEvent", "packing", K(TraceKeyKind.Parent, Pallet), K(TraceKeyKind.Child, Carton1), K(TraceKeyKind.Child, Carton2)),
        E(3, "ObjectEvent", "shipping", K(TraceKeyKind.Epc, Pallet)),
        E(4, "ObjectEvent", "receiving", K(TraceKeyKind.Epc, Pallet)),
        E(5, "TransformationEvent", "commissioning", K(TraceKeyKind.InputClass, LotL1, null, 100m, "KGM"), K(TraceKeyKind.OutputClass, LotP7, null, 80m, "KGM")),
        E(6, "ObjectEvent", "shipping", K(TraceKeyKind.Class, LotP7, null, 80m, "KGM")),
        E(7, "ObjectEvent", "shipping", K(TraceKeyKind.Epc, "https://id.gs1.org/01/06909999000017/21/X")),
    ];

    private static Task<IReadOnlyList<TraceEventRow>> Load(IReadOnlyCollection<string> ids) =>
        Task.FromResult<IReadOnlyList<TraceEventRow>>([.. Chain.Where(e => e.Keys.Any(k => ids.Contains(k.Value)))]);

    [Fact]
    public async Task Forward_FromTheFarmLot_ReachesThePallet_TheProcessorsLot_AndItsShipment_ButNotUnrelatedGoods()
    {
        var r = await TraceWalk.WalkAsync([LotL1], TraceDirection.Forward, Load);
        Assert.Equal([1L, 2, 3, 4, 5, 6], r.Events.Select(e => e.Pk).ToArray());
        Assert.Contains(Pallet, r.Identifiers);
        Assert.Contains(LotP7, r.Identifiers);
        Assert.Contains(r.Edges, e => e is { From: LotL1, To: LotP7, Relation: "原料-产品" });
        Assert.False(r.Truncated);
    }

    [Fact]
    public async Task Backward_FromTheShopLot_FindsTheFarmLotAndItsCartons_WithoutGoingForwardFromThem()
    {
        var r = await TraceWalk.WalkAsync([LotP7], TraceDirection.Backward, Load);
        Assert.Contains(LotL1, r.Identifiers);
        Assert.Contains(Carton1, r.Identifiers);
        Assert.Contains(r.Events, e => e.Pk == 1);
        Assert.DoesNotContain(r.Edges, e => e.Relation == "原料-产品");
    }

    [Fact]
    public async Task ACarton_FollowsItsPallet_AndTheHopLimitIsReported()
    {
        var full = await TraceWalk.WalkAsync(["urn:epc:id:sgtin:6901234.012345.1"], TraceDirection.Forward, Load);
        Assert.Contains(full.Events, e => e.Pk == 3); // the pallet's shipment is the carton's
        var limited = await TraceWalk.WalkAsync([Carton1], TraceDirection.Forward, Load, maxHops: 1);
        Assert.True(limited.Truncated);
    }
}
