using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Traceability.Domain;

namespace Shian.Traceability.Demo;

/// <summary>
/// A demo supply chain (Demo:Traceability, Development only): a dairy of 平山区 commissions a lot of yoghurt, ships part
/// of it to a wholesaler of 明山区, which ships on to the demo restaurant of 溪湖区; each captures its own events
/// through the EPCIS capture path. The dairy's lot is then under a published 二级 recall, started and partly recovered,
/// so the recall pages, the district tasks, the public recall and the lot's 追溯码 page all have something to show.
/// </summary>
internal sealed partial class TraceabilityDemoSeeder(ShianDb db, IOptions<DemoOptions> demo, IBusinessDirectory directory, Capture capture, Recalls recalls, TimeProvider clock,
    ILogger<TraceabilityDemoSeeder> logger) : IDemoDataSeeder
{
    /// <summary>The demo lot's GTIN (GS1 China range, company prefix 6901234, item 00001, check digit 6) and lot.</summary>
    public const string DemoGtin = "06901234000016";

    public const string DemoLot = "DEMO-2611";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!demo.Value.Traceability || await db.Gs1Prefixes.IgnoreQueryFilters().AnyAsync(ct))
        {
            return;
        }

        var dairy = await PickAsync(BusinessKind.Producer, "210502", ct);
        var wholesaler = await PickAsync(BusinessKind.Seller, "210504", ct);
        var restaurant = (await directory.WithUsccAsync(DemoAccounts.DemoBusinessUscc, ct)).FirstOrDefault();
        if (dairy is null || wholesaler is null || restaurant is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (business, prefix) in new[] { (dairy, "6901234"), (wholesaler, "6905555"), (restaurant, "6907777") })
        {
            db.Gs1Prefixes.Add(new Gs1Prefix
            {
                RegionCode = business.RegionCode, BusinessId = business.Id, BusinessUscc = business.Uscc, BusinessName = business.Name, Prefix = prefix, AddedBy = "system", AddedAtUtc = now,
            });
        }

        await db.SaveChangesAsync(ct);

        var day = ChinaTime.Today(clock).AddDays(-12);
        string At(int days, int hour) => day.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $"T{hour:00}:00:00+08:00";
        const string Lot = $"urn:epc:class:lgtin:6901234.000001.{DemoLot}";
        await CaptureAsync(dairy, $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "{{{At(2, 18)}}}",
             "epcisHeader": {"epcisMasterData": {"vocabularyList": [
               {"type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
                 {"id": "urn:epc:id:sgln:6901234.00001.0", "attributes": [{"id": "urn:epcglobal:cbv:mda#name", "attribute": "生产车间"}]},
                 {"id": "urn:epc:id:sgln:6901234.00009.0", "attributes": [{"id": "urn:epcglobal:cbv:mda#name", "attribute": "自有冷库"}]}]},
               {"type": "urn:epcglobal:epcis:vtype:EPCClass", "vocabularyElementList": [
                 {"id": "https://id.gs1.org/01/{{{DemoGtin}}}", "attributes": [{"id": "urn:epcglobal:cbv:mda#descriptionShort", "attribute": "原味酸奶（1 kg×6 盒/箱）"}]}]}]}},
             "epcisBody": {"eventList": [
               {"type": "TransformationEvent", "eventTime": "{{{At(0, 9)}}}", "eventTimeZoneOffset": "+08:00", "bizStep": "commissioning",
                "inputQuantityList": [{"epcClass": "urn:epc:class:lgtin:6901234.000002.RAW-{{{day:MMdd}}}", "quantity": 2000, "uom": "KGM"}],
                "outputQuantityList": [{"epcClass": "{{{Lot}}}", "quantity": 400, "uom": "CS"}],
                "bizLocation": {"id": "urn:epc:id:sgln:6901234.00001.0"}, "ilmd": {"cbvmda:lotNumber": "{{{DemoLot}}}", "cbvmda:itemExpirationDate": "{{{day.AddDays(21):yyyy-MM-dd}}}"}},
               {"type": "ObjectEvent", "eventTime": "{{{At(1, 8)}}}", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit", "epcList": [],
                "quantityList": [{"epcClass": "{{{Lot}}}", "quantity": 150, "uom": "CS"}], "readPoint": {"id": "urn:epc:id:sgln:6901234.00001.0"},
                "bizTransactionList": [{"type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000004:FH-{{{day:yyyyMMdd}}}-01"}],
                "destinationList": [{"type": "location", "destination": "urn:epc:id:sgln:6905555.00001.0"}]},
               {"type": "ObjectEvent", "eventTime": "{{{At(1, 10)}}}", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit", "epcList": [],
                "quantityList": [{"epcClass": "{{{Lot}}}", "quantity": 200, "uom": "CS"}], "readPoint": {"id": "urn:epc:id:sgln:6901234.00001.0"},
                "bizTransactionList": [{"type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000004:FH-{{{day:yyyyMMdd}}}-02"}],
                "destinationList": [{"type": "location", "destination": "urn:epc:id:sgln:6901234.00009.0"}]}]}}
            """, ct);
        await CaptureAsync(wholesaler, $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "{{{At(3, 18)}}}",
             "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "eventTime": "{{{At(1, 15)}}}", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress", "epcList": [],
                "quantityList": [{"epcClass": "{{{Lot}}}", "quantity": 150, "uom": "CS"}], "bizLocation": {"id": "urn:epc:id:sgln:6905555.00001.0"}},
               {"type": "ObjectEvent", "eventTime": "{{{At(3, 8)}}}", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit", "epcList": [],
                "quantityList": [{"epcClass": "{{{Lot}}}", "quantity": 20, "uom": "CS"}], "readPoint": {"id": "urn:epc:id:sgln:6905555.00001.0"},
                "destinationList": [{"type": "location", "destination": "urn:epc:id:sgln:6907777.00001.0"}]}]}}
            """, ct);
        await CaptureAsync(restaurant, $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "{{{At(3, 18)}}}",
             "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "eventTime": "{{{At(3, 11)}}}", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress", "epcList": [],
                "quantityList": [{"epcClass": "{{{Lot}}}", "quantity": 20, "uom": "CS"}], "bizLocation": {"id": "urn:epc:id:sgln:6907777.00001.0"}}]}}
            """, ct);

        var recall = await recalls.OpenAsync(new Recalls.OpenRequest(dairy.Id, "原味酸奶（1 kg×6 盒/箱）", DemoGtin, DemoLot, day, RecallLevel.Second,
            "企业自检发现该批次产品菌落总数超出 GB 19302 限量，食用可能导致一般健康损害。", null), ct);
        await recalls.StartAsync(recall.Id, new Recalls.StartRequest(ChinaTime.Today(clock).AddDays(-2),
            $"{dairy.Name}召回 {day:yyyy年M月d日} 生产、批号 {DemoLot} 的原味酸奶。已购买的消费者请停止食用，凭购物凭证到购买地点退货退款，或拨打 024-0000-0000 联系。", null, null), ct);
        await recalls.ProgressAsync(recall.Id, new Recalls.ProgressRequest(ChinaTime.Today(clock).AddDays(-1), 120, 100, "溪湖批发部退回 120 箱，已销毁 100 箱"), ct);
        await recalls.PublishAsync(recall.Id, ct);
        LogSeeded(logger, recall.Number);
    }

    private async Task CaptureAsync(BusinessIdentity business, string json, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(json);
        await capture.CaptureJsonAsync(doc, json.Length, business, ct);
    }

    private async Task<BusinessIdentity?> PickAsync(BusinessKind kind, string county, CancellationToken ct)
    {
        await foreach (var b in directory.StreamAsync($"{county}000000", ct))
        {
            if (b.Kind == kind && b.Status == BusinessStatus.Operating)
            {
                return (await directory.IdentitiesAsync([b.Id], ct)).FirstOrDefault();
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo traceability: a supply chain captured and recall {Number} published")]
    private static partial void LogSeeded(ILogger logger, string number);
}
