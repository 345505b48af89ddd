using Shian.Kernel.Calendar;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.UnitTests.Traceability;

/// <summary>《食品召回管理办法》 clocks with literal dates, 召回率, and the scope of a recall computed from a forward trace.</summary>
public sealed class RecallRulesTests
{
    private static readonly WorkingDayCalendar Cal = Shian.UnitTests.Kernel.Calendar.WorkingDayCalendarTests.Shipped();

    [Fact]
    public void StartClock_IsHoursNotWorkingDays_24_48_72()
    {
        var known = new DateTime(2026, 9, 30, 10, 0, 0, DateTimeKind.Utc); // the day before National Day
        Assert.Equal(new DateTime(2026, 10, 1, 10, 0, 0, DateTimeKind.Utc), RecallClock.StartDue(RecallLevel.First, known));
        Assert.Equal(new DateTime(2026, 10, 2, 10, 0, 0, DateTimeKind.Utc), RecallClock.StartDue(RecallLevel.Second, known));
        Assert.Equal(new DateTime(2026, 10, 3, 10, 0, 0, DateTimeKind.Utc), RecallClock.StartDue(RecallLevel.Third, known));
    }

    [Fact]
    public void CompleteClock_FirstLevel_TenWorkingDays_SkipsNationalDay_AndCountsTheMakeUpSaturday()
    {
        // Notice Tue 2026-09-29: 09-30 is day 1; 10-01…10-07 off; 10-08, 10-09, Sat 10-10 (调休 working day), 10-12 … 10-16, 10-19 is day 10.
        Assert.Equal(new DateOnly(2026, 10, 19), RecallClock.CompleteDue(Cal, RecallLevel.First, new DateOnly(2026, 9, 29)));
    }

