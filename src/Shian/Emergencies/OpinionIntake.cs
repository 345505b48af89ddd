using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Inbox;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;

namespace Shian.Emergencies;

/// <summary>The generation of the register the cached matchers were built from: a change to the register starts a new one.</summary>
public sealed class OpinionMatcherGeneration
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Next() => Interlocked.Increment(ref _value);
}

/// <summary>A business registered or changed, a register imported: this instance's matchers are built again at their next use.</summary>
internal sealed class OpinionMatcherEvents(OpinionMatcherGeneration generation) : Kernel.Events.IDomainEventHandler<BusinessChanged>, Kernel.Events.IDomainEventHandler<RegisterImported>
{
    public Task HandleAsync(BusinessChanged domainEvent, CancellationToken ct)
    {
        generation.Next();
        return Task.CompletedTask;
    }

    public Task HandleAsync(RegisterImported domainEvent, CancellationToken ct)
    {
        generation.Next();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The matcher of a region: its register's names and its counties' and towns' names. Built from the register (through the
/// caller's region filter) and kept per region until the register changes (the register's change events start a new
/// generation) or for ten minutes at most — so a feed of a thousand items reads the register once. With several
/// instances, the event is handled on one: another instance matches a new business at its next build (ten minutes at most).
/// </summary>
public sealed class OpinionMatchers(ShianDb db, IBusinessDirectory directory, IMemoryCache cache, OpinionMatcherGeneration generation)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<OpinionMatcher> ForAsync(string regionCode, CancellationToken ct)
    {
        var prefix = RegionCode.Prefix(regionCode);
        var key = $"opinion-matcher:{generation.Value}:{prefix}";
        if (cache.TryGetValue<OpinionMatcher>(key, out var cached) && cached is not null)
        {
            return cached;
        }

        var names = new List<RegisterName>();
        await foreach (var b in directory.StreamAsync(regionCode, ct))
        {
            if (b.Status != BusinessStatus.Closed)
            {
                names.Add(new RegisterName(b.Id, b.Name, b.RegionCode));
            }
        }

        var places = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(prefix) && (r.Level == RegionLevel.County || r.Level == RegionLevel.Town))
            .Select(r => new PlaceName(r.Code, r.Name)).ToListAsync(ct);
        var matcher = new OpinionMatcher(names, places, JiebaWords.Instance);
        cache.Set(key, matcher, Lifetime);
        return matcher;
    }
}

