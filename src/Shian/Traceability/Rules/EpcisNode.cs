namespace Shian.Traceability.Rules;

/// <summary>
/// One element of an EPCIS event in the standard's abstract (XML-shaped) data model, whichever binding it came from:
/// a name (<c>epcList</c>, <c>epc</c>, or <c>{namespace}local</c> for a user extension), an optional text value
/// (vocabulary terms already expanded to web URIs) and child elements. The JSON-LD and XML readers both produce this
/// shape, so the event hash, validation and storage see one model.
/// </summary>
public sealed class EpcisNode(string name, string? value = null, List<EpcisNode>? children = null)
{
    public string Name { get; } = name;

    public string? Value { get; set; } = value;

    public List<EpcisNode> Children { get; } = children ?? [];

    public EpcisNode? Child(string name) => Children.FirstOrDefault(c => c.Name == name);

    public IEnumerable<EpcisNode> All(string name) => Children.Where(c => c.Name == name);

    public string? ChildValue(string name) => Child(name)?.Value;

    public override string ToString() => Value is null ? $"{Name}[{Children.Count}]" : $"{Name}={Value}";
}

/// <summary>One event read from a document: its type, its element tree, where it sat in the document, and its identity fields.</summary>
/// <param name="HashIgnored">Extension names the document asks to leave out of the event hash (a repository's own
/// additions, listed in a header <c>…:ignoreFields</c> element as the reference implementation allows).</param>
public sealed record EpcisEventTree(int Index, string Type, EpcisNode Root, string? EventId, string? RecordTime, IReadOnlySet<string>? HashIgnored = null)
{
    /// <summary>The five event types of EPCIS 2.0 §7.4.</summary>
    public static readonly string[] Types = ["ObjectEvent", "AggregationEvent", "TransformationEvent", "TransactionEvent", "AssociationEvent"];
}
