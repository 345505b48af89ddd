using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Inspections.Demo;

/// <summary>
/// Demo inspection results (Demo:Inspections, Development only) over the demo register of 溪湖区, recorded through the
/// checklist path over the last 80 days: most 符合, some 基本符合 (a general item failed, rectification ordered), reviewed
/// and published within the office's 7-day target except the last few days' — so the public business pages, the
/// publication queue, its days-to-publish figures and coverage have something to show. The demo business
/// (business@210503) has a 基本符合 result with its rectification still open, which its 我的企业 asks it to report on.
/// No 不符合 results: those raise case clues, which the enforcement demo generates itself.
/// </summary>
internal sealed partial class InspectionsDemoSeeder(ShianDb db, IOptions<DemoOptions> demo, IBusinessDirectory directory, Checks checks, ChecklistBook checklists, TimeProvider clock,
    ILogger<InspectionsDemoSeeder> logger) : IDemoDataSeeder
{
    private const int Seed = 2611;

    public async Task SeedAsync(CancellationToken ct)
    {
        var count = demo.Value.Inspections;
        if (count <= 0 || await db.InspectionRecords.AnyAsync(ct))
        {
            return;
        }

        var businesses = new List<BusinessFacts>();
        await foreach (var b in directory.StreamAsync("210503000000", ct))
        {
            if (b.Status == BusinessStatus.Operating)
            {
                businesses.Add(b);
            }
        }

        var own = (await directory.WithUsccAsync(DemoAccounts.DemoBusinessUscc, ct)).FirstOrDefault();
        if (businesses.Count == 0)
        {
            return;
        }

        var rng = new Random(Seed);
        var today = ChinaTime.Today(clock);
        var picked = businesses.Where(b => b.Id != own?.Id).OrderBy(_ => rng.Next()).Take(count).ToList();
        var published = new List<(Guid Id, DateOnly On)>();
        foreach (var (b, i) in picked.Select((b, i) => (b, i)))
        {
            var on = today.AddDays(-rng.Next(1, 80));
            var record = await RecordAsync(b, on, basic: i % 4 == 1, "现场检查未发现明显问题。", ct);
            if (on <= today.AddDays(-5))
            {
                published.Add((record, on.AddDays(rng.Next(1, 8))));
            }
        }

        if (own is not null && businesses.FirstOrDefault(b => b.Id == own.Id) is { } demoBusiness)
        {
            var on = today.AddDays(-12);
            published.Add((await RecordAsync(demoBusiness, on, basic: true, "后厨地面积水，排水沟盖板缺失；已责令限期整改。", ct), on.AddDays(3)));
        }

        // Reviewed and published on the day drawn (the officer of the district), not "now": the days-to-publish figures are real.
        var ids = published.Select(p => p.Id).ToList();
        var records = await db.InspectionRecords.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var (id, day) in published)
        {
            records[id].PublishedAtUtc = day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
            records[id].PublishedBy = "officer@210503";
        }

        await db.SaveChangesAsync(ct);
        LogSeeded(logger, picked.Count + (own is null ? 0 : 1), published.Count);
    }

    private async Task<Guid> RecordAsync(BusinessFacts b, DateOnly on, bool basic, string findings, CancellationToken ct)
    {
        var checklist = await checklists.ForAsync(b.Kind, on, ct);
        var answers = checklist.Items.ToDictionary(i => i.Code, _ => Rules.ItemResult.Yes);
        if (basic && checklist.Items.FirstOrDefault(i => !i.Key) is { } general)
        {
            answers[general.Code] = Rules.ItemResult.No;
        }

        var (record, _) = await checks.RecordAsync(new Checks.CheckRequest(Guid.CreateVersion7(), b.Id, null, on, answers, basic ? findings : "现场检查未发现明显问题。",
            ["inspector@210503", "officer@210503"], null, null), ct);
        return record.Id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo inspections: {Count} results recorded in 溪湖区, {Published} published")]
    private static partial void LogSeeded(ILogger logger, int count, int published);
}