    [Fact]
    public void CompleteClock_SecondAndThirdLevel_TwentyAndThirtyWorkingDays()
    {
        Assert.Equal(new DateOnly(2026, 12, 25), RecallClock.CompleteDue(Cal, RecallLevel.Second, new DateOnly(2026, 11, 27)));
        Assert.Equal(new DateOnly(2026, 12, 14), RecallClock.CompleteDue(Cal, RecallLevel.Third, new DateOnly(2026, 11, 2)));
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(50, 0, null)]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(120, 120, 100.0)]
    public void Rate_IsRecoveredOverToRecall_InPerCent(int recovered, int? toRecall, double? expected) =>
        Assert.Equal(expected is null ? null : (decimal)expected.Value, RecallClock.Rate(recovered, toRecall));

    private const string Ship = "https://ref.gs1.org/cbv/BizStep-shipping";
    private const string Receive = "https://ref.gs1.org/cbv/BizStep-receiving";
    private const string Sell = "https://ref.gs1.org/cbv/BizStep-retail_selling";
    private const string Lot = "https://id.gs1.org/01/06901234123456/10/L1";
    private const string OtherLot = "https://id.gs1.org/01/06901234123456/10/L2";
    private const string Dairy = "https://id.gs1.org/414/6901234000004";
    private const string Wholesaler = "https://id.gs1.org/414/6905555000007";
    private const string Shop = "https://id.gs1.org/414/6907777000001";
    private const string Unregistered = "https://id.gs1.org/414/6909999000008";

    private static readonly Guid DairyId = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid WholesalerId = Guid.Parse("00000000-0000-0000-0000-00000000000a");

    private static KeyFact K(TraceKeyKind kind, string value, string? name = null, decimal? q = null, string? uom = null) => new(kind, value, name, q, uom);

    private static TraceEventRow E(long pk, string step, Guid business, string region, string where, params KeyFact[] keys) =>
        new(pk, "e" + pk, "ObjectEvent", new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc).AddHours(pk), "OBSERVE", step, null, null, where, region, business, keys);

    private static RecallScopeResult Scope()
    {
        var events = new[]
        {
            // The dairy ships 100 cases of L1 to the wholesaler (another district) and 20 cases to an unregistered GLN.
            E(1, Ship, DairyId, "210502001000", Dairy, K(TraceKeyKind.Class, Lot, null, 100, "CS"), K(TraceKeyKind.Destination, Wholesaler, "https://ref.gs1.org/cbv/SDT-location"),
                K(TraceKeyKind.BizTransaction, "urn:epcglobal:cbv:bt:6901234000004:DESADV-1", "https://ref.gs1.org/cbv/BTT-desadv")),
            E(2, Ship, DairyId, "210502001000", Dairy, K(TraceKeyKind.Class, Lot, null, 20, "CS"), K(TraceKeyKind.Destination, Unregistered, "https://ref.gs1.org/cbv/SDT-location")),

            // The wholesaler receives the 100 (same goods: not counted twice) and ships 30 on to a shop.
            E(3, Receive, WholesalerId, "210503001000", Wholesaler, K(TraceKeyKind.Class, Lot, null, 100, "CS")),
            E(4, Ship, WholesalerId, "210503001000", Wholesaler, K(TraceKeyKind.Class, Lot, null, 30, "CS"), K(TraceKeyKind.Destination, Shop, "https://ref.gs1.org/cbv/SDT-location")),

            // The dairy moves 10 cases to its own second warehouse: neither shipped away nor a downstream party.
            E(6, Ship, DairyId, "210502001000", Dairy, K(TraceKeyKind.Class, Lot, null, 10, "CS"), K(TraceKeyKind.Destination, "https://id.gs1.org/414/6901234000011", "https://ref.gs1.org/cbv/SDT-location")),

            // A shop sells 2 cases of L1 and 5 of an unrelated lot in one event: only L1 counts.
            E(5, Sell, Guid.Parse("00000000-0000-0000-0000-00000000000c"), "210504001000", Shop, K(TraceKeyKind.Class, Lot, null, 2, "CS"), K(TraceKeyKind.Class, OtherLot, null, 5, "CS")),
        };
        var trace = new TraceResult(events, [], [Lot], 1, false);
        var owners = new Dictionary<string, GlnOwner>
        {
            ["6901234000004"] = new(DairyId, "本溪乳业", "210502001000"),
            ["6901234000011"] = new(DairyId, "本溪乳业", "210502001000"),
            ["6905555000007"] = new(WholesalerId, "溪湖批发", "210503001000"),
            ["6907777000001"] = new(Guid.Parse("00000000-0000-0000-0000-00000000000c"), "明山超市", "210504001000"),
        };
        var names = new Dictionary<Guid, string> { [DairyId] = "本溪乳业", [WholesalerId] = "溪湖批发" };
        return RecallScope.Compute(trace, DairyId, names, gln => owners.GetValueOrDefault(gln));
    }

    [Fact]
    public void Scope_ListsEveryEvent_WithKeyDataElements()
    {
        var s = Scope();
        Assert.Equal(6, s.Rows.Count);
        var first = s.Rows[0];
        Assert.Equal("shipping", first.BizStep);
        Assert.Equal(100m, first.Quantity);
        Assert.Equal("CS", first.Uom);
        Assert.Equal(Wholesaler, first.To);
        Assert.Equal("溪湖批发", first.ToName);
        Assert.Equal("210503001000", first.RegionCode);
        Assert.Equal("本溪乳业", first.CapturedBy);
        Assert.Contains("DESADV-1", first.Documents);
        Assert.Equal(2m, s.Rows[5].Quantity); // the unrelated lot in the same event is not counted
    }

    [Fact]
    public void Scope_DownstreamParties_CountShipmentsOnce_AndNameUnregisteredGlns_InTheShippersDistrict()
    {
        var s = Scope();
        Assert.Equal(120m, s.ShippedByRecaller["CS"]);
        Assert.DoesNotContain(s.Parties, p => p.BusinessId == DairyId);
        var wholesaler = Assert.Single(s.Parties, p => p.BusinessId == WholesalerId);
        Assert.Equal(100m, wholesaler.Quantities["CS"]); // shipped 100 to it, its receipt of the same 100 not added
        var shop = Assert.Single(s.Parties, p => p.Name == "明山超市");
        Assert.Equal(30m, shop.Quantities["CS"]);
        Assert.Equal("210504001000", shop.RegionCode);
        var unknown = Assert.Single(s.Parties, p => p.Name == "6909999000008");
        Assert.Equal(20m, unknown.Quantities["CS"]);
        Assert.Equal("210502001000", unknown.RegionCode);
        Assert.Null(unknown.BusinessId);
    }

    [Fact]
    public async Task TheCsvExport_HasABom_ChineseHeaders_AndNoCellAFormula()
    {
        var row = new ScopeRow("e1", new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), "ObjectEvent", "shipping", Lot, 10, "CS", Dairy, Shop, null, "=HYPERLINK(\"http://x\")",
            "本溪乳业", "210504001000", "@SUM(1)");
        using var ms = new MemoryStream();
        await Shian.Traceability.RecallExport.WriteCsvAsync(ms, [row], TestContext.Current.CancellationToken);
        var bytes = ms.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("序号,事件时间（北京时间）,环节", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 08:00,发货", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("'@SUM(1)", text, StringComparison.Ordinal);
    }
}
