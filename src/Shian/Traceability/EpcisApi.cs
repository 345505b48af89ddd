using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Traceability.Contracts;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>
/// /api/v1/epcis: the GS1 EPCIS 2.0 REST binding (capture, capture jobs, events, event by ID, events of an EPC, of a
/// type) and the GS1 prefixes that bind a business to its locations.
/// </summary>
internal static class EpcisApi
{
    private const string Tag = "EPCIS 追溯";

    public sealed record PrefixRequest(string? Prefix);

    public static IEndpointRouteBuilder MapEpcisApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/epcis/context.jsonld", () => Results.Text(Cbv.ContextText, "application/ld+json"))
            .WithTags(Tag).AllowAnonymous().RegionNeutral("EPCIS 2.0 标准 JSON-LD 上下文（GS1 公开发布）").WithSummary("EPCIS 2.0 JSON-LD 上下文");

        app.MapMethods("/api/v1/epcis/capture", [HttpMethods.Options], (HttpContext http, IOptions<TraceOptions> options) =>
        {
            Discovery(http.Response, options.Value);
            http.Response.Headers.Allow = "OPTIONS, GET, POST";
            return TypedResults.NoContent();
        }).WithTags(Tag).Requires(TraceabilityPermissions.Capture).RegionNeutral("采集接口的能力说明（版本、上限、出错处理方式），不含任何数据")
            .WithSummary("采集接口能力发现（EPCIS 2.0 OPTIONS /capture）：支持的版本、每份文档的事件数和字节数上限、GS1-Capture-Error-Behaviour 取值");

