using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>
/// EPCIS 2.0 SimpleEventQuery over the REST binding (§12.6, <c>GET /events?…</c>): the parameters the standard names
/// for time windows, type, action, step, disposition, where, what (EPCs and classes, exact or by <c>idpat</c> pattern),
/// ILMD fields (so a lot number query works), sources and destinations; paged by <c>perPage</c> and an opaque
/// <c>nextPageToken</c>. Values of one parameter are alternatives (<c>|</c>-separated or repeated); identifiers match
/// in any form (EPC URI, Digital Link of any domain) because both sides are canonical. Region-scoped like every read.
/// </summary>
internal sealed class EventQueries(ShianDb db, IOptions<TraceOptions> options)
{
    public sealed record Page(IReadOnlyList<TraceEvent> Events, string? NextPageToken);

    private static readonly Dictionary<string, TraceKeyKind[]> EpcParameters = new(StringComparer.Ordinal)
    {
        ["MATCH_epc"] = [TraceKeyKind.Epc, TraceKeyKind.Child],
        ["MATCH_parentID"] = [TraceKeyKind.Parent],
        ["MATCH_inputEPC"] = [TraceKeyKind.Input],
        ["MATCH_outputEPC"] = [TraceKeyKind.Output],
        ["MATCH_anyEPC"] = [TraceKeyKind.Epc, TraceKeyKind.Child, TraceKeyKind.Parent, TraceKeyKind.Input, TraceKeyKind.Output],
        ["MATCH_epcClass"] = [TraceKeyKind.Class, TraceKeyKind.ChildClass],
        ["MATCH_inputEPCClass"] = [TraceKeyKind.InputClass],
        ["MATCH_outputEPCClass"] = [TraceKeyKind.OutputClass],
        ["MATCH_anyEPCClass"] = [TraceKeyKind.Class, TraceKeyKind.ChildClass, TraceKeyKind.InputClass, TraceKeyKind.OutputClass, TraceKeyKind.Lot],
    };

    private static readonly HashSet<string> Plain = new(StringComparer.Ordinal)
    {
        "eventType", "GE_eventTime", "LT_eventTime", "GE_recordTime", "LT_recordTime", "EQ_action", "EQ_bizStep", "EQ_disposition",
        "EQ_readPoint", "EQ_bizLocation", "EQ_eventID", "perPage", "nextPageToken", "orderBy", "orderDirection", "businessId",
    };

