namespace Shian.Sampling.Rules;

/// <summary>
/// How a result is set against a limit (GB/T 8170-2008 §4.3.1): 全数值比较法 compares the value as measured, 修约值比较法 the
/// value rounded to the reporting precision. §4.3.2: where the standard sets no rule, 全数值比较法 is used (review D-7).
/// </summary>
public enum LimitComparison
{
    /// <summary>全数值比较法 (the default).</summary>
    FullValue,

    /// <summary>修约值比较法, where the standard or the 实施细则 prescribes it.</summary>
    RoundedValue,
}

/// <summary>
/// A microbiological sampling plan (GB 29921-2021; GB 4789.1): n units tested, at most c of them may lie between m and M,
/// none above M. A two-class plan has no M: at most c units above m. <c>m</c> is the row's limit value in its unit
/// (CFU/g, CFU/mL, MPN/g …, or "/25g" for presence in 25 g where m = 0).
/// </summary>
public sealed record MicrobialPlan(int N, int C, decimal? UpperLimit)
{
    public bool ThreeClass => UpperLimit is not null;
}

/// <summary>
/// A limit row as the book needs it: where it applies, what, how much, by which standard edition and when; how a value is
/// compared with it (D-7), the 判定值 that decides 检出 for a 不得检出 row (the LOD/LOQ of the method the 实施细则 names,
/// D-8), and a microbiological plan (D-11).
/// </summary>
public sealed record LimitRule(
    Guid Id, string Category, string Analyte, decimal? Limit, string? Unit, bool NotDetectable, string Standard, string Edition,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, IReadOnlyCollection<string> Excludes, string? Basis,
    LimitComparison Comparison = LimitComparison.FullValue, decimal? DecisionValue = null, MicrobialPlan? Plan = null)
{
    /// <summary>"GB 2762-2022".</summary>
    public string StandardEdition => $"{Standard}-{Edition}";

    public bool InForceOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is not DateOnly to || date <= to);
}

/// <summary>The limit that applies to a sample's category for one analyte on a date, and the category (code and name) it was found on.</summary>
public sealed record ResolvedLimit(LimitRule Rule, string MatchedCategory, bool Inherited, string MatchedCategoryName);

/// <summary>
/// Where one standard family files a category differently from the shared tree (review D-10): GB 2763-2021 附录A puts 芹菜
/// under 叶菜类, GB 2762-2022 附录A under 茎类蔬菜, so a GB 2762 row reaches celery through 茎类蔬菜 and never through 叶菜.
/// </summary>
public sealed record CategoryPlacement(string Standard, string Category, string Parent);

/// <summary>
/// The standards library as pure data: the food-category tree (GB 2763 附录A style), per-standard placements that differ
/// from it, and the limit rows. A limit set on a category applies to its sub-categories — as the row's own standard files
/// them — unless a more specific category has its own row for that analyte (the most specific row in force wins) or the
/// row excludes the sub-category ("新鲜蔬菜（叶菜…除外）"); only rows in force on the date count, so a sample is judged by
/// the edition in force when it was taken (or, for a prepackaged food, made: <see cref="LimitDate"/>).
/// </summary>
public sealed class LimitBook
{
    private readonly Dictionary<string, string?> _parents;
    private readonly Dictionary<string, Dictionary<string, string>> _placements;
    private readonly Dictionary<(string Category, string Analyte), List<LimitRule>> _rules;
    private readonly Dictionary<string, string[]> _standardsByAnalyte;
    private readonly IReadOnlyDictionary<string, string> _names;

    /// <param name="names">Category names for explanations (the code is used where a name is missing).</param>
    public LimitBook(IEnumerable<(string Code, string? Parent)> categories, IEnumerable<LimitRule> rules, IReadOnlyDictionary<string, string>? names = null,
        IEnumerable<CategoryPlacement>? placements = null)
    {
        _names = names ?? new Dictionary<string, string>();
        _parents = categories.ToDictionary(c => c.Code, c => string.IsNullOrEmpty(c.Parent) ? null : c.Parent, StringComparer.Ordinal);
        var list = rules.ToList();
        _rules = list.GroupBy(r => (r.Category, r.Analyte)).ToDictionary(g => g.Key, g => g.ToList());
        _standardsByAnalyte = list.GroupBy(r => r.Analyte).ToDictionary(g => g.Key, g => g.Select(r => r.Standard).Distinct().ToArray(), StringComparer.Ordinal);
        _placements = (placements ?? []).Where(p => _parents.ContainsKey(p.Category) && _parents.ContainsKey(p.Parent))
            .GroupBy(p => p.Standard).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Category, p => p.Parent, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>
    /// The date a sample is judged on (review D-9): a prepackaged food by the edition in force when it was made (its
    /// 生产日期), a 食用农产品 or a food without a production date by the sampling date.
    /// </summary>
    public static DateOnly LimitDate(bool prepackaged, DateOnly? producedOn, DateOnly sampledOn) =>
        prepackaged && producedOn is DateOnly made && made <= sampledOn ? made : sampledOn;

    public bool HasCategory(string code) => _parents.ContainsKey(code);

    /// <summary>The category and its ancestors in the shared tree, nearest first.</summary>
    public IEnumerable<string> Lineage(string code) => Lineage(code, null);

    /// <summary>The category and its ancestors as <paramref name="standard"/> files them, nearest first.</summary>
    public IEnumerable<string> Lineage(string code, string? standard)
    {
        var moved = standard is not null && _placements.TryGetValue(standard, out var p) ? p : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = code; c is not null && _parents.ContainsKey(c) && seen.Add(c); c = moved is not null && moved.TryGetValue(c, out var up) ? up : _parents[c])
        {
            yield return c;
        }
    }

    /// <summary>The placements that differ from the shared tree, per standard (the standards page shows them).</summary>
    public IEnumerable<CategoryPlacement> Placements =>
        _placements.SelectMany(s => s.Value.Select(p => new CategoryPlacement(s.Key, p.Key, p.Value)));

    public ResolvedLimit? Resolve(string category, string analyte, DateOnly on)
    {
        if (!_parents.ContainsKey(category) || !_standardsByAnalyte.TryGetValue(analyte, out var standards))
        {
            return null;
        }

        // Each standard walks its own tree; across standards the most specific row wins, then the newest.
        (ResolvedLimit Limit, int Depth)? best = null;
        foreach (var standard in standards)
        {
            var walked = new List<string>();
            foreach (var c in Lineage(category, standard))
            {
                walked.Add(c);
                if (!_rules.TryGetValue((c, analyte), out var rows))
                {
                    continue;
                }

                // A row that excludes the sample's category (or a category between it and the row's) does not reach it.
                var row = rows.Where(r => r.Standard == standard && r.InForceOn(on) && !r.Excludes.Any(walked.Contains)).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault();
                if (row is null)
                {
                    continue;
                }

                var depth = walked.Count;
                if (best is not { } b || depth < b.Depth || (depth == b.Depth && row.EffectiveFrom > b.Limit.Rule.EffectiveFrom))
                {
                    best = (new ResolvedLimit(row, c, c != category, _names.TryGetValue(c, out var name) ? name : c), depth);
                }

                break;
            }
        }

        return best?.Limit;
    }
}
