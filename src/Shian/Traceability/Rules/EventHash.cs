using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Shian.Traceability.Rules;

/// <summary>
/// The EPCIS event hash ID of CBV 2.0 §8.9 (<c>ni:///sha-256;…?ver=CBV2.0</c>): a syntax-independent fingerprint used
/// as the eventID of an event captured without one, so that the same event captured twice (as JSON-LD or XML) is
/// stored once. The pre-hash string concatenates, without separators:
/// <list type="number">
/// <item><c>eventType=</c>, then the standard fields in the canonical order below, each <c>name=value</c>; a
/// structured field is its name followed by its parts in their own canonical order; repeated values (EPCs, quantity
/// elements, sensor reports …) sorted;</item>
/// <item>then every other element — business transactions, sources, destinations, ILMD, user extensions — each
/// rendered generically (name, <c>=value</c>, sorted children), all sorted; <c>eventID</c>, <c>recordTime</c>,
/// <c>errorDeclaration</c> and comments never take part.</item>
/// </list>
/// Values are canonical: times in UTC with milliseconds (half-up), numbers without padding zeros, CBV terms as web
/// URIs, GS1 keys as constrained Digital Links (<see cref="Gs1Keys"/>). Tested against every vector of the reference
/// implementation's suite (<c>data/epcis/hash-vectors</c>).
/// </summary>
public static class EventHash
{
    private sealed record Order(string Name, Order[]? Children = null);

    private static readonly Order[] QuantityElement = [new("epcClass"), new("quantity"), new("uom")];

    private static readonly Order[] TopOrder =
    [
        new("eventTime"),
        new("eventTimeZoneOffset"),
        new("certificationInfo"),
        new("epcList", [new("epc")]),
        new("parentID"),
        new("inputEPCList", [new("epc")]),
        new("childEPCs", [new("epc")]),
        new("quantityList", [new("quantityElement", QuantityElement)]),
        new("childQuantityList", [new("quantityElement", QuantityElement)]),
        new("inputQuantityList", [new("quantityElement", QuantityElement)]),
        new("outputEPCList", [new("epc")]),
        new("outputQuantityList", [new("quantityElement", QuantityElement)]),
        new("action"),
        new("transformationID"),
        new("bizStep"),
        new("disposition"),
        new("persistentDisposition", [new("set"), new("unset")]),
        new("readPoint", [new("id")]),
        new("bizLocation", [new("id")]),
        new("sensorElementList",
        [
            new("sensorElement",
            [
                new("sensorMetadata",
                [
                    new("time"), new("startTime"), new("endTime"), new("deviceID"), new("deviceMetadata"), new("rawData"),
                    new("dataProcessingMethod"), new("bizRules"),
                ]),
                new("sensorReport",
                [
                    new("type"), new("exception"), new("deviceID"), new("deviceMetadata"), new("rawData"), new("dataProcessingMethod"),
                    new("time"), new("microorganism"), new("chemicalSubstance"), new("value"), new("component"), new("stringValue"),
                    new("booleanValue"), new("hexBinaryValue"), new("uriValue"), new("minValue"), new("maxValue"), new("meanValue"),
                    new("sDev"), new("percRank"), new("percValue"), new("uom"), new("coordinateReferenceSystem"),
                ]),
            ]),
        ]),
    ];

    private static readonly HashSet<string> Excluded = ["eventID", "recordTime", "errorDeclaration"];

    // Lists whose items are a value with a type attribute: rendered "type=…" then "<item>=…" (CBV 2.0 §8.9 rule on bizTransactionList, sourceList, destinationList).
    private static readonly HashSet<string> TypedItems = ["bizTransaction", "source", "destination"];

    /// <summary>The hash ID of an event (SHA-256).</summary>
    public static string Of(EpcisEventTree e) => FromPreHash(PreHash(e));