/// <summary>
/// Every way 舆情 comes in ends here: the items are validated (all of a batch, before anything is written), copies of a
/// story already held are collapsed onto the first, the rest are matched to the register and places of the feed's region
/// and scored, and an item serious enough becomes an alert for the district it is about — with its 核实/回应 clock and a
/// notice to the district's officers. One transaction per batch.
/// </summary>
public sealed class OpinionIntake(ShianDb db, IOptions<EmergenciesOptions> options, TimeProvider clock, OpinionMatchers matchers, Notifier notifier,
    DistrictRecipients recipients)
{
    public sealed record Outcome(int Added, int Copies, int Alerts, int Unrelated, IReadOnlyList<Guid> ItemIds, IReadOnlyList<string> CopyTitles);

    public const int MaxBatch = 2000;

    private OpinionLimits Limits => options.Value.Opinion;

    /// <summary>
    /// Validates and stores a batch for a feed. <paramref name="label"/> names an item in messages (e.g. "第 {0} 行" for a
    /// workbook's rows, counting from its first data row).
    /// </summary>
    public async Task<Outcome> IngestAsync(OpinionFeed feed, IReadOnlyList<OpinionEntry> items, string label, string collectedBy, CancellationToken ct, int firstNumber = 1,
        DateTime? collectedAtUtc = null)
    {
        // The demo seeder back-dates its batches (collectedAtUtc); every feed collects now.
        var now = collectedAtUtc ?? clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        if (items.Count == 0)
        {
            errors["items"] = ["没有可导入的舆情条目"];
        }
        else if (items.Count > MaxBatch)
        {
            errors["items"] = [$"一次最多导入 {MaxBatch} 条，本次 {items.Count} 条：请分批"];
        }

        for (var i = 0; i < items.Count && errors.Count < 50; i++)
        {
            var it = items[i];
            var at = string.Format(System.Globalization.CultureInfo.InvariantCulture, label, i + firstNumber);
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(it.Title) && string.IsNullOrWhiteSpace(it.Body))
            {
                problems.Add("标题和正文不能都为空");
            }

            if (it.Title?.Trim().Length > 300)
            {
                problems.Add("标题不能超过 300 字");
            }

            if (it.Body?.Trim().Length > 20000)
            {
                problems.Add("正文不能超过 20000 字");
            }

            if (it.Source?.Trim().Length > 100 || it.Author?.Trim().Length > 100)
            {
                problems.Add("来源、作者不能超过 100 字");
            }

            if (!string.IsNullOrWhiteSpace(it.Url) && (it.Url.Trim().Length > 1000 || OpinionText.CanonicalUrl(it.Url) is null))
            {
                problems.Add("链接应为 http(s) 开头的网址（不超过 1000 字符）");
            }

            if (it.PublishedAt is { } p && p.UtcDateTime > now.AddDays(1))
            {
                problems.Add("发布时间不能晚于今天");
            }

            if (problems.Count > 0)
            {
                errors[$"items[{i}]"] = [$"{at}：{string.Join("；", problems)}"];
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("opinion.items-invalid", "舆情条目有误，未导入任何一条：请按提示修改后重新提交", errors);
        }

        var matcher = await matchers.ForAsync(feed.RegionCode, ct);
        var since = now.AddDays(-Limits.CopyWindowDays);
        var prepared = items.Select(it =>
        {
            var title = Clean(it.Title) ?? Truncate(Clean(it.Body)!, 60);
            var body = Clean(it.Body) ?? title;
            return (It: it, Title: title, Body: body, Hash: OpinionText.ContentHash(title, body), Sim: OpinionText.SimHash(JiebaWords.Instance.Cut(title + "\n" + body)),
                Url: OpinionText.CanonicalUrl(it.Url));
        }).ToList();
        var hashes = prepared.Select(p => p.Hash).Distinct().ToList();
        var urls = prepared.Where(p => p.Url is not null).Select(p => p.Url!).Distinct().ToList();

        // Earlier originals: the same text or page at any time, or a near copy within the window (the region filter keeps each region's own).
        var known = await db.OpinionItems.Where(x => x.CopyOfId == null && (hashes.Contains(x.ContentHash) || (x.CanonicalUrl != null && urls.Contains(x.CanonicalUrl)) || x.CollectedAtUtc >= since))
            .ToListAsync(ct);
        var originals = known.ToList();

        // Each original's normalised text, computed once per batch (every incoming item is compared with every original).
        var normalisedBodies = new Dictionary<Guid, string>();
        string NormalisedBody(OpinionItem o)
        {
            if (!normalisedBodies.TryGetValue(o.Id, out var text))
            {
                text = OpinionText.Normalise(o.Body);
                normalisedBodies[o.Id] = text;
            }

            return text;
        }

        var outcome = (Added: 0, Copies: 0, Alerts: 0, Unrelated: 0);
        var ids = new List<Guid>();
        var copyTitles = new List<string>();
        var alerts = new List<OpinionAlert>();
        foreach (var p in prepared)
        {
            var match = matcher.Match(p.Title + "\n" + p.Body);
            var best = match.Businesses.OrderByDescending(b => b.Confidence).FirstOrDefault();
            var matchedRegion = best?.RegionCode ?? match.RegionCodes.OrderByDescending(c => RegionCode.SignificantLength(c)).FirstOrDefault() ?? feed.RegionCode;

            // The same page or text is a copy; a near copy (SimHash) only when it names the same business and place — a
            // templated story about another business is another story (measured on the labelled set: docs/rules.md).
            // A repost quoting the whole story is a copy too (SimHash of a short text moves with a line added).
            var normalised = OpinionText.Normalise(p.Body);
            var first = originals.FirstOrDefault(o => (p.Url is not null && o.CanonicalUrl == p.Url) || o.ContentHash == p.Hash
                || OpinionText.Quotes(normalised, NormalisedBody(o))
                || (OpinionText.IsCopy(o.ContentHash, o.SimHash, p.Hash, p.Sim, Limits.NearCopyBits) && o.BusinessId == best?.Id && o.RegionCode == matchedRegion));
            var region = first?.RegionCode ?? matchedRegion;
            var item = new OpinionItem
            {
                RegionCode = region, FeedId = feed.Id, Source = Clean(p.It.Source) ?? feed.Name, Url = Clean(p.It.Url), CanonicalUrl = p.Url, Title = p.Title, Body = p.Body,
                Author = Clean(p.It.Author), PublishedAtUtc = p.It.PublishedAt?.UtcDateTime, CollectedAtUtc = now, ContentHash = p.Hash, SimHash = p.Sim, CopyOfId = first?.Id,
                Severity = first?.Severity ?? match.Severity, Topics = first?.Topics ?? Truncate(string.Join("、", match.Topics), 200),
                BusinessId = first?.BusinessId ?? best?.Id, BusinessName = first?.BusinessName ?? best?.Name, CollectedBy = collectedBy,
            };
            db.OpinionItems.Add(item);
            ids.Add(item.Id);
            if (first is not null)
            {
                first.Copies++;
                outcome.Copies++;
                copyTitles.Add(p.Title);
                continue;
            }

            outcome.Added++;
            originals.Add(item);
            foreach (var b in match.Businesses.DistinctBy(b => b.Id))
            {
                db.OpinionItemBusinesses.Add(new OpinionItemBusiness
                {
                    ItemId = item.Id, BusinessId = b.Id, BusinessName = Truncate(b.Name, 200), RegionCode = b.RegionCode, Confidence = b.Confidence, Alias = Truncate(b.Alias, 200),
                });
            }

            if (item.Severity == OpinionSeverity.None)
            {
                outcome.Unrelated++;
            }
            else if (item.Severity >= Limits.AlertFrom)
            {
                alerts.Add(OpinionDesk.NewAlert(db, item, "system", now, Limits));
                outcome.Alerts++;

                // A story naming businesses of other districts alerts each of them too, for its own business (at most 5 districts).
                var county = RegionCode.CountyOf(item.RegionCode) ?? item.RegionCode;
                foreach (var other in match.Businesses.Where(b => (RegionCode.CountyOf(b.RegionCode) ?? b.RegionCode) != county)
                             .GroupBy(b => RegionCode.CountyOf(b.RegionCode) ?? b.RegionCode).Select(g => g.OrderByDescending(b => b.Confidence).First()).Take(4))
                {
                    alerts.Add(OpinionDesk.NewAlert(db, item, "system", now, Limits, other));
                    outcome.Alerts++;
                }
            }
        }

        feed.LastRunAtUtc = now;
        feed.LastResult = $"新增 {outcome.Added} 条，转载/重复 {outcome.Copies} 条，生成预警 {outcome.Alerts} 条";
        foreach (var a in alerts)
        {
            notifier.Notify(await recipients.ForAsync(a.RegionCode, ct), $"舆情预警：{a.Title}",
                $"{OpinionDesk.SeverityLabel(a.Severity)} · 核实时限 {Incidents.Beijing(a.VerifyDueUtc):MM-dd HH:mm}", $"/opinion/alerts/{a.Id}");
        }

        await db.SaveChangesAsync(ct);
        return new Outcome(outcome.Added, outcome.Copies, outcome.Alerts, outcome.Unrelated, ids, copyTitles);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}
