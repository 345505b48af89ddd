using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shian.Traceability.Rules;

/// <summary>
/// Reads the events of an EPCIS 2.0 JSON-LD document (EPCIS 2.0 §12.2) into the abstract element model
/// (<see cref="EpcisNode"/>): JSON arrays become repeated elements as in XML (<c>epcList: [a, b]</c> → <c>epcList/epc</c>),
/// prefixed keys become <c>{namespace}local</c> names through the document's and the event's own <c>@context</c>, and
/// bare vocabulary words become CBV web URIs. Full JSON-LD processing (remote contexts, expansion) is not needed: the
/// EPCIS context is fixed and protected, so its terms are known, and user extensions use prefix declarations only.
/// </summary>
public static class EpcisJson
{
    private static readonly Dictionary<string, string> StandardPrefixes = new(StringComparer.Ordinal)
    {
        ["epcis"] = Cbv.EpcisNs,
        ["cbv"] = Cbv.CbvNs,
        ["gs1"] = Cbv.Gs1VocNs,
        ["cbvmda"] = "urn:epcglobal:cbv:mda:",
        ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["owl"] = "http://www.w3.org/2002/07/owl#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["dcterms"] = "http://purl.org/dc/terms/",
    };

    private static readonly HashSet<string> EpcLists = ["epcList", "inputEPCList", "outputEPCList", "childEPCs"];

    private static readonly HashSet<string> QuantityLists = ["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"];

    private static readonly HashSet<string> Ignored = ["type", "@context", "eventID", "recordTime", "comment", "rdfs:comment"];

    /// <summary>The events of a document (<c>epcisBody.eventList</c>, a query document's results, or a single bare event).</summary>
    public static List<EpcisEventTree> ReadEvents(JsonObject document)
    {
        var prefixes = WithContext(StandardPrefixes, document["@context"]);
        JsonArray? list = document["epcisBody"]?["eventList"] as JsonArray
            ?? document["epcisBody"]?["queryResults"]?["resultsBody"]?["eventList"] as JsonArray;
        var ignored = IgnoreFields(document, prefixes);
        if (document["epcisBody"]?["queryResults"] is JsonObject results)
        {
            ignored.UnionWith(IgnoreFields(results, prefixes));
        }

        var events = new List<EpcisEventTree>();
        if (list is null)
        {
            if (document["epcisBody"]?["event"] is JsonObject single)
            {
                events.Add(ReadEvent(0, single, prefixes) with { HashIgnored = ignored });
            }
            else if (document["type"]?.GetValueKind() == JsonValueKind.String && EpcisEventTree.Types.Contains((string)document["type"]!))
            {
                events.Add(ReadEvent(0, document, prefixes) with { HashIgnored = ignored });
            }

            return events;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject e)
            {
                events.Add(ReadEvent(i, e, prefixes) with { HashIgnored = ignored });
            }
        }

