using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shian.Data;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Reference;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;

namespace Shian.Emergencies;

/// <summary>
/// The feeds of 舆情: RSS/Atom sources fetched on a schedule, monitoring-service workbooks uploaded, items entered by
/// hand, and vendors' pushes with a key bound to one feed (and so to its region). Each ends in <see cref="OpinionIntake"/>.
/// </summary>
public sealed class OpinionFeeds(ShianDb db, OpinionIntake intake, IHttpClientFactory http, TimeProvider clock, IActOnBehalf acting)
{
    public const string HttpClientName = "opinion-feeds";

    public const int MaxFeedBytes = 5 * 1024 * 1024;

    public sealed record Created(OpinionFeed Feed, string? Key);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public async Task<Created> CreateAsync(OpinionFeedKind kind, string? regionCode, string? name, string? url, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var n = name?.Trim();
        if (!Enum.IsDefined(kind))
        {
            errors["kind"] = ["请选择来源类型"];
        }

        if (string.IsNullOrEmpty(n) || n.Length > 100)
        {
            errors["name"] = ["请填写来源名称（不超过 100 字），如“某某舆情监测服务”“市政府网站新闻”"];
        }

        var u = url?.Trim();
        if (kind == OpinionFeedKind.Rss && (u is null || u.Length > 1000 || OpinionText.CanonicalUrl(u) is null))
        {
            errors["url"] = ["请填写 RSS/Atom 订阅地址（http 或 https 开头）"];
        }

        var region = await CheckRegionAsync(regionCode, errors, ct);
        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("opinion.feed-invalid", "舆情来源有误，请按提示修改", errors);
        }

        string? key = null;
        var feed = new OpinionFeed
        {
            RegionCode = region!, Name = n!, Kind = kind, Url = kind == OpinionFeedKind.Rss ? u : null, CreatedBy = db.Request.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (kind == OpinionFeedKind.Push)
        {
            key = "op_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            feed.KeyPrefix = key[..10];
            feed.KeyHash = Hash(key);
        }

        db.OpinionFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return new Created(feed, key);
    }

    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var feed = await db.OpinionFeeds.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw NotFound();
        feed.Active = active;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An item entered by hand, to the region's 人工录入 feed.</summary>
    public async Task<OpinionIntake.Outcome> EnterAsync(string? regionCode, OpinionEntry entry, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var region = await CheckRegionAsync(regionCode, errors, ct);
        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("opinion.items-invalid", "舆情条目有误", errors);
        }

