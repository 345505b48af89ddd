using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;

namespace Shian.Complaints;

/// <summary>Open311 API keys: created by an administrator (the key shown once), stored as SHA-256, revocable.</summary>
public sealed class Open311Clients(ShianDb db, TimeProvider clock)
{
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public async Task<IReadOnlyList<Open311Client>> ListAsync(CancellationToken ct) => await db.Open311Clients.AsNoTracking().OrderBy(c => c.CreatedAtUtc).ToListAsync(ct);

    public async Task<(Open311Client Client, string Key)> CreateAsync(string? name, string? regionCode, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            errors["name"] = ["请填写接入方名称（不超过 100 字）"];
        }

        if (regionCode is null || !Kernel.Regions.RegionCode.IsValid(regionCode) || !await db.Regions.AnyAsync(r => r.Code == regionCode, ct))
        {
            errors["regionCode"] = ["请选择接入方服务的区划"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("complaints.client", "接入方信息有误", errors);
        }

        var key = "o311_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var client = new Open311Client { Name = name!.Trim(), RegionCode = regionCode!, KeyHash = Hash(key), KeyPrefix = key[..8], CreatedBy = db.Request.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.Open311Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return (client, key);
    }

    public async Task RevokeAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Open311Clients.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ShianProblemException.NotFound("complaints.client-not-found", "接入方不存在");
        c.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public async Task<Open311Client?> ByKeyAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
        {
            return null;
        }

        var hash = Hash(key);
        return await db.Open311Clients.AsNoTracking().FirstOrDefaultAsync(c => c.KeyHash == hash && c.RevokedAtUtc == null, ct);
    }
}

/// <summary>
/// The requests Open311 clients filed, for the spec's anonymous GETs: only those of the Open311 channel (what the public
/// filed elsewhere is not published, 投诉举报处理暂行办法 第三十三条), read past the region filter, without any identity.
/// </summary>
public sealed class Open311Requests(ShianDb db)
{
    public sealed record Item(Complaint Complaint, string? StatusNotes, string Agency);

    public async Task<IReadOnlyList<Item>> QueryAsync(IReadOnlyList<string>? codes, IReadOnlyList<ComplaintCategory>? categories, DateTime fromUtc, DateTime toUtc,
        IReadOnlyList<ComplaintStatus>? statuses, CancellationToken ct)
    {
        var q = db.Complaints.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(c => c.Channel == ComplaintChannel.Open311);
        if (codes is { Count: > 0 })
        {
            q = q.Where(c => codes.Contains(c.TrackingCode));
        }
        else
        {
            q = q.Where(c => c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc <= toUtc);
            if (categories is { Count: > 0 })
            {
                q = q.Where(c => categories.Contains(c.Category));
            }

            if (statuses is { Count: > 0 })
            {
                q = q.Where(c => statuses.Contains(c.Status));
            }
        }

        var list = await q.OrderByDescending(c => c.ReceivedAtUtc).Take(1000).ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var notes = (await db.ComplaintEntries.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
                .Where(e => ids.Contains(e.ComplaintId) && e.Public && e.Kind == ComplaintEntryKind.Step).Select(e => new { e.ComplaintId, e.AtUtc, e.Text }).ToListAsync(ct))
            .GroupBy(e => e.ComplaintId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.AtUtc)!.Text);
        // The agency is the county department (第十二条), also for a complaint routed to one of its towns.
        string County(string code) => Kernel.Regions.RegionCode.CountyOf(code) ?? code;
        var regionCodes = list.Select(c => County(c.RegionCode)).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return [.. list.Select(c => new Item(c, notes.GetValueOrDefault(c.Id), regions.GetValueOrDefault(County(c.RegionCode), c.RegionCode) + "市场监督管理部门"))];
    }
}

