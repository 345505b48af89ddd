using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;

namespace Shian.Emergencies.Rules;

/// <summary>One 舆情 item as a feed gives it (any field may be missing; intake validates).</summary>
public sealed record OpinionEntry(string? Title, string? Body, string? Source, string? Url, string? Author, DateTimeOffset? PublishedAt);

/// <summary>
/// Reading what feeds bring: RSS 2.0 and Atom 1.0 through System.ServiceModel.Syndication (DTDs and external entities
/// refused), and a monitoring service's workbook rows by their column names — services name them differently (标题/
/// 文章标题, 正文/内容/摘要, 来源/站点/媒体名称, 链接/原文链接/URL, 发布时间/时间), so a header is matched by synonyms.
/// </summary>
public static partial class OpinionFeedParsing
{
    /// <summary>The entries of an RSS or Atom document; a document that is neither, or is not well-formed, is refused with a Chinese message.</summary>
    public static IReadOnlyList<OpinionEntry> Syndication(Stream xml, string? feedTitle = null)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 20_000_000 };
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            feed = SyndicationFeed.Load(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or FormatException)
        {
            throw new FormatException("不是可读的 RSS 或 Atom 订阅源：" + e.Message, e);
        }

        var source = feed.Title?.Text?.Trim() is { Length: > 0 } t ? t : feedTitle;
        return feed.Items.Select(i =>
        {
            var body = (i.Content as TextSyndicationContent)?.Text ?? i.Summary?.Text;
            var link = i.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri ?? i.Links.FirstOrDefault()?.Uri;
            DateTimeOffset? published = i.PublishDate != default ? i.PublishDate : i.LastUpdatedTime != default ? i.LastUpdatedTime : null;
            return new OpinionEntry(StripTags(i.Title?.Text), StripTags(body), i.SourceFeed?.Title?.Text ?? source, link?.IsAbsoluteUri == true ? link.AbsoluteUri : null,
                i.Authors.FirstOrDefault()?.Name ?? i.Authors.FirstOrDefault()?.Email, published);
        }).ToList();
    }

    private static readonly (string Field, string[] Names)[] Columns =
    [
        ("title", ["标题", "文章标题", "信息标题", "舆情标题", "title"]),
        ("body", ["正文", "内容", "摘要", "信息内容", "文章内容", "全文", "content", "summary"]),
        ("source", ["来源", "站点", "媒体名称", "来源网站", "网站", "媒体", "渠道", "source", "site"]),
        ("url", ["链接", "原文链接", "网址", "url", "link"]),
        ("author", ["作者", "发布者", "博主", "author"]),
        ("published", ["发布时间", "时间", "发文时间", "日期", "published", "time"]),
    ];

    /// <summary>Which column holds which field (by header text); a sheet without a title or body column is refused.</summary>
    public static (IReadOnlyDictionary<string, string> Map, string? Error) MapHeader(IEnumerable<string> header)
    {
        var map = new Dictionary<string, string>();
        foreach (var h in header)
        {
            var key = h.Trim().ToLowerInvariant();
            if (Columns.FirstOrDefault(c => c.Names.Contains(key)) is { Field: not null } col && !map.ContainsKey(col.Field))
            {
                map[col.Field] = h;
            }
        }

        return map.ContainsKey("title") || map.ContainsKey("body")
            ? (map, null)
            : (map, "表头中找不到“标题”或“正文/内容/摘要”列：请确认第一行是列名（可下载模板对照）");
    }

    /// <summary>A row's cells as an entry; a time that cannot be read is reported for the row (Beijing time when no offset is given).</summary>
    public static (OpinionEntry Entry, string? Error) Row(IReadOnlyDictionary<string, string> map, IReadOnlyDictionary<string, string?> cells)
    {
        string? Cell(string field) => map.TryGetValue(field, out var col) && cells.TryGetValue(col, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        DateTimeOffset? published = null;
        string? error = null;
        if (Cell("published") is { } text)
        {
            published = ParseTime(text);
            error = published is null ? $"发布时间“{text}”无法识别（应如 2026-11-25 08:30）" : null;
        }

        return (new OpinionEntry(Cell("title"), Cell("body"), Cell("source"), Cell("url"), Cell("author"), published), error);
    }

    /// <summary>A time as monitoring exports write it: ISO with an offset, or a Beijing local time (2026-11-25 08:30, 2026/11/25, 2026年11月25日 8:30).</summary>
    public static DateTimeOffset? ParseTime(string text)
    {
        var t = text.Trim();
        if (t.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) && HasOffset(t))
        {
            return iso;
        }

        t = ChineseDate().Replace(t, m => $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}");
        string[] formats = ["yyyy-M-d H:m:s", "yyyy-M-d H:m", "yyyy-M-d", "yyyy/M/d H:m:s", "yyyy/M/d H:m", "yyyy/M/d", "yyyy-M-dTH:m:s", "yyyy-M-d H:m:s.fff"];
        return DateTime.TryParseExact(t.Replace("  ", " ", StringComparison.Ordinal), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(8))
            : null;
    }

    private static bool HasOffset(string t) => t.EndsWith('Z') || OffsetSuffix().IsMatch(t);

    /// <summary>Text of an HTML fragment (feeds put markup in descriptions): tags dropped, common entities decoded, spaces collapsed.</summary>
    public static string? StripTags(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = System.Net.WebUtility.HtmlDecode(Tags().Replace(html, " "));
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"(\d{4})年(\d{1,2})月(\d{1,2})日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
