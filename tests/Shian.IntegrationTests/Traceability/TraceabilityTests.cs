using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;
using Shian.Traceability.Rules;

namespace Shian.IntegrationTests.Traceability;

/// <summary>
/// The EPCIS 2.0 repository over HTTP on both databases: capture (all-or-nothing, idempotent, bound to the business's
/// own GS1 codes), the SimpleEventQuery by EPC in any form, lot, step and page, and every OpenEPCIS valid JSON document
/// round-tripping with its CBV 2.0 event hash unchanged.
/// </summary>
public abstract partial class TraceabilityTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Random Rng = new();

    /// <summary>A random 7-digit GS1 company prefix in the 690–699 (GS1 China) range, unused so far in this database.</summary>
    private static string CompanyPrefix() => "69" + Rng.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A business of 溪湖区 with a GS1 company prefix registered to it: (id, USCC, prefix).</summary>
    private static async Task<(string Id, string Uscc, string Prefix)> BusinessWithPrefixAsync(HttpClient officer, string region = "210503001000")
    {
        var ids = RegistryTests.NextIds();
        var id = await RegistryTests.RegisterAsync(officer, region, "追溯测试食品厂" + ids.Uscc[^4..], ids: ids);
        var prefix = CompanyPrefix();
        var res = await officer.PostAsJsonAsync($"/api/v1/epcis/gs1-prefixes/businesses/{id}", new { prefix }, Ct);
        Assert.True(res.StatusCode == HttpStatusCode.Created, await res.Content.ReadAsStringAsync(Ct));
        return (id, ids.Uscc, prefix);
    }

    private static string Gtin(string cp, string itemRef) => Gs1Keys.Canonical($"urn:epc:id:sgtin:{cp}.{itemRef}.1")![22..36];

    /// <summary>A farm-to-shelf document of one business: commissioning of two cartons of lot L2026-11, packing onto a pallet, shipping.</summary>
    private static string Document(string sender, string cp, string lot = "L2026-11", string? otherReadPoint = null) => $$"""
        {
          "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"shian": "https://shian.example.cn/epcis/"}],
          "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-20T08:00:00+08:00", "sender": "{{sender}}",
          "epcisBody": { "eventList": [
            { "type": "ObjectEvent", "eventTime": "2026-11-20T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "ADD",
              "epcList": ["urn:epc:id:sgtin:{{cp}}.012345.1001", "urn:epc:id:sgtin:{{cp}}.012345.1002"],
              "bizStep": "commissioning", "disposition": "active",
              "readPoint": {"id": "urn:epc:id:sgln:{{cp}}.00001.0"},
              "ilmd": {"cbvmda:lotNumber": "{{lot}}", "cbvmda:itemExpirationDate": "2027-05-20", "shian:farm": "溪湖区示范基地"} },
            { "type": "AggregationEvent", "eventTime": "2026-11-20T09:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "ADD",
              "parentID": "urn:epc:id:sscc:{{cp}}.0000000001",
              "childEPCs": ["urn:epc:id:sgtin:{{cp}}.012345.1001", "urn:epc:id:sgtin:{{cp}}.012345.1002"],
              "bizStep": "packing", "readPoint": {"id": "urn:epc:id:sgln:{{cp}}.00001.0"} },
            { "type": "ObjectEvent", "eventTime": "2026-11-20T10:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
              "epcList": ["urn:epc:id:sscc:{{cp}}.0000000001"], "bizStep": "shipping", "disposition": "in_transit",
              "readPoint": {"id": "{{otherReadPoint ?? $"urn:epc:id:sgln:{cp}.00001.0"}}"},
              "destinationList": [{"type": "owning_party", "destination": "urn:epc:id:pgln:6901111.00000"}] }
          ] }
        }
        """;

    private static StringContent Ld(string json) => new(json, Encoding.UTF8, "application/ld+json");

    private async Task<JsonElement> JsonAsync(HttpResponseMessage res, HttpStatusCode expected)
    {
        var text = await res.Content.ReadAsStringAsync(Ct);
        Assert.True(res.StatusCode == expected, $"{(int)res.StatusCode}: {text}" + ((int)res.StatusCode == 500 ? "\n" + string.Join("\n", factory.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(3)) : ""));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task AcceptedAsync(HttpResponseMessage res) =>
        Assert.True(res.StatusCode == HttpStatusCode.Accepted, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");

    private static JsonElement Events(JsonElement queryDocument) => queryDocument.GetProperty("epcisBody").GetProperty("queryResults").GetProperty("resultsBody").GetProperty("eventList");

    [Fact]
    public async Task ADocument_IsCaptured_QueriedByEpcLotStepAndPage_AndResendingStoresNothing()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var (_, uscc, cp) = await BusinessWithPrefixAsync(officer);
        var doc = Document(uscc, cp);

        var res = await officer.PostAsync("/api/v1/epcis/capture", Ld(doc), Ct);
        var status = await JsonAsync(res, HttpStatusCode.Accepted);
        Assert.Equal(3, status.GetProperty("stored").GetInt32());
        Assert.True(status.GetProperty("success").GetBoolean());
        var job = await JsonAsync(await officer.GetAsync(res.Headers.Location!.ToString(), Ct), HttpStatusCode.OK);
        Assert.Equal(3, job.GetProperty("stored").GetInt32());

        // Captured without eventIDs: each is stored under its CBV 2.0 hash, exactly as the rule computes it.
        var expected = EpcisJson.ReadEvents(JsonNode.Parse(doc)!.AsObject()).Select(EventHash.Of).ToList();
        Assert.Equal(expected, status.GetProperty("eventIDs").EnumerateArray().Select(e => e.GetString()!).ToList());
        var one = await JsonAsync(await officer.GetAsync($"/api/v1/epcis/events/{Uri.EscapeDataString(expected[0])}", Ct), HttpStatusCode.OK);
        Assert.Equal("溪湖区示范基地", one.GetProperty("ilmd").GetProperty("shian:farm").GetString());

        // An EPC asked for as a Digital Link finds the events that wrote it as an EPC URI (commissioning and packing).
        var gtin = Gtin(cp, "012345");
        var byEpc = Events(await JsonAsync(await officer.GetAsync($"/api/v1/epcis/events?MATCH_epc={Uri.EscapeDataString($"https://id.gs1.org/01/{gtin}/21/1001")}", Ct), HttpStatusCode.OK));
        Assert.Equal(["ObjectEvent", "AggregationEvent"], byEpc.EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray());

        // The lot: by its ILMD lot number, and as a GTIN + lot class.
        var byLot = Events(await JsonAsync(await officer.GetAsync("/api/v1/epcis/events?EQ_ILMD_cbvmda:lotNumber=L2026-11&MATCH_epc=" + Uri.EscapeDataString($"urn:epc:idpat:sgtin:{cp}.012345.*"), Ct), HttpStatusCode.OK));
        Assert.Equal(1, byLot.GetArrayLength());
        var byClass = Events(await JsonAsync(await officer.GetAsync($"/api/v1/epcis/events?MATCH_anyEPCClass={Uri.EscapeDataString($"urn:epc:class:lgtin:{cp}.012345.L2026-11")}", Ct), HttpStatusCode.OK));
        Assert.Equal(expected[0], byClass[0].GetProperty("eventID").GetString());

        var shipping = Events(await JsonAsync(await officer.GetAsync($"/api/v1/epcis/events?EQ_bizStep=shipping&MATCH_anyEPC={Uri.EscapeDataString($"urn:epc:id:sscc:{cp}.0000000001")}", Ct), HttpStatusCode.OK));
        Assert.Equal(expected[2], Assert.Single(shipping.EnumerateArray()).GetProperty("eventID").GetString());

        // Paged: one event per page, the next page by the Link header's token.
        var first = await officer.GetAsync($"/api/v1/epcis/events?perPage=2&MATCH_anyEPC={Uri.EscapeDataString($"urn:epc:id:sscc:{cp}.0000000001")}|{Uri.EscapeDataString($"urn:epc:id:sgtin:{cp}.012345.1001")}", Ct);
        Assert.Equal(2, Events(await JsonAsync(first, HttpStatusCode.OK)).GetArrayLength());
        var next = first.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"next\"", next, StringComparison.Ordinal);
        var page2 = Events(await JsonAsync(await officer.GetAsync(next[1..next.IndexOf('>')], Ct), HttpStatusCode.OK));
        Assert.Equal(expected[2], Assert.Single(page2.EnumerateArray()).GetProperty("eventID").GetString());

        // The XML binding by content negotiation: a query document valid against the XSDs, holding the same events.
        foreach (var url in new[] { $"/api/v1/epcis/events?MATCH_anyEPC={Uri.EscapeDataString($"urn:epc:id:sscc:{cp}.0000000001")}|{Uri.EscapeDataString($"urn:epc:id:sgtin:{cp}.012345.1001")}", $"/api/v1/epcis/events/{Uri.EscapeDataString(expected[0])}" })
        {
            using var xmlRequest = new HttpRequestMessage(HttpMethod.Get, url);
            xmlRequest.Headers.Accept.ParseAdd("application/xml");
            var xml = await officer.SendAsync(xmlRequest, Ct);
            Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
            Assert.Equal("application/xml", xml.Content.Headers.ContentType!.MediaType);
            var (read, xmlErrors) = EpcisXml.Read(await xml.Content.ReadAsStreamAsync(Ct));
            Assert.True(xmlErrors.Count == 0, string.Join("\n", xmlErrors.Select(e => e.MessageEn)));
            var hashes = EpcisJson.ReadEvents(EpcisXml.ToJsonLd(read!)).Select(EventHash.Of).ToList();
            Assert.Equal(url.Contains("/events/", StringComparison.Ordinal) ? [expected[0]] : expected, hashes);
            Assert.Equal("溪湖区示范基地", read!.Descendants(System.Xml.Linq.XName.Get("farm", "https://shian.example.cn/epcis/")).First().Value);
        }

        // A code belongs to one business: the same prefix, or a GLN inside it, cannot go to another (checked across regions).
        var otherId = await RegistryTests.RegisterAsync(officer, "210503001000", "另一食品厂" + RegistryTests.NextIds().Uscc[^4..], ids: RegistryTests.NextIds());
        foreach (var taken in new[] { cp, cp + "00001" + Gs1Keys.CheckDigit(cp + "00001") })
        {
            var clash = await officer.PostAsJsonAsync($"/api/v1/epcis/gs1-prefixes/businesses/{otherId}", new { prefix = taken }, Ct);
            Assert.Equal("trace.prefix-taken", (await JsonAsync(clash, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        }

        // Sent again: nothing new is stored.
        var again = await JsonAsync(await officer.PostAsync("/api/v1/epcis/capture", Ld(doc), Ct), HttpStatusCode.Accepted);
        Assert.Equal(0, again.GetProperty("stored").GetInt32());
        Assert.Equal(3, again.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task TheSameNewDocumentSentSixTimesAtOnce_IsStoredOnce_TheOthersCountItsEventsAsHeld()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var (_, uscc, cp) = await BusinessWithPrefixAsync(officer);
        var doc = Document(uscc, cp, lot: "RACE-1");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => officer.PostAsync("/api/v1/epcis/capture", Ld(doc), Ct)));
        var statuses = new List<JsonElement>();
        foreach (var r in responses)
        {
            statuses.Add(await JsonAsync(r, HttpStatusCode.Accepted)); // none refused by the unique index as a 500
        }

        Assert.Equal(3, statuses.Sum(s => s.GetProperty("stored").GetInt32()));
        Assert.Equal(15, statuses.Sum(s => s.GetProperty("duplicates").GetInt32()));
    }

    [Fact]
    public async Task ALot_IsTracedForwardToTheProcessorsProduct_AndTheProductBackToTheFarm()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var (_, farmUscc, farmCp) = await BusinessWithPrefixAsync(officer);
        var (_, plantUscc, plantCp) = await BusinessWithPrefixAsync(officer);
        (await officer.PostAsync("/api/v1/epcis/capture", Ld(Document(farmUscc, farmCp, lot: "F-88")), Ct)).EnsureSuccessStatusCode();
        var farmLot = $"urn:epc:class:lgtin:{farmCp}.012345.F-88";

        // The plant receives the farm's pallet and makes lot P-1 of its own product from lot F-88, then ships 80 kg of it.
        var plant = $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0",
             "creationDate": "2026-11-21T08:00:00+08:00", "sender": "{{{plantUscc}}}", "epcisBody": {"eventList": [
              {"type": "ObjectEvent", "eventTime": "2026-11-21T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "receiving",
               "epcList": ["urn:epc:id:sscc:{{{farmCp}}}.0000000001"], "readPoint": {"id": "urn:epc:id:sgln:{{{plantCp}}}.00001.0"}},
              {"type": "TransformationEvent", "eventTime": "2026-11-21T10:00:00+08:00", "eventTimeZoneOffset": "+08:00", "bizStep": "commissioning",
               "inputQuantityList": [{"epcClass": "{{{farmLot}}}", "quantity": 100, "uom": "KGM"}],
               "outputQuantityList": [{"epcClass": "urn:epc:class:lgtin:{{{plantCp}}}.054321.P-1", "quantity": 80, "uom": "KGM"}],
               "readPoint": {"id": "urn:epc:id:sgln:{{{plantCp}}}.00001.0"}},
              {"type": "ObjectEvent", "eventTime": "2026-11-22T09:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "shipping",
               "quantityList": [{"epcClass": "urn:epc:class:lgtin:{{{plantCp}}}.054321.P-1", "quantity": 80, "uom": "KGM"}],
               "readPoint": {"id": "urn:epc:id:sgln:{{{plantCp}}}.00001.0"},
               "destinationList": [{"type": "owning_party", "destination": "urn:epc:id:pgln:6901111.00000"}]}
            ]}}
            """;
        (await officer.PostAsync("/api/v1/epcis/capture", Ld(plant), Ct)).EnsureSuccessStatusCode();

        var forward = await JsonAsync(await officer.GetAsync($"/api/v1/epcis/trace/{Uri.EscapeDataString(farmLot)}?direction=forward", Ct), HttpStatusCode.OK);
        var steps = forward.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("bizStep").GetString()).ToList();
        Assert.Equal(["commissioning", "packing", "shipping", "receiving", "commissioning", "shipping"], steps);
        var last = forward.GetProperty("events").EnumerateArray().Last();
        Assert.Contains("80 KGM", last.GetProperty("quantities")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("https://id.gs1.org/417/6901111000009", last.GetProperty("destinations")[0].GetString());
        Assert.StartsWith("追溯测试食品厂", forward.GetProperty("events")[0].GetProperty("business").GetString(), StringComparison.Ordinal);

        var backward = await JsonAsync(await officer.GetAsync($"/api/v1/epcis/trace/{Uri.EscapeDataString($"urn:epc:class:lgtin:{plantCp}.054321.P-1")}?direction=backward", Ct), HttpStatusCode.OK);
        Assert.Contains(backward.GetProperty("identifiers").EnumerateArray(), i => i.GetString()!.Contains("/10/F-88", StringComparison.Ordinal));
        Assert.Contains(backward.GetProperty("events").EnumerateArray(), e => e.GetProperty("bizStep").GetString() == "commissioning" && e.GetProperty("where").GetString()!.Contains(farmCp, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/epcis/trace/urn%3Aepc%3Aclass%3Algtin%3A6999999.012345.NONE", Ct)).StatusCode);
    }

    [Fact]
    public async Task BadDocuments_AreRefused_WithTheFieldNamed_AndNothingIsStored()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var (_, uscc, cp) = await BusinessWithPrefixAsync(officer);

        var notJson = await JsonAsync(await officer.PostAsync("/api/v1/epcis/capture", Ld("{\"type\": \"EPCISDocument\", "), Ct), HttpStatusCode.BadRequest);
        Assert.Equal("trace.not-json", notJson.GetProperty("code").GetString());

        // The third event has an unknown business step: the whole document is refused, the first two are not kept either.
        var bad = Document(uscc, cp, lot: "BAD-1").Replace("\"bizStep\": \"shipping\"", "\"bizStep\": \"transporting_by_bike\"", StringComparison.Ordinal);
        var problem = await JsonAsync(await officer.PostAsync("/api/v1/epcis/capture", Ld(bad), Ct), HttpStatusCode.BadRequest);
        Assert.Equal("trace.epcis-invalid", problem.GetProperty("code").GetString());
        var field = problem.GetProperty("errors").EnumerateObject().Single();
        Assert.Equal("/epcisBody/eventList/2/bizStep", field.Name);
        Assert.Contains("transporting_by_bike", field.Value[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("第 3 个事件", field.Value[0].GetString(), StringComparison.Ordinal);
        var kept = Events(await JsonAsync(await officer.GetAsync("/api/v1/epcis/events?EQ_ILMD_cbvmda:lotNumber=BAD-1", Ct), HttpStatusCode.OK));
        Assert.Equal(0, kept.GetArrayLength());

        // A read point at another business's GLN: 403, naming the event.
        var foreign = Document(uscc, cp, lot: "BAD-2", otherReadPoint: "urn:epc:id:sgln:6901111.00001.0");
        var refused = await JsonAsync(await officer.PostAsync("/api/v1/epcis/capture", Ld(foreign), Ct), HttpStatusCode.Forbidden);
        Assert.Equal("trace.not-own-location", refused.GetProperty("code").GetString());
        Assert.True(refused.GetProperty("errors").TryGetProperty("/epcisBody/eventList/2/readPoint/id", out _));

        // A sender nobody registered, and a document too large.
        var unknown = await JsonAsync(await officer.PostAsync("/api/v1/epcis/capture", Ld(Document("91210503MA0ZZZZZZX", cp)), Ct), HttpStatusCode.BadRequest);
        Assert.Equal("trace.sender-unknown", unknown.GetProperty("code").GetString());
        var huge = new StringContent("{\"x\":\"" + new string('a', 21 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/ld+json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await officer.PostAsync("/api/v1/epcis/capture", huge, Ct)).StatusCode);
    }

    [Fact]
    public async Task WithProceed_TheBadEventIsLeftOutAndNamed_TheRestStored_AndDiscoveryTellsTheLimits()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var (_, uscc, cp) = await BusinessWithPrefixAsync(officer);
        var bad = Document(uscc, cp, lot: "PROCEED-1").Replace("\"bizStep\": \"packing\"", "\"bizStep\": \"packing_by_hand\"", StringComparison.Ordinal);

        // By default one bad event refuses the document.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync("/api/v1/epcis/capture", Ld(bad), Ct)).StatusCode);

        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/epcis/capture") { Content = Ld(bad) })
        {
            request.Headers.Add("GS1-Capture-Error-Behaviour", "proceed");
            var res = await officer.SendAsync(request, Ct);
            var status = await JsonAsync(res, HttpStatusCode.Accepted);
            Assert.Equal(("proceed", false, 2, 1), (status.GetProperty("captureErrorBehaviour").GetString(), status.GetProperty("success").GetBoolean(), status.GetProperty("stored").GetInt32(), status.GetProperty("rejected").GetInt32()));
            var error = Assert.Single(status.GetProperty("errors").EnumerateArray()).GetString()!;
            Assert.Contains("第 2 个事件", error, StringComparison.Ordinal);
            Assert.Contains("packing_by_hand", error, StringComparison.Ordinal);

            // The job keeps what happened.
            var job = await JsonAsync(await officer.GetAsync(res.Headers.Location!.ToString(), Ct), HttpStatusCode.OK);
            Assert.Equal(("proceed", false, 1), (job.GetProperty("captureErrorBehaviour").GetString(), job.GetProperty("success").GetBoolean(), job.GetProperty("errors").GetArrayLength()));
        }

        var kept = Events(await JsonAsync(await officer.GetAsync($"/api/v1/epcis/events?MATCH_anyEPC={Uri.EscapeDataString($"urn:epc:id:sscc:{cp}.0000000001")}", Ct), HttpStatusCode.OK));
        Assert.Equal(["shipping"], kept.EnumerateArray().Select(e => e.GetProperty("bizStep").GetString()!).ToList());

        // A third event at another business's GLN is left out too, named as sent; a document with nothing valid is refused whole.
        var foreign = Document(uscc, cp, lot: "PROCEED-2", otherReadPoint: "urn:epc:id:sgln:6901111.00001.0").Replace("\"bizStep\": \"packing\"", "\"bizStep\": \"packing_by_hand\"", StringComparison.Ordinal);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/epcis/capture") { Content = Ld(foreign) })
        {
            request.Headers.Add("GS1-Capture-Error-Behaviour", "proceed");
            var status = await JsonAsync(await officer.SendAsync(request, Ct), HttpStatusCode.Accepted);
            Assert.Equal((1, 2), (status.GetProperty("stored").GetInt32(), status.GetProperty("rejected").GetInt32()));
            var errors = status.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Contains(errors, e => e.StartsWith("第 3 个事件的 readPoint", StringComparison.Ordinal));
        }

        var none = Document(uscc, cp, lot: "PROCEED-3").Replace("\"eventTimeZoneOffset\": \"+08:00\"", "\"eventTimeZoneOffset\": \"+8\"", StringComparison.Ordinal);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/epcis/capture") { Content = Ld(none) })
        {
            request.Headers.Add("GS1-Capture-Error-Behaviour", "proceed");
            Assert.Equal("trace.epcis-invalid", (await JsonAsync(await officer.SendAsync(request, Ct), HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        }

        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/epcis/capture") { Content = Ld(bad) })
        {
            request.Headers.Add("GS1-Capture-Error-Behaviour", "skip");
            var problem = await JsonAsync(await officer.SendAsync(request, Ct), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("GS1-Capture-Error-Behaviour", out _));
        }

        // OPTIONS /capture: the versions, limits and behaviours, no data.
        var options = await officer.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/v1/epcis/capture"), Ct);
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("10000", options.Headers.GetValues("GS1-EPCIS-Capture-Limit").Single());
        Assert.Equal("rollback, proceed", options.Headers.GetValues("GS1-Capture-Error-Behaviour").Single());
        Assert.Equal("2.0.0", options.Headers.GetValues("GS1-EPCIS-Version").Single());
        var lab = await factory.ClientAsAsync("lab@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await lab.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/v1/epcis/capture"), Ct)).StatusCode);
    }

    [Fact]
    public async Task MasterData_FromTheHeaderAndTheApi_NamesThePlacesAndGoodsOfATrace_OnlyItsOwnerMayDeclareAGs1Key()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var (businessId, uscc, cp) = await BusinessWithPrefixAsync(officer);
        var gln = cp + "00001" + Gs1Keys.CheckDigit(cp + "00001");
        var gtin = Gtin(cp, "012345");
        var header = $$$"""
            "epcisHeader": {"epcisMasterData": {"vocabularyList": [
              {"type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [{"id": "urn:epc:id:sgln:{{{cp}}}.00001.0", "attributes": [
                {"id": "urn:epcglobal:cbv:mda#name", "attribute": "河东一号冷库"}, {"id": "cbvmda:city", "attribute": "本溪市"}, {"id": "cbvmda:streetAddressOne", "attribute": "河东路 1 号"}]}]},
              {"type": "urn:epcglobal:epcis:vtype:EPCClass", "vocabularyElementList": [{"id": "https://id.gs1.org/01/{{{gtin}}}", "attributes": [
                {"id": "urn:epcglobal:cbv:mda#descriptionShort", "attribute": "鲜牛奶 250mL"}]}]}]}},
            """;
        var doc = Document(uscc, cp, lot: "MD-1").Replace("\"epcisBody\":", header + " \"epcisBody\":", StringComparison.Ordinal);
        var status = await JsonAsync(await officer.PostAsync("/api/v1/epcis/capture", Ld(doc), Ct), HttpStatusCode.Accepted);
        Assert.Equal(2, status.GetProperty("masterData").GetInt32());

        var listed = await JsonAsync(await officer.GetAsync($"/api/v1/epcis/master-data?businessId={businessId}", Ct), HttpStatusCode.OK);
        var place = listed.EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "Location");
        Assert.Equal(("河东一号冷库", "本溪市 河东路 1 号", gln, $"https://id.gs1.org/414/{gln}"),
            (place.GetProperty("name").GetString(), place.GetProperty("address").GetString(), place.GetProperty("gs1Key").GetString(), place.GetProperty("elementId").GetString()));
        var product = await JsonAsync(await officer.GetAsync($"/api/v1/epcis/master-data?kind=product&q={gtin}", Ct), HttpStatusCode.OK);
        Assert.Equal("鲜牛奶 250mL", Assert.Single(product.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/v1/epcis/master-data?kind=farm", Ct)).StatusCode);

        // The trace names the place by its owner and its own name, and the goods by the product's name.
        var trace = await JsonAsync(await officer.GetAsync($"/api/v1/epcis/trace/{Uri.EscapeDataString($"urn:epc:class:lgtin:{cp}.012345.MD-1")}", Ct), HttpStatusCode.OK);
        Assert.EndsWith("·河东一号冷库", trace.GetProperty("places").GetProperty(gln).GetString(), StringComparison.Ordinal);
        Assert.Equal("鲜牛奶 250mL", trace.GetProperty("products").GetProperty(gtin).GetString());
        var page = await (await officer.GetAsync($"/trace?id={Uri.EscapeDataString($"urn:epc:class:lgtin:{cp}.012345.MD-1")}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("河东一号冷库", page, StringComparison.Ordinal);
        Assert.Contains("鲜牛奶 250mL", page, StringComparison.Ordinal);

        // Declared again through the API: replaced, not added.
        var again = await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/epcis/master-data?businessId={businessId}", new
        {
            vocabularyList = new[] { new { type = "urn:epcglobal:epcis:vtype:BusinessLocation", vocabularyElementList = new[] { new { id = $"https://id.gs1.org/414/{gln}", attributes = new[] { new { id = "cbvmda:name", attribute = "河东冷库（扩建）" } } } } } },
        }, Ct), HttpStatusCode.OK);
        Assert.Equal((0, 1), (again.GetProperty("added").GetInt32(), again.GetProperty("replaced").GetInt32()));
        var renamed = await JsonAsync(await officer.GetAsync($"/api/v1/epcis/master-data?q={gln}", Ct), HttpStatusCode.OK);
        Assert.Equal("河东冷库（扩建）", Assert.Single(renamed.EnumerateArray()).GetProperty("name").GetString());

        // Another business's GLN, or an element without an id: refused whole, nothing stored, the field named.
        var foreign = await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/epcis/master-data?businessId={businessId}", new
        {
            vocabularyList = new object[]
            {
                new { type = "urn:epcglobal:epcis:vtype:BusinessLocation", vocabularyElementList = new[] { new { id = "urn:example:shian:own-farm-9" } } },
                new { type = "urn:epcglobal:epcis:vtype:BusinessLocation", vocabularyElementList = new[] { new { id = "https://id.gs1.org/414/6901111000016" } } },
            },
        }, Ct), HttpStatusCode.Forbidden);
        Assert.True(foreign.GetProperty("errors").TryGetProperty("/vocabularyList/1/vocabularyElementList/0/id", out _));
        var invalid = await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/epcis/master-data?businessId={businessId}", new
        {
            vocabularyList = new object[] { new { type = "urn:epcglobal:epcis:vtype:BusinessLocation", vocabularyElementList = new object[] { new { id = "urn:example:shian:farm-10" }, new { name = "无标识" } } } },
        }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("第 1 个主数据词汇的第 2 个元素缺少标识 id", invalid.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var privateOnes = await JsonAsync(await officer.GetAsync("/api/v1/epcis/master-data?q=urn:example:shian:farm-10", Ct), HttpStatusCode.OK);
        Assert.Equal(0, privateOnes.GetArrayLength());
        Assert.Equal(0, (await JsonAsync(await officer.GetAsync("/api/v1/epcis/master-data?q=urn:example:shian:own-farm-9", Ct), HttpStatusCode.OK)).GetArrayLength());

        // A header with another business's GLN refuses the document, events and all.
        var foreignHeader = Document(uscc, cp, lot: "MD-2").Replace("\"epcisBody\":", header.Replace($"urn:epc:id:sgln:{cp}.00001.0", "urn:epc:id:sgln:6901111.00001.0", StringComparison.Ordinal) + " \"epcisBody\":", StringComparison.Ordinal);
        Assert.Equal("trace.master-data-not-own", (await JsonAsync(await officer.PostAsync("/api/v1/epcis/capture", Ld(foreignHeader), Ct), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal(0, Events(await JsonAsync(await officer.GetAsync("/api/v1/epcis/events?EQ_ILMD_cbvmda:lotNumber=MD-2", Ct), HttpStatusCode.OK)).GetArrayLength());

        // Another district sees none of it.
        var otherDistrict = await factory.ClientAsAsync("officer@210504");
        Assert.Equal(0, (await JsonAsync(await otherDistrict.GetAsync($"/api/v1/epcis/master-data?q={gln}", Ct), HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await otherDistrict.GetAsync($"/api/v1/epcis/master-data/{place.GetProperty("id").GetString()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheCapturePage_ListsTheKeyBusinessesThatSentNothing_AndTheIndicatorCountsThoseThatDid()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        static (int Applicable, int Capturing) Coverage(string html)
        {
            var m = System.Text.RegularExpressions.Regex.Match(html, @"应追溯的在营经营者 (\d+) 家，已报送 (\d+) 家");
            Assert.True(m.Success, "the coverage line is on the page");
            return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        var before = Coverage(await officer.GetStringAsync("/trace/captures?region=210503000000", Ct));

        // Two co-operatives (a kind seed 000 wants traceable): one sends its trace data, one does not.
        var sending = "追溯报送合作社" + Guid.NewGuid().ToString("N")[..6];
        var silent = "追溯未报送合作社" + Guid.NewGuid().ToString("N")[..6];
        var ids = RegistryTests.NextIds();
        var sendingId = await RegistryTests.RegisterAsync(officer, "210503001000", sending, "食用农产品合作社", ids: ids);
        await RegistryTests.RegisterAsync(officer, "210503001000", silent, "食用农产品合作社");
        var cp = CompanyPrefix();
        (await officer.PostAsJsonAsync($"/api/v1/epcis/gs1-prefixes/businesses/{sendingId}", new { prefix = cp }, Ct)).EnsureSuccessStatusCode();
        await AcceptedAsync(await officer.PostAsync("/api/v1/epcis/capture", Ld(Document(ids.Uscc, cp, lot: "COVER-1")), Ct));

        var html = await officer.GetStringAsync("/trace/captures?region=210503000000", Ct);
        Assert.Equal((before.Applicable + 2, before.Capturing + 1), Coverage(html));
        var silentList = html[html.IndexOf("data-silent", StringComparison.Ordinal)..html.IndexOf("data-jobs", StringComparison.Ordinal)];
        Assert.Contains(silent, silentList, StringComparison.Ordinal);
        Assert.DoesNotContain(sending, silentList, StringComparison.Ordinal);
        Assert.Contains("从未报送", silentList, StringComparison.Ordinal);
        Assert.Contains(sending, html[html.IndexOf("data-jobs", StringComparison.Ordinal)..], StringComparison.Ordinal);

        // The city page asks for a district; another district sees neither the job nor the businesses.
        Assert.Contains("请选择区县", await (await factory.ClientAsAsync("coordinator@210500")).GetStringAsync("/trace/captures", Ct), StringComparison.Ordinal);
        var other = await (await factory.ClientAsAsync("officer@210504")).GetStringAsync("/trace/captures", Ct);
        Assert.DoesNotContain(sending, other, StringComparison.Ordinal);
        Assert.DoesNotContain(silent, other, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsAsync("officer@210504")).GetAsync("/trace/captures?region=210503000000", Ct)).StatusCode);

        // The indicator of seed 000 counts the same businesses: the district's figure is the page's.
        var indicator = await JsonAsync(await officer.GetAsync($"/api/v1/indicators/trace.capture-coverage?regionCode=210503000000&year={factory.Today.Year}", Ct), HttpStatusCode.OK);
        var counted = Coverage(html);
        Assert.Equal((decimal)counted.Capturing, indicator.GetProperty("numerator").GetDecimal());
        Assert.Equal((decimal)counted.Applicable, indicator.GetProperty("denominator").GetDecimal());
    }

    [Fact]
    public async Task ABusinessUser_CapturesForItself_AndSeesOnlyItsOwnEvents()
    {
        var businessId = await RegistryTests.DemoBusinessAsync(factory);
        var officer = await factory.ClientAsAsync("officer@210503");
        var cp = CompanyPrefix();
        (await officer.PostAsJsonAsync($"/api/v1/epcis/gs1-prefixes/businesses/{businessId}", new { prefix = cp }, Ct)).EnsureSuccessStatusCode();
        var (_, otherUscc, otherCp) = await BusinessWithPrefixAsync(officer);
        (await officer.PostAsync("/api/v1/epcis/capture", Ld(Document(otherUscc, otherCp, lot: "OTHER-1")), Ct)).EnsureSuccessStatusCode();

        var business = await factory.ClientAsAsync("business@210503");
        var status = await JsonAsync(await business.PostAsync("/api/v1/epcis/capture", Ld(Document(Shian.Kernel.Users.DemoAccounts.DemoBusinessUscc, cp, lot: "OWN-1")), Ct), HttpStatusCode.Accepted);
        Assert.Equal(3, status.GetProperty("stored").GetInt32());

        var own = Events(await JsonAsync(await business.GetAsync("/api/v1/epcis/events?EQ_ILMD_cbvmda:lotNumber=OWN-1", Ct), HttpStatusCode.OK));
        Assert.Equal(1, own.GetArrayLength());
        var other = Events(await JsonAsync(await business.GetAsync("/api/v1/epcis/events?EQ_ILMD_cbvmda:lotNumber=OTHER-1", Ct), HttpStatusCode.OK));
        Assert.Equal(0, other.GetArrayLength());

        // A business may not register GS1 codes for itself: an officer checks them against the GS1 certificate.
        Assert.Equal(HttpStatusCode.Forbidden, (await business.PostAsJsonAsync($"/api/v1/epcis/gs1-prefixes/businesses/{businessId}", new { prefix = CompanyPrefix() }, Ct)).StatusCode);
    }

    /// <summary>The two OpenEPCIS XML "valid" documents the XSD refuses (see EpcisXmlTests).</summary>
    private static readonly string[] RefusedByTheXsd = ["JumbledFieldsOrder.xml", "Namespace_document.xml"];

    [Fact]
    public async Task EveryOpenEpcisValidDocument_JsonLdAndXml_IsCaptured_AndReadBackWithTheSameEventHash()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var ids = RegistryTests.NextIds();
        var businessId = await RegistryTests.RegisterAsync(officer, "210503001000", "OpenEPCIS 一致性测试主体" + ids.Uscc[^4..], ids: ids);
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Epcis", "openepcis");
        var files = Directory.GetFiles(Path.Combine(root, "JSON", "Capture", "Documents"), "*.json")
            .Concat(Directory.GetFiles(Path.Combine(root, "XML", "Capture", "Documents"), "*.xml").Where(f => !RefusedByTheXsd.Contains(Path.GetFileName(f))))
            .OrderBy(f => f.EndsWith(".json", StringComparison.Ordinal)).ThenBy(f => f, StringComparer.Ordinal).ToList();
        static JsonObject AsJson(string file)
        {
            if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                return JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            }

            using var s = File.OpenRead(file);
            return EpcisXml.ToJsonLd(EpcisXml.Read(s).Document!);
        }

        // The documents' read points and business locations are registered to the test business as GLNs.
        var glns = files.SelectMany(f => EpcisJson.ReadEvents(AsJson(f)))
            .SelectMany(e => new[] { e.Root.Child("readPoint")?.ChildValue("id"), e.Root.Child("bizLocation")?.ChildValue("id") })
            .OfType<string>().Select(id => EventFacts.Gln(EventFacts.Id(id))).OfType<string>().Distinct().ToList();
        foreach (var gln in glns)
        {
            var r = await officer.PostAsJsonAsync($"/api/v1/epcis/gs1-prefixes/businesses/{businessId}", new { prefix = gln }, Ct);
            Assert.True(r.StatusCode is HttpStatusCode.Created, await r.Content.ReadAsStringAsync(Ct));
        }

        var compared = new Dictionary<string, int> { ["json"] = 0, ["xml"] = 0 };
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var isXml = file.EndsWith(".xml", StringComparison.Ordinal);
            var content = isXml ? new StringContent(text, Encoding.UTF8, "application/xml") : Ld(text);
            var status = await JsonAsync(await officer.PostAsync($"/api/v1/epcis/capture?businessId={businessId}", content, Ct), HttpStatusCode.Accepted);
            var originals = EpcisJson.ReadEvents(AsJson(file));
            var eventIds = status.GetProperty("eventIDs").EnumerateArray().Select(e => e.GetString()!).ToList();
            var held = status.GetProperty("heldEventIDs").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
            for (var i = 0; i < originals.Count; i++)
            {
                // Held already (OpenEPCIS documents reuse eventIDs, and a JSON-LD twin repeats its XML document): not this capture's.
                if (held.Contains(eventIds[i]))
                {
                    continue;
                }

                var stored = await JsonAsync(await officer.GetAsync($"/api/v1/epcis/events/{Uri.EscapeDataString(eventIds[i])}", Ct), HttpStatusCode.OK);
                var wrapper = new JsonObject { ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray(JsonNode.Parse(stored.GetRawText())) } };
                var back = EpcisJson.ReadEvents(wrapper).Single();
                Assert.True(EventHash.PreHash(originals[i]) == EventHash.PreHash(back), $"{Path.GetFileName(file)} event {i}: {EventHash.PreHash(originals[i])}\n≠ {EventHash.PreHash(back)}");
                compared[isXml ? "xml" : "json"]++;
            }
        }

        // XML goes first: its JSON-LD twins are then held already (same eventIDs or hashes), so here only the JSON-LD
        // events without an XML twin are compared; that the twins hash alike is EpcisXmlTests' business.
        Assert.True(compared["json"] >= 5 && compared["xml"] >= 50, $"compared {compared["json"]} JSON-LD and {compared["xml"]} XML events");
    }

    private Task<(string DairyId, string Gtin, string ShopId)> ChainAsync(string lot) => ChainAsync(factory, lot);

    /// <summary>A dairy of 溪湖区 ships 60 cases of a lot to a shop of 明山区, which records their receipt.</summary>
    internal static async Task<(string DairyId, string Gtin, string ShopId)> ChainAsync(ShianFactory factory, string lot)
    {
        var officerA = await factory.ClientAsAsync("officer@210503");
        var officerB = await factory.ClientAsAsync("officer@210504");
        var (dairyId, dairyUscc, cpD) = await BusinessWithPrefixAsync(officerA);
        var (shopId, shopUscc, cpS) = await BusinessWithPrefixAsync(officerB, "210504002000");
        var shipped = $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-20T08:00:00+08:00", "sender": "{{{dairyUscc}}}",
             "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "eventTime": "2026-11-20T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "ADD", "bizStep": "commissioning", "epcList": [],
                "quantityList": [{"epcClass": "urn:epc:class:lgtin:{{{cpD}}}.012345.{{{lot}}}", "quantity": 100, "uom": "CS"}], "readPoint": {"id": "urn:epc:id:sgln:{{{cpD}}}.00001.0"}},
               {"type": "ObjectEvent", "eventTime": "2026-11-21T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "shipping", "epcList": [],
                "quantityList": [{"epcClass": "urn:epc:class:lgtin:{{{cpD}}}.012345.{{{lot}}}", "quantity": 60, "uom": "CS"}], "readPoint": {"id": "urn:epc:id:sgln:{{{cpD}}}.00001.0"},
                "bizTransactionList": [{"type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:{{{cpD}}}00001:DN-{{{lot}}}"}],
                "destinationList": [{"type": "location", "destination": "urn:epc:id:sgln:{{{cpS}}}.00001.0"}]}]}}
            """;
        await AcceptedAsync(await officerA.PostAsync("/api/v1/epcis/capture", Ld(shipped), Ct));
        var received = $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-22T08:00:00+08:00", "sender": "{{{shopUscc}}}",
             "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "eventTime": "2026-11-22T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "receiving", "epcList": [],
                "quantityList": [{"epcClass": "urn:epc:class:lgtin:{{{cpD}}}.012345.{{{lot}}}", "quantity": 60, "uom": "CS"}], "bizLocation": {"id": "urn:epc:id:sgln:{{{cpS}}}.00001.0"}}]}}
            """;
        await AcceptedAsync(await officerB.PostAsync("/api/v1/epcis/capture", Ld(received), Ct));
        return (dairyId, Gtin(cpD, "012345"), shopId);
    }

    [Fact]
    public async Task AFailedSample_ProposesARecallOfTheLot_ToTheGtinsOwner_ScopedFromTheTrace_WithTasks_Progress_AndPublication()
    {
        var lot = "R" + Rng.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (dairyId, gtin, _) = await ChainAsync(lot);
        var officerA = await factory.ClientAsAsync("officer@210503");
        var officerB = await factory.ClientAsAsync("officer@210504");

        // A supermarket's sample of the lot fails: the recall is proposed to the dairy that owns the GTIN's GS1 prefix.
        var (_, sampleId, code) = await Sampling.SamplingTests.ReceivedSampleAsync(factory, "召回测试超市" + lot, batch: lot, gtin: gtin);
        await JsonAsync(await (await factory.ClientAsAsync("lab@210500")).PostAsJsonAsync($"/api/v1/sampling/samples/{sampleId}/results", Sampling.SamplingTests.FailingLead, Ct), HttpStatusCode.OK);
        JsonElement proposed = default;
        await Eventually.TrueAsync(async () =>
        {
            var list = await officerA.GetFromJsonAsync<JsonElement>("/api/v1/recalls?status=Proposed", Ct);
            proposed = list.EnumerateArray().FirstOrDefault(r => r.GetProperty("lot").GetString() == lot);
            return proposed.ValueKind == JsonValueKind.Object;
        }, "the recall proposed by the failed sample");
        Assert.Equal(dairyId, proposed.GetProperty("businessId").GetString());
        Assert.Equal("监督抽检不合格", proposed.GetProperty("triggerLabel").GetString());
        var id = proposed.GetProperty("id").GetString()!;
        Assert.Contains(code, (await officerA.GetFromJsonAsync<JsonElement>($"/api/v1/recalls/{id}", Ct)).GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Graded 二级: 48 hours to start; a level outside the three is refused in Chinese.
        var bad = await JsonAsync(await officerA.PostAsJsonAsync($"/api/v1/recalls/{id}/grade", new { level = "Fourth" }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("level", bad.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var graded = await JsonAsync(await officerA.PostAsJsonAsync($"/api/v1/recalls/{id}/grade", new { level = "Second" }, Ct), HttpStatusCode.OK);
        Assert.Equal("待启动", graded.GetProperty("statusLabel").GetString());
        Assert.Equal(graded.GetProperty("knownAtUtc").GetDateTime().AddHours(48), graded.GetProperty("startDueAtUtc").GetDateTime());
        Assert.Equal("recall.not-late", await (await officerA.PostAsync($"/api/v1/recalls/{id}/refuse", null, Ct)).ProblemCodeAsync(Ct));

        // The notice starts it: 20 working days, the scope from the trace, a task for 明山区.
        var missing = await JsonAsync(await officerA.PostAsJsonAsync($"/api/v1/recalls/{id}/start", new { notice = "" }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("召回公告", missing.GetRawText(), StringComparison.Ordinal);
        var started = await JsonAsync(await officerA.PostAsJsonAsync($"/api/v1/recalls/{id}/start", new { notice = $"本溪乳业召回批号 {lot} 的产品，消费者可凭购物凭证退货。电话 024-0000000。" }, Ct), HttpStatusCode.OK);
        Assert.Equal("召回中", started.GetProperty("statusLabel").GetString());
        Assert.Equal(60m, started.GetProperty("quantityToRecall").GetDecimal());
        Assert.Equal("CS", started.GetProperty("unit").GetString());
        using (var scope = factory.Scope())
        {
            var cal = scope.ServiceProvider.GetRequiredService<Shian.Kernel.Calendar.WorkingDayCalendarProvider>().Current;
            Assert.Equal(cal.AddWorkingDays(factory.Today, 20).Date, DateOnly.Parse(started.GetProperty("completeDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }

        var scopeJson = await officerA.GetFromJsonAsync<JsonElement>($"/api/v1/recalls/{id}/scope", Ct);
        var shop = scopeJson.GetProperty("parties").EnumerateArray().Single();
        Assert.Equal("210504002000", shop.GetProperty("regionCode").GetString());
        Assert.Equal(60m, shop.GetProperty("quantities").GetProperty("CS").GetDecimal()); // shipped 60 and received 60: counted once
        Assert.Equal(3, scopeJson.GetProperty("events").GetArrayLength());
        var csv = await officerA.GetAsync($"/api/v1/recalls/{id}/scope.csv?sort=region", Ct);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // Excel opens it as UTF-8
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("事件时间（北京时间）", text, StringComparison.Ordinal);
        Assert.Contains($"DN-{lot}", text, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (await officerA.GetAsync($"/api/v1/recalls/{id}/scope.xlsx", Ct)).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await officerA.GetAsync($"/api/v1/recalls/{id}/scope.csv?sort=price", Ct)).StatusCode);

        // 明山区 sees its task (not the dairy's recall) and records what it verified.
        var tasks = await officerB.GetFromJsonAsync<JsonElement>("/api/v1/recall-tasks", Ct);
        var task = tasks.EnumerateArray().Single(t => t.GetProperty("recallId").GetString() == id);
        Assert.Equal(60m, task.GetProperty("quantity").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await officerB.GetAsync($"/api/v1/recalls/{id}", Ct)).StatusCode);
        await JsonAsync(await officerB.PostAsJsonAsync($"/api/v1/recall-tasks/{task.GetProperty("id").GetString()}/done", new { recovered = 45, note = "超市已下架，45 箱退回" }, Ct), HttpStatusCode.OK);

        // Progress: more destroyed than recovered is refused naming the field; the rate is recovered over shipped.
        var over = await JsonAsync(await officerA.PostAsJsonAsync($"/api/v1/recalls/{id}/progress", new { recovered = 45, destroyed = 50 }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("destroyed", over.GetRawText(), StringComparison.Ordinal);
        var progressed = await JsonAsync(await officerA.PostAsJsonAsync($"/api/v1/recalls/{id}/progress", new { recovered = 45, destroyed = 45, note = "退回后集中销毁" }, Ct), HttpStatusCode.OK);
        Assert.Equal(75.0m, progressed.GetProperty("recallRate").GetDecimal());
        var detail = await officerA.GetFromJsonAsync<JsonElement>($"/api/v1/recalls/{id}", Ct);
        Assert.Equal("Done", detail.GetProperty("tasks")[0].GetProperty("status").GetString());

        // Under way but not yet published: nothing of it on the public list, the lot's 追溯码 page or its HTML page.
        var anonymous = factory.CreateClient();
        Assert.DoesNotContain((await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/recalls", Ct)).EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/lots/{gtin}/{lot}", Ct)).GetProperty("recalls").GetArrayLength());
        Assert.DoesNotContain("data-recall-alert", await anonymous.GetStringAsync($"/01/{gtin}/10/{lot}", Ct), StringComparison.Ordinal);

        // Published: the public sees the recall, and the lot's 追溯码 shows its steps, its published test and the recall.
        await JsonAsync(await officerA.PostAsync($"/api/v1/recalls/{id}/publish", null, Ct), HttpStatusCode.OK);
        await JsonAsync(await officerA.PostAsJsonAsync("/api/v1/sampling/announcements", new { regionCode = "210503000000" }, Ct), HttpStatusCode.Created);
        var published = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/recalls", Ct);
        Assert.Contains(published.EnumerateArray(), r => r.GetProperty("id").GetString() == id && r.GetProperty("level").GetString() == "二级召回");
        var page = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/lots/{gtin}/{lot}", Ct);
        Assert.Equal(id, page.GetProperty("recalls")[0].GetProperty("id").GetString());
        Assert.Contains(page.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "发货");
        var test = page.GetProperty("tests").EnumerateArray().Single();
        Assert.False(test.GetProperty("conforming").GetBoolean());
        Assert.Contains("铅", test.GetProperty("failures").GetString(), StringComparison.Ordinal);

        await JsonAsync(await officerA.PostAsJsonAsync($"/api/v1/recalls/{id}/complete", new { summary = "召回 45 箱，全部销毁；原因：原料奶铅超标，已更换奶源。" }, Ct), HttpStatusCode.OK);
        var closed = await JsonAsync(await officerA.PostAsync($"/api/v1/recalls/{id}/close", null, Ct), HttpStatusCode.OK);
        Assert.Equal("已结束", closed.GetProperty("statusLabel").GetString());
    }

    [Fact]
    public async Task ARecallNotStartedInTime_IsRecordedAsRefused_AndSentToEnforcementAsACaseClue()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var lot = "X" + Rng.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var business = await RegistryTests.RegisterAsync(officer, "210503001000", "拒不召回测试厂" + lot);
        var bad = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/recalls", new { businessId = business, productName = "酸奶", level = "First" }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("lot", bad.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("reason", bad.GetRawText(), StringComparison.Ordinal);
        var opened = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/recalls", new { businessId = business, productName = "酸奶", lot, level = "First", reason = "致病菌超标，可能导致严重健康损害" }, Ct), HttpStatusCode.Created);
        Assert.Equal("监管部门责令召回", opened.GetProperty("triggerLabel").GetString());
        var id = opened.GetProperty("id").GetString()!;

        // The 24 hours pass without a notice.
        await using (var scope = factory.Scope())
        {
            scope.ServiceProvider.GetRequiredService<Shian.Kernel.Scoping.IActOnBehalf>().ActFor(Shian.Kernel.Scoping.RegionScope.System, "system");
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            var recall = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Shian.Traceability.Domain.Recall>(), r => r.Id == Guid.Parse(id), Ct);
            recall.StartDueAtUtc = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
            await db.SaveChangesAsync(Ct);
        }

        var listed = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/recalls?status=Pending", Ct)).EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.True(listed.GetProperty("startOverdue").GetBoolean());
        await JsonAsync(await officer.PostAsync($"/api/v1/recalls/{id}/refuse", null, Ct), HttpStatusCode.OK);
        Assert.Equal("recall.refused", await (await officer.PostAsync($"/api/v1/recalls/{id}/refuse", null, Ct)).ProblemCodeAsync(Ct));
        await Eventually.TrueAsync(async () =>
        {
            var clues = await officer.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/clues", Ct);
            return clues.GetProperty("items").EnumerateArray().Any(c => c.GetProperty("summary").GetString()!.Contains("拒不召回", StringComparison.Ordinal) && c.GetProperty("businessName").GetString()!.EndsWith(lot, StringComparison.Ordinal));
        }, "the case clue for the refused recall");
    }
}

public sealed class TraceabilitySqliteTests(SqliteShianFactory factory) : TraceabilityTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class TraceabilityPostgresTests(PostgresShianFactory factory) : TraceabilityTests(factory), IClassFixture<PostgresShianFactory>;
