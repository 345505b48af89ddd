using Shian.Emergencies;
using Shian.Emergencies.Rules;

namespace Shian.UnitTests.Emergencies;

/// <summary>
/// 舆情 matching (#20) on a labelled set of 203 items (Emergencies/Data/opinion-labelled.tsv, written for this test with
/// its generator beside it) against a register of 30 made-up 本溪 businesses with chains in several districts: precision
/// and recall of the business matches, and how often the food-safety relevance is right. The figures are printed and
/// recorded in docs/rules.md; the thresholds below are the floor they may not fall under.
/// </summary>
public sealed class OpinionMatchingTests(ITestOutputHelper output)
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Emergencies", "Data");

    private sealed record Labelled(string Text, string Expected, string Severity, string Note);

    private static (OpinionMatcher Matcher, Dictionary<Guid, string> Keys) Build()
    {
        var keys = new Dictionary<Guid, string>();
        var register = new List<RegisterName>();
        foreach (var row in Rows("opinion-register.tsv"))
        {
            var id = Guid.NewGuid();
            keys[id] = row[0];
            register.Add(new RegisterName(id, row[1], row[2]));
        }

        // The city, its counties and towns from the shipped region table.
        var places = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions-seed-cities.csv"), System.Text.Encoding.UTF8)
            .Skip(1).Select(l => l.Split(',')).Where(p => p[0].StartsWith("2105", StringComparison.Ordinal)).Select(p => new PlaceName(p[0], p[1])).ToList();
        return (new OpinionMatcher(register, places, JiebaWords.Instance), keys);
    }

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadAllLines(Path.Combine(Dir, file), System.Text.Encoding.UTF8).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'));

    private static List<Labelled> Set()
    {
        return [.. Rows("opinion-labelled.tsv").Select(r => new Labelled(r[0], r[1], r[2], r[3]))];
    }

    [Fact]
    public void TheLabelledSet_IsMatchedWithHighPrecisionAndRecall()
    {
        var (matcher, keys) = Build();
        var set = Set();
        Assert.True(set.Count >= 200, $"the labelled set has {set.Count} items");
        int tp = 0, fp = 0, fn = 0, relevanceRight = 0;
        var misses = new List<string>();
        foreach (var item in set)
        {
            var m = matcher.Match(item.Text);
            var predicted = m.Businesses.Where(b => b.Confidence >= 0.5).Select(b => keys[b.Id]).ToList();
            var groups = item.Expected.Length == 0 ? [] : item.Expected.Split(';').Select(g => g.Split('|').ToHashSet()).ToList();
            foreach (var p in predicted)
            {
                if (groups.Any(g => g.Contains(p)))
                {
                    tp++;
                }
                else
                {
                    fp++;
                    misses.Add($"FP {p}: {item.Text}");
                }
            }

            foreach (var g in groups.Where(g => !predicted.Any(g.Contains)))
            {
                fn++;
                misses.Add($"FN {string.Join("|", g)}: {item.Text}");
            }

            var expectedRelevant = item.Severity != "None";
            if ((m.Severity != OpinionSeverity.None) == expectedRelevant)
            {
                relevanceRight++;
            }
            else
            {
                misses.Add($"relevance {item.Severity} vs {m.Severity}: {item.Text}");
            }
        }

        // tp counts every acceptable prediction (an unplaced chain item accepts either shop); recall counts expected groups.
        var precision = (double)tp / (tp + fp);
        var recall = (double)(set.Sum(i => i.Expected.Length == 0 ? 0 : i.Expected.Split(';').Length) - fn) / set.Sum(i => i.Expected.Length == 0 ? 0 : i.Expected.Split(';').Length);
        var relevance = (double)relevanceRight / set.Count;
        output.WriteLine($"items {set.Count}; business matches: precision {precision:P1} ({tp} right, {fp} wrong), recall {recall:P1} ({fn} missed); relevance right {relevance:P1}");
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(precision >= 0.95, $"precision {precision:P1}");
        Assert.True(recall >= 0.95, $"recall {recall:P1}");
        Assert.True(relevance >= 0.9, $"relevance {relevance:P1}");
    }

    [Fact]
    public void ABranchedChain_IsSettledByThePlaceNamed_OrKeptOpenWithLowerConfidence()
    {
        var (matcher, keys) = Build();
        var placed = matcher.Match("明山区华润万家超市被曝出售过期牛奶");
        Assert.Equal("B08", keys[Assert.Single(placed.Businesses).Id]);
        Assert.Contains("过期变质", placed.Topics);
        Assert.Equal(OpinionSeverity.Medium, placed.Severity);

        var open = matcher.Match("华润万家超市被曝出售过期牛奶");
        Assert.Equal(2, open.Businesses.Count);
        Assert.All(open.Businesses, b => Assert.Equal(0.5, b.Confidence));
    }

    [Fact]
    public void AGenericWord_NeverMatches_AndANameMustStandOnWordBoundaries()
    {
        var (matcher, _) = Build();
        Assert.Empty(matcher.Match("溪湖区一家小吃店被曝使用过期原料").Businesses);
        Assert.Empty(matcher.Match("春天来了，平山区的桃花开了").Businesses);
        Assert.Empty(matcher.Match("听说金源小区要拆迁了").Businesses);
        Assert.Single(matcher.Match("明山区金源饭店被曝后厨有老鼠").Businesses);
    }

    [Fact]
    public void Aliases_DropThePlaceTheLegalFormAndTheBranch()
    {
        Assert.Equal(["本溪天赐乳业有限责任公司", "本溪天赐乳业", "天赐乳业"], OpinionMatcher.Aliases("本溪天赐乳业有限责任公司", ["本溪"]));
        Assert.Equal(["本溪华润万家超市（平山店）", "本溪华润万家超市", "华润万家超市"], OpinionMatcher.Aliases("本溪华润万家超市（平山店）", ["本溪"]));
        Assert.Equal(["本溪市溪湖区小吃店"], OpinionMatcher.Aliases("本溪市溪湖区小吃店", ["本溪市", "溪湖区"]));
    }
}
