using System.Text;

namespace Shian.Registry.Rules;

/// <summary>
/// The two-character pieces (bigrams) a business name is indexed by, so a search for a fragment of a name reads an index
/// instead of every name (issue #23). Chinese names are searched by two characters more than by any other length, and
/// the databases' own trigram indexes (pg_trgm, FTS5 trigram) need three; a table of bigrams works on both databases
/// with plain B-tree lookups. A name "溪湖酒店" is indexed as 溪湖, 湖酒, 酒店; a query's bigrams must all be present,
/// and the name is then checked to contain the whole query (the bigrams of "湖店酒" would match "湖酒店" otherwise).
/// Hand-written: neither database ships a bigram tokenizer for CJK text, and the rule is a few lines.
/// Characters are code points (as the databases' substr counts them); ASCII letters are folded to lower case (names
/// such as "KFC" and queries "kfc"); nothing else is changed, so the migration's SQL back-fill makes the same pieces.
/// </summary>
public static class NameGrams
{
    /// <summary>The most bigrams a query is looked up by: more narrow the candidates little and cost a lookup each.</summary>
    public const int MaxQueryGrams = 4;

    /// <summary>The distinct bigrams of a name (none for a name of one character).</summary>
    public static IReadOnlyList<string> Of(string name)
    {
        var runes = Fold(name);
        var grams = new List<string>(Math.Max(0, runes.Count - 1));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < runes.Count; i++)
        {
            var gram = runes[i].ToString() + runes[i + 1].ToString();
            if (seen.Add(gram))
            {
                grams.Add(gram);
            }
        }

        return grams;
    }

    /// <summary>
    /// The bigrams a trimmed query is looked up by: none for a one-character query (it is matched by scanning); otherwise
    /// up to <see cref="MaxQueryGrams"/>, spread over the query (first, last, then between) so the whole query is covered.
    /// </summary>
    public static IReadOnlyList<string> ForQuery(string query)
    {
        var all = Of(query.Trim());
        if (all.Count <= MaxQueryGrams)
        {
            return all;
        }

        var picked = new List<string> { all[0], all[^1] };
        for (var k = 1; picked.Count < MaxQueryGrams; k++)
        {
            picked.Add(all[k * (all.Count - 1) / (MaxQueryGrams - 1)]);
        }

        return [.. picked.Distinct(StringComparer.Ordinal)];
    }

    private static List<Rune> Fold(string text)
    {
        var runes = new List<Rune>(text.Length);
        foreach (var r in text.EnumerateRunes())
        {
            runes.Add(r.Value is >= 'A' and <= 'Z' ? new Rune(r.Value + 32) : r);
        }

        return runes;
    }
}
