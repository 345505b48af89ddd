using System.Text.RegularExpressions;

namespace Shian.Emergencies.Rules;

/// <summary>A register business as the matcher knows it: the name, and where it is (for telling namesakes apart).</summary>
public sealed record RegisterName(Guid Id, string Name, string RegionCode, string? Address = null);

/// <summary>A county or town name (full, e.g. 溪湖区 / 河东街道) with its code.</summary>
public sealed record PlaceName(string Code, string Name);

public enum OpinionSeverity
{
    /// <summary>Not about food safety.</summary>
    None,

    Low,

    Medium,

    /// <summary>Harm to people, or the worst frauds (地沟油, 瘦肉精, 非法添加 …): the district verifies at once.</summary>
    High,
}

/// <summary>A business found in the text, how sure (0–1), and the alias that matched.</summary>
public sealed record BusinessHit(Guid Id, string Name, string RegionCode, string Alias, double Confidence);

/// <summary>What an item is about: its businesses, places, the food-safety topics found and how serious it is.</summary>
public sealed record OpinionMatch(IReadOnlyList<BusinessHit> Businesses, IReadOnlyList<string> RegionCodes, IReadOnlyList<string> Topics, OpinionSeverity Severity);

/// <summary>Splits text into words (jieba.NET in the app; the boundaries keep a name from matching inside another word).</summary>
public interface IWordSegmenter
{
    IEnumerable<string> Cut(string text);
}

/// <summary>
/// Matches a 舆情 item (news, a post, a monitoring service's row) to register businesses and places, and scores it by
/// the seeds' problems. Pure given the segmenter: the register's names become aliases (the full name; without the
/// region prefix; without the legal form and a branch in brackets), an alias matches only on word boundaries, a name
/// shared by several businesses is settled by the places named in the text (else all are kept, less sure), and an
/// alias that is only a generic word (超市, 饭店) never matches.
/// </summary>
public sealed class OpinionMatcher
{
    // Keywords of the seeds' problems (seed 000–004: 地沟油, 非法添加, 过期, 食物中毒 …) with their severity.
    private static readonly (string Word, string Topic, OpinionSeverity Severity)[] Keywords =
    [
        ("食物中毒", "食物中毒", OpinionSeverity.High), ("中毒", "食物中毒", OpinionSeverity.High), ("送医", "食物中毒", OpinionSeverity.High),
        ("住院", "食物中毒", OpinionSeverity.High), ("上吐下泻", "食物中毒", OpinionSeverity.High), ("腹泻", "食物中毒", OpinionSeverity.Medium),
        ("呕吐", "食物中毒", OpinionSeverity.Medium), ("拉肚子", "食物中毒", OpinionSeverity.Medium), ("身亡", "食物中毒", OpinionSeverity.High),
        ("地沟油", "地沟油", OpinionSeverity.High), ("潲水油", "地沟油", OpinionSeverity.High), ("泔水", "餐厨废弃物", OpinionSeverity.Medium),
        ("非法添加", "非法添加", OpinionSeverity.High), ("瘦肉精", "非法添加", OpinionSeverity.High), ("苏丹红", "非法添加", OpinionSeverity.High),
        ("三聚氰胺", "非法添加", OpinionSeverity.High), ("罂粟壳", "非法添加", OpinionSeverity.High), ("工业盐", "非法添加", OpinionSeverity.High),
        ("病死猪", "病死畜禽", OpinionSeverity.High), ("病死", "病死畜禽", OpinionSeverity.High), ("私屠滥宰", "私屠滥宰", OpinionSeverity.High), ("注水肉", "注水肉", OpinionSeverity.Medium),
        ("过期", "过期变质", OpinionSeverity.Medium), ("变质", "过期变质", OpinionSeverity.Medium), ("发霉", "过期变质", OpinionSeverity.Medium),
        ("馊", "过期变质", OpinionSeverity.Medium), ("篡改生产日期", "过期变质", OpinionSeverity.High),
        ("异物", "异物", OpinionSeverity.Low), ("头发", "异物", OpinionSeverity.Low), ("苍蝇", "卫生", OpinionSeverity.Low), ("蟑螂", "卫生", OpinionSeverity.Low),
        ("老鼠", "卫生", OpinionSeverity.Medium), ("脏乱", "卫生", OpinionSeverity.Low), ("后厨", "卫生", OpinionSeverity.Low),
        ("无证", "无证经营", OpinionSeverity.Medium), ("黑作坊", "无证经营", OpinionSeverity.High), ("三无", "三无产品", OpinionSeverity.Medium),
        ("假冒", "假冒伪劣", OpinionSeverity.Medium), ("山寨", "假冒伪劣", OpinionSeverity.Low), ("以次充好", "假冒伪劣", OpinionSeverity.Medium),
        ("农药残留", "农兽药残留", OpinionSeverity.Medium), ("兽药残留", "农兽药残留", OpinionSeverity.Medium), ("超标", "检出超标", OpinionSeverity.Medium),
        ("不合格", "抽检不合格", OpinionSeverity.Medium), ("虚假宣传", "虚假宣传", OpinionSeverity.Low), ("保健品", "虚假宣传", OpinionSeverity.Low),
        ("食品安全", "食品安全", OpinionSeverity.Low), ("食安", "食品安全", OpinionSeverity.Low), ("放心餐饮", "食品安全", OpinionSeverity.Low),
        ("明厨亮灶", "食品安全", OpinionSeverity.Low), ("抽检", "抽检不合格", OpinionSeverity.Low), ("不新鲜", "过期变质", OpinionSeverity.Low),
        ("肚子疼", "食物中毒", OpinionSeverity.Medium), ("腹痛", "食物中毒", OpinionSeverity.Medium),
    ];

