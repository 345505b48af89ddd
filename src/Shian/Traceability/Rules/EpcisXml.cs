using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Shian.Traceability.Rules;

/// <summary>
/// The EPCIS 2.0 XML binding (§11): a document is read safely (no DTD, so no external entity can be declared or
/// fetched), validated against the standard's XSDs (<c>data/epcis/gs1/xsd</c>, embedded; System.Xml's validator), and
/// turned into the JSON-LD binding — EPCIS 2.0 defines both over one abstract model — so that one set of semantic
/// checks, one hash and one stored form serve both. Namespaced elements become <c>prefix:local</c> properties with the
/// document's own prefixes declared in <c>@context</c>; 1.x <c>extension</c>/<c>baseExtension</c> wrappers are flattened.
/// </summary>
public static class EpcisXml
{
    public const string EpcisNs = "urn:epcglobal:epcis:xsd:2";
    public const string QueryNs = "urn:epcglobal:epcis-query:xsd:2";

    private static readonly XmlSchemaSet Schemas = LoadSchemas();

    /// <summary>Parses and validates; on failure the errors name the event (by its position) and the element.</summary>
    public static (XDocument? Document, List<EpcisError> Errors) Read(Stream xml)
    {
        var errors = new List<EpcisError>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationType = ValidationType.Schema,
            Schemas = Schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            MaxCharactersInDocument = 0,
        };
        var raw = new List<(int Line, int Position, string Message)>();
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error || e.Message.Contains("not declared", StringComparison.Ordinal))
            {
                raw.Add((e.Exception.LineNumber, e.Exception.LinePosition, e.Message));
            }
        };

        try
        {
            using var reader = XmlReader.Create(xml, settings);
            var doc = XDocument.Load(reader, LoadOptions.SetLineInfo);

            // Name the event an XSD error falls in: the last event element starting at or before the error's line.
            var starts = doc.Descendants().Where(e => e.Name.Namespace == XNamespace.None && EpcisEventTree.Types.Contains(e.Name.LocalName))
                .Select(e => ((IXmlLineInfo)e).LineNumber).ToList();
            foreach (var (line, position, message) in raw)
            {
                var index = starts.FindLastIndex(l => l <= line);
                int? eventIndex = index >= 0 ? index : null;
                errors.Add(new EpcisError(eventIndex, $"line {line}, position {position}",
                    $"{(eventIndex is { } i ? $"第 {i + 1} 个事件" : "文档")}第 {line} 行第 {position} 列：不符合 EPCIS 2.0 XML 模式（XSD）——{XsdHint(message)}", message));
            }

            if (doc.Root is null || doc.Root.Name.LocalName is not ("EPCISDocument" or "EPCISQueryDocument"))
            {
                errors.Insert(0, new EpcisError(null, "/", "根元素须为 epcis:EPCISDocument（单独的事件须放在文档的 EventList 中）", "The root element must be epcis:EPCISDocument."));
            }

            return (errors.Count == 0 ? doc : null, errors);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return (null, [new EpcisError(null, "/", "XML 含 DTD（DOCTYPE）声明：为防止外部实体注入，拒绝处理", ex.Message)]);
        }
        catch (XmlException ex)
        {
            return (null, [new EpcisError(null, $"line {ex.LineNumber}, position {ex.LinePosition}", $"不是格式良好的 XML（第 {ex.LineNumber} 行第 {ex.LinePosition} 列）", ex.Message)]);
        }
    }

    /// <summary>The gist of a System.Xml validation message in Chinese (the English original is kept beside it).</summary>
    private static string XsdHint(string message) => message switch
    {
        _ when message.Contains("has invalid child element", StringComparison.Ordinal) => "出现了不该在此处的元素（元素名不对、顺序不对或缺少前面的必填元素）",
        _ when message.Contains("has incomplete content", StringComparison.Ordinal) => "缺少必填元素",
        _ when message.Contains("Enumeration constraint failed", StringComparison.Ordinal) => "取值不在标准允许的范围内",
        _ when message.Contains("datatype", StringComparison.Ordinal) || message.Contains("invalid according to its datatype", StringComparison.Ordinal) => "值的格式不对（时间须带时区，数量须为数字）",
        _ when message.Contains("not declared", StringComparison.Ordinal) => "元素未在标准中定义",
        _ => "结构不符",
    };

    private static readonly HashSet<string> EpcLists = ["epcList", "childEPCs", "inputEPCList", "outputEPCList"];

    private static readonly HashSet<string> QuantityLists = ["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"];

    private static readonly HashSet<string> Numeric = ["quantity", "value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue"];

    /// <summary>The JSON-LD form of a validated XML document.</summary>
    public static JsonObject ToJsonLd(XDocument doc)
    {
        var root = doc.Root!;
        // The standard context's prefixes are protected: a document's namespace that is one of them keeps its name; a
        // document reusing such a name for another namespace (XML writes the CBV master-data namespace without the
        // context's trailing colon) gets a name of its own. Namespaces are kept as written: the event hash is defined on
        // them (the reference vectors hash {urn:epcglobal:cbv:mda}lotNumber from XML); EventFacts indexes both as one.
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal) { ["cbvmda"] = CbvMda, ["gs1"] = Cbv.Gs1VocNs, ["cbv"] = Cbv.CbvNs, ["epcis"] = Cbv.EpcisNs };
        foreach (var a in doc.Descendants().SelectMany(e => e.Attributes()).Where(a => a.IsNamespaceDeclaration))
        {
            var prefix = a.Name.Namespace == XNamespace.None ? null : a.Name.LocalName;
            if (prefix is null || prefixes.ContainsValue(a.Value)
                || a.Value is EpcisNs or QueryNs or "http://www.w3.org/2001/XMLSchema-instance" or "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader")
            {
                continue;
            }

            while (prefixes.ContainsKey(prefix))
            {
                prefix += "x"; // a CURIE prefix is a URI scheme: letters, digits, + - . only
            }

            prefixes[prefix] = a.Value;
        }

        var context = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        foreach (var (prefix, ns) in prefixes.Where(p => p.Key is not ("cbvmda" or "gs1" or "cbv" or "epcis")))
        {
            context.Add(new JsonObject { [prefix] = ns });
        }

        var events = new JsonArray();
        var body = root.Elements().FirstOrDefault(e => e.Name.LocalName == "EPCISBody");
        var list = body?.Element("EventList") ?? root.Descendants().FirstOrDefault(e => e.Name.LocalName == "EventList");
        foreach (var e in Flatten(list?.Elements() ?? []))
        {
            events.Add(Event(e, prefixes));
        }

        var result = new JsonObject
        {
            ["@context"] = context,
            ["type"] = "EPCISDocument",
            ["schemaVersion"] = (string?)root.Attribute("schemaVersion") ?? "2.0",
            ["creationDate"] = (string?)root.Attribute("creationDate"),
        };

        // A repository's list of its own additions to leave out of the event hash (see EventHash), wherever the header holds it.
        foreach (var ignore in root.Descendants().Where(e => e.Name.LocalName == "ignoreFields" && e.Name.Namespace != XNamespace.None))
        {
            result[Prefixed(ignore.Name, ignore, prefixes)] = new JsonArray([.. ignore.Elements().Select(f => (JsonNode)JsonValue.Create(Prefixed(f.Name, f, prefixes)))]);
        }

        if (root.Descendants().FirstOrDefault(e => e.Name.LocalName == "VocabularyList" && e.Parent?.Name.LocalName == "EPCISMasterData") is { } vocabularies)
        {
            result["epcisHeader"] = new JsonObject { ["epcisMasterData"] = new JsonObject { ["vocabularyList"] = MasterData(vocabularies, prefixes) } };
        }

        result["epcisBody"] = new JsonObject { ["eventList"] = events };
        return result;
    }

    /// <summary>The header's master data (<c>EPCISMasterData/VocabularyList</c>) in the JSON binding's form.</summary>
    private static JsonArray MasterData(XElement list, Dictionary<string, string> prefixes)
    {
        var result = new JsonArray();
        foreach (var vocabulary in list.Elements().Where(e => e.Name.LocalName == "Vocabulary"))
        {
            var elements = new JsonArray();
            foreach (var element in vocabulary.Descendants().Where(e => e.Name.LocalName == "VocabularyElement"))
            {
                var attributes = new JsonArray();
                foreach (var a in element.Elements().Where(e => e.Name.LocalName == "attribute"))
                {
                    JsonNode? value = JsonValue.Create(a.Value.Trim());
                    if (a.HasElements)
                    {
                        var nested = Nested(a, prefixes);
                        nested.Remove("id"); // the attribute's own id, not part of its value
                        value = nested;
                    }

                    attributes.Add(new JsonObject { ["id"] = (string?)a.Attribute("id"), ["attribute"] = value });
                }

                var o = new JsonObject { ["id"] = (string?)element.Attribute("id"), ["attributes"] = attributes };
                if (element.Elements().FirstOrDefault(e => e.Name.LocalName == "children") is { } children)
                {
                    o["children"] = new JsonArray([.. children.Elements().Select(c => (JsonNode)JsonValue.Create(c.Value.Trim()))]);
                }

                elements.Add(o);
            }

            result.Add(new JsonObject { ["type"] = (string?)vocabulary.Attribute("type"), ["vocabularyElementList"] = elements });
        }

        return result;
    }

    private const string CbvMda = "urn:epcglobal:cbv:mda:";

    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static IEnumerable<XElement> Flatten(IEnumerable<XElement> elements) =>
        elements.SelectMany(e => e.Name.LocalName is "extension" or "baseExtension" && e.Name.Namespace == XNamespace.None ? Flatten(e.Elements()) : [e]);

    private static JsonObject Event(XElement e, Dictionary<string, string> prefixes)
    {
        var o = new JsonObject { ["type"] = e.Name.LocalName };
        foreach (var child in Flatten(e.Elements()))
        {
            if (child.Name.Namespace != XNamespace.None)
            {
                AddExtension(o, child, prefixes);
                continue;
            }

            var name = child.Name.LocalName;
            switch (name)
            {
                case var _ when EpcLists.Contains(name):
                    o[name] = new JsonArray([.. child.Elements().Select(x => (JsonNode)JsonValue.Create(x.Value.Trim()))]);
                    break;
                case var _ when QuantityLists.Contains(name):
                    o[name] = new JsonArray([.. child.Elements().Select(q => (JsonNode)Plain(q, prefixes))]);
                    break;
                case "readPoint" or "bizLocation" or "ilmd":
                    o[name] = Plain(child, prefixes);
                    break;
                case "bizTransactionList" or "sourceList" or "destinationList":
                    {
                        var items = new JsonArray();
                        foreach (var item in child.Elements())
                        {
                            var x = new JsonObject();
                            if (item.Attribute("type") is { } t)
                            {
                                x["type"] = Cbv.Compact(name == "bizTransactionList" ? CbvSlot.BizTransactionType : CbvSlot.SourceDestType, t.Value.Trim());
                            }

                            x[item.Name.LocalName] = item.Value.Trim();
                            items.Add(x);
                        }

                        o[name] = items;
                        break;
                    }

                case "persistentDisposition":
                    {
                        var pd = new JsonObject();
                        foreach (var verb in new[] { "set", "unset" })
                        {
                            var values = child.Elements(verb).Select(v => (JsonNode)JsonValue.Create(Cbv.Compact(CbvSlot.Disposition, v.Value.Trim()))).ToArray();
                            if (values.Length > 0)
                            {
                                pd[verb] = new JsonArray(values);
                            }
                        }

                        o[name] = pd;
                        break;
                    }

                case "sensorElementList":
                    {
                        var items = new JsonArray();
                        foreach (var se in child.Elements())
                        {
                            var x = new JsonObject();
                            var reports = new JsonArray();
                            foreach (var part in se.Elements())
                            {
                                if (part.Name.LocalName == "sensorMetadata" && part.Name.Namespace == XNamespace.None)
                                {
                                    x["sensorMetadata"] = Attributes(part, prefixes);
                                }
                                else if (part.Name.LocalName == "sensorReport" && part.Name.Namespace == XNamespace.None)
                                {
                                    reports.Add(Attributes(part, prefixes));
                                }
                                else
                                {
                                    AddExtension(x, part, prefixes);
                                }
                            }

                            if (reports.Count > 0)
                            {
                                x["sensorReport"] = reports;
                            }

                            items.Add(x);
                        }

                        o[name] = items;
                        break;
                    }

                case "errorDeclaration":
                    {
                        var ed = new JsonObject();
                        foreach (var part in Flatten(child.Elements()))
                        {
                            if (part.Name.Namespace != XNamespace.None)
                            {
                                AddExtension(ed, part, prefixes);
                            }
                            else if (part.Name.LocalName == "correctiveEventIDs")
                            {
                                ed["correctiveEventIDs"] = new JsonArray([.. part.Elements().Select(x => (JsonNode)JsonValue.Create(x.Value.Trim()))]);
                            }
                            else
                            {
                                ed[part.Name.LocalName] = part.Name.LocalName == "reason" ? Cbv.Compact(CbvSlot.ErrorReason, part.Value.Trim()) : part.Value.Trim();
                            }
                        }

                        o[name] = ed;
                        break;
                    }

                case "certificationInfo":
                    Append(o, name, JsonValue.Create(child.Value.Trim()));
                    break;
                case "bizStep":
                    o[name] = Cbv.Compact(CbvSlot.BizStep, child.Value.Trim());
                    break;
                case "disposition":
                    o[name] = Cbv.Compact(CbvSlot.Disposition, child.Value.Trim());
                    break;
                default:
                    o[name] = child.Value.Trim();
                    break;
            }
        }

        return o;
    }

    /// <summary>An element of unqualified standard children (id, epcClass …) and namespaced extensions.</summary>
    private static JsonObject Plain(XElement e, Dictionary<string, string> prefixes)
    {
        var o = new JsonObject();
        foreach (var c in Flatten(e.Elements()))
        {
            if (c.Name.Namespace != XNamespace.None)
            {
                AddExtension(o, c, prefixes);
            }
            else
            {
                o[c.Name.LocalName] = Scalar(c.Name.LocalName, c.Value.Trim());
            }
        }

        return o;
    }

    /// <summary>sensorMetadata / sensorReport carry their fields as attributes; namespaced attributes are extensions.</summary>
    private static JsonObject Attributes(XElement e, Dictionary<string, string> prefixes)
    {
        var o = new JsonObject();
        foreach (var a in e.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            var key = a.Name.Namespace == XNamespace.None ? a.Name.LocalName : Prefixed(a.Name, e, prefixes);
            o[key] = a.Name.Namespace == XNamespace.None ? Scalar(a.Name.LocalName, a.Value.Trim()) : JsonValue.Create(a.Value);
        }

        foreach (var c in e.Elements())
        {
            AddExtension(o, c, prefixes);
        }

        return o;
    }

    private static void AddExtension(JsonObject o, XElement e, Dictionary<string, string> prefixes)
    {
        var key = Prefixed(e.Name, e, prefixes);
        JsonNode value = e.HasElements || e.Attributes().Any(a => !a.IsNamespaceDeclaration && a.Name.Namespace != Xsi) ? Nested(e, prefixes) : JsonValue.Create(e.Value);
        Append(o, key, value);
    }

    private static JsonObject Nested(XElement e, Dictionary<string, string> prefixes)
    {
        var o = new JsonObject();
        foreach (var a in e.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != Xsi))
        {
            Append(o, a.Name.Namespace == XNamespace.None ? a.Name.LocalName : Prefixed(a.Name, e, prefixes), JsonValue.Create(a.Value));
        }

        foreach (var c in e.Elements())
        {
            if (c.Name.Namespace == XNamespace.None)
            {
                Append(o, c.Name.LocalName, c.HasElements ? Nested(c, prefixes) : JsonValue.Create(c.Value));
            }
            else
            {
                AddExtension(o, c, prefixes);
            }
        }

        return o;
    }

    /// <summary>A repeated element becomes an array, as the JSON binding writes repeated extension elements.</summary>
    private static void Append(JsonObject o, string key, JsonNode? value)
    {
        if (!o.ContainsKey(key))
        {
            o[key] = value;
            return;
        }

        if (o[key] is not JsonArray arr)
        {
            var first = o[key]!;
            o.Remove(key);
            arr = [first];
            o[key] = arr;
        }

        arr.Add(value);
    }

    private static string Prefixed(XName name, XElement scope, Dictionary<string, string> prefixes)
    {
        var wanted = name.NamespaceName;
        var prefix = scope.GetPrefixOfNamespace(name.Namespace);
        if (prefix is null || !prefixes.TryGetValue(prefix, out var ns) || ns != wanted)
        {
            prefix = prefixes.FirstOrDefault(p => p.Value == wanted).Key;
            if (prefix is null)
            {
                prefix = "ns" + (prefixes.Count + 1).ToString(CultureInfo.InvariantCulture);
                prefixes[prefix] = wanted;
            }
        }

        return prefix + ":" + name.LocalName;
    }

    private static JsonNode? Scalar(string name, string text)
    {
        switch (name)
        {
            case "type":
                return JsonValue.Create(Cbv.Compact(CbvSlot.MeasurementType, text));
            case "exception":
                return JsonValue.Create(Cbv.Compact(CbvSlot.SensorAlertType, text));
            case "component":
                return JsonValue.Create(Cbv.Compact(CbvSlot.Component, text));
        }

        if (Numeric.Contains(name) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? JsonValue.Create(m) : JsonValue.Create(d);
        }

        if (name == "booleanValue" && bool.TryParse(text, out var b))
        {
            return JsonValue.Create(b);
        }

        return JsonValue.Create(text);
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var set = new XmlSchemaSet { XmlResolver = new ResourceResolver() };
        // The query schema imports the core one (and it the SBDH and EPCglobal ones): adding it alone loads each once.
        foreach (var name in new[] { "EPCglobal-epcis-query-2_0.xsd" })
        {
            using var s = typeof(EpcisXml).Assembly.GetManifestResourceStream("Shian.Epcis.xsd." + name)!;
            set.Add(XmlSchema.Read(XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }), null)!);
        }

        set.Compile();
        return set;
    }

    /// <summary>Resolves the XSDs' imports and includes to the embedded copies; nothing is fetched from outside.</summary>
    private sealed class ResourceResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            typeof(EpcisXml).Assembly.GetManifestResourceStream("Shian.Epcis.xsd." + Path.GetFileName(absoluteUri.LocalPath))
            ?? throw new XmlException($"Schema {absoluteUri} is not shipped.");
    }
}
