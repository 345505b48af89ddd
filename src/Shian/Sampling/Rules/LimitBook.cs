namespace Shian.Sampling.Rules;

/// <summary>A limit row as the book needs it: where it applies, what, how much, by which standard edition and when.</summary>
public sealed record LimitRule(
    Guid Id, string Category, string Analyte, decimal? Limit, string? Unit, bool NotDetectable, string Standard, string Edition,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, IReadOnlyCollection<string> Excludes, string? Basis)
{
    /// <summary>"GB 2762-2022".</summary>
    public string StandardEdition => $"{Standard}-{Edition}";

    public bool InForceOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is not DateOnly to || date <= to);
}

/// <summary>The limit that applies to a sample's category for one analyte on a date, and the category (code and name) it was found on.</summary>
public sealed record ResolvedLimit(LimitRule Rule, string MatchedCategory, bool Inherited, string MatchedCategoryName);

/// <summary>
/// The standards library as pure data: the food-category tree (GB 2763 附录A style) and the limit rows. A limit set on a
/// category applies to its sub-categories unless a more specific category has its own row for that analyte (the most
/// specific row in force wins) or the row excludes the sub-category ("新鲜蔬菜（叶菜…除外）"); only rows in force on the
/// sampling date count, so a sample is judged by the edition in force when it was taken.
/// </summary>
public sealed class LimitBook
{
    private readonly Dictionary<string, string?> _parents;
    private readonly Dictionary<(string Category, string Analyte), List<LimitRule>> _rules;
    private readonly IReadOnlyDictionary<string, string> _names;

    /// <param name="names">Category names for explanations (the code is used where a name is missing).</param>
    public LimitBook(IEnumerable<(string Code, string? Parent)> categories, IEnumerable<LimitRule> rules, IReadOnlyDictionary<string, string>? names = null)
    {
        _names = names ?? new Dictionary<string, string>();
        _parents = categories.ToDictionary(c => c.Code, c => string.IsNullOrEmpty(c.Parent) ? null : c.Parent, StringComparer.Ordinal);
        _rules = rules.GroupBy(r => (r.Category, r.Analyte)).ToDictionary(g => g.Key, g => g.ToList());
    }

    public bool HasCategory(string code) => _parents.ContainsKey(code);

    /// <summary>The category and its ancestors, nearest first.</summary>
    public IEnumerable<string> Lineage(string code)
    {
        for (var c = code; c is not null && _parents.ContainsKey(c); c = _parents[c])
        {
            yield return c;
        }
    }

    public ResolvedLimit? Resolve(string category, string analyte, DateOnly on)
    {
        if (!_parents.ContainsKey(category))
        {
            return null;
        }

        var walked = new List<string>();
        foreach (var c in Lineage(category))
        {
            walked.Add(c);
            if (!_rules.TryGetValue((c, analyte), out var rows))
            {
                continue;
            }

            // A row that excludes the sample's category (or a category between it and the row's) does not reach it.
            var row = rows.Where(r => r.InForceOn(on) && !r.Excludes.Any(walked.Contains)).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault();
            if (row is not null)
            {
                return new ResolvedLimit(row, c, c != category, _names.TryGetValue(c, out var name) ? name : c);
            }
        }

        return null;
    }
}