    /// <summary>Words that are a kind of place, never a name on their own.</summary>
    private static readonly HashSet<string> Generic =
    [
        "超市", "饭店", "餐馆", "餐厅", "食堂", "酒店", "饭馆", "小吃", "小吃店", "面馆", "商店", "便利店", "蛋糕店", "烧烤", "火锅", "早餐店", "食品厂", "肉店",
        "菜市场", "市场", "学校食堂", "小学食堂", "中学食堂", "幼儿园", "公司", "门店", "分店", "总店", "食品", "商行", "批发部", "水果店", "奶茶店", "快餐", "农家乐",
        "外卖", "烧烤店", "火锅店", "熟食店", "粮油店",
    ];

    private static readonly string[] LegalForms =
        ["股份有限公司", "有限责任公司", "有限公司", "分公司", "经营部", "个体工商户", "(普通合伙)", "（普通合伙）"];

    private static readonly Regex Brackets = new(@"[（(][^（）()]*[）)]", RegexOptions.Compiled);

    private readonly IWordSegmenter _segmenter;
    private readonly Dictionary<string, List<RegisterName>> _byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _places = new(StringComparer.Ordinal);
    private readonly int _longestAlias;

    public OpinionMatcher(IEnumerable<RegisterName> businesses, IEnumerable<PlaceName> places, IWordSegmenter segmenter)
    {
        _segmenter = segmenter;
        var placeList = places.ToList();
        var prefixes = new List<string>();
        foreach (var p in placeList)
        {
            foreach (var n in PlaceForms(p.Name))
            {
                (_places.TryGetValue(n, out var codes) ? codes : _places[n] = []).Add(p.Code);
                prefixes.Add(n);
            }
        }

        prefixes = [.. prefixes.Distinct().OrderByDescending(p => p.Length)];
        foreach (var b in businesses)
        {
            foreach (var alias in Aliases(b.Name, prefixes))
            {
                var list = _byAlias.TryGetValue(alias, out var l) ? l : _byAlias[alias] = [];
                if (!list.Any(x => x.Id == b.Id))
                {
                    list.Add(b);
                }
            }
        }

        _longestAlias = _byAlias.Count == 0 ? 0 : _byAlias.Keys.Max(k => k.Length);
    }

    /// <summary>
    /// A place's full name, and the forms people write (溪湖区 → 溪湖; 河东街道 → 河东; 本溪满族自治县 → 本溪县, 本溪).
    /// </summary>
    public static IEnumerable<string> PlaceForms(string name)
    {
        yield return name;
        foreach (var autonomous in new[] { "满族自治县", "回族自治县", "朝鲜族自治县", "蒙古族自治县", "自治县" })
        {
            if (name.EndsWith(autonomous, StringComparison.Ordinal) && name.Length - autonomous.Length >= 2)
            {
                yield return name[..^autonomous.Length] + "县";
                yield return name[..^autonomous.Length];
                yield break;
            }
        }

        foreach (var suffix in new[] { "街道办事处", "街道", "省", "市", "区", "县", "镇", "乡" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
            {
                yield return name[..^suffix.Length];
                yield break;
            }
        }
    }

    /// <summary>The names a business is called by: full; without the places it starts with; without legal form and a bracketed branch.</summary>
    public static IReadOnlyList<string> Aliases(string name, IReadOnlyList<string> placePrefixes)
    {
        var result = new List<string>();
        void Add(string a)
        {
            a = a.Trim();
            if (a.Length >= 3 && !Generic.Contains(a) && !result.Contains(a) && !IsOnlyGeneric(a))
            {
                result.Add(a);
            }
        }

        var full = name.Trim();
        Add(full);
        var core = Brackets.Replace(full, "");
        foreach (var form in LegalForms)
        {
            if (core.EndsWith(form, StringComparison.Ordinal))
            {
                core = core[..^form.Length];
                break;
            }
        }

        Add(core);
        // Each stage without a leading place is a name people use (平山区桥北早餐店, 桥北早餐店), except a generic word
        // alone (早餐店) or an administrative name with a generic word (溪湖区小吃店 — "a snack bar in 溪湖区"); a short
        // place form with a generic word (桥北早餐店) is how such shops are named, and is kept.
        var stages = new List<string>();
        var stripped = core;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var p in placePrefixes)
            {
                if (stripped.StartsWith(p, StringComparison.Ordinal) && stripped.Length - p.Length >= 2)
                {
                    stripped = stripped[p.Length..];
                    stages.Add(stripped);
                    changed = true;
                    break;
                }
            }
        }

