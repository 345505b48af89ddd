using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shian.Traceability.Rules;

namespace Shian.UnitTests.Traceability;

/// <summary>
/// Query results in the XML binding: every valid OpenEPCIS and GS1 example (JSON-LD and XML) written as an
/// <c>EPCISQueryDocument</c> passes the standard's XSDs, and read back gives the same event hashes — the events are the
/// same events in the other binding, user extensions, sensor data and error declarations included.
/// </summary>
public sealed class EpcisXmlWriterTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Epcis");

    private static readonly HashSet<string> RefusedByTheXsd = ["JumbledFieldsOrder.xml", "Namespace_document.xml"];

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Root, "openepcis", "JSON", "Capture", "Documents"), "*.json")
            .Concat(Directory.GetFiles(Path.Combine(Root, "gs1", "examples-json"), "*.jsonld"))
            .Concat(Directory.GetFiles(Path.Combine(Root, "openepcis", "XML", "Capture", "Documents"), "*.xml").Where(f => !RefusedByTheXsd.Contains(Path.GetFileName(f))))
            .Select(f => Path.GetRelativePath(Root, f)).Order())
        {
            data.Add(f);
        }

        return data;
    }

    /// <summary>The document's events as the repository stores them: each with the document's context folded into its own.</summary>
    private static List<JsonObject> StoredEvents(string file)
    {
        JsonObject doc;
        if (file.EndsWith(".xml", StringComparison.Ordinal))
        {
            using var s = File.OpenRead(Path.Combine(Root, file));
            var (xml, errors) = EpcisXml.Read(s);
            Assert.Empty(errors);
            doc = EpcisXml.ToJsonLd(xml!);
        }
        else
        {
            doc = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, file)))!.AsObject();
        }

        var list = doc["epcisBody"]?["eventList"] as JsonArray ?? doc["epcisBody"]?["queryResults"]?["resultsBody"]?["eventList"] as JsonArray ?? [];
        var context = doc["@context"];
        return [.. list.OfType<JsonObject>().Select(e =>
        {
            var copy = e.DeepClone().AsObject();
            var merged = new JsonArray();
            foreach (var c in context is JsonArray a ? a : context is null ? [] : new JsonArray(context.DeepClone()))
            {
                merged.Add(c?.DeepClone());
            }

            foreach (var c in copy["@context"] is JsonArray own ? own : copy["@context"] is { } one ? new JsonArray(one.DeepClone()) : [])
            {
                merged.Add(c?.DeepClone());
            }

            copy["@context"] = merged;
            return copy;
        })];
    }

    private static List<string> Hashes(IEnumerable<JsonObject> events) =>
        [.. events.Select(e => EpcisJson.ReadEvents(new JsonObject { ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray(e.DeepClone()) } }).Single()).Select(EventHash.Of)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryExample_WrittenAsXml_PassesTheXsd_AndReadsBackAsTheSameEvents(string file)
    {
        var events = StoredEvents(file);
        Assert.NotEmpty(events);
        var text = EpcisXmlWriter.ToText(EpcisXmlWriter.QueryDocument(events, new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc)));

        var (back, errors) = EpcisXml.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Field}: {e.MessageEn}")) + "\n" + text);
        var json = EpcisXml.ToJsonLd(back!);
        var again = EpcisJson.ReadEvents(json).Select(EventHash.Of).ToList();
        Assert.Equal(Hashes(events), again);

        using var asJson = JsonDocument.Parse(json.ToJsonString());
        var jsonErrors = EpcisValidation.Validate(asJson, fromXml: true);
        Assert.True(jsonErrors.Count == 0, string.Join("\n", jsonErrors.Select(e => $"{e.Field}: {e.MessageEn}")) + "\n" + text);
    }

    [Fact]
    public void TheDocument_IsAQueryDocument_WithCbvWordsAsUris_AndExtensionsInTheirNamespaces()
    {
        var e = JsonNode.Parse("""
            {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"ex":"https://ns.example.com/epcis/"}],
             "type":"ObjectEvent","eventTime":"2026-11-20T08:00:00+08:00","eventTimeZoneOffset":"+08:00","eventID":"urn:uuid:1",
             "epcList":["https://id.gs1.org/01/06901234000016/21/1"],"action":"OBSERVE","bizStep":"shipping","disposition":"in_transit",
             "readPoint":{"id":"https://id.gs1.org/414/6901234000009"},
             "ilmd":{"cbvmda:lotNumber":"L1"},"ex:temperature":{"ex:value":"4","unit":"CEL"},"ex:cold chain":"yes"}
            """)!.AsObject();
        var text = EpcisXmlWriter.ToText(EpcisXmlWriter.QueryDocument([e], new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc)));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><epcisq:EPCISQueryDocument", text, StringComparison.Ordinal);
        Assert.Contains("<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>", text, StringComparison.Ordinal);
        Assert.Contains("<disposition>https://ref.gs1.org/cbv/Disp-in_transit</disposition>", text, StringComparison.Ordinal);
        Assert.Contains("xmlns:ex=\"https://ns.example.com/epcis/\"", text, StringComparison.Ordinal);
        Assert.Contains("<ex:temperature><ex:value>4</ex:value><unit>CEL</unit></ex:temperature>", text, StringComparison.Ordinal);
        Assert.Contains("<ilmd><cbvmda:lotNumber>L1</cbvmda:lotNumber></ilmd>", text, StringComparison.Ordinal);
        Assert.Contains("<queryName>SimpleEventQuery</queryName>", text, StringComparison.Ordinal);
        Assert.Contains("<ex:cold_x0020_chain>yes</ex:cold_x0020_chain>", text, StringComparison.Ordinal); // not a valid XML name as written: encoded, not a 500
    }
}
