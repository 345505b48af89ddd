using System.Globalization;
using Shian.Traceability.Domain;

namespace Shian.Traceability.Rules;

/// <summary>One identifier or value of an event as the index stores it.</summary>
public sealed record KeyFact(TraceKeyKind Kind, string Value, string? Name = null, decimal? Quantity = null, string? Uom = null);

/// <summary>
/// What the repository indexes of an event: its columns (time, step, disposition, where) and its keys — every EPC,
/// class, ILMD field, transaction, source and destination in canonical form, so that a query by URN finds an event
/// captured with a Digital Link and the reverse. Pure: the capture service stores what this returns.
/// </summary>
public sealed record EventFacts(
    string Type,
    DateTime EventTimeUtc,
    string Offset,
    string? Action,
    string? BizStep,
    string? Disposition,
    string? ReadPoint,
    string? BizLocation,
    bool ErrorDeclared,
    IReadOnlyList<KeyFact> Keys)
{
    /// <summary>The ILMD field that names a lot (CBV 2.0 master-data attribute <c>cbvmda:lotNumber</c>).</summary>
    public const string LotNumberField = "{urn:epcglobal:cbv:mda:}lotNumber";

    public static EventFacts From(EpcisEventTree e)
    {
        var root = e.Root;
        var keys = new List<KeyFact>();
        void Ids(string list, TraceKeyKind kind)
        {
            foreach (var epc in root.All(list).SelectMany(l => l.Children).Select(c => c.Value).OfType<string>())
            {
                keys.Add(new KeyFact(kind, Id(epc)));
            }
        }

        void Quantities(string list, TraceKeyKind kind)
        {
            foreach (var q in root.All(list).SelectMany(l => l.Children))
            {
                if (q.ChildValue("epcClass") is { } cls)
                {
                    var qty = decimal.TryParse(q.ChildValue("quantity"), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null;
                    keys.Add(new KeyFact(kind, Id(cls), null, qty, q.ChildValue("uom")));
                }
            }
        }

        Ids("epcList", TraceKeyKind.Epc);
        Ids("childEPCs", TraceKeyKind.Child);
        Ids("inputEPCList", TraceKeyKind.Input);
        Ids("outputEPCList", TraceKeyKind.Output);
        Quantities("quantityList", TraceKeyKind.Class);
        Quantities("childQuantityList", TraceKeyKind.ChildClass);
        Quantities("inputQuantityList", TraceKeyKind.InputClass);
        Quantities("outputQuantityList", TraceKeyKind.OutputClass);
        if (root.ChildValue("parentID") is { } parent)
        {
            keys.Add(new KeyFact(TraceKeyKind.Parent, Id(parent)));
        }

        foreach (var (list, item, kind) in new[] { ("bizTransactionList", "bizTransaction", TraceKeyKind.BizTransaction), ("sourceList", "source", TraceKeyKind.Source), ("destinationList", "destination", TraceKeyKind.Destination) })
        {
            foreach (var n in root.All(list).SelectMany(l => l.All(item)))
            {
                if (n.Value is { Length: > 0 } v)
                {
                    keys.Add(new KeyFact(kind, Id(v), n.ChildValue("type")));
                }
            }
        }

        // ILMD: each leaf field (nested ones by their path) as a key; a lot number also ties the commissioned instances to their lot.
        foreach (var field in root.All("ilmd").SelectMany(i => i.Children))
        {
            foreach (var (name, value) in Leaves(field, IlmdName(field.Name)))
            {
                keys.Add(new KeyFact(TraceKeyKind.Ilmd, Truncate(value, 400), Truncate(name, 300)));
            }
        }

        if (root.Child("ilmd")?.Children.FirstOrDefault(c => IlmdName(c.Name) == LotNumberField)?.Value is { Length: > 0 } lot)
        {
            var gtins = keys.Where(k => k.Kind is TraceKeyKind.Epc or TraceKeyKind.Output or TraceKeyKind.Child).Select(k => Gtin(k.Value)).OfType<string>().Distinct().ToList();
            foreach (var gtin in gtins)
            {
                keys.Add(new KeyFact(TraceKeyKind.Lot, LotId(gtin, lot)));
            }
        }

        EventHash.TryTimestamp(root.ChildValue("eventTime") ?? "", out var utc);
        var when = DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new EventFacts(
            e.Type,
            when,
            root.ChildValue("eventTimeZoneOffset") ?? "+00:00",
            root.ChildValue("action"),
            root.ChildValue("bizStep"),
            root.ChildValue("disposition"),
            root.Child("readPoint")?.ChildValue("id") is { } rp ? Id(rp) : null,
            root.Child("bizLocation")?.ChildValue("id") is { } bl ? Id(bl) : null,
            root.Child("errorDeclaration") is not null,
            keys);
    }

    /// <summary>The CBV master-data namespace as the XML binding writes it (no trailing colon) indexed as the JSON-LD one.</summary>
    public static string IlmdName(string name) =>
        name.StartsWith("{urn:epcglobal:cbv:mda}", StringComparison.Ordinal) ? "{urn:epcglobal:cbv:mda:}" + name["{urn:epcglobal:cbv:mda}".Length..] : name;

    /// <summary>An identifier as the index holds it: the canonical Digital Link of a GS1 key, else as written.</summary>
    public static string Id(string value) => Gs1Keys.Canonical(value.Trim()) ?? value.Trim();

    /// <summary>The lot class of a GTIN: https://id.gs1.org/01/{gtin}/10/{lot}.</summary>
    public static string LotId(string gtin, string lot) => $"https://id.gs1.org/01/{gtin}/10/{Uri.EscapeDataString(lot)}";

    /// <summary>The GTIN of a canonical GS1 Digital Link for a trade item, or null.</summary>
    public static string? Gtin(string canonical) =>
        canonical.StartsWith("https://id.gs1.org/01/", StringComparison.Ordinal) && canonical.Length >= 36 ? canonical.Substring(22, 14) : null;

    /// <summary>The GLN of a location Digital Link (https://id.gs1.org/414/{gln}[/254/…]), or null.</summary>
    public static string? Gln(string? canonical) =>
        canonical is not null && canonical.StartsWith("https://id.gs1.org/414/", StringComparison.Ordinal) && canonical.Length >= 36 ? canonical.Substring(23, 13)
        : canonical is not null && canonical.StartsWith("https://id.gs1.org/417/", StringComparison.Ordinal) && canonical.Length >= 36 ? canonical.Substring(23, 13) : null;

    private static IEnumerable<(string Name, string Value)> Leaves(EpcisNode node, string path)
    {
        if (node.Value is { Length: > 0 } v)
        {
            yield return (path, v);
        }

        foreach (var c in node.Children)
        {
            foreach (var leaf in Leaves(c, path + "/" + c.Name))
            {
                yield return leaf;
            }
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
