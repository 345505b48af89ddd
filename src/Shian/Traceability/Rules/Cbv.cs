using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Shian.Traceability.Rules;

/// <summary>The CBV 2.0 vocabularies an EPCIS 2.0 JSON-LD value may name by its bare word (<c>"bizStep": "shipping"</c>).</summary>
public enum CbvSlot
{
    BizStep,
    Disposition,
    BizTransactionType,
    SourceDestType,
    MeasurementType,
    SensorAlertType,
    Component,
    ErrorReason,
}

/// <summary>
/// The CBV 2.0 vocabularies, read from the standard EPCIS 2.0 JSON-LD context (<c>data/epcis/gs1/epcis-context.jsonld</c>,
/// embedded) so that the lists are the standard's own: bare words, CURIEs (<c>cbv:BizStep-shipping</c>), CBV 1.x URNs
/// (<c>urn:epcglobal:cbv:bizstep:shipping</c>) and full web URIs all resolve to the one web URI
/// (<c>https://ref.gs1.org/cbv/BizStep-shipping</c>) the event hash and our queries use.
/// </summary>
public static class Cbv
{
    public const string CbvNs = "https://ref.gs1.org/cbv/";

    /// <summary>A CBV web URI as its bare term (https://ref.gs1.org/cbv/BizStep-shipping → shipping); other values as given.</summary>
    public static string? Term(string? cbv) => cbv is null ? null : cbv.StartsWith(CbvNs, StringComparison.Ordinal) ? cbv[(cbv.IndexOf('-', StringComparison.Ordinal) + 1)..] : cbv;
    public const string Gs1VocNs = "https://gs1.org/voc/";
    public const string EpcisNs = "https://ref.gs1.org/epcis/";