        var capture = app.MapGroup("/api/v1/epcis/capture").WithTags(Tag).Regulated("trace-captures");
        capture.MapPost("/", async (HttpContext http, Guid? businessId, Capture service, IOptions<TraceOptions> options, CancellationToken ct) =>
        {
            var behaviour = http.Request.Headers["GS1-Capture-Error-Behaviour"].ToString().Trim().ToLowerInvariant();
            if (behaviour is not ("" or "rollback" or "proceed"))
            {
                throw ShianProblemException.Invalid("trace.error-behaviour", $"请求头 GS1-Capture-Error-Behaviour 只能是 rollback（有一个事件出错则整份不保存，默认）或 proceed（跳过出错的事件，保存其余），收到“{behaviour}”",
                    new Dictionary<string, string[]> { ["GS1-Capture-Error-Behaviour"] = ["只能是 rollback 或 proceed"] });
            }

            var isXml = http.Request.ContentType is { } type && (type.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase));
            var (json, bytes) = isXml ? await ReadXmlAsync(http.Request, options.Value.MaxCaptureBytes, ct) : await ReadJsonAsync(http.Request, options.Value.MaxCaptureBytes, ct);
            using (json)
            {
                var sender = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                var business = await service.CapturingBusinessAsync(businessId, sender, ct);
                var result = await service.CaptureJsonAsync(json, bytes, business, ct, fromXml: isXml, proceed: behaviour == "proceed");
                Discovery(http.Response, options.Value);
                return TypedResults.Accepted($"/api/v1/epcis/capture/{result.Job.Id}", Status(result.Job, result.EventIds, result.Held));
            }
        }).Requires(TraceabilityPermissions.Capture).Accepts<JsonObject>("application/ld+json", "application/json", "application/xml")
            .WithSummary("采集 EPCIS 2.0 文档（JSON-LD 或 XML）：整份校验，全部保存或全部不保存（请求头 GS1-Capture-Error-Behaviour: proceed 时跳过出错的事件、保存其余，并在采集任务中列出错误）；已有的事件（同一 eventID 或事件哈希）不重复保存");
        capture.MapGet("/", async (ShianDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.TraceCaptures.AsNoTracking().OrderByDescending(c => c.ReceivedAtUtc).Take(100).ToListAsync(ct)).Select(c => Status(c, null))))
            .Requires(TraceabilityPermissions.Read).WithSummary("最近的采集任务（本辖区或本企业）");
        capture.MapGet("/{id}", async (string id, ShianDb db, CancellationToken ct) =>
        {
            var job = Guid.TryParse(id, out var captureId) ? await db.TraceCaptures.AsNoTracking().FirstOrDefaultAsync(c => c.Id == captureId, ct) : null;
            return job is null ? throw ShianProblemException.NotFound("trace.capture-not-found", "采集任务不存在或不在您的辖区") : TypedResults.Ok(Status(job, null));
        }).Requires(TraceabilityPermissions.Read).WithSummary("采集任务的状态（EPCIS 2.0 capture job）");

        var events = app.MapGroup("/api/v1/epcis").WithTags(Tag).Regulated("trace-events");
        events.MapGet("/events", (HttpContext http, EventQueries q, TimeProvider clock, CancellationToken ct) => QueryAsync(http, q, clock, [], ct))
            .Requires(TraceabilityPermissions.Read)
            .WithSummary("查询事件（Accept: application/xml 时返回 XML 查询文档；EPCIS 2.0 SimpleEventQuery：eventType、GE_/LT_eventTime、EQ_bizStep、MATCH_epc、MATCH_anyEPCClass、EQ_ILMD_cbvmda:lotNumber …；perPage、nextPageToken）");
        events.MapGet("/events/{id}", async (string id, HttpContext http, EventQueries q, TimeProvider clock, CancellationToken ct) =>
        {
            var e = await q.ByEventIdAsync(Uri.UnescapeDataString(id), ct) ?? throw ShianProblemException.NotFound("trace.event-not-found", "事件不存在或不在您的辖区");
            return WantsXml(http.Request)
                ? Results.Text(EpcisXmlWriter.ToText(EpcisXmlWriter.QueryDocument([JsonNode.Parse(e.Json)!.AsObject()], clock.GetUtcNow().UtcDateTime)), "application/xml", System.Text.Encoding.UTF8)
                : Results.Text(JsonNode.Parse(e.Json)!.ToJsonString(), "application/ld+json");
        }).Requires(TraceabilityPermissions.Read).WithSummary("按 eventID 取一个事件（eventID 须 URL 编码；Accept: application/xml 时为 XML 查询文档）");
        events.MapGet("/epcs/{epc}/events", (string epc, HttpContext http, EventQueries q, TimeProvider clock, CancellationToken ct) =>
            QueryAsync(http, q, clock, [new("MATCH_anyEPC", [Uri.UnescapeDataString(epc)])], ct)).Requires(TraceabilityPermissions.Read).WithSummary("涉及某一 EPC 的事件（EPC URI 或 GS1 数字链接，URL 编码）");
        events.MapGet("/bizSteps/{bizStep}/events", (string bizStep, HttpContext http, EventQueries q, TimeProvider clock, CancellationToken ct) =>
            QueryAsync(http, q, clock, [new("EQ_bizStep", [Uri.UnescapeDataString(bizStep)])], ct)).Requires(TraceabilityPermissions.Read).WithSummary("某一业务步骤的事件");

        events.MapGet("/trace/{id}", async (string id, string? direction, Traces traces, CancellationToken ct) =>
        {
            var dir = direction?.ToLowerInvariant() switch
            {
                null or "" or "forward" => TraceDirection.Forward,
                "backward" => TraceDirection.Backward,
                _ => throw ShianProblemException.Invalid("trace.query-parameter", "direction 只能是 forward（追踪去向）或 backward（溯源）"),
            };
            return TypedResults.Ok(await traces.TraceAsync(Uri.UnescapeDataString(id), dir, ct));
        }).Requires(TraceabilityPermissions.Read)
            .WithSummary("追溯：从批次（GTIN+批号的数字链接或 urn:epc:class:lgtin）、EPC 或托盘出发，正向（forward，去向、召回范围）或反向（backward，来源）逐跳追溯，列出每个事件的主体、对象、地点、时间和数量");

        var master = app.MapGroup("/api/v1/epcis/master-data").WithTags(Tag).Regulated("trace-master-data");
        master.MapGet("/", async (string? kind, string? q, Guid? businessId, MasterData service, CancellationToken ct) =>
        {
            MasterDataKind? k = kind?.ToLowerInvariant() switch
            {
                null or "" => null,
                "location" => MasterDataKind.Location,
                "product" => MasterDataKind.Product,
                "party" => MasterDataKind.Party,
                "other" => MasterDataKind.Other,
                _ => throw ShianProblemException.Invalid("trace.query-parameter", "kind 只能是 location（位置）、product（产品）、party（主体）或 other",
                    new Dictionary<string, string[]> { ["kind"] = ["只能是 location、product、party 或 other"] }),
            };
            return TypedResults.Ok((await service.ListAsync(k, q, businessId, 500, ct)).Select(MasterDataView));
        }).Requires(TraceabilityPermissions.Read).WithSummary("主数据（位置、产品、主体的名称、地址和属性）：本辖区或本企业申报的；q 按标识、GS1 代码或名称查找");
        master.MapGet("/{id}", async (string id, MasterData service, CancellationToken ct) =>
                TypedResults.Ok(MasterDataView(Guid.TryParse(id, out var g) ? await service.OneAsync(g, ct) : throw ShianProblemException.NotFound("trace.master-data-not-found", "主数据不存在或不在您的辖区"))))
            .Requires(TraceabilityPermissions.Read).WithSummary("一个主数据元素及其全部属性");
        master.MapPost("/", async (HttpContext http, Guid? businessId, Capture capture, MasterData service, CancellationToken ct) =>
        {
            JsonObject body;
            try
            {
                body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct) as JsonObject
                    ?? throw ShianProblemException.Invalid("trace.master-data-invalid", "请求体须为 JSON 对象：{\"sender\": …, \"vocabularyList\": […]}");
            }
            catch (JsonException)
            {
                throw ShianProblemException.Invalid("trace.not-json", "请求体不是有效的 JSON");
            }

            var sender = body["sender"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var business = await capture.CapturingBusinessAsync(businessId, sender, ct);
            var list = body["vocabularyList"] ?? body["epcisMasterData"]?["vocabularyList"];
            var (added, replaced) = await service.DeclareAsync(list, business, ct);
            return TypedResults.Ok(new { added, replaced, businessId = business.Id });
        }).Requires(TraceabilityPermissions.Capture).Accepts<JsonObject>("application/json")
            .WithSummary("申报主数据（EPCIS 2.0 vocabularyList 格式）：GS1 代码（GLN、GTIN）只能由登记该代码的企业申报；同一元素再次申报时替换原属性；整批校验，全部保存或全部不保存");

        var prefixes = app.MapGroup("/api/v1/epcis/gs1-prefixes").WithTags(Tag).Regulated("trace-prefixes");
        prefixes.MapGet("/", async (ShianDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.Gs1Prefixes.AsNoTracking().OrderBy(p => p.BusinessName).ThenBy(p => p.Prefix)
                .Select(p => new { p.Id, p.BusinessId, p.BusinessName, p.BusinessUscc, p.Prefix, p.RegionCode, p.AddedBy, p.AddedAtUtc }).ToListAsync(ct)))
            .Requires(TraceabilityPermissions.Read).WithSummary("经营主体登记的 GS1 厂商识别代码和位置码（GLN）");
        prefixes.MapPost("/businesses/{id}", async (string id, PrefixRequest r, Gs1Prefixes s, CancellationToken ct) =>
                TypedResults.Created("/api/v1/epcis/gs1-prefixes", new { Id = await s.AddAsync(Guid.TryParse(id, out var b) ? b : null, r.Prefix, ct) }))
            .Requires(TraceabilityPermissions.Manage).WithSummary("为经营主体登记 GS1 厂商识别代码（6–12 位）或位置码 GLN（13 位）");
        prefixes.MapDelete("/{id}", async (string id, Gs1Prefixes s, CancellationToken ct) => { await s.RemoveAsync(id, ct); return TypedResults.NoContent(); })
            .Requires(TraceabilityPermissions.Manage).WithSummary("删除登记错误的 GS1 代码");
        return app;
    }

    private static async Task<IResult> QueryAsync(HttpContext http, EventQueries q, TimeProvider clock, KeyValuePair<string, string[]>[] fixedParameters, CancellationToken ct)
    {
        var parameters = http.Request.Query.Select(kv => new KeyValuePair<string, string[]>(kv.Key, kv.Value.Where(v => v is not null).Select(v => v!).ToArray()))
            .Concat(fixedParameters).GroupBy(kv => kv.Key).Select(g => new KeyValuePair<string, string[]>(g.Key, [.. g.SelectMany(x => x.Value)]));
        var page = await q.QueryAsync(parameters, ct);
        http.Response.Headers["GS1-EPCIS-Version"] = "2.0.0";
        http.Response.Headers["GS1-CBV-Version"] = "2.0.0";
        if (page.NextPageToken is { } token)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            query["nextPageToken"] = token;
            var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.Path, query.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))));
            http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        }

        return WantsXml(http.Request)
            ? Results.Text(EpcisXmlWriter.ToText(EpcisXmlWriter.QueryDocument(page.Events.Select(e => JsonNode.Parse(e.Json)!.AsObject()), clock.GetUtcNow().UtcDateTime)), "application/xml", System.Text.Encoding.UTF8)
            : Results.Text(EventQueries.Document(page.Events, clock.GetUtcNow().UtcDateTime).ToJsonString(), "application/ld+json");
    }

    /// <summary>
    /// Content negotiation of the REST binding: the XML binding when the client's <c>Accept</c> prefers
    /// <c>application/xml</c> (or <c>text/xml</c>) to the JSON forms; JSON-LD otherwise, and when nothing is asked.
    /// </summary>
    internal static bool WantsXml(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted is null || accepted.Count == 0)
        {
            return false;
        }

        foreach (var media in accepted.OrderByDescending(m => m.Quality ?? 1.0))
        {
            var type = media.MediaType.Value?.ToLowerInvariant();
            if (type is "application/xml" or "text/xml")
            {
                return true;
            }

            if (type is "application/json" or "application/ld+json" or "application/*" or "*/*")
            {
                return false;
            }
        }

        return false;
    }

    private static object MasterDataView(TraceMasterData m) => new
    {
        m.Id,
        type = m.VocabularyType,
        kind = m.Kind.ToString(),
        kindLabel = MasterDataRules.Label(m.Kind),
        elementId = m.ElementId,
        gs1Key = m.Gs1Key,
        m.Name,
        m.Address,
        attributes = JsonNode.Parse(m.AttributesJson),
        children = m.ChildrenJson is null ? null : JsonNode.Parse(m.ChildrenJson),
        m.BusinessId,
        m.RegionCode,
        m.CaptureId,
        m.UpdatedBy,
        m.UpdatedAtUtc,
    };

    private static object Status(TraceCapture job, IReadOnlyList<string>? eventIds, IReadOnlyList<string>? held = null) => new
    {
        captureID = job.Id,
        createdAt = job.ReceivedAtUtc,
        finishedAt = job.FinishedAtUtc,
        running = false,
        success = job.Status == CaptureStatus.Succeeded,
        captureErrorBehaviour = job.Proceed ? "proceed" : "rollback",
        errors = job.ErrorsJson is null ? [] : JsonSerializer.Deserialize<string[]>(job.ErrorsJson) ?? [],
        stored = job.Stored,
        rejected = job.Rejected,
        masterData = job.MasterData,
        duplicates = job.Duplicates,
        businessId = job.BusinessId,
        submittedBy = job.SubmittedBy,
        eventIDs = eventIds,
        heldEventIDs = held,
    };

    /// <summary>The capture interface's settings, as the REST binding's discovery headers name them.</summary>
    private static void Discovery(HttpResponse response, TraceOptions options)
    {
        response.Headers["GS1-EPCIS-Version"] = "2.0.0";
        response.Headers["GS1-CBV-Version"] = "2.0.0";
        response.Headers["GS1-EPCIS-Capture-Limit"] = options.MaxEventsPerDocument.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["GS1-EPCIS-Capture-File-Size-Limit"] = options.MaxCaptureBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["GS1-Capture-Error-Behaviour"] = "rollback, proceed";
    }

    /// <summary>The request body as JSON, refused past the size limit (413) or when it is not JSON (400 naming line and position).</summary>
    private static async Task<(JsonDocument Json, long Bytes)> ReadJsonAsync(HttpRequest request, long max, CancellationToken ct)
    {
        using var buffer = await ReadBodyAsync(request, max, ct);
        try
        {
            return (JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 64 }), buffer.Length);
        }
        catch (JsonException ex)
        {
            throw ShianProblemException.Invalid("trace.not-json", $"请求体不是有效的 JSON（第 {(ex.LineNumber ?? 0) + 1} 行第 {(ex.BytePositionInLine ?? 0) + 1} 个字节附近）；XML 文档请以 Content-Type: application/xml 提交");
        }
    }

    /// <summary>
    /// An XML document: read within the size limit, parsed without DTDs, validated by the XSDs, and given in its JSON-LD
    /// form (the SBDH sender's identifier, when present, as the document's <c>sender</c>).
    /// </summary>
    private static async Task<(JsonDocument Json, long Bytes)> ReadXmlAsync(HttpRequest request, long max, CancellationToken ct)
    {
        using var buffer = await ReadBodyAsync(request, max, ct);
        var (doc, errors) = EpcisXml.Read(buffer);
        if (doc is null)
        {
            throw ShianProblemException.Invalid("trace.epcis-invalid", $"文档未通过 EPCIS 2.0 XML 校验（{errors.Count} 处问题），未保存任何事件：{errors[0].Message}",
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var json = EpcisXml.ToJsonLd(doc);
        if (doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Sender")?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Identifier")?.Value is { Length: > 0 } sender)
        {
            json["sender"] = sender.Trim();
        }

        return (JsonDocument.Parse(json.ToJsonString()), buffer.Length);
    }

    private static async Task<MemoryStream> ReadBodyAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            throw TooLarge(max);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge(max);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw ShianProblemException.Invalid("trace.empty", "请求体为空：请提交一个 EPCIS 2.0 文档（JSON-LD 或 XML）");
        }

        buffer.Position = 0;
        return buffer;
    }

    private static ShianProblemException TooLarge(long max) =>
        new(StatusCodes.Status413PayloadTooLarge, "trace.too-large", "文档过大", $"一次采集的文档不得超过 {max / 1024 / 1024} MB；请分批提交");
}
