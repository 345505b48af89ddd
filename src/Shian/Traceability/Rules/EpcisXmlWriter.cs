using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Shian.Traceability.Rules;

/// <summary>
/// The XML binding's side of a query (EPCIS 2.0 §11, REST binding "content negotiation": a client sending
/// <c>Accept: application/xml</c> gets XML). Stored events are JSON-LD; this writes them as an
/// <c>epcisq:EPCISQueryDocument</c> valid against the standard's XSDs: each event's elements in the XSD's sequence for
/// its type, CBV words as URIs, sensor fields as attributes, user extensions as elements in their own namespaces (the
/// prefixes of the event's <c>@context</c>, kept as written so that an event read back hashes as it did).
/// Hand-written because no maintained .NET library maps EPCIS 2.0 JSON-LD to its XML binding (the XSDs describe the
/// XML side only); <see cref="EpcisXml.ToJsonLd"/> is its inverse, and tests read every written document back through
/// the XSDs and compare event hashes.
/// </summary>
public static class EpcisXmlWriter
{
    private static readonly XNamespace Query = EpcisXml.QueryNs;

    private static readonly string[] Head = ["eventTime", "recordTime", "eventTimeZoneOffset", "eventID", "errorDeclaration", "certificationInfo"];

    // Each type's own elements in the XSD's order (EPCglobal-epcis-2_0.xsd).
    private static readonly Dictionary<string, string[]> Sequence = new(StringComparer.Ordinal)
    {
        ["ObjectEvent"] = ["epcList", "action", "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList", "quantityList", "sourceList", "destinationList", "sensorElementList", "persistentDisposition", "ilmd"],
        ["AggregationEvent"] = ["parentID", "childEPCs", "action", "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList", "childQuantityList", "sourceList", "destinationList", "sensorElementList", "persistentDisposition"],
        ["TransactionEvent"] = ["bizTransactionList", "parentID", "epcList", "action", "bizStep", "disposition", "readPoint", "bizLocation", "quantityList", "sourceList", "destinationList", "sensorElementList", "persistentDisposition"],
        ["TransformationEvent"] = ["inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList", "transformationID", "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList", "sensorElementList", "persistentDisposition", "ilmd"],
        ["AssociationEvent"] = ["parentID", "childEPCs", "childQuantityList", "action", "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList", "sensorElementList", "persistentDisposition"],
    };

    private static readonly HashSet<string> EpcLists = ["epcList", "childEPCs", "inputEPCList", "outputEPCList"];

    private static readonly HashSet<string> Skipped = ["type", "@context", "@type", "@id"];