        foreach (var stage in stages)
        {
            if (!placePrefixes.Any(p => IsFullPlaceName(p) && stage.StartsWith(p, StringComparison.Ordinal) && Generic.Contains(stage[p.Length..])))
            {
                Add(stage);
            }
        }

        return result;
    }

    /// <summary>A name made of a place-like 2-character prefix and a generic word only (e.g. "小区超市") is too weak to match.</summary>
    private static bool IsOnlyGeneric(string alias) =>
        Generic.Any(g => alias.EndsWith(g, StringComparison.Ordinal) && alias.Length - g.Length < 2);

    public OpinionMatch Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = _segmenter.Cut(text).ToList();
        var starts = new HashSet<int>();
        var ends = new HashSet<int>();
        var pos = 0;
        foreach (var w in words)
        {
            starts.Add(pos);
            pos += w.Length;
            ends.Add(pos);
        }

        // Places: a full name (溪湖区, 站前街道) anywhere — jieba may split it; a short form (溪湖, 站前) only as a whole word.
        var regionCodes = new List<string>();
        foreach (var (name, codes) in _places)
        {
            if (name.Length >= 3 && IsFullPlaceName(name) && text.Contains(name, StringComparison.Ordinal))
            {
                regionCodes.AddRange(codes);
            }
        }

        foreach (var w in words)
        {
            if (_places.TryGetValue(w, out var codes))
            {
                regionCodes.AddRange(codes);
            }
        }

        regionCodes = [.. regionCodes.Distinct()];

        // Aliases on word boundaries, longest first; a shorter alias inside a longer match is not counted again.
        var found = new List<(int Start, int End, string Alias)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!starts.Contains(i))
            {
                continue;
            }

            for (var len = Math.Min(_longestAlias, text.Length - i); len >= 3; len--)
            {
                if (!ends.Contains(i + len))
                {
                    continue;
                }

                var candidate = text.Substring(i, len);
                if (_byAlias.ContainsKey(candidate) && !found.Any(f => i < f.End && i + len > f.Start))
                {
                    found.Add((i, i + len, candidate));
                    break;
                }
            }
        }

        var hits = new Dictionary<Guid, BusinessHit>();
        foreach (var (_, _, alias) in found)
        {
            var candidates = _byAlias[alias];
            IReadOnlyList<RegisterName> chosen = candidates;
            var confidence = 0.9;
            if (candidates.Count > 1)
            {
                var located = candidates.Where(c => regionCodes.Any(r => Within(c.RegionCode, r))).ToList();
                if (located.Count > 0)
                {
                    chosen = located;
                    confidence = located.Count == 1 ? 0.85 : 0.5;
                }
                else
                {
                    confidence = 1.0 / candidates.Count;
                }
            }
            else if (regionCodes.Count > 0 && !regionCodes.Any(r => Within(candidates[0].RegionCode, r)))
            {
                // The text places it elsewhere: a namesake outside the register, probably.
                confidence = 0.4;
            }

            foreach (var c in chosen)
            {
                if (!hits.TryGetValue(c.Id, out var old) || old.Confidence < confidence)
                {
                    hits[c.Id] = new BusinessHit(c.Id, c.Name, c.RegionCode, alias, confidence);
                }
            }
        }

        var topics = new List<string>();
        var severity = OpinionSeverity.None;
        foreach (var (word, topic, s) in Keywords)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                if (!topics.Contains(topic))
                {
                    topics.Add(topic);
                }

                severity = s > severity ? s : severity;
            }
        }

        return new OpinionMatch([.. hits.Values.OrderByDescending(h => h.Confidence).ThenBy(h => h.Name, StringComparer.Ordinal)], regionCodes, topics, severity);
    }

    private static bool IsFullPlaceName(string name) =>
        name.EndsWith('区') || name.EndsWith('县') || name.EndsWith('镇') || name.EndsWith('乡') || name.EndsWith("街道", StringComparison.Ordinal) || name.EndsWith('市');

    /// <summary>Whether a 12-digit code lies in a region (its significant prefix).</summary>
    private static bool Within(string code, string region) => code.StartsWith(Kernel.Regions.RegionCode.Prefix(region), StringComparison.Ordinal);
}
