using System.Text.Json.Nodes;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.UnitTests.Traceability;

/// <summary>What the repository indexes of an event: canonical keys, quantities, ILMD fields and the lot of commissioned instances.</summary>
public sealed class EventFactsTests
{
    private static EpcisEventTree Event(string json) =>
        EpcisJson.ReadEvents(JsonNode.Parse("""{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"ex":"https://ex.cn/"}],"type":"EPCISDocument","epcisBody":{"eventList":[""" + json + "]}}")!.AsObject()).Single();

    [Fact]
    public void ACommissioningEvent_IndexesItsInstances_TheirLot_AndItsIlmd()
    {
        var facts = EventFacts.From(Event("""
            {"type":"ObjectEvent","eventTime":"2026-11-20T08:00:00+08:00","eventTimeZoneOffset":"+08:00","action":"ADD",
             "epcList":["urn:epc:id:sgtin:6901234.012345.1","https://id.gs1.org/01/06901234123456/21/2"],"bizStep":"commissioning",
             "readPoint":{"id":"urn:epc:id:sgln:6901234.00001.0"},"ilmd":{"cbvmda:lotNumber":"L1","ex:farm":"基地"}}
            """));
        Assert.Equal(new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), facts.EventTimeUtc);
        Assert.Equal("https://ref.gs1.org/cbv/BizStep-commissioning", facts.BizStep);
        Assert.Equal("https://id.gs1.org/414/6901234000016", facts.ReadPoint);
        Assert.Equal(["https://id.gs1.org/01/06901234123456/21/1", "https://id.gs1.org/01/06901234123456/21/2"], facts.Keys.Where(k => k.Kind == TraceKeyKind.Epc).Select(k => k.Value).ToArray());
        Assert.Equal("https://id.gs1.org/01/06901234123456/10/L1", Assert.Single(facts.Keys, k => k.Kind == TraceKeyKind.Lot).Value);
        Assert.Contains(facts.Keys, k => k is { Kind: TraceKeyKind.Ilmd, Name: "{https://ex.cn/}farm", Value: "基地" });
    }

    [Fact]
    public void ATransformation_IndexesInputsAndOutputs_WithQuantities()
    {
        var facts = EventFacts.From(Event("""
            {"type":"TransformationEvent","eventTime":"2026-11-21T08:00:00Z","eventTimeZoneOffset":"+08:00",
             "inputQuantityList":[{"epcClass":"urn:epc:class:lgtin:6901234.012345.L1","quantity":120.5,"uom":"KGM"}],
             "outputEPCList":["urn:epc:id:sgtin:6901234.054321.9"]}
            """));
        var input = Assert.Single(facts.Keys, k => k.Kind == TraceKeyKind.InputClass);
        Assert.Equal(("https://id.gs1.org/01/06901234123456/10/L1", 120.5m, "KGM"), (input.Value, input.Quantity!.Value, input.Uom!));
        Assert.Equal("https://id.gs1.org/01/06901234543216/21/9", Assert.Single(facts.Keys, k => k.Kind == TraceKeyKind.Output).Value);
    }
}