    /// <summary>A query document (<c>SimpleEventQuery</c> results) holding the given JSON-LD events in order.</summary>
    public static XDocument QueryDocument(IEnumerable<JsonObject> events, DateTime creationUtc, string queryName = "SimpleEventQuery")
    {
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = new XElement("EventList");
        foreach (var e in events)
        {
            list.Add(Event(e, EpcisJson.PrefixesOf(e["@context"]), namespaces));
        }

        var root = new XElement(Query + "EPCISQueryDocument",
            new XAttribute(XNamespace.Xmlns + "epcisq", Query.NamespaceName),
            new XAttribute("schemaVersion", "2.0"),
            new XAttribute("creationDate", creationUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            new XElement("EPCISBody",
                new XElement(Query + "QueryResults",
                    new XElement("queryName", queryName),
                    new XElement("resultsBody", list))));
        foreach (var (ns, prefix) in namespaces)
        {
            root.Add(new XAttribute(XNamespace.Xmlns + prefix, ns));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement Event(JsonObject e, Dictionary<string, string> prefixes, Dictionary<string, string> namespaces)
    {
        var type = EpcisJson.Text(e["type"]) ?? "ObjectEvent";
        var element = new XElement(type);
        if (!Sequence.TryGetValue(type, out var own))
        {
            own = [];
        }

        foreach (var name in Head.Concat(own))
        {
            if (e[name] is { } value)
            {
                foreach (var x in Standard(name, value, prefixes, namespaces))
                {
                    element.Add(x);
                }
            }
        }

        var known = new HashSet<string>(Head.Concat(own), StringComparer.Ordinal);
        foreach (var (key, value) in e)
        {
            if (value is null || known.Contains(key) || Skipped.Contains(key) || NameOf(key, prefixes, namespaces) is not { } name)
            {
                continue;
            }

            foreach (var x in Extension(name, value, prefixes, namespaces))
            {
                element.Add(x);
            }
        }

        return element;
    }

    private static IEnumerable<XElement> Standard(string name, JsonNode value, Dictionary<string, string> prefixes, Dictionary<string, string> namespaces)
    {
        switch (name)
        {
            case var _ when EpcLists.Contains(name):
                yield return new XElement(name, Items(value).Select(v => new XElement("epc", EpcisJson.Text(v))));
                break;
            case "quantityList" or "childQuantityList" or "inputQuantityList" or "outputQuantityList":
                yield return new XElement(name, Items(value).OfType<JsonObject>().Select(q => new XElement("quantityElement",
                    new XElement("epcClass", EpcisJson.Text(q["epcClass"])),
                    q["quantity"] is { } n ? new XElement("quantity", EpcisJson.Text(n)) : null,
                    q["uom"] is { } u ? new XElement("uom", EpcisJson.Text(u)) : null)));
                break;
            case "bizStep":
                yield return new XElement(name, Vocabulary(CbvSlot.BizStep, value));
                break;
            case "disposition":
                yield return new XElement(name, Vocabulary(CbvSlot.Disposition, value));
                break;
            case "readPoint" or "bizLocation":
                yield return Place(name, value as JsonObject ?? [], prefixes, namespaces);
                break;
            case "bizTransactionList" or "sourceList" or "destinationList":
                {
                    var item = name switch { "bizTransactionList" => "bizTransaction", "sourceList" => "source", _ => "destination" };
                    var slot = name == "bizTransactionList" ? CbvSlot.BizTransactionType : CbvSlot.SourceDestType;
                    yield return new XElement(name, Items(value).OfType<JsonObject>().Select(o => new XElement(item,
                        o["type"] is { } t ? new XAttribute("type", Vocabulary(slot, t)) : null,
                        EpcisJson.Text(o[item]))));
                    break;
                }

            case "persistentDisposition":
                {
                    var pd = value as JsonObject ?? [];
                    yield return new XElement(name,
                        Items(pd["unset"]).Select(v => new XElement("unset", Vocabulary(CbvSlot.Disposition, v))),
                        Items(pd["set"]).Select(v => new XElement("set", Vocabulary(CbvSlot.Disposition, v))));
                    break;
                }

            case "sensorElementList":
                yield return new XElement(name, Items(value).OfType<JsonObject>().Select(se => SensorElement(se, prefixes, namespaces)));
                break;
            case "ilmd":
                yield return Extended(new XElement(name), value as JsonObject ?? [], [], prefixes, namespaces);
                break;
            case "errorDeclaration":
                {
                    var ed = value as JsonObject ?? [];
                    var x = new XElement(name, new XElement("declarationTime", EpcisJson.Text(ed["declarationTime"])));
                    if (ed["reason"] is { } reason)
                    {
                        x.Add(new XElement("reason", Vocabulary(CbvSlot.ErrorReason, reason)));
                    }

                    if (ed["correctiveEventIDs"] is { } ids)
                    {
                        x.Add(new XElement("correctiveEventIDs", Items(ids).Select(i => new XElement("correctiveEventID", EpcisJson.Text(i)))));
                    }

                    yield return Extended(x, ed, ["declarationTime", "reason", "correctiveEventIDs"], prefixes, namespaces);
                    break;
                }

            default:
                foreach (var item in Items(value))
                {
                    yield return new XElement(name, EpcisJson.Text(item));
                }

                break;
        }
    }

    private static XElement Place(string name, JsonObject o, Dictionary<string, string> prefixes, Dictionary<string, string> namespaces) =>
        Extended(new XElement(name, new XElement("id", EpcisJson.Text(o["id"]))), o, ["id"], prefixes, namespaces);

    /// <summary>Adds an object's namespaced members (its user extensions) as elements after what the element already holds.</summary>
    private static XElement Extended(XElement element, JsonObject o, string[] standard, Dictionary<string, string> prefixes, Dictionary<string, string> namespaces)
    {
        foreach (var (key, value) in o)
        {
            if (value is null || standard.Contains(key) || Skipped.Contains(key) || NameOf(key, prefixes, namespaces) is not { } name)
            {
                continue;
            }

            element.Add(Extension(name, value, prefixes, namespaces));
        }

        return element;
    }

    private static readonly HashSet<string> MetadataFields = ["time", "startTime", "endTime", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules"];

    /// <summary>sensorMetadata and sensorReport carry their fields (and namespaced extension fields) as attributes.</summary>
    private static XElement SensorElement(JsonObject se, Dictionary<string, string> prefixes, Dictionary<string, string> namespaces)
    {
        var x = new XElement("sensorElement");
        if (se["sensorMetadata"] is JsonObject metadata)
        {
            x.Add(new XElement("sensorMetadata", Attributes(metadata, prefixes, namespaces)));
        }

        foreach (var report in Items(se["sensorReport"]).OfType<JsonObject>())
        {
            x.Add(new XElement("sensorReport", Attributes(report, prefixes, namespaces)));
        }

        return Extended(x, se, ["sensorMetadata", "sensorReport"], prefixes, namespaces);
    }

    private static IEnumerable<XAttribute> Attributes(JsonObject o, Dictionary<string, string> prefixes, Dictionary<string, string> namespaces)
    {
        foreach (var (key, value) in o)
        {
            if (value is null || key.StartsWith('@'))
            {
                continue;
            }

            if (!key.Contains(':', StringComparison.Ordinal))
            {
                var text = key switch
                {
                    "type" => Vocabulary(CbvSlot.MeasurementType, value),
                    "exception" => Vocabulary(CbvSlot.SensorAlertType, value),
                    "component" => Vocabulary(CbvSlot.Component, value),
                    _ => EpcisJson.Text(value),
                };
                yield return new XAttribute(key, text ?? "");
            }
            else if (NameOf(key, prefixes, namespaces) is { } name)
            {
                yield return new XAttribute(name, EpcisJson.Text(value) ?? value.ToJsonString());
            }
        }
    }

    /// <summary>A user extension: a scalar as text, an object as child elements, an array as the element repeated.</summary>
    private static IEnumerable<XElement> Extension(XName name, JsonNode value, Dictionary<string, string> prefixes, Dictionary<string, string> namespaces)
    {
        if (value is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>())
            {
                foreach (var x in Extension(name, item, prefixes, namespaces))
                {
                    yield return x;
                }
            }

            yield break;
        }

        if (value is not JsonObject o)
        {
            yield return new XElement(name, EpcisJson.Text(value));
            yield break;
        }

        if (o["@value"] is { } literal)
        {
            yield return new XElement(name, EpcisJson.Text(literal));
            yield break;
        }

        var element = new XElement(name);
        foreach (var (key, child) in o)
        {
            if (child is null || key.StartsWith('@'))
            {
                continue;
            }

            // Unqualified members of an extension are unqualified XML children (EpcisXml.Nested reads them back so).
            var childName = key.Contains(':', StringComparison.Ordinal) ? NameOf(key, prefixes, namespaces) : XName.Get(System.Xml.XmlConvert.EncodeLocalName(key));
            if (childName is not null)
            {
                element.Add(Extension(childName, child, prefixes, namespaces));
            }
        }

        yield return element;
    }

    /// <summary>
    /// <c>prefix:local</c> (a prefix of the context) or a full IRI as an XML name, remembering the namespace and the
    /// prefix it is declared with on the document; a key of neither form is not an extension and is left out.
    /// </summary>
    private static XName? NameOf(string key, Dictionary<string, string> prefixes, Dictionary<string, string> namespaces)
    {
        string ns, local, prefix;
        var colon = key.IndexOf(':');
        if (colon > 0 && prefixes.TryGetValue(key[..colon], out var declared) && !key[(colon + 1)..].StartsWith("//", StringComparison.Ordinal))
        {
            (ns, local, prefix) = (declared, key[(colon + 1)..], key[..colon]);
        }
        else if (key.Contains("://", StringComparison.Ordinal) && Math.Max(key.LastIndexOf('#'), key.LastIndexOf('/')) is var cut && cut < key.Length - 1)
        {
            (ns, local, prefix) = (key[..(cut + 1)], key[(cut + 1)..], "ext");
        }
        else
        {
            return null;
        }

        if (!namespaces.ContainsKey(ns))
        {
            var taken = namespaces.Values.ToHashSet(StringComparer.Ordinal);
            var candidate = prefix is "epcisq" or "xml" or "xmlns" or "xsi" ? "ext" : prefix;
            var unique = candidate;
            for (var i = 2; taken.Contains(unique); i++)
            {
                unique = candidate + i.ToString(CultureInfo.InvariantCulture);
            }

            namespaces[ns] = unique;
        }

        // A JSON member name may hold what an XML name may not (a space, a leading digit): encoded as XmlConvert does (_x0020_).
        return XName.Get(System.Xml.XmlConvert.EncodeLocalName(local), ns);
    }

    private static string Vocabulary(CbvSlot slot, JsonNode value) => EpcisJson.Text(value) is { } s ? Cbv.Expand(slot, s) : "";

    private static IEnumerable<JsonNode> Items(JsonNode? value) => EpcisJson.Items(value);

    /// <summary>The document as UTF-8 text (what an <c>application/xml</c> response carries).</summary>
    public static string ToText(XDocument doc)
    {
        using var writer = new Utf8StringWriter();
        doc.Save(writer, SaveOptions.DisableFormatting);
        return writer.ToString();
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