        var feed = await FeedAsync(region!, OpinionFeedKind.Manual, "人工录入", ct);
        return await intake.IngestAsync(feed, [entry], "本条", db.Request.UserName, ct);
    }

    /// <summary>A monitoring service's export (.xlsx) or a saved RSS/Atom document (.xml), all rows or none.</summary>
    public async Task<OpinionIntake.Outcome> UploadAsync(string? regionCode, string? sourceName, string fileName, byte[] content, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var region = await CheckRegionAsync(regionCode, errors, ct);
        var name = string.IsNullOrWhiteSpace(sourceName) ? "舆情监测服务导出" : sourceName.Trim();
        if (name.Length > 100)
        {
            errors["source"] = ["来源名称不能超过 100 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("opinion.upload-invalid", "上传内容有误", errors);
        }

        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        IReadOnlyList<OpinionEntry> entries;
        var label = "第 {0} 行";
        var first = 2;
        if (ext == ".xml" || ext == ".rss" || ext == ".atom")
        {
            using var stream = new MemoryStream(content, writable: false);
            entries = ReadSyndication(stream, name);
            label = "第 {0} 条";
            first = 1;
        }
        else if (ext == ".xlsx")
        {
            entries = ReadWorkbook(content);
        }
        else
        {
            throw ShianProblemException.Invalid("opinion.upload-type", "请上传舆情监测服务导出的 .xlsx，或 RSS/Atom 文档（.xml）",
                new Dictionary<string, string[]> { ["file"] = ["文件类型应为 .xlsx 或 .xml"] });
        }

        var feed = await FeedAsync(region!, ext == ".xlsx" ? OpinionFeedKind.Workbook : OpinionFeedKind.Rss, name, ct);
        return await intake.IngestAsync(feed, entries, label, db.Request.UserName, ct, first);
    }

    /// <summary>A vendor's push: the key names the feed (and its region); the items are taken as the feed's, all or none.</summary>
    public async Task<OpinionIntake.Outcome> PushAsync(string? key, IReadOnlyList<OpinionEntry> entries, CancellationToken ct)
    {
        acting.ActFor(RegionScope.System, "opinion-push");
        var hash = string.IsNullOrWhiteSpace(key) ? null : Hash(key);
        var feed = hash is null ? null : await db.OpinionFeeds.FirstOrDefaultAsync(f => f.KeyHash == hash && f.Kind == OpinionFeedKind.Push, ct);
        if (feed is null || !feed.Active)
        {
            throw new ShianProblemException(StatusCodes.Status401Unauthorized, "opinion.push-key", "未认证", "推送密钥无效或已停用（请求头 X-Api-Key）");
        }

        // From here the push acts as the feed: its region only, audited under the feed's name.
        acting.ActFor(RegionScope.For([feed.RegionCode]), $"舆情推送:{feed.Name}");
        return await intake.IngestAsync(feed, entries, "第 {0} 条", $"舆情推送:{feed.Name}", ct);
    }

    /// <summary>Fetches an RSS/Atom feed now (by the job, or an officer's 立即抓取); the outcome is kept on the feed.</summary>
    public async Task<OpinionIntake.Outcome> FetchAsync(Guid id, CancellationToken ct)
    {
        var feed = await db.OpinionFeeds.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw NotFound();
        if (feed.Kind != OpinionFeedKind.Rss || feed.Url is null)
        {
            throw ShianProblemException.Conflict("opinion.not-rss", "只有 RSS/Atom 来源可以抓取");
        }

        IReadOnlyList<OpinionEntry> entries;
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var res = await client.GetAsync(feed.Url, HttpCompletionOption.ResponseHeadersRead, ct);
            res.EnsureSuccessStatusCode();
            if (res.Content.Headers.ContentLength > MaxFeedBytes)
            {
                throw new FormatException($"订阅源超过 {MaxFeedBytes / 1024 / 1024} MB");
            }

            await using var body = await res.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            await CopyLimitedAsync(body, buffer, ct);
            buffer.Position = 0;
            entries = ReadSyndication(buffer, feed.Name);
        }
        catch (Exception e) when (e is HttpRequestException or FormatException or TaskCanceledException or ShianProblemException)
        {
            feed.LastRunAtUtc = clock.GetUtcNow().UtcDateTime;
            feed.LastResult = Truncate($"抓取失败：{e.Message}", 500);
            await db.SaveChangesAsync(CancellationToken.None);
            throw ShianProblemException.Conflict("opinion.fetch-failed", feed.LastResult);
        }

        if (entries.Count == 0)
        {
            feed.LastRunAtUtc = clock.GetUtcNow().UtcDateTime;
            feed.LastResult = "订阅源暂无条目";
            await db.SaveChangesAsync(ct);
            return new OpinionIntake.Outcome(0, 0, 0, 0, [], []);
        }

        // Feeds repeat their last items on every fetch: those already held are copies and only counted.
        return await intake.IngestAsync(feed, entries.Take(OpinionIntake.MaxBatch).ToList(), "第 {0} 条", $"订阅:{feed.Name}", ct);
    }

    /// <summary>
    /// Refuses a feed address that resolves to this machine or a private network (a feed is fetched by the server:
    /// an address must not reach the database or the office's intranet). Used by the HTTP client's connect callback.
    /// </summary>
    public static bool IsPublic(IPAddress a)
    {
        if (IPAddress.IsLoopback(a) || a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (a.IsIPv4MappedToIPv6)
        {
            a = a.MapToIPv4();
        }

        if (a.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = a.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
                     || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224);
        }

        return !(a.IsIPv6LinkLocal || a.IsIPv6SiteLocal || a.IsIPv6Multicast || (a.GetAddressBytes()[0] & 0xFE) == 0xFC);
    }

    private static IReadOnlyList<OpinionEntry> ReadSyndication(Stream stream, string name)
    {
        try
        {
            return OpinionFeedParsing.Syndication(stream, name);
        }
        catch (FormatException e)
        {
            throw ShianProblemException.Invalid("opinion.feed-unreadable", e.Message, new Dictionary<string, string[]> { ["file"] = [e.Message] });
        }
    }

    private static List<OpinionEntry> ReadWorkbook(byte[] content)
    {
        if (OfficePackages.Problem(content) is { } problem)
        {
            throw ShianProblemException.Invalid("opinion.upload-unreadable", problem);
        }

        using var stream = new MemoryStream(content, writable: false);
        var all = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        if (all.Count < 2)
        {
            throw ShianProblemException.Invalid("opinion.upload-empty", "表格没有数据行：第一行为列名，从第二行起每行一条舆情");
        }

        var letters = all[0].Keys.ToList();
        var names = all[0].Values.Select(v => Text(v)?.Trim() ?? "").ToList();
        var (map, headerError) = OpinionFeedParsing.MapHeader(names);
        if (headerError is not null)
        {
            throw ShianProblemException.Invalid("opinion.upload-columns", headerError);
        }

        var entries = new List<OpinionEntry>();
        var errors = new Dictionary<string, string[]>();
        for (var i = 1; i < all.Count; i++)
        {
            var cells = letters.Select((l, j) => (Name: names[j], Value: Text(all[i][l]))).Where(x => x.Name.Length > 0)
                .GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().Value);
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue; // a blank row between blocks
            }

            var (entry, error) = OpinionFeedParsing.Row(map, cells);
            if (error is not null)
            {
                errors[$"items[{i - 1}]"] = [$"第 {i + 1} 行：{error}"];
            }

            entries.Add(entry);
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("opinion.items-invalid", "舆情条目有误，未导入任何一条：请按提示修改后重新上传", errors);
        }

        return entries;
    }

    /// <summary>A cell as text; a date cell in the sheet's (Beijing) local time.</summary>
    private static string? Text(object? v) => v switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<string?> CheckRegionAsync(string? regionCode, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var region = regionCode?.Trim();
        if (region is null || !RegionCode.IsValid(region) || !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            errors["regionCode"] = ["请选择来源所属的地区（市或区县）"];
            return null;
        }

        if (!db.Request.Scope.AllowsCreateIn(region))
        {
            throw ShianProblemException.RegionForbidden("该地区不在您的辖区");
        }

        return region;
    }

    private async Task<OpinionFeed> FeedAsync(string region, OpinionFeedKind kind, string name, CancellationToken ct)
    {
        var feed = await db.OpinionFeeds.FirstOrDefaultAsync(f => f.RegionCode == region && f.Kind == kind && f.Name == name, ct);
        if (feed is null)
        {
            feed = new OpinionFeed { RegionCode = region, Name = name, Kind = kind, CreatedBy = db.Request.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.OpinionFeeds.Add(feed);
        }

        return feed;
    }

    private static async Task CopyLimitedAsync(Stream from, Stream to, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > MaxFeedBytes)
            {
                throw new FormatException($"订阅源超过 {MaxFeedBytes / 1024 / 1024} MB");
            }

            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    private static ShianProblemException NotFound() => ShianProblemException.NotFound("opinion.feed-not-found", "该舆情来源不存在");

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}

