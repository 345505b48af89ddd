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

        var nodes = Result.Identifiers.Select(i => new { id = i, name = Short(i), category = Category(i), start = i == EventFacts.Id(start) }).ToList();
        var links = Result.Edges.Select(e => new { source = e.From, target = e.To, label = e.Relation }).DistinctBy(l => (l.source, l.target)).ToList();
        GraphJson = System.Text.Json.JsonSerializer.Serialize(new { nodes, links });
    }

    /// <summary>An identifier without the GS1 resolver domain: 01/06901234123456/10/L1.</summary>
    public static string Short(string id) => id.StartsWith("https://id.gs1.org/", StringComparison.Ordinal) ? id["https://id.gs1.org/".Length..] : id;

    /// <summary>批次, 单品, 物流单元 (SSCC) or 其他.</summary>
    public static int Category(string id) =>
        id.StartsWith("https://id.gs1.org/01/", StringComparison.Ordinal) && id.Contains("/10/", StringComparison.Ordinal) ? 0
        : id.StartsWith("https://id.gs1.org/01/", StringComparison.Ordinal) && id.Contains("/21/", StringComparison.Ordinal) ? 1
        : id.StartsWith("https://id.gs1.org/00/", StringComparison.Ordinal) ? 2
        : 3;
}
