using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Shian.Traceability.Rules;

/// <summary>One reason a document is refused: where (event index, JSON pointer) and why, in Chinese and English.</summary>
public sealed record EpcisError(int? EventIndex, string Field, string Message, string MessageEn);

/// <summary>
/// Validation of an EPCIS 2.0 JSON-LD capture document, all-or-nothing (EPCIS 2.0 §8.2.2: a capture that fails
/// validation stores nothing): first the standard's JSON schema (<c>data/epcis/gs1/EPCIS-JSON-Schema.json</c>, draft-07,
/// evaluated by JsonSchema.Net with formats enforced), then what the schema cannot say — CBV vocabulary terms or
/// URIs (CBV 2.0 §6–7), time-zone offsets, EPC URI syntax (TDS 2.0 §6), Digital Link check digits, namespaced ILMD
/// and a "what" dimension on every event.
/// </summary>
public static class EpcisValidation
{
    private static readonly JsonSchema Schema = BuildSchema();

    /// <summary>
    /// The GS1 JSON schema as published, with three corrections where it is narrower than the normative XSD
    /// (<c>data/epcis/gs1/xsd/EPCglobal-epcis-2_0.xsd</c>) and than what the OpenEPCIS conformance documents capture
    /// (ADR 0011): <c>persistentDisposition</c> on every event type (the XSD has it on all five), a sensor report without
    /// <c>type</c> (optional in the XSD), and a measurement type named by a bare GS1 Web Vocabulary word not (yet) in the
    /// context's list (the vocabulary grows; the XSD types it as any URI). The file itself is kept verbatim.
    /// </summary>
    private static JsonSchema BuildSchema()
    {
        var root = JsonNode.Parse(Cbv.ReadResource("Shian.Epcis.EPCIS-JSON-Schema.json"))!.AsObject();
        var defs = root["definitions"]!.AsObject();
        foreach (var type in new[] { "AggregationEvent", "TransactionEvent", "AssociationEvent" })
        {
            var body = defs[type]!["allOf"]!.AsArray().OfType<JsonObject>().First(o => o["properties"] is JsonObject);
            body["properties"]!.AsObject()["persistentDisposition"] = new JsonObject { ["$ref"] = "#/definitions/persistentDisposition" };
            body["propertyNames"]!["anyOf"]!.AsArray().OfType<JsonObject>().First(o => o["enum"] is JsonArray)["enum"]!.AsArray().Add("persistentDisposition");
        }

        if (defs["sensorReport"] is JsonObject report)
        {
            report.Remove("required");
        }

        defs["measurementType"]!["anyOf"]!.AsArray().Add(new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Z][A-Za-z_]*$" });

        // A registry of its own: the schema's $id must not collide with another copy in the process-wide registry.
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static readonly Regex Offset = new(@"^[+-]((0\d|1[0-3]):[0-5]\d|14:00)$", RegexOptions.CultureInvariant);

    private const int MaxErrors = 50;

    /// <summary>All problems of a document (empty when it may be captured).</summary>
    /// <param name="fromXml">The document came from the XML binding, whose XSD lets a list name an EPC twice (the JSON
    /// schema's uniqueItems does not hold there).</param>
    public static List<EpcisError> Validate(JsonDocument json, bool fromXml = false) => Validate(json, null, fromXml);

    /// <param name="doc">The same document already read as nodes (the capture has it), so it is not parsed again.</param>
    public static List<EpcisError> Validate(JsonDocument json, JsonObject? doc, bool fromXml)
    {
        var errors = SchemaErrors(json.RootElement, fromXml);
        if (errors.Count > 0)
        {
            return errors;
        }

        doc ??= JsonNode.Parse(json.RootElement.GetRawText())!.AsObject();
        var events = doc["epcisBody"]?["eventList"] as JsonArray;
        if (events is null || events.Count == 0)
        {
            return [new EpcisError(null, "/epcisBody/eventList", "文档不含任何事件（eventList 为空）", "The document holds no event (eventList is empty).")];
        }

        var trees = EpcisJson.ReadEvents(doc);
        var docPrefixes = EpcisJson.WithContext([], doc["@context"]);
        foreach (var tree in trees)
        {
            var raw = events[tree.Index]!.AsObject();
            Semantic(tree, raw, EpcisJson.WithContext(docPrefixes, raw["@context"]), errors);
            if (errors.Count >= MaxErrors)
            {
                break;
            }
        }

        return errors;
    }

    private static List<EpcisError> SchemaErrors(JsonElement root, bool fromXml)
    {
        // A valid document (the common case) is told apart by the flag output, which stops at the first failure and
        // keeps no annotations; only a failing one is evaluated again for the hierarchy its errors are read from.
        if (Schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true }).IsValid)
        {
            return [];
        }