    public async Task<Page> QueryAsync(IEnumerable<KeyValuePair<string, string[]>> parameters, CancellationToken ct)
    {
        var p = parameters.ToDictionary(kv => kv.Key, kv => kv.Value.SelectMany(v => v.Split('|')).Where(v => v.Length > 0).ToArray(), StringComparer.Ordinal);
        var unknown = p.Keys.Where(k => !Plain.Contains(k) && !EpcParameters.ContainsKey(k) && !k.StartsWith("EQ_ILMD_", StringComparison.Ordinal)
            && !k.StartsWith("EQ_source_", StringComparison.Ordinal) && !k.StartsWith("EQ_destination_", StringComparison.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw ShianProblemException.Invalid("trace.query-parameter", $"不支持的查询参数：{string.Join("、", unknown)}（EPCIS 2.0 SimpleEventQuery 参数，见 /api/v1/epcis 文档）");
        }

        IQueryable<TraceEvent> q = db.TraceEvents.AsNoTracking();
        if (p.TryGetValue("eventType", out var types))
        {
            var bad = types.Where(t => !EpcisEventTree.Types.Contains(t)).ToList();
            if (bad.Count > 0)
            {
                throw ShianProblemException.Invalid("trace.query-parameter", $"eventType 只能是 {string.Join("、", EpcisEventTree.Types)}，收到：{string.Join("、", bad)}");
            }

            q = q.Where(e => types.Contains(e.Type));
        }

        if (Time(p, "GE_eventTime") is { } ge) { q = q.Where(e => e.EventTimeUtc >= ge); }
        if (Time(p, "LT_eventTime") is { } lt) { q = q.Where(e => e.EventTimeUtc < lt); }
        if (Time(p, "GE_recordTime") is { } rge) { q = q.Where(e => e.RecordTimeUtc >= rge); }
        if (Time(p, "LT_recordTime") is { } rlt) { q = q.Where(e => e.RecordTimeUtc < rlt); }
        if (p.TryGetValue("EQ_action", out var actions)) { q = q.Where(e => actions.Contains(e.Action!)); }
        if (p.TryGetValue("EQ_bizStep", out var steps))
        {
            var full = steps.Select(s => Cbv.Expand(CbvSlot.BizStep, s)).ToList();
            q = q.Where(e => full.Contains(e.BizStep!));
        }

        if (p.TryGetValue("EQ_disposition", out var disps))
        {
            var full = disps.Select(s => Cbv.Expand(CbvSlot.Disposition, s)).ToList();
            q = q.Where(e => full.Contains(e.Disposition!));
        }

        if (p.TryGetValue("EQ_readPoint", out var rps)) { var ids = rps.Select(EventFacts.Id).ToList(); q = q.Where(e => ids.Contains(e.ReadPoint!)); }
        if (p.TryGetValue("EQ_bizLocation", out var bls)) { var ids = bls.Select(EventFacts.Id).ToList(); q = q.Where(e => ids.Contains(e.BizLocation!)); }
        if (p.TryGetValue("EQ_eventID", out var eventIds)) { q = q.Where(e => eventIds.Contains(e.EventId)); }
        if (p.TryGetValue("businessId", out var biz) && biz.Length == 1 && Guid.TryParse(biz[0], out var businessId)) { q = q.Where(e => e.BusinessId == businessId); }

        foreach (var (name, kinds) in EpcParameters)
        {
            if (p.TryGetValue(name, out var values))
            {
                q = WithKey(q, kinds, values, name, null);
            }
        }

        foreach (var (name, values) in p.Where(kv => kv.Key.StartsWith("EQ_ILMD_", StringComparison.Ordinal)))
        {
            var field = IlmdField(name["EQ_ILMD_".Length..]);
            var vals = values.ToList();
            var keys = db.TraceEventKeys;
            q = q.Where(e => keys.Any(k => k.EventPk == e.Id && k.Kind == TraceKeyKind.Ilmd && k.Name == field && vals.Contains(k.Value)));
        }

        foreach (var (name, values) in p.Where(kv => kv.Key.StartsWith("EQ_source_", StringComparison.Ordinal) || kv.Key.StartsWith("EQ_destination_", StringComparison.Ordinal)))
        {
            var isSource = name.StartsWith("EQ_source_", StringComparison.Ordinal);
            var type = Cbv.Expand(CbvSlot.SourceDestType, name[(isSource ? "EQ_source_" : "EQ_destination_").Length..]);
            q = WithKey(q, [isSource ? TraceKeyKind.Source : TraceKeyKind.Destination], values, name, type);
        }

        var perPage = p.TryGetValue("perPage", out var pp) && pp.Length == 1 ? int.TryParse(pp[0], CultureInfo.InvariantCulture, out var n) && n is > 0 ? Math.Min(n, options.Value.MaxPerPage)
            : throw ShianProblemException.Invalid("trace.query-parameter", "perPage 须为正整数") : options.Value.DefaultPerPage;
        var byRecord = p.TryGetValue("orderBy", out var ob) && ob.Length == 1 && ob[0] is "recordTime" or "epcis:recordTime";
        var descending = p.TryGetValue("orderDirection", out var od) && od.Length == 1 && od[0].Equals("DESC", StringComparison.OrdinalIgnoreCase);
        if (p.TryGetValue("nextPageToken", out var token) && token.Length == 1)
        {
            var (at, id) = ReadToken(token[0]);
            q = (byRecord, descending) switch
            {
                (false, false) => q.Where(e => e.EventTimeUtc > at || (e.EventTimeUtc == at && e.Id > id)),
                (false, true) => q.Where(e => e.EventTimeUtc < at || (e.EventTimeUtc == at && e.Id < id)),
                (true, false) => q.Where(e => e.RecordTimeUtc > at || (e.RecordTimeUtc == at && e.Id > id)),
                (true, true) => q.Where(e => e.RecordTimeUtc < at || (e.RecordTimeUtc == at && e.Id < id)),
            };
        }

        q = (byRecord, descending) switch
        {
            (false, false) => q.OrderBy(e => e.EventTimeUtc).ThenBy(e => e.Id),
            (false, true) => q.OrderByDescending(e => e.EventTimeUtc).ThenByDescending(e => e.Id),
            (true, false) => q.OrderBy(e => e.RecordTimeUtc).ThenBy(e => e.Id),
            (true, true) => q.OrderByDescending(e => e.RecordTimeUtc).ThenByDescending(e => e.Id),
        };
        var rows = await q.Take(perPage + 1).ToListAsync(ct);
        string? next = null;
        if (rows.Count > perPage)
        {
            rows.RemoveAt(perPage);
            var last = rows[^1];
            next = WriteToken(byRecord ? last.RecordTimeUtc : last.EventTimeUtc, last.Id);
        }

        return new Page(rows, next);
    }

    public Task<TraceEvent?> ByEventIdAsync(string eventId, CancellationToken ct) =>
        db.TraceEvents.AsNoTracking().FirstOrDefaultAsync(e => e.EventId == eventId, ct);

    /// <summary>An EPCISQueryDocument (JSON-LD) holding the events, each as captured with its eventID and recordTime.</summary>
    public static JsonObject Document(IEnumerable<TraceEvent> events, DateTime now)
    {
        var list = new JsonArray();
        foreach (var e in events)
        {
            list.Add(JsonNode.Parse(e.Json));
        }

        return new JsonObject
        {
            ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
            ["type"] = "EPCISQueryDocument",
            ["schemaVersion"] = "2.0",
            ["creationDate"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["epcisBody"] = new JsonObject
            {
                ["queryResults"] = new JsonObject
                {
                    ["queryName"] = "SimpleEventQuery",
                    ["resultsBody"] = new JsonObject { ["eventList"] = list },
                },
            },
        };
    }

    private IQueryable<TraceEvent> WithKey(IQueryable<TraceEvent> q, TraceKeyKind[] kinds, string[] values, string parameter, string? name)
    {
        var exact = new List<string>();
        string? prefix = null;
        foreach (var v in values)
        {
            if (v.EndsWith('*'))
            {
                // urn:epc:idpat:sgtin:4012345.011111.* — every instance of the class: a Digital Link prefix.
                var cls = Gs1Keys.Canonical(v) ?? throw ShianProblemException.Invalid("trace.query-parameter", $"{parameter} 的模式“{v}”无法识别（支持 EPC 模式 URI，如 urn:epc:idpat:sgtin:4012345.011111.*）");
                prefix = prefix is null ? cls + "/" : throw ShianProblemException.Invalid("trace.query-parameter", $"{parameter} 一次只能给一个模式");
            }
            else
            {
                exact.Add(EventFacts.Id(v));
            }
        }

        var kindList = kinds.ToList();
        var keys = db.TraceEventKeys;
        return prefix is null
            ? q.Where(e => keys.Any(k => k.EventPk == e.Id && kindList.Contains(k.Kind) && (name == null || k.Name == name) && exact.Contains(k.Value)))
            : q.Where(e => keys.Any(k => k.EventPk == e.Id && kindList.Contains(k.Kind) && (name == null || k.Name == name) && (exact.Contains(k.Value) || k.Value.StartsWith(prefix))));
    }

    /// <summary>An ILMD field named in a query parameter: <c>cbvmda:lotNumber</c>, <c>{ns}local</c> or a full URI.</summary>
    private static string IlmdField(string raw)
    {
        if (raw.StartsWith('{'))
        {
            return raw;
        }

        var colon = raw.IndexOf(':');
        if (colon > 0 && raw[..colon] is "cbvmda")
        {
            return "{urn:epcglobal:cbv:mda:}" + raw[(colon + 1)..];
        }

        if (raw.StartsWith("urn:epcglobal:cbv:mda:", StringComparison.Ordinal))
        {
            return "{urn:epcglobal:cbv:mda:}" + raw["urn:epcglobal:cbv:mda:".Length..];
        }

        // A full namespace URI followed by the local name (https://ns.example.com/epcis/batch): split at the last / or #.
        var cut = Math.Max(raw.LastIndexOf('/'), raw.LastIndexOf('#'));
        return cut > 0 ? "{" + raw[..(cut + 1)] + "}" + raw[(cut + 1)..] : raw;
    }

    private static DateTime? Time(Dictionary<string, string[]> p, string name)
    {
        if (!p.TryGetValue(name, out var v) || v.Length == 0)
        {
            return null;
        }

        return EventHash.TryTimestamp(v[0], out var utc)
            ? DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : throw ShianProblemException.Invalid("trace.query-parameter", $"{name} 须为带时区的时间（如 2026-11-27T00:00:00+08:00），收到“{v[0]}”");
    }

    private static string WriteToken(DateTime at, long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.Ticks}:{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTime At, long Id) ReadToken(string token)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=')));
            var parts = text.Split(':');
            return (new DateTime(long.Parse(parts[0], CultureInfo.InvariantCulture), DateTimeKind.Utc), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw ShianProblemException.Invalid("trace.query-parameter", "nextPageToken 无效：请使用上一页响应中给出的值");
        }
    }
}
