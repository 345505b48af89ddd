using System.Text.Json.Nodes;
using Shian.Traceability.Rules;

namespace Shian.UnitTests.Traceability;

/// <summary>
/// The CBV 2.0 event hash against every JSON-LD document of the reference implementation's test suite
/// (RalphTro/epcis-event-hash-generator tests/examples, copied to data/epcis/hash-vectors): each event's hash must be
/// the one in the document's <c>.hashes</c> file, in order.
/// </summary>
public sealed class EventHashTests
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Epcis", "hash-vectors");

    public static TheoryData<string> JsonVectors() =>
        [.. Directory.GetFiles(Dir, "*.jsonld").Select(f => Path.GetFileNameWithoutExtension(f)!).Where(n => File.Exists(Path.Combine(Dir, n + ".hashes"))).Order()];

    [Theory]
    [MemberData(nameof(JsonVectors))]
    public void JsonLdDocument_HashesAsTheReferenceVectors(string name)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, name + ".jsonld")))!.AsObject();
        var expected = File.ReadAllLines(Path.Combine(Dir, name + ".hashes")).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList();
        var events = EpcisJson.ReadEvents(doc);
        var preHashes = events.Select(EventHash.PreHash).ToList();

        // Where the vector's pre-hash line is the one its hash was made from, compare the strings too: a difference then
        // shows exactly which element is out of place. (Some copies' pre-hash lines do not match their own hash.)
        var vectorPre = File.Exists(Path.Combine(Dir, name + ".prehashes")) ? File.ReadAllLines(Path.Combine(Dir, name + ".prehashes")).Where(l => l.Length > 0).ToList() : [];
        for (var i = 0; i < Math.Min(vectorPre.Count, preHashes.Count); i++)
        {
            if (expected.Contains(EventHash.FromPreHash(vectorPre[i])))
            {
                Assert.Equal(vectorPre[i], preHashes[i]);
            }
        }

        Assert.Equal(expected, preHashes.Select(EventHash.FromPreHash).ToList());
    }

    [Fact]
    public void TheSameEventAsJsonAndWithOtherFieldOrder_HasOneHash()
    {
        const string a = """{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-01-01T00:00:00Z","epcisBody":{"eventList":[{"type":"ObjectEvent","eventTime":"2024-03-01T08:00:00+08:00","eventTimeZoneOffset":"+08:00","epcList":["urn:epc:id:sgtin:6901234.012345.1","urn:epc:id:sgtin:6901234.012345.2"],"action":"OBSERVE","bizStep":"shipping"}]}}""";
        const string b = """{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-01-01T00:00:00Z","epcisBody":{"eventList":[{"bizStep":"urn:epcglobal:cbv:bizstep:shipping","action":"OBSERVE","epcList":["https://id.gs1.org/01/06901234123456/21/2","https://example.cn/01/06901234123456/21/1?x=1"],"eventTimeZoneOffset":"+08:00","eventTime":"2024-03-01T00:00:00.000Z","type":"ObjectEvent"}]}}""";
        var pa = EventHash.PreHash(EpcisJson.ReadEvents(JsonNode.Parse(a)!.AsObject())[0]);
        var pb = EventHash.PreHash(EpcisJson.ReadEvents(JsonNode.Parse(b)!.AsObject())[0]);
        Assert.Equal(pa, pb);
        var ha = EventHash.FromPreHash(pa);
        Assert.StartsWith("ni:///sha-256;", ha, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.107346.2017", "https://id.gs1.org/01/10614141073464/21/2017")]
    [InlineData("urn:epc:id:sscc:0614141.1234567890", "https://id.gs1.org/00/106141412345678908")]
    [InlineData("urn:epc:id:sgln:0614141.07346.1234", "https://id.gs1.org/414/0614141073467/254/1234")]
    [InlineData("urn:epc:id:sgln:0614141.07346.0", "https://id.gs1.org/414/0614141073467")]
    [InlineData("urn:epc:class:lgtin:4012345.012345.998877", "https://id.gs1.org/01/04012345123456/10/998877")]
    [InlineData("urn:epc:idpat:sgtin:4012345.044444.*", "https://id.gs1.org/01/04012345444445")]
    [InlineData("urn:epc:id:pgln:4000001.00000", "https://id.gs1.org/417/4000001000005")]
    [InlineData("https://id.gs1.org/gtin/9780345418913", "https://id.gs1.org/01/09780345418913")]
    [InlineData("https://example.com/01/09780345418913/10/L1/21/765tz?abc=1", "https://id.gs1.org/01/09780345418913/21/765tz")]
    public void Gs1Keys_BecomeCanonicalDigitalLinks(string input, string expected) => Assert.Equal(expected, Gs1Keys.Canonical(input));

    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.10734.2017")] // company prefix + item reference must be 13 digits
    [InlineData("urn:epc:id:sscc:0614141.123")]
    [InlineData("urn:epc:id:nonsense:0614141.1")]
    public void MalformedEpcUris_AreRecognised(string uri) => Assert.True(Gs1Keys.IsMalformedEpcUri(uri));

    [Theory]
    [InlineData("https://id.gs1.org/01/10614141073465/21/2017", "10614141073465")]
    [InlineData("https://id.gs1.org/414/0614141073468", "0614141073468")]
    [InlineData("https://id.gs1.org/01/10614141073464/21/2017", null)]
    public void DigitalLinks_WithAWrongCheckDigit_AreFound(string uri, string? wrong) => Assert.Equal(wrong, Gs1Keys.WrongCheckDigit(uri));

    [Theory]
    [InlineData("2023-02-02T11:04:03.1415Z", "2023-02-02T11:04:03.142Z")]
    [InlineData("2023-02-02T11:04:03.1414Z", "2023-02-02T11:04:03.141Z")]
    [InlineData("2022-02-16T20:33:31.116000-06:00", "2022-02-17T02:33:31.116Z")]
    [InlineData("2024-12-31T23:59:59.9996+08:00", "2024-12-31T16:00:00.000Z")]
    public void Timestamps_AreUtcMilliseconds(string input, string expected)
    {
        Assert.True(EventHash.TryTimestamp(input, out var utc));
        Assert.Equal(expected, utc);
    }

    [Theory]
    [InlineData("452.0", "452")]
    [InlineData("+0.50", "0.5")]
    [InlineData("0.005", "0.005")]
    [InlineData("0614141", "614141")]
    [InlineData("KGM", "KGM")]
    public void Numbers_AreCanonical(string input, string expected) => Assert.Equal(expected, EventHash.Numeric(input));
}
