using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Complaints;

/// <summary>
/// Open311 GeoReport v2 conformance: our XML has the element structure of the specification's examples, our JSON
/// passes the GeoReport v2 JSON Schemas (open311/schema-validation), errors use the spec's format and status rules
/// (404 unknown, 403 key, 400 the rest), and the spec's own example POST is accepted once its values are ours.
/// </summary>
public abstract class Open311Tests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Complaints", "Open311", name));

    private static JsonSchema Schema(string name) => JsonSchema.FromText(Fixture(name));

    private static void Valid(JsonSchema schema, JsonNode? node, string what)
    {
        var result = schema.Evaluate(JsonDocument.Parse(node!.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{what}: {string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")))}");
    }

    /// <summary>The element names under each element of the example, by path (what the spec shows a server returns).</summary>
    private static HashSet<string> Shape(XElement root) =>
        [.. root.DescendantsAndSelf().Select(e => string.Join("/", e.AncestorsAndSelf().Reverse().Select(a => a.Name.LocalName)))];

    private async Task<string> KeyAsync()
    {
        await using var scope = factory.Scope();
        var (_, key) = await scope.ServiceProvider.GetRequiredService<Shian.Complaints.Open311Clients>().CreateAsync("测试城市 App " + Guid.NewGuid().ToString("N")[..4], "210500000000", Ct);
        return key;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Services_AndTheirDefinition_HaveTheSpecsShape_InXmlAndJson()
    {
        var client = factory.CreateClient();
        var xml = await client.GetAsync("/open311/v2/services.xml", Ct);
        Assert.Equal("text/xml", xml.Content.Headers.ContentType?.MediaType);
        var text = await xml.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", text, StringComparison.Ordinal);
        Assert.Equal(Shape(XElement.Parse(Fixture("get_services.xml"))), Shape(XElement.Parse(text)));
        Assert.Contains("<service_code>expired_spoiled</service_code>", text, StringComparison.Ordinal);

        var json = JsonNode.Parse(await client.GetStringAsync("/open311/v2/services.json", Ct))!.AsArray();
        Assert.Equal(11, json.Count);
        foreach (var s in json)
        {
            Valid(Schema("service.json"), s, "service");
        }

        var definition = await client.GetStringAsync("/open311/v2/services/illegal_additive.xml", Ct);
        Assert.Equal(Shape(XElement.Parse(Fixture("get_service_definition.xml"))), Shape(XElement.Parse(definition)));
        Valid(Schema("service-definition.json"), JsonNode.Parse(await client.GetStringAsync("/open311/v2/services/illegal_additive.json", Ct)), "service definition");

        var missing = await client.GetAsync("/open311/v2/services/no_such.xml", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = XElement.Parse(await missing.Content.ReadAsStringAsync(Ct));
        Assert.Equal("errors", error.Name.LocalName);
        Assert.Equal("404", error.Element("error")!.Element("code")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/services.csv", Ct)).StatusCode);

        var discovery = JsonNode.Parse(await client.GetStringAsync("/open311/v2/discovery.json", Ct))!;
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", discovery["endpoints"]![0]!["specification"]!.GetValue<string>());
        Assert.NotNull(XElement.Parse(await client.GetStringAsync("/open311/v2/discovery.xml", Ct)).Element("endpoints"));
    }

    [Fact]
    public async Task APost_NeedsAValidKey_AndItsRequiredFields_AnsweredInTheSpecsErrorFormat()
    {
        var client = factory.CreateClient();
        var noKey = await client.PostAsync("/open311/v2/requests.xml", Form(("service_code", "other"), ("address_string", "x")), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        var xml = XElement.Parse(await noKey.Content.ReadAsStringAsync(Ct));
        Assert.Equal(Shape(XElement.Parse(Fixture("error_403.http-xml.txt")[Fixture("error_403.http-xml.txt").IndexOf('<', StringComparison.Ordinal)..])), Shape(xml));

        var badKey = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", "o311_wrong"), ("service_code", "other")), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, badKey.StatusCode);
        Assert.Equal(403, JsonNode.Parse(await badKey.Content.ReadAsStringAsync(Ct))![0]!["code"]!.GetValue<int>());

        var key = await KeyAsync();
        var unknown = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "sinkhole"), ("address_string", "x")), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var incomplete = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", key)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = JsonNode.Parse(await incomplete.Content.ReadAsStringAsync(Ct))!.AsArray().Select(e => e!["description"]!.GetValue<string>()).ToList();
        Assert.Contains("service_code not provided", errors);
        Assert.Contains("a location is required: lat and long, address_string or address_id", errors);
        Assert.Contains("attribute[kind] is required: complaint or report", errors);

        // The rule's Chinese messages reach the client as errors too (a complaint needs a name and phone).
        var anonymousComplaint = await client.PostAsync("/open311/v2/requests.json",
            Form(("api_key", key), ("service_code", "other"), ("address_string", "溪湖区河东街道"), ("attribute[kind]", "complaint"), ("description", "买到变质面包")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, anonymousComplaint.StatusCode);
        Assert.Contains("投诉须提供姓名和联系电话", await anonymousComplaint.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSpecsExamplePost_IsAccepted_AndTheRequestIsListedFound_AndTokenised_WithoutTheFilersIdentity()
    {
        var key = await KeyAsync();
        var phone = ComplaintsTests.NextPhone();

        // The specification's example request with our key, one of our services and its required attribute; its
        // foreign fields (jurisdiction_id, email, device_id, account_id, media_url, unknown attributes) are accepted.
        var example = Fixture("post_request.http").Split("\n\n", 2)[1].Trim()
            .Replace("api_key=xyz", "api_key=" + key, StringComparison.Ordinal)
            .Replace("service_code=001", "service_code=hygiene", StringComparison.Ordinal)
            .Replace("phone=111111111", "phone=" + phone, StringComparison.Ordinal)
            .Replace("address_string=1234+5th+street", "address_string=" + Uri.EscapeDataString("本溪市溪湖区河东街道 5 号"), StringComparison.Ordinal)
            + "&attribute[kind]=report";
        var res = await factory.CreateClient().PostAsync("/open311/v2/requests.xml", new StringContent(example, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        var body = await res.Content.ReadAsStringAsync(Ct);
        Assert.True(res.StatusCode == HttpStatusCode.Created, body);
        var created = XElement.Parse(body);
        Assert.Equal(Shape(XElement.Parse(Fixture("post_request_response.xml"))), Shape(created));
        var id = created.Element("request")!.Element("service_request_id")!.Value;

        var client = factory.CreateClient();
        var one = await client.GetStringAsync($"/open311/v2/requests/{id}.xml", Ct);
        Assert.Equal(Shape(XElement.Parse(Fixture("get_requests.xml"))), Shape(XElement.Parse(one)));
        var item = JsonNode.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.json", Ct))!.AsArray().Single();
        Valid(Schema("request.json"), item, "request");
        Assert.Equal("open", item!["status"]!.GetValue<string>());
        Assert.Equal("hygiene", item["service_code"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", item["requested_datetime"]!.GetValue<string>());
        Assert.Equal("溪湖区市场监督管理部门", item["agency_responsible"]!.GetValue<string>()); // routed by the district named in the address

        var list = await client.GetStringAsync("/open311/v2/requests.json?service_code=hygiene&status=open", Ct);
        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.DoesNotContain(id, await client.GetStringAsync("/open311/v2/requests.json?status=closed", Ct), StringComparison.Ordinal);
        Assert.Contains(id, await client.GetStringAsync($"/open311/v2/requests.json?service_request_id={id},NOTACODE", Ct), StringComparison.Ordinal);
        var token = JsonNode.Parse(await client.GetStringAsync($"/open311/v2/tokens/{id}.json", Ct))!.AsArray().Single()!;
        Assert.Equal(id, token["service_request_id"]!.GetValue<string>());

        foreach (var text in new[] { one, list })
        {
            Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("smith", text, StringComparison.OrdinalIgnoreCase);
        }

        var range = await client.GetAsync("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
        Assert.Contains("may not exceed 90 days", await range.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/open311/v2/requests.json?start_date=2026-01-01", Ct)).StatusCode); // no timezone
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/requests/00000000000.json", Ct)).StatusCode);

        // A revoked key is refused.
        await using (var scope = factory.Scope())
        {
            var clients = scope.ServiceProvider.GetRequiredService<Shian.Complaints.Open311Clients>();
            var c = await clients.ByKeyAsync(key, Ct);
            await clients.RevokeAsync(c!.Id, Ct);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClient().PostAsync("/open311/v2/requests.xml",
            new StringContent(example, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), Ct)).StatusCode);
    }

    /// <summary>The spec's anonymous GETs read past the region filter: only what Open311 clients filed is there (ADR 0008).</summary>
    [Fact]
    public async Task TheAnonymousGets_ShowOnlyWhatOpen311ClientsFiled()
    {
        var page = await ComplaintsTests.FileAsync(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true }),
            new Dictionary<string, string>
            {
                ["Kind"] = "Report", ["Category"] = "Hygiene", ["Description"] = "网上举报，不应公开", ["Address"] = "溪湖区", ["RegionCode"] = "210503000000", ["Anonymous"] = "true",
            });
        var code = ComplaintsTests.CodeOf(page);
        var client = factory.CreateClient();
        Assert.DoesNotContain(code, await client.GetStringAsync("/open311/v2/requests.json", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("网上举报，不应公开", await client.GetStringAsync("/open311/v2/requests.xml", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/open311/v2/requests/{code}.json", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/open311/v2/tokens/{code}.json", Ct)).StatusCode);
    }
}

public sealed class Open311SqliteTests(SqliteShianFactory factory) : Open311Tests(factory), IClassFixture<SqliteShianFactory>;

public sealed class Open311PostgresTests(PostgresShianFactory factory) : Open311Tests(factory), IClassFixture<PostgresShianFactory>;