        return events;
    }

    /// <summary>Names listed in a <c>prefix:ignoreFields</c> header element, expanded.</summary>
    private static HashSet<string> IgnoreFields(JsonObject header, Dictionary<string, string> prefixes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in header)
        {
            if (key.EndsWith(":ignoreFields", StringComparison.Ordinal) && value is not null)
            {
                names.UnionWith(Items(value).Select(Text).OfType<string>().Select(n => ExpandName(n, prefixes)));
            }
        }

        return names;
    }

    /// <summary>The standard prefixes (epcis, cbv, gs1, cbvmda …) with an object's own <c>@context</c> declarations over them.</summary>
    public static Dictionary<string, string> PrefixesOf(JsonNode? context) => WithContext(StandardPrefixes, context);

    /// <summary>The prefix declarations in effect after an object's <c>@context</c> (a string, an object or an array of both).</summary>
    public static Dictionary<string, string> WithContext(Dictionary<string, string> outer, JsonNode? context)
    {
        if (context is null)
        {
            return outer;
        }

        var result = new Dictionary<string, string>(outer, StringComparer.Ordinal);
        foreach (var item in context is JsonArray a ? a.ToArray() : [context])
        {
            if (item is JsonObject o)
            {
                foreach (var (prefix, uri) in o)
                {
                    if (uri is JsonValue v && v.TryGetValue<string>(out var s) && !prefix.StartsWith('@'))
                    {
                        result[prefix] = s;
                    }
                }
            }
        }

        return result;
    }

    private static EpcisEventTree ReadEvent(int index, JsonObject e, Dictionary<string, string> outer)
    {
        var prefixes = WithContext(outer, e["@context"]);
        var type = e["type"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : "";
        var root = new EpcisNode(type);
        foreach (var (key, value) in e)
        {
            if (value is null || Ignored.Contains(key))
            {
                continue;
            }

            root.Children.AddRange(Property(key, value, prefixes));
        }

        return new EpcisEventTree(index, type, root, Text(e["eventID"]), Text(e["recordTime"]));
    }

    private static IEnumerable<EpcisNode> Property(string key, JsonNode value, Dictionary<string, string> prefixes)
    {
        switch (key)
        {
            case "eventTime" or "eventTimeZoneOffset" or "action" or "transformationID" or "parentID":
                yield return new EpcisNode(key, Text(value));
                break;
            case "bizStep":
                yield return new EpcisNode(key, Vocab(CbvSlot.BizStep, value));
                break;
            case "disposition":
                yield return new EpcisNode(key, Vocab(CbvSlot.Disposition, value));
                break;
            case "certificationInfo":
                foreach (var item in Items(value))
                {
                    yield return new EpcisNode(key, Text(item));
                }

                break;
            case var _ when EpcLists.Contains(key):
                yield return new EpcisNode(key, null, [.. Items(value).Select(x => new EpcisNode("epc", Text(x)))]);
                break;
            case var _ when QuantityLists.Contains(key):
                yield return new EpcisNode(key, null, [.. Items(value).OfType<JsonObject>().Select(q => Element("quantityElement", q, prefixes))]);
                break;
            case "readPoint" or "bizLocation":
                yield return value is JsonObject o ? Element(key, o, prefixes) : new EpcisNode(key, null, [new EpcisNode("id", Text(value))]);
                break;
            case "bizTransactionList":
                yield return TypedList(key, "bizTransaction", CbvSlot.BizTransactionType, value, prefixes);
                break;
            case "sourceList":
                yield return TypedList(key, "source", CbvSlot.SourceDestType, value, prefixes);
                break;
            case "destinationList":
                yield return TypedList(key, "destination", CbvSlot.SourceDestType, value, prefixes);
                break;
            case "persistentDisposition" when value is JsonObject pd:
                {
                    var node = new EpcisNode(key);
                    foreach (var verb in new[] { "set", "unset" })
                    {
                        node.Children.AddRange(Items(pd[verb]).Select(x => new EpcisNode(verb, Vocab(CbvSlot.Disposition, x))));
                    }

                    yield return node;
                    break;
                }

            case "sensorElementList":
                yield return new EpcisNode(key, null, [.. Items(value).OfType<JsonObject>().Select(s => SensorElement(s, prefixes))]);
                break;
            case "ilmd" when value is JsonObject ilmd:
                yield return Element(key, ilmd, prefixes);
                break;
            case "errorDeclaration" when value is JsonObject ed:
                {
                    var node = new EpcisNode(key);
                    var scoped = WithContext(prefixes, ed["@context"]);
                    foreach (var (k, v) in ed)
                    {
                        if (v is null || k.StartsWith('@'))
                        {
                            continue;
                        }

                        if (k == "reason")
                        {
                            node.Children.Add(new EpcisNode(k, Vocab(CbvSlot.ErrorReason, v)));
                        }
                        else if (k == "correctiveEventIDs")
                        {
                            node.Children.Add(new EpcisNode(k, null, [.. Items(v).Select(x => new EpcisNode("correctiveEventID", Text(x)))]));
                        }
                        else
                        {
                            node.Children.AddRange(Extension(k, v, scoped));
                        }
                    }

                    yield return node;
                    break;
                }

            default:
                foreach (var n in Extension(key, value, prefixes))
                {
                    yield return n;
                }

                break;
        }
    }

    private static EpcisNode TypedList(string listName, string itemName, CbvSlot slot, JsonNode value, Dictionary<string, string> prefixes)
    {
        var list = new EpcisNode(listName);
        foreach (var item in Items(value).OfType<JsonObject>())
        {
            var node = new EpcisNode(itemName, Text(item[itemName]));
            if (item["type"] is { } type)
            {
                node.Children.Add(new EpcisNode("type", Vocab(slot, type)));
            }

            foreach (var (k, v) in item)
            {
                if (v is not null && k != itemName && k != "type" && !k.StartsWith('@'))
                {
                    node.Children.AddRange(Extension(k, v, prefixes));
                }
            }

            list.Children.Add(node);
        }

        return list;
    }

    private static EpcisNode SensorElement(JsonObject s, Dictionary<string, string> outer)
    {
        var prefixes = WithContext(outer, s["@context"]);
        var node = new EpcisNode("sensorElement");
        foreach (var (k, v) in s)
        {
            if (v is null || k.StartsWith('@'))
            {
                continue;
            }

            if (k == "sensorMetadata" && v is JsonObject md)
            {
                node.Children.Add(Element(k, md, prefixes));
            }
            else if (k == "sensorReport")
            {
                node.Children.AddRange(Items(v).OfType<JsonObject>().Select(r => SensorReport(r, prefixes)));
            }
            else
            {
                node.Children.AddRange(Extension(k, v, prefixes));
            }
        }

        return node;
    }

    private static EpcisNode SensorReport(JsonObject r, Dictionary<string, string> outer)
    {
        var prefixes = WithContext(outer, r["@context"]);
        var node = new EpcisNode("sensorReport");
        foreach (var (k, v) in r)
        {
            if (v is null || k.StartsWith('@'))
            {
                continue;
            }

            node.Children.AddRange(k switch
            {
                "type" => [new EpcisNode(k, Vocab(CbvSlot.MeasurementType, v))],
                "exception" => [new EpcisNode(k, Vocab(CbvSlot.SensorAlertType, v))],
                "component" => [new EpcisNode(k, Vocab(CbvSlot.Component, v))],
                _ when !k.Contains(':') => [new EpcisNode(k, Text(v))],
                _ => Extension(k, v, prefixes),
            });
        }

        return node;
    }

    /// <summary>An object of standard fields (unprefixed keys) and extensions (prefixed keys).</summary>
    private static EpcisNode Element(string name, JsonObject o, Dictionary<string, string> outer)
    {
        var prefixes = WithContext(outer, o["@context"]);
        var node = new EpcisNode(name);
        foreach (var (k, v) in o)
        {
            if (v is null || k.StartsWith('@') || k is "comment" or "rdfs:comment")
            {
                continue;
            }

            if (!k.Contains(':'))
            {
                node.Children.AddRange(v is JsonArray or JsonObject ? Extension(k, v, prefixes) : [new EpcisNode(k, Text(v))]);
            }
            else
            {
                node.Children.AddRange(Extension(k, v, prefixes));
            }
        }

        return node;
    }

    /// <summary>A user extension: <c>{namespace}local</c>, a text value or nested elements; an array repeats the element.</summary>
    private static IEnumerable<EpcisNode> Extension(string key, JsonNode value, Dictionary<string, string> prefixes)
    {
        var name = ExpandName(key, prefixes);
        if (value is JsonArray a)
        {
            foreach (var item in a)
            {
                if (item is not null)
                {
                    foreach (var n in Extension(key, item, prefixes))
                    {
                        yield return n;
                    }
                }
            }

            yield break;
        }

        if (value is JsonObject o)
        {
            var scoped = WithContext(prefixes, o["@context"]);
            var node = new EpcisNode(name, o["#text"] is { } t ? Text(t) : o["@value"] is { } lv ? Text(lv) : null);
            foreach (var (k, v) in o)
            {
                if (v is not null && !k.StartsWith('@') && !k.StartsWith('#') && k is not "comment" and not "rdfs:comment")
                {
                    node.Children.AddRange(Extension(k, v, scoped));
                }
            }

            yield return node;
            yield break;
        }

        var text = Text(value);
        if (text is not null)
        {
            // Standard GS1 CURIEs in values are expanded (gs1:…, cbv:…); a user prefix in a value is data, kept as written.
            text = text.StartsWith("gs1:", StringComparison.Ordinal) || text.StartsWith("cbv:", StringComparison.Ordinal) ? Cbv.ExpandCurieOrUrn(text) : text;
        }

        yield return new EpcisNode(name, text);
    }

    /// <summary><c>example:myField</c> → <c>{https://ns.example.com/epcis/}myField</c>; an unknown prefix stays as written.</summary>
    public static string ExpandName(string key, Dictionary<string, string> prefixes)
    {
        var colon = key.IndexOf(':');
        if (colon > 0 && prefixes.TryGetValue(key[..colon], out var ns))
        {
            return "{" + ns + "}" + key[(colon + 1)..];
        }

        return key;
    }

    private static string? Vocab(CbvSlot slot, JsonNode value) => Text(value) is { } s ? Cbv.Expand(slot, s) : null;

    /// <summary>A value that may be one item or an array of them, as items (the JSON binding allows both in several places).</summary>
    internal static IEnumerable<JsonNode> Items(JsonNode? value) => value switch
    {
        null => [],
        JsonArray a => a.OfType<JsonNode>(),
        _ => [value],
    };

    /// <summary>A scalar as text: strings as written, numbers in their shortest form, booleans as XML writes them.</summary>
    public static string? Text(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            // The number as written (452.0, 1e-3): canonical forms are the hash's business (EventHash.Numeric).
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }
}
