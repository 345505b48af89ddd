using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Registry.Contracts;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>
/// Runs <see cref="TraceWalk"/> over the repository: each hop loads, through the keys index, every event that names an
/// identifier reached so far (region-scoped: a district sees the hops in its districts; a city account the whole city),
/// and answers who, what, where, when and how much for each.
/// </summary>
public sealed class Traces(ShianDb db, IBusinessDirectory directory, MasterData masterData)
{
    public sealed record Row(string EventId, string Type, DateTime EventTimeUtc, string? BizStep, string? Disposition, string? Where, Guid BusinessId, string? Business,
        string RegionCode, IReadOnlyList<string> What, IReadOnlyList<string> Quantities, IReadOnlyList<string> Destinations);

    /// <param name="Places">
    /// The business behind each GLN the trace names, where its GS1 code is registered in the caller's districts, with
    /// the location's own name when its owner declared it in master data ("平山区乳业·一号冷库").
    /// </param>
    /// <param name="Products">The product name its owner declared for each GTIN the trace names (master data).</param>
    public sealed record View(string Start, TraceDirection Direction, int Hops, bool Truncated, IReadOnlyList<string> Identifiers, IReadOnlyList<Row> Events, IReadOnlyList<TraceEdge> Edges,
        IReadOnlyDictionary<string, string>? Places = null, IReadOnlyDictionary<string, string>? Products = null);

    public async Task<View> TraceAsync(string start, TraceDirection direction, CancellationToken ct)
    {
        var result = await TraceWalk.WalkAsync([start], direction, ids => LoadAsync(ids, ct));
        if (result.Events.Count == 0)
        {
            // The identifier is not echoed: a 404 must read the same whether or not another district holds it.
            throw ShianProblemException.NotFound("trace.nothing", "没有找到涉及该标识的追溯事件（或不在您的辖区）");
        }

        var names = (await directory.IdentitiesAsync([.. result.Events.Select(e => e.BusinessId).Distinct()], ct)).ToDictionary(b => b.Id, b => b.Name);
        var rows = result.Events.Select(e => new Row(
            e.EventId, e.Type, e.EventTimeUtc, Cbv.Term(e.BizStep), Cbv.Term(e.Disposition), e.BizLocation ?? e.ReadPoint, e.BusinessId, names.GetValueOrDefault(e.BusinessId), e.RegionCode,
            [.. e.Keys.Where(k => k.Kind is not (Domain.TraceKeyKind.Ilmd or Domain.TraceKeyKind.BizTransaction or Domain.TraceKeyKind.Source or Domain.TraceKeyKind.Destination)).Select(k => k.Value).Distinct()],
            [.. e.Keys.Where(k => k.Quantity is not null).Select(k => $"{k.Value} × {k.Quantity:0.###}{(k.Uom is null ? "" : " " + k.Uom)}")],
            [.. e.Keys.Where(k => k.Kind == Domain.TraceKeyKind.Destination).Select(k => k.Value)])).ToList();
        var glns = rows.SelectMany(r => r.Destinations.Append(r.Where)).Select(EventFacts.Gln).OfType<string>().Distinct().ToList();
        var heads = glns.Select(g => g[..6]).Distinct().ToList();
        var prefixes = await db.Gs1Prefixes.AsNoTracking().Where(p => heads.Contains(p.Prefix.Substring(0, 6))).Select(p => new { p.Prefix, p.BusinessName }).ToListAsync(ct);
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var gln in glns)
        {
            if (prefixes.Where(p => gln.StartsWith(p.Prefix, StringComparison.Ordinal)).OrderByDescending(p => p.Prefix.Length).FirstOrDefault() is { } owner)
            {
                places[gln] = owner.BusinessName;
            }
        }

        var gtins = rows.SelectMany(r => r.What).Select(EventFacts.Gtin).OfType<string>().Distinct().ToList();
        var (declared, products) = await masterData.NamesAsync(glns, gtins, ct);
        foreach (var (gln, name) in declared)
        {
            places[gln] = places.TryGetValue(gln, out var owner) && owner != name ? $"{owner}·{name}" : name;
        }

