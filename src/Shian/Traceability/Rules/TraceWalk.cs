using Shian.Traceability.Domain;

namespace Shian.Traceability.Rules;

public enum TraceDirection
{
    /// <summary>溯源: where it came from (outputs → inputs).</summary>
    Backward,

    /// <summary>追踪: where it went (inputs → outputs) — a recall's scope.</summary>
    Forward,
}

/// <summary>An event as the trace sees it: who captured it, what, where, when, and its keys.</summary>
public sealed record TraceEventRow(
    long Pk, string EventId, string Type, DateTime EventTimeUtc, string? Action, string? BizStep, string? Disposition,
    string? ReadPoint, string? BizLocation, string RegionCode, Guid BusinessId, IReadOnlyList<KeyFact> Keys);

/// <summary>A link the trace followed: from one identifier to another through an event.</summary>
public sealed record TraceEdge(string From, string To, long EventPk, string Relation);

public sealed record TraceResult(IReadOnlyList<TraceEventRow> Events, IReadOnlyList<TraceEdge> Edges, IReadOnlyList<string> Identifiers, int Hops, bool Truncated);

/// <summary>
/// The trace through EPCIS events (源头可溯、流向可查): from a lot, an EPC or a pallet, hop by hop over the three links
/// EPCIS records — a lot and the instances commissioned in it (ILMD lot number), containment (aggregation: a pallet and
/// what is packed on it — followed both ways, since a carton goes wherever its pallet goes), and transformation
/// (inputs → outputs forward, outputs → inputs backward). Every event that names an identifier reached is part of the
/// trace: where it was seen, shipped, received and sold. Pure: the caller supplies the loader (region-scoped reads).
/// </summary>
public static class TraceWalk
{
    public static async Task<TraceResult> WalkAsync(
        IEnumerable<string> start, TraceDirection direction, Func<IReadOnlyCollection<string>, Task<IReadOnlyList<TraceEventRow>>> load,
        int maxHops = 12, int maxEvents = 20_000)
    {
        var seen = new HashSet<string>(start.Select(EventFacts.Id), StringComparer.Ordinal);
        var frontier = seen.ToList();
        var events = new Dictionary<long, TraceEventRow>();
        var edges = new List<TraceEdge>();
        var hops = 0;
        var truncated = false;
        while (frontier.Count > 0)
        {
            if (hops == maxHops)
            {
                truncated = true;
                break;
            }

            hops++;
            var current = new HashSet<string>(frontier, StringComparer.Ordinal);
            var next = new List<string>();
            foreach (var e in await load(current))
            {
                events.TryAdd(e.Pk, e);
                foreach (var (from, to, relation) in Links(e, current, direction))
                {
                    edges.Add(new TraceEdge(from, to, e.Pk, relation));
                    if (seen.Add(to))
                    {
                        next.Add(to);
                    }
                }
            }

            if (events.Count > maxEvents)
            {
                truncated = true;
                break;
            }

            frontier = next;
        }

        return new TraceResult(
            [.. events.Values.OrderBy(e => e.EventTimeUtc).ThenBy(e => e.Pk)],
            [.. edges.DistinctBy(e => (e.From, e.To, e.EventPk))],
            [.. seen.Order(StringComparer.Ordinal)],
            hops,
            truncated);
    }

    /// <summary>The identifiers an event leads to from those reached so far, in the direction asked.</summary>
    public static IEnumerable<(string From, string To, string Relation)> Links(TraceEventRow e, IReadOnlySet<string> reached, TraceDirection direction)
    {
        IEnumerable<string> Of(params TraceKeyKind[] kinds) => e.Keys.Where(k => kinds.Contains(k.Kind)).Select(k => k.Value);

        // A lot and its instances (commissioning with an ILMD lot number): the same goods, either way.
        var lots = Of(TraceKeyKind.Lot).ToList();
        var instances = Of(TraceKeyKind.Epc).ToList();
        foreach (var lot in lots.Where(reached.Contains))
        {
            foreach (var i in instances)
            {
                yield return (lot, i, "批次-实例");
            }
        }

        foreach (var i in instances.Where(reached.Contains))
        {
            foreach (var lot in lots)
            {
                yield return (i, lot, "实例-批次");
            }
        }

        // Containment: a parent and its children, either way.
        if (e.Type is "AggregationEvent" or "AssociationEvent" or "TransactionEvent")
        {
            var parents = Of(TraceKeyKind.Parent).ToList();
            var children = Of(TraceKeyKind.Child, TraceKeyKind.ChildClass).Concat(e.Type == "TransactionEvent" ? Of(TraceKeyKind.Epc, TraceKeyKind.Class) : []).ToList();
            foreach (var p in parents.Where(reached.Contains))
            {
                foreach (var c in children)
                {
                    yield return (p, c, "包装-内含");
                }
            }

            foreach (var c in children.Where(reached.Contains))
            {
                foreach (var p in parents)
                {
                    yield return (c, p, "内含-包装");
                }
            }
        }

        // Transformation: inputs become outputs.
        if (e.Type == "TransformationEvent")
        {
            var inputs = Of(TraceKeyKind.Input, TraceKeyKind.InputClass).ToList();
            var outputs = Of(TraceKeyKind.Output, TraceKeyKind.OutputClass).ToList();
            var (from, to, relation) = direction == TraceDirection.Forward ? (inputs, outputs, "原料-产品") : (outputs, inputs, "产品-原料");
            foreach (var f in from.Where(reached.Contains))
            {
                foreach (var t in to)
                {
                    yield return (f, t, relation);
                }
            }
        }
    }
}