        var result = Schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return [];
        }

        // Only the causes along failing paths: a passing anyOf/oneOf alternative (or a failing alternative of a passing
        // combinator) says nothing about the document. One error per field, naming the most telling failed keyword.
        var leaves = new List<Leaf>();
        Collect(result, leaves);
        if (fromXml)
        {
            leaves.RemoveAll(l => l.Keyword == "uniqueItems");
            if (leaves.Count == 0)
            {
                return [];
            }
        }

        var errors = leaves
            .GroupBy(l => l.Pointer, StringComparer.Ordinal)
            .Select(g =>
            {
                var leaf = g.OrderBy(l => l.IsName ? -1 : KeywordRank(l.Keyword)).First();
                return new EpcisError(EventIndexOf(leaf.Pointer), leaf.Pointer.Length == 0 ? "/" : leaf.Pointer, $"{Where(leaf.Pointer)}{Explain(leaf, root)}", leaf.Message);
            })
            .OrderBy(e => e.EventIndex ?? -1).ThenBy(e => e.Field, StringComparer.Ordinal).Take(MaxErrors).ToList();
        if (errors.Count == 0)
        {
            errors.Add(new EpcisError(null, "/", "文档不符合 EPCIS 2.0 JSON 模式", "The document does not match the EPCIS 2.0 JSON schema."));
        }

        return errors;
    }

    private sealed record Leaf(string Pointer, string Keyword, string Message, bool IsName);

    private static void Collect(EvaluationResults node, List<Leaf> leaves)
    {
        // A failing "if" only selects the branch: it is not an error of the document.
        var failingChildren = (node.Details ?? []).Where(d => !d.IsValid && !d.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal)).ToList();
        if (failingChildren.Count > 0)
        {
            foreach (var child in failingChildren)
            {
                Collect(child, leaves);
            }

            return;
        }

        var isName = node.EvaluationPath.ToString().Contains("/propertyNames", StringComparison.Ordinal);
        var errors = node.Errors is { Count: > 0 } e ? e : new Dictionary<string, string> { [""] = "" };
        foreach (var (keyword, message) in errors)
        {
            leaves.Add(new Leaf(node.InstanceLocation.ToString(), keyword, message, isName));
        }
    }

    private static readonly Regex Listed = new(@"\[(.*?)\]", RegexOptions.CultureInvariant);

    /// <summary>What is wrong, in the user's words: the missing field names, the refused value, the unknown field.</summary>
    private static string Explain(Leaf leaf, JsonElement root)
    {
        var name = leaf.Pointer[(leaf.Pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        if (leaf.IsName)
        {
            return $"“{name}”不是此处的标准字段；扩展字段须带命名空间前缀（如 example:{name}），并在 @context 中声明";
        }

        var value = ValueAt(root, leaf.Pointer);
        return leaf.Keyword switch
        {
            "required" when Listed.Match(leaf.Message) is { Success: true } m => $"缺少必填字段 {m.Groups[1].Value.Replace("\"", "", StringComparison.Ordinal).Replace(",", "、", StringComparison.Ordinal)}",
            "enum" or "const" when value is not null => $"“{value}”不是标准允许的取值",
            "format" when value is not null => $"“{value}”格式不对（时间须带时区，如 2026-11-27T09:30:00+08:00；标识须为绝对 URI）",
            "type" when value is not null => $"值 {value} 的类型不对",
            "" => "含此处不允许的字段或值",
            _ => KeywordText(leaf.Keyword),
        };
    }

    private static string? ValueAt(JsonElement root, string pointer)
    {
        var e = root;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var step = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(step, out var child))
            {
                e = child;
            }
            else if (e.ValueKind == JsonValueKind.Array && int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < e.GetArrayLength())
            {
                e = e[i];
            }
            else
            {
                return null;
            }
        }

        var text = e.ValueKind == JsonValueKind.String ? e.GetString()! : JsonSerializer.Serialize(e);
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    // When a field fails several alternatives, name the most telling one: a missing field, a wrong term, then a type.
    private static int KeywordRank(string keyword) => keyword switch
    {
        "required" => 0,
        "enum" or "const" => 1,
        "additionalProperties" or "propertyNames" => 2,
        "type" => 3,
        _ => 4,
    };

    private static string KeywordText(string keyword) => keyword switch
    {
        "required" => "缺少必填字段",
        "type" => "值的类型不对",
        "enum" or "const" => "取值不在标准允许的范围内",
        "format" => "格式不对（时间须带时区，如 2026-11-27T09:30:00+08:00；URI 须为绝对地址）",
        "pattern" => "格式不对",
        "additionalProperties" or "unevaluatedProperties" => "含标准未定义、也未带命名空间前缀的字段",
        "propertyNames" => "字段名须带命名空间前缀（如 example:lotNumber）",
        "minItems" => "列表项太少",
        "maxItems" => "列表项太多",
        "minimum" or "exclusiveMinimum" => "数值太小",
        "maximum" or "exclusiveMaximum" => "数值太大",
        "minLength" => "值太短",
        "maxLength" => "值太长",
        "not" => "含不允许的内容",
        "uniqueItems" => "列表有重复项",
        _ => $"不符合 EPCIS 2.0 JSON 模式（{keyword}）",
    };

    private static void Semantic(EpcisEventTree e, JsonObject raw, Dictionary<string, string> prefixes, List<EpcisError> errors)
    {
        // A user vocabulary term may be written as a CURIE whose prefix the document declares (ext1:summarising_discharge).
        string? Full(string? v) => v is not null && v.IndexOf(':') is > 0 and var c && prefixes.TryGetValue(v[..c], out var ns) && !v[(c + 1)..].StartsWith("//", StringComparison.Ordinal) ? ns + v[(c + 1)..] : v;
        void CheckTerm(CbvSlot slot, string? value, string field, string what, Action<string, string, string> add) => EpcisValidation.CheckTerm(slot, Full(value), value, field, what, add);

        var basePath = $"/epcisBody/eventList/{e.Index}";
        void Add(string field, string zh, string en) => errors.Add(new EpcisError(e.Index, $"{basePath}/{field}", $"第 {e.Index + 1} 个事件字段 {field}：{zh}", en));

        // Times carry their offset; eventTimeZoneOffset is a real offset.
        if (raw["eventTimeZoneOffset"] is JsonValue tz && tz.TryGetValue<string>(out var tzs) && !Offset.IsMatch(tzs))
        {
            Add("eventTimeZoneOffset", $"“{tzs}”不是有效的时区偏移（-14:00 至 +14:00，形如 +08:00）", $"'{tzs}' is not a valid time-zone offset.");
        }

        foreach (var field in new[] { "eventTime", "recordTime" })
        {
            if (raw[field] is JsonValue tv && tv.TryGetValue<string>(out var ts) && !EventHash.TryTimestamp(ts, out _))
            {
                Add(field, $"“{ts}”须为带时区的时间（如 2026-11-27T09:30:00+08:00）", $"'{ts}' must be a date-time with an offset.");
            }
        }

        // Vocabulary slots: a standard term, or an absolute URI of a user vocabulary.
        foreach (var (field, slot, label) in new[] { ("bizStep", CbvSlot.BizStep, "业务步骤"), ("disposition", CbvSlot.Disposition, "处置状态") })
        {
            if (raw[field] is JsonValue v && v.TryGetValue<string>(out var value))
            {
                CheckTerm(slot, value, field, label, Add);
            }
        }
        foreach (var pd in e.Root.All("persistentDisposition").SelectMany(p => p.Children))
        {
            CheckTerm(CbvSlot.Disposition, pd.Value, $"persistentDisposition/{pd.Name}", "处置状态", Add);
        }

        foreach (var (list, item, slot) in new[] { ("bizTransactionList", "bizTransaction", CbvSlot.BizTransactionType), ("sourceList", "source", CbvSlot.SourceDestType), ("destinationList", "destination", CbvSlot.SourceDestType) })
        {
            var i = 0;
            foreach (var node in e.Root.All(list).SelectMany(l => l.All(item)))
            {
                CheckTerm(slot, node.ChildValue("type"), $"{list}/{i}/type", slot == CbvSlot.BizTransactionType ? "业务单据类型" : "来源/去向类型", Add);
                CheckUri(node.Value, $"{list}/{i}/{item}", Add);
                i++;
            }
        }

        var s = 0;
        foreach (var element in e.Root.All("sensorElementList").SelectMany(l => l.All("sensorElement")))
        {
            var r = 0;
            foreach (var report in element.All("sensorReport"))
            {
                CheckTerm(CbvSlot.MeasurementType, report.ChildValue("type"), $"sensorElementList/{s}/sensorReport/{r}/type", "传感器测量类型", Add);
                CheckTerm(CbvSlot.SensorAlertType, report.ChildValue("exception"), $"sensorElementList/{s}/sensorReport/{r}/exception", "传感器告警类型", Add);
                CheckTerm(CbvSlot.Component, report.ChildValue("component"), $"sensorElementList/{s}/sensorReport/{r}/component", "传感器分量", Add);
                r++;
            }

            s++;
        }

        if (e.Root.Child("errorDeclaration") is { } ed)
        {
            CheckTerm(CbvSlot.ErrorReason, ed.ChildValue("reason"), "errorDeclaration/reason", "错误声明原因", Add);
        }

        // Identifiers: EPC URIs parse, Digital Links carry the right check digit, anything else is an absolute URI.
        foreach (var list in new[] { "epcList", "childEPCs", "inputEPCList", "outputEPCList" })
        {
            var i = 0;
            foreach (var epc in e.Root.All(list).SelectMany(l => l.Children))
            {
                CheckIdentifier(epc.Value, $"{list}/{i++}", Add);
            }
        }

        foreach (var list in new[] { "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" })
        {
            var i = 0;
            foreach (var q in e.Root.All(list).SelectMany(l => l.Children))
            {
                CheckIdentifier(q.ChildValue("epcClass"), $"{list}/{i++}/epcClass", Add);
            }
        }

        CheckIdentifier(e.Root.ChildValue("parentID"), "parentID", Add);
        CheckIdentifier(e.Root.Child("readPoint")?.ChildValue("id"), "readPoint/id", Add);
        CheckIdentifier(e.Root.Child("bizLocation")?.ChildValue("id"), "bizLocation/id", Add);

        // ILMD holds master data of the instances or lots an event commissions: each field under a namespace (EPCIS 2.0 §7.3.6).
        if (raw["ilmd"] is JsonObject ilmd)
        {
            foreach (var key in ilmd.Select(p => p.Key).Where(k => !k.StartsWith('@') && !k.Contains(':')))
            {
                Add($"ilmd/{key}", $"批次/实例主数据字段“{key}”须带命名空间前缀（如 example:{key}）", $"ILMD field '{key}' must be namespaced.");
            }
        }

        // The "what" dimension: an event says what it is about (EPCIS 2.0 §7.4).
        var what = e.Type switch
        {
            "ObjectEvent" => new[] { "epcList", "quantityList" },
            "AggregationEvent" or "AssociationEvent" => ["parentID", "childEPCs", "childQuantityList"],
            "TransformationEvent" => ["inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList"],
            "TransactionEvent" => ["epcList", "quantityList", "parentID"],
            _ => [],
        };
        var hasWhat = what.Any(w => e.Root.All(w).Any(n => n.Value is { Length: > 0 } || n.Children.Count > 0));
        var isSensorOnly = e.Type == "ObjectEvent" && e.Root.Child("sensorElementList") is not null && raw["epcList"] is JsonArray;
        if (!hasWhat && !isSensorOnly && !(e.Type is "AggregationEvent" or "AssociationEvent" && e.Root.ChildValue("action") == "OBSERVE"))
        {
            Add(string.Join("|", what), "事件未说明涉及的对象：须给出 EPC 列表或数量列表（追溯依赖它）", "The event names no object: give an EPC list or a quantity list.");
        }

        // GS1 Web Vocabulary dates in extensions (certificationInfo details and the like) are xsd:date / xsd:dateTime.
        CheckGs1Dates(raw, basePath, e.Index, errors);
    }

    private static void CheckTerm(CbvSlot slot, string? full, string? value, string field, string what, Action<string, string, string> add)
    {
        if (full is null)
        {
            return;
        }

        if (!Cbv.IsAcceptable(slot, full))
        {
            var words = string.Join("、", Cbv.Words(slot).Take(12));
            add(field, $"“{value}”不是 CBV 2.0 规定的{what}，也不是自定义词汇的完整 URI（可用：{words} …）", $"'{value}' is neither a CBV 2.0 term nor an absolute URI of a user vocabulary.");
        }
    }

    private static void CheckUri(string? value, string field, Action<string, string, string> add)
    {
        if (value is not null && !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            add(field, $"“{value}”须为绝对 URI", $"'{value}' must be an absolute URI.");
        }
    }

    private static void CheckIdentifier(string? value, string field, Action<string, string, string> add)
    {
        if (value is null)
        {
            return;
        }

        if (Gs1Keys.IsMalformedEpcUri(value))
        {
            add(field, $"“{value}”不是有效的 EPC URI（厂商识别代码与项目代码位数、字符须符合 GS1 EPC 标签数据标准 TDS 2.0）", $"'{value}' is not a valid EPC URI (TDS 2.0).");
        }
        else if (Gs1Keys.WrongCheckDigit(value) is { } key)
        {
            add(field, $"“{value}”中的 GS1 代码 {key} 校验位不对", $"GS1 key {key} in '{value}' has a wrong check digit.");
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            add(field, $"“{value}”须为 EPC URI、GS1 数字链接或其他绝对 URI", $"'{value}' must be an EPC URI, a GS1 Digital Link or another absolute URI.");
        }
    }

    private static void CheckGs1Dates(JsonNode? node, string path, int index, List<EpcisError> errors)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    var p = $"{path}/{k}";
                    if (k.StartsWith("gs1:", StringComparison.Ordinal) && v is JsonValue jv && jv.TryGetValue<string>(out var s))
                    {
                        if (k.EndsWith("Date", StringComparison.Ordinal) && !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                        {
                            errors.Add(new EpcisError(index, p, $"第 {index + 1} 个事件字段 {k}：“{s}”须为日期（yyyy-MM-dd，GS1 Web 词汇 xsd:date）", $"'{s}' must be an xsd:date."));
                        }
                        else if (k.EndsWith("DateTime", StringComparison.Ordinal) && !EventHash.TryTimestamp(s, out _))
                        {
                            errors.Add(new EpcisError(index, p, $"第 {index + 1} 个事件字段 {k}：“{s}”须为带时区的时间", $"'{s}' must be an xsd:dateTime with an offset."));
                        }
                    }

                    CheckGs1Dates(v, p, index, errors);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    CheckGs1Dates(a[i], $"{path}/{i}", index, errors);
                }

                break;
        }
    }

    private static readonly Regex EventPointer = new(@"^/epcisBody/(?:eventList|queryResults/resultsBody/eventList)/(\d+)", RegexOptions.CultureInvariant);

    private static int? EventIndexOf(string pointer) => EventPointer.Match(pointer) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static string Where(string pointer)
    {
        if (EventIndexOf(pointer) is not { } i)
        {
            return pointer.Length == 0 ? "文档" : $"字段 {pointer}：";
        }

        var rest = pointer[Math.Min(pointer.Length, EventPointer.Match(pointer).Length + 1)..];
        return rest.Length == 0 ? $"第 {i + 1} 个事件" : $"第 {i + 1} 个事件字段 {rest}：";
    }
}