        return new View(start, direction, result.Hops, result.Truncated, result.Identifiers, rows, result.Edges, places, products);
    }

    /// <summary>
    /// The forward trace of a recalled lot across every district, with the names of the businesses that recorded its
    /// events and the owners of the GLNs it reached. Read past the region filter by name (reviewed: called only for a
    /// recall the caller may read; a recall's scope is every downstream party, wherever it is — 召回范围 is the whole chain).
    /// </summary>
    public async Task<(TraceResult Trace, IReadOnlyDictionary<Guid, string> Names, Func<string, GlnOwner?> OwnerOf)> ScopeTraceAsync(string lot, CancellationToken ct)
    {
        var result = await WalkEverywhereAsync(lot, TraceDirection.Forward, 12, 200_000, ct);
        var glns = result.Events.SelectMany(e => e.Keys.Where(k => k.Kind is Domain.TraceKeyKind.Source or Domain.TraceKeyKind.Destination).Select(k => k.Value).Append(e.BizLocation).Append(e.ReadPoint))
            .Select(EventFacts.Gln).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var heads = glns.Select(g => g[..6]).ToHashSet(StringComparer.Ordinal);
        var businesses = result.Events.Select(e => e.BusinessId).ToHashSet();
        var prefixes = new List<Domain.Gs1Prefix>();
        foreach (var chunk in heads.Chunk(200))
        {
            prefixes.AddRange(await db.Gs1Prefixes.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AsNoTracking().Where(p => chunk.Contains(p.Prefix.Substring(0, 6))).ToListAsync(ct));
        }

        foreach (var chunk in businesses.Chunk(200))
        {
            prefixes.AddRange(await db.Gs1Prefixes.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AsNoTracking().Where(p => chunk.Contains(p.BusinessId)).ToListAsync(ct));
        }

        var names = prefixes.GroupBy(p => p.BusinessId).ToDictionary(g => g.Key, g => g.First().BusinessName);
        var owners = glns.ToDictionary(g => g, g => prefixes.Where(p => g.StartsWith(p.Prefix, StringComparison.Ordinal)).OrderByDescending(p => p.Prefix.Length)
            .Select(p => new GlnOwner(p.BusinessId, p.BusinessName, p.RegionCode)).FirstOrDefault(), StringComparer.Ordinal);
        return (result, names, gln => owners.GetValueOrDefault(gln));
    }

    /// <summary>A walk across every district, for the reviewed callers only (a recall's scope, the public page of a lot).</summary>
    internal Task<TraceResult> WalkEverywhereAsync(string start, TraceDirection direction, int maxHops, int maxEvents, CancellationToken ct) =>
        TraceWalk.WalkAsync([start], direction, ids => LoadAsync(ids, ct, unscoped: true), maxHops, maxEvents);

    private async Task<IReadOnlyList<TraceEventRow>> LoadAsync(IReadOnlyCollection<string> ids, CancellationToken ct, bool unscoped = false)
    {
        var keysTable = unscoped ? db.TraceEventKeys.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]) : db.TraceEventKeys;
        var eventsTable = unscoped ? db.TraceEvents.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]) : db.TraceEvents;
        var pks = new HashSet<long>();
        foreach (var chunk in ids.Chunk(500))
        {
            pks.UnionWith(await keysTable.AsNoTracking().Where(k => chunk.Contains(k.Value)).Select(k => k.EventPk).ToListAsync(ct));
        }

        var rows = new List<TraceEventRow>();
        foreach (var chunk in pks.Chunk(500))
        {
            var events = await eventsTable.AsNoTracking().Where(e => chunk.Contains(e.Id))
                .Select(e => new { e.Id, e.EventId, e.Type, e.EventTimeUtc, e.Action, e.BizStep, e.Disposition, e.ReadPoint, e.BizLocation, e.RegionCode, e.BusinessId }).ToListAsync(ct);
            var keys = (await keysTable.AsNoTracking().Where(k => chunk.Contains(k.EventPk)).ToListAsync(ct)).ToLookup(k => k.EventPk);
            rows.AddRange(events.Select(e => new TraceEventRow(e.Id, e.EventId, e.Type, e.EventTimeUtc, e.Action, e.BizStep, e.Disposition, e.ReadPoint, e.BizLocation, e.RegionCode, e.BusinessId,
                [.. keys[e.Id].Select(k => new KeyFact(k.Kind, k.Value, k.Name, k.Quantity, k.Uom))])));
        }

        return rows;
    }

}
