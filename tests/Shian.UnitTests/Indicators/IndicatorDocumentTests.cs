using System.Globalization;
using System.Text;
using Shian.Indicators.Rules;
using Shian.UnitTests.Governance;

namespace Shian.UnitTests.Indicators;

/// <summary>
/// docs/indicators.md lists every quantitative target of the five seed plans with the indicator that measures it and
/// how; the tables are generated here from the parser and the catalogue (regenerate with SHIAN_UPDATE_DOCS=1), so the
/// document cannot drift from the code, and a target without an indicator fails the build.
/// </summary>
public sealed class IndicatorDocumentTests
{
    public const string Start = "<!-- indicators:start (generated from the seeds and IndicatorCatalogue; a unit test checks it) -->";
    public const string End = "<!-- indicators:end -->";

    /// <summary>
    /// Commitments with a number that the plan parser does not read as targets (a time limit and a service hour, not counts to reach): listed by hand with
    /// their seed and wording, so the catalogue is checked against them too.
    /// </summary>
    public static readonly IReadOnlyList<(string Seed, string Wording, string Figure, string Indicator)> Unparsed =
    [
        ("001", "建立5个工作日办理回复工作机制", "5 个工作日", "complaints.on-time-rate"),
        ("001", "确保12331（12345）食品投诉电话24小时畅通", "24 小时", "programme.complaint-hours"),
        ("004", "对食品安全现状满意度在xx%以上", "≥ xx %", "survey.satisfaction"),
    ];

    public sealed record Row(string Seed, string Task, string Wording, string Figure, IndicatorDefinition? Indicator);

    public static IReadOnlyList<Row> SeedTargets()
    {
        var rows = new List<Row>();
        foreach (var seed in new[] { "000", "001", "002", "003", "004" })
        {
            foreach (var task in SeedPlans.Parse(seed).Tasks)
            {
                for (var i = 0; i < task.Targets.Count; i++)
                {
                    var t = task.Targets[i];
                    var nth = task.Targets.Take(i).Count(o => o.Text == t.Text);
                    var figure = (t.Comparator switch { Shian.Governance.Parsing.Comparator.AtLeast => "≥ ", Shian.Governance.Parsing.Comparator.AtMost => "≤ ", _ => "= " })
                                 + (t.Value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "x") + " " + t.Unit + (t.Period is null ? "" : "/" + t.Period);
                    rows.Add(new Row(seed, task.Number ?? "", t.Text, figure, IndicatorCatalogue.Suggest(t.Text, t.Unit, nth)));
                }
            }
        }

        rows.AddRange(Unparsed.Select(u => new Row(u.Seed, "（解析器未识别）", u.Wording, u.Figure, IndicatorCatalogue.Find(u.Indicator))));
        return rows;
    }

    [Fact]
    public void EveryQuantitativeTargetOfTheFiveSeeds_HasAnIndicator()
    {
        var rows = SeedTargets();
        Assert.True(rows.Count >= 70, $"only {rows.Count} targets read from the seeds");
        var missing = rows.Where(r => r.Indicator is null).Select(r => $"{r.Seed} {r.Wording} {r.Figure}").ToList();
        Assert.True(missing.Count == 0, "Targets without an indicator:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Seed002_TargetsAreSuggestedTheIndicatorsTheyMeasure()
    {
        var rows = SeedTargets().Where(r => r.Seed == "002").ToList();
        string Of(string wording, string figure) => rows.Single(r => r.Wording.Contains(wording, StringComparison.Ordinal) && r.Figure.StartsWith(figure, StringComparison.Ordinal)).Indicator!.Key;
        Assert.Equal("sampling.agri-pass-rate", Of("合格率稳定在98%", "≥ 98"));
        Assert.Equal("sampling.disposal-rate", Of("处置率达100%", "= 100"));
        Assert.Equal("sampling.per-thousand", Of("4.5份/千人", "≥ 4.5"));
        Assert.Equal("sampling.residue-per-thousand", Of("农药兽药残留", "≥ 2"));
        Assert.Equal("sampling.monitoring-per-thousand", Of("1件/千人口", "≥ 1"));
        Assert.Equal("duty.self-report", Of("自查报告率", "≥ 92"));
        Assert.Equal("duty.kitchen-waste", Of("餐厨废弃物", "≥ 80"));
        Assert.Equal("programme.sunshine-kitchens", Of("阳光厨房300家", "≥ 300"));
        Assert.Equal("training.regulator-hours", Of("不少于30小时", "≥ 30"));
        Assert.Equal("programme.app-coverage", Of("APP覆盖率", "≥ 60"));
    }

    [Fact]
    public void TheIndicatorsDocument_ListsEveryTargetAndTheCatalogue()
    {
        var path = Path.Combine(Root(), "docs", "indicators.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Start, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/indicators.md has no indicators markers");
        var expected = Start + "\n" + Markdown() + End;
        var actual = doc[start..(end + End.Length)];
        if (actual != expected && Environment.GetEnvironmentVariable("SHIAN_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, doc.Replace(actual, expected, StringComparison.Ordinal));
            return;
        }

        Assert.Equal(expected, actual);
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine().AppendLine("### Every quantitative target of the five seeds / 五份工作方案的全部量化目标").AppendLine();
        md.AppendLine("| 方案 | 任务 | 原文 | 目标 | 指标 | 怎样得出 |").AppendLine("|---|---|---|---|---|---|");
        foreach (var r in SeedTargets())
        {
            var wording = r.Wording.Length > 70 ? r.Wording[..70] + "…" : r.Wording;
            var how = r.Indicator is { } d ? (d.Computed ? "计算：" + d.Method : "填报：" + d.Method) : "—";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Seed} | {Cell(r.Task)} | {Cell(wording)} | {Cell(r.Figure)} | `{r.Indicator?.Key}` {r.Indicator?.Name} | {Cell(how)} |");
        }

        md.AppendLine().AppendLine("### The catalogue / 指标目录").AppendLine();
        md.AppendLine("| 指标 | 名称 | 单位 | 来源 | 分子 | 分母 | 口径 |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var d in IndicatorCatalogue.All)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{d.Key}` v{d.Version} | {d.Name} | {d.DisplayUnit} | {(d.Computed ? d.Module : "填报")} | {(d.Numerator is null ? "—" : $"`{d.Numerator}`")} | {(d.Denominator is null ? "—" : $"`{d.Denominator}`")} | {Cell(d.Method)} |");
        }

        md.AppendLine();
        return md.ToString();
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "docs")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
