using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;

namespace Shian.Registry;

/// <summary>
/// The regulator's own designations of a business on its public page: its 餐饮服务食品安全量化分级 (the yearly grade A/B/C
/// the 量化分级管理指导意见 has posted at the door — 优秀/良好/一般) and a 放心示范店/阳光厨房 title, in force today and
/// confirmed by an officer (a business never sets these itself, <see cref="DutyRules.IsRegulatorDesignation"/>). A
/// province that does not publish the grade turns it off (<c>Registry:Public:ShowRating</c> false). Reviewed: reads past
/// the region filter by business id, these two kinds only.
/// </summary>
internal sealed class PublicBusinessRating(ShianDb db, TimeProvider clock, IConfiguration configuration) : IPublicBusinessSection
{
    /// <param name="Grade">A, B or C; <paramref name="Meaning"/> 优秀, 良好 or 一般.</param>
    public sealed record Rating(string Grade, string Meaning, DateOnly Since, DateOnly? Until);

    public sealed record Title(string Name, DateOnly Since, DateOnly? Until);

    public sealed record Model(Rating? Rating, IReadOnlyList<Title> Titles);

    public static string Meaning(string grade) => grade switch { "A" => "优秀", "B" => "良好", _ => "一般" };

    public int Order => 5;

    public string Key => "rating";

    public string PartialView => "/Registry/Pages/Shared/_PublicRating.cshtml";

    public async Task<object?> LoadAsync(PublicBusiness business, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var showRating = configuration.GetValue("Registry:Public:ShowRating", true);
        var rows = await db.Duties.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(d => d.BusinessId == business.Id && (d.Kind == DutyKind.QuantifiedRating || d.Kind == DutyKind.ModelStore)
                && d.ConfirmedBy != null && d.DeclinedReason == null && d.Since <= today && (d.Until == null || d.Until >= today))
            .OrderByDescending(d => d.Since).ThenByDescending(d => d.RecordedAtUtc).ToListAsync(ct);
        var rating = showRating ? rows.FirstOrDefault(d => d.Kind == DutyKind.QuantifiedRating && d.Value is "A" or "B" or "C") : null;
        var titles = rows.Where(d => d.Kind == DutyKind.ModelStore).Select(d => new Title(string.IsNullOrWhiteSpace(d.Value) ? "放心示范店" : d.Value, d.Since, d.Until)).ToList();
        return rating is null && titles.Count == 0 ? null
            : new Model(rating is null ? null : new Rating(rating.Value!, Meaning(rating.Value!), rating.Since, rating.Until), titles);
    }
}
