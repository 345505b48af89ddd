using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shian.Credit.Domain;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Public;
using Shian.Kernel.Scoping;

namespace Shian.Credit;

/// <summary>
/// What credit publishes without sign-in: the penalties now in their publication period (行政处罚信息公示, Order 45: the
/// 信息摘要, a natural person's name masked) and the serious-dishonesty list as it stands today (Order 44), as pages and as
/// CSV (open data). Reviewed: reads past the region filter, current publications and current listings only.
/// </summary>
public sealed class CreditPublic(ShianDb db, TimeProvider clock)
{
    public const int PageSize = 20;

    public sealed record PenaltyRow(Guid? BusinessId, string Party, string DecisionNumber, DateOnly DecidedOn, string Violation, string Content, DateOnly ShowUntil, string Authority);

    public sealed record ListingRow(Guid? BusinessId, string Party, string? Uscc, string Ground, DateOnly ListedOn, DateOnly ExpiresOn, string DecisionNumber, string Authority);

    public sealed record PenaltyPage(IReadOnlyList<PenaltyRow> Rows, int Total, int Number);

    private DateOnly Today => ChinaTime.Today(clock);

    public async Task<PenaltyPage> PenaltiesAsync(string? q, int page, int size, CancellationToken ct)
    {
        var today = Today;
        var query = db.Publications.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(p => p.Status == PublicationStatus.Published && p.ShowUntil >= today);
        var text = q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            // A natural person is found by the decision number only: the public sees the name masked.
            query = query.Where(p => p.DecisionNumber.Contains(text) || (!p.PartyIsPerson && p.Party.Contains(text)));
        }

        var total = await query.CountAsync(ct);
        var number = Math.Clamp(page, 1, Math.Max(1, (total + size - 1) / size));
        var rows = await query.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.DecidedOn).ThenBy(p => p.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var names = await Authorities.NamesAsync(db, rows.Select(r => r.RegionCode), ct);
        return new PenaltyPage([.. rows.Select(p => new PenaltyRow(p.PartyIsPerson ? null : p.BusinessId, Publications.PublicParty(p), p.DecisionNumber, p.DecidedOn, p.Violation, p.Content,
            p.ShowUntil!.Value, names[p.RegionCode]))], total, number);
    }

    public async Task<IReadOnlyList<ListingRow>> ListedAsync(CancellationToken ct)
    {
        var today = Today;
        var rows = await db.Listings.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(l => l.Status == ListingStatus.Listed && l.ListedOn <= today && l.ExpiresOn >= today).OrderByDescending(l => l.ListedOn).ThenBy(l => l.Party).Take(1000).ToListAsync(ct);
        var names = await Authorities.NamesAsync(db, rows.Select(r => r.RegionCode), ct);
        return [.. rows.Select(l => new ListingRow(l.BusinessId, l.Party, l.Uscc, Listings.GroundText(l.Ground ?? ListingGround.Other), l.ListedOn!.Value, l.ExpiresOn!.Value, l.DecisionNumber, names[l.RegionCode]))];
    }

    public static Kernel.Documents.Sheet PenaltiesSheet(IEnumerable<PenaltyRow> rows) => new(
        ["当事人", "决定文书号", "违法行为", "处罚内容", "决定日期", "决定机关", "公示截止日期"],
        [.. rows.Select(r => new[] { r.Party, r.DecisionNumber, r.Violation, r.Content, Date(r.DecidedOn), r.Authority, Date(r.ShowUntil) })]);

    public static Kernel.Documents.Sheet ListingsSheet(IEnumerable<ListingRow> rows) => new(
        ["当事人", "统一社会信用代码", "列入情形", "列入日期", "届满日期", "决定文书号", "列入机关"],
        [.. rows.Select(r => new[] { r.Party, r.Uscc ?? "", r.Ground, Date(r.ListedOn), Date(r.ExpiresOn), r.DecisionNumber, r.Authority })]);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>On the public home: the penalties now published.</summary>
internal sealed class PenaltiesPublicSection(CreditPublic service) : IPublicSection
{
    public int Order => 36;

    public string TitleKey => "PublicCredit.Penalties";

    public string DescriptionKey => "PublicCredit.PenaltiesIntro";

    public string Href => "/public/penalties";

    public async Task<IReadOnlyList<PublicItem>> LatestAsync(int take, CancellationToken ct) =>
        [.. (await service.PenaltiesAsync(null, 1, take, ct)).Rows.Select(p => new PublicItem($"{p.Party} {p.DecisionNumber}", "/public/penalties?q=" + Uri.EscapeDataString(p.DecisionNumber), p.DecidedOn))];
}

/// <summary>On the public home: the serious-dishonesty list.</summary>
internal sealed class ListingsPublicSection(CreditPublic service) : IPublicSection
{
    public int Order => 37;

    public string TitleKey => "PublicCredit.Listings";

    public string DescriptionKey => "PublicCredit.ListingsIntro";

    public string Href => "/public/dishonest";

    public async Task<IReadOnlyList<PublicItem>> LatestAsync(int take, CancellationToken ct) =>
        [.. (await service.ListedAsync(ct)).Take(take).Select(l => new PublicItem(l.Party, "/public/dishonest", l.ListedOn))];
}