/// <summary>
/// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2, CC BY 3.0) at /open311/v2: discovery, services, service
/// definitions, POST requests (api_key in the form), GET requests and one request, tokens. XML (required by the spec)
/// and JSON (the Spark convention: the top level an array), chosen by the suffix; the spec's error format with 404 for
/// an unknown resource, 403 for a missing or invalid key, 400 for the rest. Hand-written: no maintained .NET Open311
/// server library exists, and the formats are small.
/// </summary>
internal static class Open311Api
{
    private const string Prefix = "/open311/v2";

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Prefix).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        g.MapGet("/discovery.{format}", (string format, HttpRequest req) => Respond(format, w => Discovery(w, req), 200));
        g.MapGet("/services.{format}", (string format) => Respond(format, Services, 200));
        g.MapGet("/services/{code}.{format}", (string code, string format) =>
            Open311Services.Find(code) is { } s ? Respond(format, w => Definition(w, s), 200) : Error(format, 404, 404, $"service_code {code} not found"));
        g.MapPost("/requests.{format}", PostAsync).RequireRateLimiting(ComplaintsModule.IntakeLimit);
        g.MapGet("/requests.{format}", GetAllAsync);
        g.MapGet("/requests/{id}.{format}", async (string id, string format, Open311Requests requests, CancellationToken ct) =>
        {
            if (!TrackingCodes.TryNormalize(id, out var code))
            {
                return Error(format, 404, 404, $"service_request_id {id} not found");
            }

            var items = await requests.QueryAsync([code], null, DateTime.MinValue, DateTime.MaxValue, null, ct);
            return items.Count == 0 ? Error(format, 404, 404, $"service_request_id {id} not found") : Respond(format, w => Requests(w, items), 200);
        });
        g.MapGet("/tokens/{token}.{format}", async (string token, string format, Open311Requests requests, CancellationToken ct) =>
        {
            // Requests are realtime (the id is returned at once); a token is the id itself.
            if (!TrackingCodes.TryNormalize(token, out var code) || (await requests.QueryAsync([code], null, DateTime.MinValue, DateTime.MaxValue, null, ct)).Count == 0)
            {
                return Error(format, 404, 404, $"token {token} not found");
            }

            return Respond(format, w => w.List("service_requests", "request", [new Dictionary<string, object?> { ["service_request_id"] = TrackingCodes.Display(code), ["token"] = TrackingCodes.Display(code) }]), 200);
        });
        return app;
    }

    private static async Task<IResult> PostAsync(string format, HttpRequest req, Open311Clients clients, Intake intake, IPublicRegister register, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return Results.NotFound();
        }

        if (!req.HasFormContentType)
        {
            return Error(format, 400, 400, "the body must be application/x-www-form-urlencoded");
        }

        var form = await req.ReadFormAsync(ct);
        var client = await clients.ByKeyAsync(form["api_key"], ct);
        if (client is null)
        {
            return Error(format, 403, 403, string.IsNullOrEmpty(form["api_key"]) ? "api_key missing" : "Invalid api_key received -- can't proceed with create_request.");
        }

        var errors = new List<(int Code, string Text)>();
        var serviceCode = form["service_code"].ToString();
        var service = Open311Services.Find(serviceCode);
        if (string.IsNullOrWhiteSpace(serviceCode))
        {
            errors.Add((400, "service_code not provided"));
        }
        else if (service is null)
        {
            return Error(format, 404, 404, $"service_code {serviceCode} not found");
        }

        double? lat = null, lon = null;
        var latText = form["lat"].ToString();
        var longText = form["long"].ToString();
        if (latText.Length > 0 || longText.Length > 0)
        {
            if (double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) && double.TryParse(longText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
                && la is >= -90 and <= 90 && lo is >= -180 and <= 180)
            {
                (lat, lon) = (la, lo);
            }
            else
            {
                errors.Add((400, "lat and long must both be given as WGS84 decimal degrees"));
            }
        }

        var address = form["address_string"].ToString().Trim();
        var addressId = form["address_id"].ToString().Trim();
        if (lat is null && address.Length == 0 && addressId.Length == 0)
        {
            errors.Add((400, "a location is required: lat and long, address_string or address_id"));
        }

        var kindText = form["attribute[kind]"].ToString();
        var kind = kindText switch { "complaint" => ComplaintKind.Complaint, "report" => ComplaintKind.Report, _ => (ComplaintKind?)null };
        if (kind is null)
        {
            errors.Add((400, "attribute[kind] is required: complaint or report"));
        }

        DateOnly? occurred = null;
        var occurredText = form["attribute[occurred_on]"].ToString();
        if (occurredText.Length > 0)
        {
            if (DateTimeOffset.TryParse(occurredText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto) && HasOffset(occurredText))
            {
                occurred = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dto, ChinaTime.Zone).DateTime);
            }
            else
            {
                errors.Add((400, "attribute[occurred_on] must be a W3C datetime with a timezone"));
            }
        }

        var description = form["description"].ToString();
        if (description.Length > 4000)
        {
            errors.Add((400, "description exceeds 4000 characters"));
        }

        if (errors.Count > 0)
        {
            return Errors(format, 400, errors);
        }

        Guid? businessId = null;
        var licence = form["attribute[business_licence]"].ToString().Trim();
        if (licence.Length is > 5 and < 40)
        {
            businessId = (await register.SearchAsync(licence, 5, ct)).FirstOrDefault(b => string.Equals(b.LicenceNumber, licence, StringComparison.OrdinalIgnoreCase))?.Id;
        }

        var name = $"{form["last_name"]}{form["first_name"]}".Trim();
        var phone = form["phone"].ToString().Trim();
        var anonymous = name.Length == 0 && phone.Length == 0;
        try
        {
            var receipt = await intake.FileAsync(ComplaintChannel.Open311, new Intake.Filing(kind!.Value, service!.Category, description, occurred, businessId,
                    NullIfEmpty(form["attribute[business_name]"]), address.Length > 0 ? address : NullIfEmpty(addressId), lat, lon, null, anonymous, NullIfEmpty(name), NullIfEmpty(phone)),
                ct, client.Id, client.RegionCode);
            var notice = $"已收到，受理期限 {receipt.AcceptBy:yyyy-MM-dd}（{receipt.RegionName}）";
            return Respond(format, w => w.List("service_requests", "request",
                [new Dictionary<string, object?> { ["service_request_id"] = TrackingCodes.Display(receipt.TrackingCode), ["service_notice"] = notice, ["account_id"] = null }]), 201);
        }
        catch (ShianProblemException e) when (e.Status is 400 or 409 or 429)
        {
            // The spec's error array: one error per field, with the Chinese message.
            var list = e.Errors is { Count: > 0 } ? e.Errors.SelectMany(kv => kv.Value.Select(v => (400, $"{kv.Key}: {v}"))).ToList() : [(e.Status, e.Message)];
            return Errors(format, 400, list);
        }
    }

    private static async Task<IResult> GetAllAsync(string format, HttpRequest req, Open311Requests requests, TimeProvider clock, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return Results.NotFound();
        }

        var q = req.Query;
        var ids = Split(q["service_request_id"]);
        if (ids.Count > 0)
        {
            var codes = ids.Select(i => TrackingCodes.TryNormalize(i, out var c) ? c : null).OfType<string>().ToList();
            IReadOnlyList<Open311Requests.Item> found = codes.Count == 0 ? [] : await requests.QueryAsync(codes, null, DateTime.MinValue, DateTime.MaxValue, null, ct);
            return Respond(format, w => Requests(w, found), 200);
        }

        var errors = new List<(int, string)>();
        var categories = new List<ComplaintCategory>();
        foreach (var code in Split(q["service_code"]))
        {
            if (Open311Services.Find(code) is { } s)
            {
                categories.Add(s.Category);
            }
            else
            {
                errors.Add((404, $"service_code {code} not found"));
            }
        }

        var statuses = new List<ComplaintStatus>();
        foreach (var s in Split(q["status"]))
        {
            switch (s)
            {
                case "open":
                    statuses.AddRange([ComplaintStatus.Received, ComplaintStatus.InProgress]);
                    break;
                case "closed":
                    statuses.AddRange([ComplaintStatus.Refused, ComplaintStatus.Closed, ComplaintStatus.Merged]);
                    break;
                default:
                    errors.Add((400, $"status {s} is not open or closed"));
                    break;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var end = ParseDate(q["end_date"], errors, "end_date") ?? now;
        var start = ParseDate(q["start_date"], errors, "start_date") ?? end.AddDays(-90);
        if (end < start)
        {
            errors.Add((400, "end_date is before start_date"));
        }
        else if ((end - start).TotalDays > 90)
        {
            errors.Add((400, "the date range may not exceed 90 days"));
        }

        if (errors.Count > 0)
        {
            return Errors(format, errors.All(e => e.Item1 == 404) ? 404 : 400, errors);
        }

        var items = await requests.QueryAsync(null, categories, start, end, statuses, ct);
        return Respond(format, w => Requests(w, items), 200);
    }

    private static DateTime? ParseDate(string? text, List<(int, string)> errors, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && HasOffset(text))
        {
            return d.UtcDateTime;
        }

        errors.Add((400, $"{name} must be a W3C datetime with a timezone, e.g. 2026-11-01T00:00:00+08:00"));
        return null;
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");

    private static List<string> Split(string? text) => string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool IsFormat(string format) => format is "xml" or "json";

    private static void Discovery(Writer w, HttpRequest req)
    {
        var url = $"{req.Scheme}://{req.Host}{Prefix}/";
        w.Object("discovery", new Dictionary<string, object?>
        {
            ["changeset"] = "2026-11-27T00:00:00+08:00",
            ["contact"] = "食品安全投诉举报 12315",
            ["key_service"] = "向食品安全委员会办公室申请 API 密钥",
        }, ("endpoints", "endpoint", [new Dictionary<string, object?>
        {
            ["specification"] = "http://wiki.open311.org/GeoReport_v2", ["url"] = url, ["changeset"] = "2026-11-27T00:00:00+08:00", ["type"] = "production",
            ["formats"] = new Formats(["text/xml", "application/json"]),
        }]));
    }

    private static void Services(Writer w) => w.List("services", "service", [.. Open311Services.All.Select(s => new Dictionary<string, object?>
    {
        ["service_code"] = s.Code, ["service_name"] = s.Name, ["description"] = s.Description, ["metadata"] = true, ["type"] = "realtime", ["keywords"] = s.Keywords,
        ["group"] = "食品安全",
    })]);

    private static void Definition(Writer w, Open311Services.Service s) =>
        w.Object("service_definition", new Dictionary<string, object?> { ["service_code"] = s.Code }, ("attributes", "attribute", [.. Open311Services.Attributes.Select(a => new Dictionary<string, object?>
        {
            ["variable"] = true, ["code"] = a.Code, ["datatype"] = a.Datatype, ["required"] = a.Required, ["datatype_description"] = a.Datatype == "datetime" ? "W3C 日期时间，须带时区" : null,
            ["order"] = a.Order, ["description"] = a.Description,
            ["values"] = new Values(a.Values), // the schema wants an array, empty for a non-list attribute
        })]));

    private static void Requests(Writer w, IReadOnlyList<Open311Requests.Item> items) => w.List("service_requests", "request", [.. items.Select(i =>
    {
        var c = i.Complaint;
        var s = Open311Services.Of(c.Category);
        return new Dictionary<string, object?>
        {
            ["service_request_id"] = TrackingCodes.Display(c.TrackingCode), ["status"] = Open311Services.Status(c.Status), ["status_notes"] = i.StatusNotes,
            ["service_name"] = s.Name, ["service_code"] = s.Code, ["description"] = c.Description, ["agency_responsible"] = i.Agency, ["service_notice"] = null,
            ["requested_datetime"] = W3C(c.ReceivedAtUtc), ["updated_datetime"] = c.UpdatedAtUtc is DateTime u ? W3C(u) : null,
            ["expected_datetime"] = c.Status == ComplaintStatus.Received ? $"{c.AcceptBy:yyyy-MM-dd}T23:59:59+08:00" : null,
            ["address"] = c.Address, ["address_id"] = null, ["zipcode"] = null, ["lat"] = c.Latitude, ["long"] = c.Longitude, ["media_url"] = null,
        };
    })]);

    private static string W3C(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static IResult Error(string format, int status, int code, string text) => Errors(format, status, [(code, text)]);

    private static IResult Errors(string format, int status, IReadOnlyList<(int Code, string Text)> errors) =>
        Respond(format is "json" ? "json" : "xml", w => w.List("errors", "error", [.. errors.Select(e => new Dictionary<string, object?> { ["code"] = e.Code, ["description"] = e.Text })]), status);

    private static IResult Respond(string format, Action<Writer> write, int status)
    {
        if (!IsFormat(format))
        {
            return Results.NotFound();
        }

        var w = new Writer(format == "json");
        write(w);
        return Results.Text(w.ToString(), format == "json" ? "application/json; charset=utf-8" : "text/xml; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A list of formats (discovery) and of values (a list attribute): nested elements in XML, arrays in JSON.</summary>
    private sealed record Formats(IReadOnlyList<string> Items);

    private sealed record Values(IReadOnlyList<(string Key, string Name)> Items);

    /// <summary>Writes the same tree as XML (no namespace, UTF-8 declaration) or as Spark-convention JSON.</summary>
    private sealed class Writer(bool json)
    {
        // The spec asks for an XML declaration with encoding="UTF-8" (XmlWriter would write "utf-8").
        private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), Indent = true, OmitXmlDeclaration = true };

        private static readonly byte[] Declaration = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

        private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly MemoryStream _stream = new();
        private string? _text;

        public void List(string wrapper, string element, IReadOnlyList<Dictionary<string, object?>> items)
        {
            if (json)
            {
                using var j = new Utf8JsonWriter(_stream, JsonOptions);
                j.WriteStartArray();
                foreach (var item in items)
                {
                    JsonObject(j, item);
                }

                j.WriteEndArray();
            }
            else
            {
                _stream.Write(Declaration);
                using var x = XmlWriter.Create(_stream, XmlSettings);
                x.WriteStartElement(wrapper);
                foreach (var item in items)
                {
                    XmlObject(x, element, item);
                }

                x.WriteEndElement();
            }
        }

        public void Object(string root, Dictionary<string, object?> fields, (string Wrapper, string Element, IReadOnlyList<Dictionary<string, object?>> Items) nested)
        {
            if (json)
            {
                using var j = new Utf8JsonWriter(_stream, JsonOptions);
                j.WriteStartObject();
                foreach (var (k, v) in fields)
                {
                    j.WritePropertyName(k);
                    JsonValue(j, v);
                }

                j.WriteStartArray(nested.Wrapper);
                foreach (var item in nested.Items)
                {
                    JsonObject(j, item);
                }

                j.WriteEndArray();
                j.WriteEndObject();
            }
            else
            {
                _stream.Write(Declaration);
                using var x = XmlWriter.Create(_stream, XmlSettings);
                x.WriteStartElement(root);
                foreach (var (k, v) in fields)
                {
                    XmlValue(x, k, v);
                }

                x.WriteStartElement(nested.Wrapper);
                foreach (var item in nested.Items)
                {
                    XmlObject(x, nested.Element, item);
                }

                x.WriteEndElement();
                x.WriteEndElement();
            }
        }

        private static void JsonObject(Utf8JsonWriter j, Dictionary<string, object?> item)
        {
            j.WriteStartObject();
            foreach (var (k, v) in item)
            {
                j.WritePropertyName(k);
                JsonValue(j, v);
            }

            j.WriteEndObject();
        }

        private static void JsonValue(Utf8JsonWriter j, object? v)
        {
            switch (v)
            {
                case null:
                    j.WriteNullValue();
                    break;
                case bool b:
                    j.WriteBooleanValue(b);
                    break;
                case int i:
                    j.WriteNumberValue(i);
                    break;
                case double d:
                    j.WriteNumberValue(d);
                    break;
                case Formats f:
                    j.WriteStartArray();
                    f.Items.ToList().ForEach(j.WriteStringValue);
                    j.WriteEndArray();
                    break;
                case Values vs:
                    j.WriteStartArray();
                    foreach (var (key, name) in vs.Items)
                    {
                        j.WriteStartObject();
                        j.WriteString("key", key);
                        j.WriteString("name", name);
                        j.WriteEndObject();
                    }

                    j.WriteEndArray();
                    break;
                default:
                    j.WriteStringValue(v.ToString());
                    break;
            }
        }

        private static void XmlObject(XmlWriter x, string element, Dictionary<string, object?> item)
        {
            x.WriteStartElement(element);
            foreach (var (k, v) in item)
            {
                XmlValue(x, k, v);
            }

            x.WriteEndElement();
        }

        private static void XmlValue(XmlWriter x, string name, object? v)
        {
            x.WriteStartElement(name);
            switch (v)
            {
                case null:
                    break;
                case bool b:
                    x.WriteString(b ? "true" : "false");
                    break;
                case double d:
                    x.WriteString(d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case Formats f:
                    foreach (var s in f.Items)
                    {
                        x.WriteElementString("format", s);
                    }

                    break;
                case Values vs:
                    foreach (var (key, vname) in vs.Items)
                    {
                        x.WriteStartElement("value");
                        x.WriteElementString("key", key);
                        x.WriteElementString("name", vname);
                        x.WriteEndElement();
                    }

                    break;
                default:
                    x.WriteString(Convert.ToString(v, CultureInfo.InvariantCulture));
                    break;
            }

            x.WriteEndElement();
        }

        public override string ToString() => _text ??= Encoding.UTF8.GetString(_stream.ToArray());
    }
}
