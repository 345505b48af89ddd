using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Shian.Traceability.Rules;

namespace Shian.Benchmarks;

/// <summary>
/// The pure steps of an EPCIS capture (issue #18 §4), for one document of 100 commissioning events as
/// benchmarks/scripts/epcis.sh sends it: parsing, the JSON-schema and semantic checks, and the CBV 2.0 event hash with
/// the indexed facts — where a capture's CPU goes before anything is written.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class CaptureBenchmarks
{
    private byte[] _document = [];

    [GlobalSetup]
    public void Setup()
    {
        var events = Enumerable.Range(0, 100).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$$"""{"type":"ObjectEvent","eventTime":"2026-11-20T08:{{{i % 60:00}}}:00.{{{i:000}}}+08:00","eventTimeZoneOffset":"+08:00","action":"ADD","epcList":["urn:epc:id:sgtin:6907777.012345.{{{1000000 + i}}}"],"bizStep":"commissioning","disposition":"active","readPoint":{"id":"urn:epc:id:sgln:6907777.00001.0"},"bizLocation":{"id":"urn:epc:id:sgln:6907777.00001.0"},"ilmd":{"cbvmda:lotNumber":"BENCH-1","cbvmda:itemExpirationDate":"2027-05-20"}}"""));
        _document = Encoding.UTF8.GetBytes("""{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-11-20T08:00:00+08:00","epcisBody":{"eventList":[""" + string.Join(",", events) + "]}}");
        if (Validate() != 0)
        {
            throw new InvalidOperationException("the benchmark document must be valid");
        }
    }

    [Benchmark(Description = "parse a 100-event document (JsonDocument + JsonNode)")]
    public int Parse()
    {
        using var json = JsonDocument.Parse(_document);
        return JsonNode.Parse(json.RootElement.GetRawText())!.AsObject().Count;
    }

    [Benchmark(Description = "validate it (schema, then semantics)")]
    public int Validate()
    {
        using var json = JsonDocument.Parse(_document);
        return EpcisValidation.Validate(json).Count;
    }

    [Benchmark(Description = "read, hash and index its 100 events")]
    public int HashAndFacts()
    {
        var doc = JsonNode.Parse(_document)!.AsObject();
        var n = 0;
        foreach (var tree in EpcisJson.ReadEvents(doc))
        {
            n += EventHash.Of(tree).Length + EventFacts.From(tree).Keys.Count;
        }

        return n;
    }
}