    private static readonly System.Text.RegularExpressions.Regex MeasurementWord = new("^[A-Z][A-Za-z_]*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly (CbvSlot Slot, string Path)[] Paths =
    [
        (CbvSlot.BizStep, "bizStep"),
        (CbvSlot.Disposition, "disposition"),
        (CbvSlot.BizTransactionType, "bizTransactionList/type"),
        (CbvSlot.SourceDestType, "sourceList/type"),
        (CbvSlot.MeasurementType, "sensorElementList/sensorReport/type"),
        (CbvSlot.SensorAlertType, "sensorElementList/sensorReport/exception"),
        (CbvSlot.Component, "sensorElementList/sensorReport/component"),
        (CbvSlot.ErrorReason, "errorDeclaration/reason"),
    ];

    // CBV 1.2 URN vocabularies and their 2.0 web-URI equivalents (CBV 2.0 §6.x "URN form").
    private static readonly (string Urn, string Web)[] UrnForms =
    [
        ("urn:epcglobal:cbv:bizstep:", CbvNs + "BizStep-"),
        ("urn:epcglobal:cbv:disp:", CbvNs + "Disp-"),
        ("urn:epcglobal:cbv:btt:", CbvNs + "BTT-"),
        ("urn:epcglobal:cbv:sdt:", CbvNs + "SDT-"),
        ("urn:epcglobal:cbv:er:", CbvNs + "ER-"),
    ];

    // Declared before Terms: static initialisers run in textual order.
    /// <summary>The embedded EPCIS 2.0 JSON-LD context (also served at <c>/api/v1/epcis/context.jsonld</c>).</summary>
    public static string ContextText { get; } = ReadResource("Shian.Epcis.epcis-context.jsonld");

    private static readonly FrozenDictionary<CbvSlot, FrozenDictionary<string, string>> Terms = Load();

    /// <summary>The bare words of a vocabulary, e.g. every CBV business step.</summary>
    public static IEnumerable<string> Words(CbvSlot slot) => Terms[slot].Keys;

    /// <summary>
    /// The web URI of a value in a vocabulary slot: a known bare word, a <c>cbv:</c>/<c>gs1:</c> CURIE or a CBV URN is
    /// expanded; anything else (a full URI, an unknown word) is returned unchanged.
    /// </summary>
    public static string Expand(CbvSlot slot, string value)
    {
        if (Terms[slot].TryGetValue(value, out var iri))
        {
            return iri;
        }

        // A bare measurement-type word the context does not list yet is a GS1 Web Vocabulary term all the same (ADR 0011).
        if (slot == CbvSlot.MeasurementType && MeasurementWord.IsMatch(value))
        {
            return Gs1VocNs + value;
        }

        return ExpandCurieOrUrn(value);
    }

    /// <summary>
    /// The JSON-LD binding's form of a vocabulary value: a standard term as its bare word (<c>shipping</c>), whatever form
    /// it came in (URN, CURIE, web URI); anything else unchanged. Used when an XML document becomes JSON-LD.
    /// </summary>
    public static string Compact(CbvSlot slot, string value)
    {
        var iri = Expand(slot, value);
        foreach (var (word, full) in Terms[slot])
        {
            if (full == iri)
            {
                return word;
            }
        }

        // A GS1 Web Vocabulary measurement type the context does not list yet goes back to its bare word, as it is written in JSON-LD.
        if (slot == CbvSlot.MeasurementType && iri.StartsWith(Gs1VocNs, StringComparison.Ordinal) && MeasurementWord.IsMatch(iri[Gs1VocNs.Length..]))
        {
            return iri[Gs1VocNs.Length..];
        }

        return value;
    }

    /// <summary>Expands the standard prefixes (<c>cbv:</c>, <c>gs1:</c>) and CBV 1.x URNs in any value.</summary>
    public static string ExpandCurieOrUrn(string value)
    {
        if (value.StartsWith("cbv:", StringComparison.Ordinal))
        {
            return CbvNs + value[4..];
        }

        if (value.StartsWith("gs1:", StringComparison.Ordinal))
        {
            return Gs1VocNs + value[4..];
        }

        foreach (var (urn, web) in UrnForms)
        {
            if (value.StartsWith(urn, StringComparison.Ordinal))
            {
                return web + value[urn.Length..];
            }
        }

        return value;
    }

    /// <summary>
    /// Whether a value is acceptable in a vocabulary slot: a standard term in any of its forms, or an absolute URI (CBV
    /// 2.0 §6 lets a user vocabulary stand beside the standard one). A bare word that is not a standard term is not:
    /// it is a typo or an unknown term (<c>transforming</c>, <c>in_transport</c>).
    /// </summary>
    public static bool IsAcceptable(CbvSlot slot, string value)
    {
        var iri = Expand(slot, value);
        if (Terms[slot].Values.Contains(iri))
        {
            return true;
        }

        // Measurement types are GS1 Web Vocabulary terms, a list that grows (MT-EffectiveDoseRate …): a bare word in its
        // naming style is taken as one (ADR 0011); the closed CBV vocabularies (steps, dispositions …) are not open.
        if (slot == CbvSlot.MeasurementType && MeasurementWord.IsMatch(value))
        {
            return true;
        }

        return iri.Contains(':', StringComparison.Ordinal) && Uri.TryCreate(iri, UriKind.Absolute, out var u) && u.Scheme.Length > 1;
    }

    internal static string ReadResource(string name)
    {
        using var s = typeof(Cbv).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    private static FrozenDictionary<CbvSlot, FrozenDictionary<string, string>> Load()
    {
        var root = JsonNode.Parse(ContextText)!["@context"]!.AsObject();
        var result = new Dictionary<CbvSlot, FrozenDictionary<string, string>>();
        foreach (var (slot, path) in Paths)
        {
            JsonNode? node = root;
            foreach (var step in path.Split('/'))
            {
                node = node is JsonObject o && o.ContainsKey("@context") && !o.ContainsKey(step) ? o["@context"]?[step] : node?[step];
            }

            var words = new Dictionary<string, string>(StringComparer.Ordinal);
            if (node?["@context"] is JsonObject terms)
            {
                foreach (var (word, value) in terms)
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var curie) && !word.StartsWith('@'))
                    {
                        words[word] = ExpandCurieOrUrn(curie);
                    }
                }
            }

            result[slot] = words.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return result.ToFrozenDictionary();
    }
}
