using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Traceability.Contracts;
using Shian.Traceability.Rules;
using Shian.Web;

namespace Shian.Traceability.Pages;

/// <summary>
/// 追溯: from a lot (GTIN + batch), an EPC or a pallet, backward to the source or forward to where it went — a graph of
/// the identifiers and how they are linked (ECharts), and a table with who, what, where, when and how much.
/// </summary>
[Requires(TraceabilityPermissions.Read)]
public sealed class TraceModel(Traces traces) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }

    [BindProperty(SupportsGet = true)] public string? Gtin { get; set; }

    [BindProperty(SupportsGet = true)] public string? Lot { get; set; }

    [BindProperty(SupportsGet = true)] public string? Direction { get; set; }

    public Traces.View? Result { get; private set; }

    public string? Message { get; private set; }

    public string GraphJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var start = Id?.Trim();
        if (string.IsNullOrEmpty(start) && !string.IsNullOrWhiteSpace(Gtin))
        {
            if (Kernel.Identifiers.Gtin.Normalize(Gtin) is not { } g)
            {
                Message = "商品条码不是有效的 GTIN（8、12、13 或 14 位数字，末位校验码正确）";
                return;
            }

            if (string.IsNullOrWhiteSpace(Lot))
            {
                Message = "请填写批号";
                return;
            }

            start = EventFacts.LotId(g, Lot.Trim());
        }

        if (string.IsNullOrEmpty(start))
        {
            return;
        }

        var direction = Direction == "backward" ? TraceDirection.Backward : TraceDirection.Forward;
        try
        {
            Result = await traces.TraceAsync(start, direction, ct);
        }
        catch (ShianProblemException e)
        {
            Message = e.Message;
            return;
        }

        GraphJson = System.Text.Json.JsonSerializer.Serialize(Graph(Result, EventFacts.Id(start)));
    }

    /// <summary>
    /// The graph: the goods (lots, items, pallets) linked as the trace followed them, and the businesses and places that
    /// made, shipped and received them — who made a lot, and who shipped how much to whom.
    /// </summary>
    public static object Graph(Traces.View view, string start)
    {
        var places = view.Places ?? new Dictionary<string, string>();
        string Place(string? where, string? business) =>
            business ?? (EventFacts.Gln(where) is { } gln ? places.GetValueOrDefault(gln, "GLN " + gln) : where is null ? "—" : Short(where));
        string Destination(string d) => EventFacts.Gln(d) is { } gln ? places.GetValueOrDefault(gln, "GLN " + gln) : Short(d);

        var nodes = view.Identifiers.Select(i => new GraphNode(i, Goods(i, view.Products), Category(i), i == start)).ToList();
        var links = view.Edges.Select(e => new GraphLink(e.From, e.To, e.Relation)).ToList();
        foreach (var e in view.Events)
        {
            var who = Place(e.Where, e.Business);
            if (e.BizStep is "commissioning" or "creating_class_instance" || e.Type == "TransformationEvent")
            {
                foreach (var made in e.What.Where(view.Identifiers.Contains).Take(3))
                {
                    links.Add(new GraphLink("party:" + who, made, "生产"));
                }
            }

            foreach (var d in e.Destinations)
            {
                var to = Destination(d);
                if (to != who)
                {
                    links.Add(new GraphLink("party:" + who, "party:" + to, $"{RecallExport.Step(e.BizStep) ?? "发往"} {string.Join("；", e.Quantities.Select(q => q[(q.LastIndexOf('×') + 1)..].Trim()))}".Trim()));
                }
            }
        }

        foreach (var party in links.SelectMany(l => new[] { l.Source, l.Target }).Where(n => n.StartsWith("party:", StringComparison.Ordinal)).Distinct().ToList())
        {
            nodes.Add(new GraphNode(party, party["party:".Length..], 4, false));
        }

        return new { nodes, links = links.DistinctBy(l => (l.Source, l.Target, l.Label)).Select(l => new { source = l.Source, target = l.Target, label = l.Label }) };
    }

    private sealed record GraphNode(string id, string name, int category, bool start);

    private sealed record GraphLink(string Source, string Target, string Label);

    /// <summary>A place for the table: the business behind its GLN where known, else the GLN.</summary>
    public string Place(string? where) =>
        where is null ? "—" : EventFacts.Gln(where) is { } gln && Result?.Places?.GetValueOrDefault(gln) is { } name ? $"{name}（{gln}）" : Short(where);

    /// <summary>Goods for the table and the graph: the product's declared name before the short identifier, when its owner declared one.</summary>
    public static string Goods(string id, IReadOnlyDictionary<string, string>? products) =>
        EventFacts.Gtin(id) is { } gtin && products?.GetValueOrDefault(gtin) is { } name ? $"{name} {Short(id)}" : Short(id);

    public string Goods(string id) => Goods(id, Result?.Products);

    /// <summary>An identifier without the GS1 resolver domain: 01/06901234123456/10/L1.</summary>
    public static string Short(string id) => id.StartsWith("https://id.gs1.org/", StringComparison.Ordinal) ? id["https://id.gs1.org/".Length..] : id;

    /// <summary>批次, 单品, 物流单元 (SSCC) or 其他.</summary>
    public static int Category(string id) =>
        id.StartsWith("https://id.gs1.org/01/", StringComparison.Ordinal) && id.Contains("/10/", StringComparison.Ordinal) ? 0
        : id.StartsWith("https://id.gs1.org/01/", StringComparison.Ordinal) && id.Contains("/21/", StringComparison.Ordinal) ? 1
        : id.StartsWith("https://id.gs1.org/00/", StringComparison.Ordinal) ? 2
        : 3;
}
