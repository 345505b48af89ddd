using Microsoft.EntityFrameworkCore;
using QRCoder;
using Shian.Data;
using Shian.Kernel.Public;
using Shian.Kernel.Scoping;
using Shian.Sampling.Contracts;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>
/// What traceability publishes without sign-in: the recalls the office has published (召回公告), and the consumer's
/// 追溯码 page of a lot — where it came from and what was done to it (business, step, place, date: no quantities or
/// documents), its published test results and any published recall. Read past the region filter by name (reviewed:
/// published recalls only; a lot's events are shown as business, step and date).
/// </summary>
public sealed class PublicTrace(ShianDb db, Traces traces, ILotResults lotResults)
{
    public sealed record LotStep(DateTime EventTimeUtc, string Step, string Business, string? Place, string? What);

    public sealed record LotView(string Gtin, string Lot, string? Product, IReadOnlyList<LotStep> Steps, IReadOnlyList<PublishedLotResult> Tests, IReadOnlyList<Recall> Recalls);

    public async Task<IReadOnlyList<Recall>> PublishedAsync(int take, CancellationToken ct) =>
        await Published().OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Number).Take(take).ToListAsync(ct);

    public async Task<Recall?> PublishedOneAsync(Guid id, CancellationToken ct) => await Published().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>A business's published recalls, newest first (its public page).</summary>
    public async Task<IReadOnlyList<Recall>> PublishedOfBusinessAsync(Guid businessId, int take, CancellationToken ct) =>
        await Published().Where(r => r.BusinessId == businessId).OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Number).Take(take).ToListAsync(ct);

    public async Task<LotView> LotAsync(string gtin, string lot, CancellationToken ct)
    {
        var lotId = EventFacts.LotId(gtin, lot);
        var trace = await traces.WalkEverywhereAsync(lotId, TraceDirection.Backward, 6, 500, ct);
        var businesses = trace.Events.Select(e => e.BusinessId).Distinct().ToList();
        var glnHeads = trace.Events.Select(e => EventFacts.Gln(e.BizLocation ?? e.ReadPoint)).OfType<string>().Select(g => g[..6]).Distinct().ToList();
        var prefixes = await db.Gs1Prefixes.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(p => businesses.Contains(p.BusinessId) || glnHeads.Contains(p.Prefix.Substring(0, 6))).ToListAsync(ct);
        var names = prefixes.GroupBy(p => p.BusinessId).ToDictionary(g => g.Key, g => g.First().BusinessName);
        // The names the owners declared (master data): a place's own name beside its owner's, and the product's name.
        var glns = trace.Events.Select(e => EventFacts.Gln(e.BizLocation ?? e.ReadPoint)).OfType<string>().Distinct().ToList();
        var declared = await db.TraceMasterData.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(m => m.Gs1Key != null && m.Name != null && ((m.Kind == MasterDataKind.Product && m.Gs1Key == gtin) || (m.Kind == MasterDataKind.Location && glns.Contains(m.Gs1Key))))
            .Select(m => new { m.Kind, m.Gs1Key, m.Name }).ToListAsync(ct);
        var product = declared.FirstOrDefault(m => m.Kind == MasterDataKind.Product)?.Name;
        var locations = declared.Where(m => m.Kind == MasterDataKind.Location).GroupBy(m => m.Gs1Key!).ToDictionary(g => g.Key, g => g.First().Name!, StringComparer.Ordinal);
        // A place at the recording business's own GLN reads by its own name ("生产车间"); elsewhere by its owner, and its name.
        string? PlaceOf(string? where, string business)
        {
            if (EventFacts.Gln(where) is not { } gln)
            {
                return null;
            }

            var owner = prefixes.Where(p => gln.StartsWith(p.Prefix, StringComparison.Ordinal)).OrderByDescending(p => p.Prefix.Length).Select(p => p.BusinessName).FirstOrDefault();
            return locations.GetValueOrDefault(gln) is not { } name ? owner : owner is null || owner == business ? name : $"{owner}·{name}";
        }

        var steps = trace.Events
            .Where(e => e.BizStep is not null && !e.BizStep.EndsWith("-sensor_reporting", StringComparison.Ordinal))
            .Select(e => (Event: e, Business: names.GetValueOrDefault(e.BusinessId) ?? "（未登记的企业）"))
            .Select(x => (x.Event, x.Business, Place: PlaceOf(x.Event.BizLocation ?? x.Event.ReadPoint, x.Business)))
            .Select(x => new LotStep(x.Event.EventTimeUtc, RecallExport.StepOf(x.Event.Type, Cbv.Term(x.Event.BizStep)) ?? "记录", x.Business, x.Place,
                x.Event.Type == "TransformationEvent" ? "加工" : null))
            .ToList();
        var tests = await lotResults.PublishedAsync(gtin, lot, ct);
        var recalls = await Published().Where(r => r.Gtin == gtin && r.Lot == lot).ToListAsync(ct);
        return new LotView(gtin, lot, product ?? tests.FirstOrDefault()?.ProductName ?? recalls.FirstOrDefault()?.ProductName, steps, tests, recalls);
    }

    /// <summary>The lot's GS1 Digital Link on this platform (the QR code's content): a phone that scans it opens the 追溯码 page.</summary>
    public static string DigitalLink(string origin, string gtin, string lot) => $"{origin.TrimEnd('/')}/01/{gtin}/10/{Uri.EscapeDataString(lot)}";

    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(200, 200), "#000000", "#ffffff", drawQuietZones: true);
    }

    private IQueryable<Recall> Published() => db.Recalls.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(r => r.PublishedOn != null);

}

/// <summary>On the public home: the latest published recalls.</summary>
internal sealed class RecallPublicSection(PublicTrace service) : IPublicSection
{
    public int Order => 35;

    public string TitleKey => "Recall.PublicTitle";

    public string DescriptionKey => "Recall.PublicIntro";

    public string Href => "/public/recalls";

    public async Task<IReadOnlyList<PublicItem>> LatestAsync(int take, CancellationToken ct) =>
        [.. (await service.PublishedAsync(take, ct)).Select(r => new PublicItem($"{r.BusinessName} {r.ProductName}", $"/public/recalls/{r.Id}", r.PublishedOn, r.RegionCode,
            r.Level is RecallLevel l ? RecallClock.Label(l) : null))];
}

/// <summary>A business's published recalls on its public page (through <see cref="PublicTrace"/>: published ones only).</summary>
internal sealed class PublicBusinessRecalls(PublicTrace service) : Registry.Contracts.IPublicBusinessSection
{
    public sealed record Item(Guid Id, string ProductName, string? Lot, string? Level, string Status, DateOnly PublishedOn);

    public sealed record Model(IReadOnlyList<Item> Recalls);

    public int Order => 40;

    public string Key => "recalls";

    public string PartialView => "/Traceability/Pages/Shared/_PublicRecalls.cshtml";

    public async Task<object?> LoadAsync(Registry.Contracts.PublicBusiness business, CancellationToken ct) =>
        await service.PublishedOfBusinessAsync(business.Id, 10, ct) is { Count: > 0 } recalls
            ? new Model([.. recalls.Select(r => new Item(r.Id, r.ProductName, r.Lot, r.Level is RecallLevel l ? RecallClock.Label(l) : null, RecallClock.Label(r.Status), r.PublishedOn!.Value))])
            : null;
}
