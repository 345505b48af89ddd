using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.UnitTests.Traceability;

/// <summary>
/// EPCIS master data (§7.2) as the header of a document or the master-data API carries it, and the
/// <c>proceed</c> capture behaviour's renumbering of errors.
/// </summary>
public sealed class MasterDataTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Epcis");

    private static JsonNode List(string json) => JsonNode.Parse(json)!;

    [Fact]
    public void Elements_AreReadWithKind_Gs1Key_Name_AndAddress_InEveryWrittenFormOfTheAttributes()
    {
        var (elements, errors) = MasterDataRules.Read(List("""
            [{"type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
               {"id": "urn:epc:id:sgln:6901234.00001.0", "attributes": [
                 {"id": "urn:epcglobal:cbv:mda#name", "attribute": "一号冷库"},
                 {"id": "cbvmda:city", "attribute": "本溪市"}, {"id": "urn:epcglobal:cbv:mda#streetAddressOne", "attribute": "溪湖区河东路 1 号"}],
                "children": ["urn:epc:id:sgln:6901234.00001.1"]}]},
             {"type": "urn:epcglobal:epcis:vtype:epcclass", "vocabularyElementList": [
               {"id": "urn:epc:idpat:sgtin:6901234.012345.*", "attributes": [{"id": "urn:epcglobal:cbv:mda#descriptionShort", "attribute": "纯牛奶 250mL"}]},
               {"id": "urn:gdst:example.org:product:class:tuna", "attributes": [{"id": "gs1:name", "attribute": {"@value": "金枪鱼", "@language": "zh"}}]}]},
             {"type": "urn:epcglobal:epcis:vtype:party", "vocabularyElementList": [{"id": "urn:epc:id:pgln:6901234.00000"}]},
             {"type": "https://example.com/vtype/Contract", "vocabularyElementList": [{"id": "https://example.com/c/1"}]}]
            """), "/vocabularyList");

        Assert.Empty(errors);
        Assert.Equal(5, elements.Count);
        var place = elements[0];
        Assert.Equal((MasterDataKind.Location, "6901234000016", "一号冷库", "本溪市 溪湖区河东路 1 号"), (place.Kind, place.Gs1Key, place.Name, place.Address));
        Assert.Equal("https://id.gs1.org/414/6901234000016", place.ElementId);
        Assert.Single(place.Children!);
        Assert.Equal((MasterDataKind.Product, "纯牛奶 250mL"), (elements[1].Kind, elements[1].Name));
        Assert.Equal((MasterDataKind.Product, (string?)null, "金枪鱼"), (elements[2].Kind, elements[2].Gs1Key, elements[2].Name));
        Assert.Equal((MasterDataKind.Party, "6901234000009"), (elements[3].Kind, elements[3].Gs1Key));
        Assert.Equal(MasterDataKind.Other, elements[4].Kind);
    }

    [Fact]
    public void EveryFault_IsNamedByVocabularyElementAndField_InChinese()
    {
        var (_, errors) = MasterDataRules.Read(List("""
            [{"vocabularyElementList": []},
             {"type": "urn:epcglobal:epcis:vtype:ReadPoint", "vocabularyElementList": [
               {"attributes": []},
               {"id": "urn:epc:id:sgln:6901234.00001.0", "attributes": [{"id": "cbvmda:name", "attribute": "甲"}, {"attribute": "无标识"}]},
               {"id": "urn:epc:id:sgln:6901234.00002.0"}, {"id": "urn:epc:id:sgln:6901234.00002.0"}]}]
            """), "/vocabularyList");

        Assert.Equal(
            ["/vocabularyList/0/type", "/vocabularyList/1/vocabularyElementList/0/id", "/vocabularyList/1/vocabularyElementList/1/attributes/1/id", "/vocabularyList/1/vocabularyElementList/3/id"],
            errors.Select(e => e.Field).ToArray());
        Assert.Contains("第 2 个主数据词汇的第 2 个元素的第 2 个属性缺少属性标识 id", errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("出现了 2 次", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGs1KeyedElement_MustBeWithinTheDeclaringBusinesssCodes_APrivateOneIsItsOwnWord()
    {
        var (elements, _) = MasterDataRules.Read(List("""
            [{"type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
               {"id": "urn:epc:id:sgln:6901234.00001.0"}, {"id": "https://id.gs1.org/414/6909999000012"}, {"id": "urn:example:farm:7"}]},
             {"type": "urn:epcglobal:epcis:vtype:EPCClass", "vocabularyElementList": [{"id": "https://id.gs1.org/01/06901234000016"}]}]
            """), "/x");

        var errors = MasterDataRules.OwnershipErrors(elements, ["6901234"], "/x");
        Assert.Equal("/x/0/vocabularyElementList/1/id", Assert.Single(errors).Field);
        Assert.Contains("6909999000012", errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(MasterDataRules.OwnershipErrors(elements, ["6901234", "6909999000012"], "/x"));
    }

    [Fact]
    public void TheXmlBindingsHeader_BecomesTheJsonBindingsMasterData_AndPassesItsSchema()
    {
        // The GS1 example opens with a DOCTYPE, which the reader refuses on principle (external entities): removed here.
        var text = File.ReadAllText(Path.Combine(Root, "gs1", "examples-xml", "WithFullCombinationOfFields", "masterdata_all_possible_fields.xml")).Replace("<!DOCTYPE project>", "", StringComparison.Ordinal);
        var (doc, errors) = EpcisXml.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Empty(errors);
        var json = EpcisXml.ToJsonLd(doc!);
        var list = json["epcisHeader"]!["epcisMasterData"]!["vocabularyList"]!;
        var (elements, mdErrors) = MasterDataRules.Read(list, "/epcisHeader/epcisMasterData/vocabularyList");
        Assert.Empty(mdErrors);
        Assert.Contains(elements, e => e.Kind == MasterDataKind.Location && e.Gs1Key == "0037000007296" && e.Children is { Count: > 0 });
        var first = elements[0].Attributes.OfType<JsonObject>().First(a => EpcisJson.Text(a["id"]) == "http://example.com/ext1#object1");
        Assert.IsType<JsonObject>(first["attribute"]);
        Assert.False(first["attribute"]!.AsObject().ContainsKey("id"));
    }

    [Fact]
    public void WithProceed_ErrorsOfTheSecondPass_NameTheEventsAsSent()
    {
        var doc = JsonNode.Parse("""{"epcisBody": {"eventList": [{"n": 0}, {"n": 1}, {"n": 2}, {"n": 3}]}}""")!.AsObject();
        var (rest, positions) = CaptureErrors.Without(doc, [0, 1, 2, 3], new HashSet<int> { 1 });
        Assert.Equal([0, 2, 3], positions);
        Assert.Equal([0, 2, 3], rest["epcisBody"]!["eventList"]!.AsArray().Select(e => (int)e!["n"]!).ToArray());
        Assert.Equal(4, doc["epcisBody"]!["eventList"]!.AsArray().Count); // the document as sent is untouched

        var second = new EpcisError(1, "/epcisBody/eventList/1/bizStep", "第 2 个事件字段 bizStep：不是 CBV 业务步骤", "Unknown bizStep.");
        var asSent = CaptureErrors.AsSent(second, positions);
        Assert.Equal((2, "/epcisBody/eventList/2/bizStep", "第 3 个事件字段 bizStep：不是 CBV 业务步骤"), (asSent.EventIndex!.Value, asSent.Field, asSent.Message));
        Assert.Same(second, CaptureErrors.AsSent(second, [0, 1, 2, 3]));
    }

    [Fact]
    public void ADocumentWithMasterData_PassesTheJsonSchema()
    {
        using var json = JsonDocument.Parse("""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-20T08:00:00+08:00",
             "epcisHeader": {"epcisMasterData": {"vocabularyList": [{"type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
               {"id": "urn:epc:id:sgln:6901234.00001.0", "attributes": [{"id": "urn:epcglobal:cbv:mda#name", "attribute": "一号冷库"}]}]}]}},
             "epcisBody": {"eventList": [{"type": "ObjectEvent", "eventTime": "2026-11-20T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
               "epcList": ["urn:epc:id:sgtin:6901234.012345.1"], "bizStep": "receiving", "readPoint": {"id": "urn:epc:id:sgln:6901234.00001.0"}}]}}
            """);
        Assert.Empty(EpcisValidation.Validate(json));
    }
}
