using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;
using Shian.Inspections.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;

namespace Shian.Inspections;

/// <summary>
/// A business's published inspection results on its public page: the date of the last one, each result in plain words
/// (合格/基本符合/不符合) with what was found as the checklist's own wording (no codes, no inspectors, no free-text
/// findings), the rectification and its check, and the business's reviewed replies with the office's conclusion.
/// Reviewed: reads past the region filter by business id, published records and reviewed replies only.
/// </summary>
internal sealed class PublicBusinessInspections(ShianDb db, ChecklistBook checklists) : IPublicBusinessSection
{
    public sealed record Reply(string Text, ReplyStatus Status, DateOnly SubmittedOn, string? Note);

    public sealed record Result(Guid Id, DateOnly InspectedOn, InspectionResult Outcome, IReadOnlyList<string> Found, DateOnly? RectifyBy, bool? Rectified,
        DateOnly? RectificationCheckedOn, IReadOnlyList<Reply> Replies);

    public sealed record Model(DateOnly? LastInspected, IReadOnlyList<Result> Results);

    public int Order => 10;

    public string Key => "inspections";

    public string PartialView => "/Inspections/Pages/Shared/_PublicInspections.cshtml";

    public async Task<object?> LoadAsync(PublicBusiness business, CancellationToken ct) => await ResultsAsync(business.Id, 10, ct);

    public async Task<Model> ResultsAsync(Guid businessId, int take, CancellationToken ct)
    {
        var records = await db.InspectionRecords.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(r => r.BusinessId == businessId && r.PublishedAtUtc != null).OrderByDescending(r => r.InspectedOn).ThenByDescending(r => r.Id).Take(take)
            .Select(r => new { r.Id, r.InspectedOn, r.Result, r.ChecklistCode, r.AnswersJson, r.RectifyBy, r.Rectified, r.RectificationCheckedOn }).ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var replies = (await db.InspectionReplies.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(x => ids.Contains(x.RecordId) && x.Status != ReplyStatus.Submitted).OrderBy(x => x.SubmittedAtUtc)
            .Select(x => new { x.RecordId, x.Text, x.Status, x.SubmittedAtUtc, x.ReviewNote }).ToListAsync(ct)).ToLookup(x => x.RecordId);
        var lists = new Dictionary<string, Checklist?>();
        foreach (var code in records.Select(r => r.ChecklistCode).Distinct())
        {
            lists[code] = await checklists.ByCodeAsync(code, ct);
        }

        var results = records.Select(r =>
        {
            var answers = JsonSerializer.Deserialize<Dictionary<string, ItemResult>>(r.AnswersJson, JsonSerializerOptions.Web) ?? [];
            var found = lists[r.ChecklistCode]?.Items.Where(i => answers.GetValueOrDefault(i.Code) == ItemResult.No).Select(i => i.Text).ToList() ?? [];
            return new Result(r.Id, r.InspectedOn, r.Result, found, r.RectifyBy, r.Rectified, r.RectificationCheckedOn,
                [.. replies[r.Id].Select(x => new Reply(x.Text, x.Status, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(x.SubmittedAtUtc, ChinaTime.Zone)), x.ReviewNote))]);
        }).ToList();
        return new Model(results.FirstOrDefault()?.InspectedOn, results);
    }
}