/// <summary>Every 30 minutes (Quartz, once across instances): each active RSS/Atom feed fetched; a failing feed does not stop the others.</summary>
internal sealed class OpinionFetchJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OpinionFetchJob> logger) : Kernel.Jobs.ShianJob(scopes, clock, logger)
{
    public const string Key = "opinion-fetch";

    protected override async Task<string> RunAsync(Quartz.IJobExecutionContext context, CancellationToken ct)
    {
        List<Guid> ids;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            ids = await scope.ServiceProvider.GetRequiredService<ShianDb>().OpinionFeeds.AsNoTracking()
                .Where(f => f.Active && f.Kind == OpinionFeedKind.Rss).Select(f => f.Id).ToListAsync(ct);
        }

        int added = 0, alerts = 0, failed = 0;
        foreach (var id in ids)
        {
            await using var scope = Scopes.CreateAsyncScope();
            try
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<OpinionFeeds>().FetchAsync(id, ct);
                added += outcome.Added;
                alerts += outcome.Alerts;
            }
            catch (ShianProblemException)
            {
                failed++; // kept on the feed (LastResult) for the officers' feeds page
            }
        }

        return $"抓取 {ids.Count} 个订阅源：新增 {added} 条，生成预警 {alerts} 条，失败 {failed} 个";
    }
}