    public static string FromPreHash(string preHash) =>
        "ni:///sha-256;" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(preHash))) + "?ver=CBV2.0";

    /// <summary>The canonical pre-hash string of an event.</summary>
    public static string PreHash(EpcisEventTree e)
    {
        var sb = new StringBuilder("eventType=").Append(e.Type);
        var children = e.Root.Children.Where(c => !Excluded.Contains(c.Name) && e.HashIgnored?.Contains(c.Name) != true).ToList();
        var leaks = new List<string>();
        sb.Append(Ordered(children, TopOrder, "", leaks, out var rest));
        sb.Append(string.Concat(Sorted(rest.Select(Generic).Concat(leaks))));
        return sb.ToString();
    }

    private static string Ordered(List<EpcisNode> children, Order[] order, string path, List<string> leaks, out List<EpcisNode> rest)
    {
        rest = [.. children];
        var sb = new StringBuilder();
        foreach (var o in order)
        {
            var matching = rest.Where(c => c.Name == o.Name).ToList();
            rest.RemoveAll(c => c.Name == o.Name);
            sb.Append(string.Concat(Sorted(matching.Select(c => Structured(c, o.Children, path, leaks)))));
        }

        return sb.ToString();
    }

    /// <summary>
    /// A standard structure: its parts in order, then its user extensions (namespaced) inline. A part it does not define
    /// (an unqualified name outside its order, e.g. bizRules on a sensor report) is not dropped: as the reference
    /// implementation does, it goes to the end of the event under its full path (sensorElementList…sensorReportbizRules=…).
    /// </summary>
    private static string Structured(EpcisNode node, Order[]? order, string path, List<string> leaks)
    {
        var value = Canonical(node.Name, node.Value);
        var inner = "";
        if (node.Children.Count > 0)
        {
            if (order is null)
            {
                inner = string.Concat(Sorted(node.Children.Select(Generic)));
            }
            else
            {
                inner = Ordered(node.Children, order, path + node.Name, leaks, out var rest);
                inner += string.Concat(Sorted(rest.Where(c => c.Name.StartsWith('{')).Select(Generic)));
                leaks.AddRange(rest.Where(c => !c.Name.StartsWith('{')).Select(Generic).Where(g => g.Length > 0).Select(g => path + node.Name + g));
            }
        }

        return value.Length == 0 && inner.Length == 0 ? "" : node.Name + (value.Length > 0 ? "=" + value : "") + inner;
    }

    private static string Generic(EpcisNode node)
    {
        if (TypedItems.Contains(node.Name))
        {
            var type = node.Child("type");
            var others = node.Children.Where(c => c.Name != "type");
            var v = Canonical(node.Name, node.Value);
            return (type is null ? "" : Generic(type)) + (v.Length > 0 ? node.Name + "=" + v : "") + string.Concat(Sorted(others.Select(Generic)));
        }

        var value = Canonical(node.Name, node.Value);
        var inner = string.Concat(Sorted(node.Children.Select(Generic)));
        return value.Length == 0 && inner.Length == 0 ? "" : node.Name + (value.Length > 0 ? "=" + value : "") + inner;
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> parts) => parts.Where(p => p.Length > 0).Order(StringComparer.Ordinal);

    /// <summary>A value in its canonical form (trimmed; time, number, vocabulary URI or Digital Link).</summary>
    public static string Canonical(string name, string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return "";
        }

        var local = name[(name.LastIndexOf('}') + 1)..];
        if (local.Contains("time", StringComparison.OrdinalIgnoreCase) && !local.Contains("offset", StringComparison.OrdinalIgnoreCase) && TryTimestamp(text, out var ts))
        {
            return ts;
        }

        text = Cbv.ExpandCurieOrUrn(text);
        text = Numeric(text);
        return Gs1Keys.Canonical(text) ?? text;
    }

    private static readonly Regex IsoDateTime = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);

    /// <summary>An xsd:dateTimeStamp as UTC with exactly three fraction digits, the fourth rounding half up.</summary>
    public static bool TryTimestamp(string text, out string utc)
    {
        utc = "";
        if (!IsoDateTime.IsMatch(text))
        {
            return false;
        }

        // .NET parses at most 7 fraction digits: keep 7, the rest cannot change the millisecond rounding.
        var dot = text.IndexOf('.');
        var parse = text;
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                parse = text[..(dot + 8)] + text[end..];
            }
        }

        if (!DateTimeOffset.TryParse(parse, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return false;
        }

        var ticks = t.UtcTicks;
        var subMs = ticks % TimeSpan.TicksPerMillisecond; // 0 … 9 999 (100 ns units)
        ticks -= subMs;
        if (subMs / 1000 >= 5)
        {
            ticks += TimeSpan.TicksPerMillisecond;
        }

        utc = new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return true;
    }

    private static readonly Regex Number = new(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant);

    /// <summary>A decimal number without sign padding, leading or trailing zeros (<c>452.0</c> → <c>452</c>, <c>+0.50</c> → <c>0.5</c>).</summary>
    public static string Numeric(string text)
    {
        if (!Number.IsMatch(text) || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsInfinity(d))
        {
            return text;
        }

        // An integral value is written as the exact integer of the double, as the reference does (int(float(x))).
        if (d == Math.Floor(d))
        {
            var i = new System.Numerics.BigInteger(d);
            return i.IsZero ? "0" : i.ToString(CultureInfo.InvariantCulture);
        }

        // Shortest round-trip form, written as the reference implementation (Python repr) writes it: 1e-05, not 1E-05.
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E');
        if (e > 0)
        {
            var exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
            r = r[..e] + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }

        return r;
    }
}
