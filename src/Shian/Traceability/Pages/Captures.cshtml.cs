using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Traceability.Contracts;
using Shian.Traceability.Domain;
using Shian.Web;

namespace Shian.Traceability.Pages;

/// <summary>
/// 追溯数据报送: who sends trace data. For a district, the businesses seed 000 expects to be traceable and which of
/// them sent nothing in the last 30 days (the records behind the capture-coverage indicator); the latest capture jobs
/// with what each stored, held or left out and why; the master data declared. A business sees its own jobs and master data.
/// </summary>
[Requires(TraceabilityPermissions.Read)]
public sealed class CapturesModel(ShianDb db, IBusinessDirectory directory, MasterData masterData, IOptions<ShianOptions> shian, TimeProvider clock) : PageModel
{
    public sealed record Job(TraceCapture Capture, string? Business, IReadOnlyList<string> Errors);

    public sealed record Silent(Guid Id, string Name, BusinessKind Kind, DateOnly? LastCapture);

    public IReadOnlyList<Job> Jobs { get; private set; } = [];

    public IReadOnlyList<TraceMasterData> Master { get; private set; } = [];

    /// <summary>The region looked at and its neighbours (parent, children) within the caller's.</summary>
    public IReadOnlyList<(string Code, string Name)> Around { get; private set; } = [];

    public string? RegionCodeShown { get; private set; }

    /// <summary>Counted only for a county or smaller (a city's districts are one click away).</summary>
    public bool Counted { get; private set; }

    public int Applicable { get; private set; }

    public int Capturing { get; private set; }

    public IReadOnlyList<Silent> NotCapturing { get; private set; } = [];

    public DateOnly Since { get; private set; }

    public bool IsBusiness => db.Request.Scope.Uscc is not null;

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        Since = today.AddDays(1 - TraceMeasures.CaptureWindowDays);
        if (!IsBusiness)
        {
            if (await RegionChoices.HomeOrNullAsync(Region, db, shian.Value, ct) is not { } region)
            {
                return NotFound();
            }

            RegionCodeShown = region;
            Around = await RegionChoices.AroundAsync(db, region, ct);
            if (RegionCode.LevelOf(region) is not (RegionLevel.Province or RegionLevel.City))
            {
                await CountAsync(region, ct);
            }
        }

        var jobs = await db.TraceCaptures.AsNoTracking().OrderByDescending(c => c.ReceivedAtUtc).Take(100).ToListAsync(ct);
        var names = (await directory.IdentitiesAsync([.. jobs.Select(j => j.BusinessId).Distinct()], ct)).ToDictionary(b => b.Id, b => b.Name);
        Jobs = [.. jobs.Select(j => new Job(j, names.GetValueOrDefault(j.BusinessId),
            j.ErrorsJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<string[]>(j.ErrorsJson) ?? []))];
        Master = await masterData.ListAsync(null, Q, null, 200, ct);
        return Page();
    }

    /// <summary>The district's businesses that should be traceable, and the last day each sent trace data (30-day window).</summary>
    private async Task CountAsync(string region, CancellationToken ct)
    {
        Counted = true;
        var prefix = RegionCode.Prefix(region);
        var start = ChinaTime.StartUtc(Since);
        var last = (await db.TraceCaptures.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix) && c.Stored > 0)
                .GroupBy(c => c.BusinessId).Select(g => new { g.Key, Last = g.Max(c => c.ReceivedAtUtc) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Last);
        var silent = new List<Silent>();
        await foreach (var b in directory.StreamAsync(region, ct))
        {
            if (b.Status != BusinessStatus.Operating || !RegistryLabels.ShouldBeTraceable(b.Kind))
            {
                continue;
            }

            Applicable++;
            var lastAt = last.TryGetValue(b.Id, out var at) ? at : (DateTime?)null;
            if (lastAt >= start)
            {
                Capturing++;
            }
            else
            {
                silent.Add(new Silent(b.Id, b.Name, b.Kind, lastAt is { } l ? ChinaTime.DateOfUtc(l) : null));
            }
        }

        NotCapturing = [.. silent.OrderBy(s => s.LastCapture.HasValue).ThenBy(s => s.LastCapture).ThenBy(s => s.Name, StringComparer.Ordinal).Take(200)];
    }
}
