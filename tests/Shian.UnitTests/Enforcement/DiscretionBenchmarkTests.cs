using Shian.Enforcement.Rules;

namespace Shian.UnitTests.Enforcement;

/// <summary>Reading a local 裁量基准 sheet and judging a fine against it.</summary>
public sealed class DiscretionBenchmarkTests
{
    private const string Doc = "某市裁量基准";

    private static IReadOnlyDictionary<string, string?> Row(string article, string level, string lower, string upper, string? doc = Doc, string? circumstances = null) =>
        new Dictionary<string, string?> { ["处罚依据"] = article, ["裁量档次"] = level, ["下限比例"] = lower, ["上限比例"] = upper, ["适用情形"] = circumstances, ["依据文件"] = doc };

    [Fact]
    public void ASheet_IsRead_WithArticlesAndPercentagesInTheUsualForms()
    {
        var (lines, errors) = DiscretionBenchmarks.Parse([
            Row("第一百二十四条", "从轻", "0", "30"), Row("124", "一般", "30%", "70%"), Row("《食品安全法》第一百二十四条", "从重", "0.7", "1"),
            Row("Art125", "一般", "30", "70", doc: null), new Dictionary<string, string?> { ["处罚依据"] = " ", ["裁量档次"] = null },
        ], defaultDocument: "表外文件名");
        Assert.Empty(errors);
        Assert.Equal(4, lines.Count);
        Assert.Equal(new BenchmarkLine(PenaltyArticle.Art124, "从重", 70m, 100m, null, Doc), lines[2]);
        Assert.Equal("表外文件名", lines[3].Document);
    }

    [Fact]
    public void BadRows_AreNamedByRow_AndOverlappingLevelsRefused()
    {
        var (_, errors) = DiscretionBenchmarks.Parse([
            Row("第一百二十条", "一般", "30", "70"), Row("124", "很重", "30", "70"), Row("124", "一般", "80", "20"), Row("124", "一般", "abc", "70", doc: null),
            Row("125", "一般", "30", "70"), Row("125", "一般", "30", "70"), Row("126", "从轻", "0", "40"), Row("126", "一般", "30", "70"),
        ]);
        Assert.StartsWith("第 2 行：「处罚依据」“第一百二十条”", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("第 3 行：「裁量档次」“很重”", errors[1], StringComparison.Ordinal);
        Assert.Equal("第 4 行：「下限比例」80% 应小于「上限比例」20%", errors[2]);
        Assert.Contains("「依据文件」", errors[3], StringComparison.Ordinal);
        Assert.Equal("第 7 行：《食品安全法》第一百二十五条「一般」档重复", errors[4]);
        Assert.Contains("「一般」档（自 30%）与「从轻」档（至 40%）重叠", errors[5], StringComparison.Ordinal);
        Assert.Single(DiscretionBenchmarks.Parse([]).Errors);
    }

    [Fact]
    public void AFine_IsJudgedAgainstItsLevelsShareOfTheStatutoryBand()
    {
        // 第一百二十五条 under 10 000 yuan: 5 000–50 000; 一般 30–70 % → 18 500–36 500.
        var band = PenaltyBands.Band(PenaltyArticle.Art125, 3_000m);
        var lines = new[] { new BenchmarkLine(PenaltyArticle.Art125, "一般", 30m, 70m, null, Doc), new BenchmarkLine(PenaltyArticle.Art125, "从轻", 0m, 30m, null, Doc) };
        Assert.Equal((18_500m, 36_500m), DiscretionBenchmarks.Range(band, lines[0]));
        Assert.True(DiscretionBenchmarks.Judge(lines, band, "一般", 18_500m)!.Within);
        var outside = DiscretionBenchmarks.Judge(lines, band, "一般", 8_000m)!;
        Assert.False(outside.Within);
        Assert.Equal("某市裁量基准「一般」档：18500–36500 元（法定幅度的 30%–70%），拟处罚款不在此范围", outside.Text);
        Assert.True(DiscretionBenchmarks.Judge(lines, band, "从轻", 8_000m)!.Within);
        Assert.Null(DiscretionBenchmarks.Judge(lines, band, "从重", 45_000m));
        Assert.Null(DiscretionBenchmarks.Judge(lines, PenaltyBands.Band(PenaltyArticle.Art124, 3_000m), "一般", 60_000m));
    }
}

/// <summary>The province's hearing thresholds (听证办法 第五条: provinces may lower SAMR's amounts).</summary>
public sealed class HearingThresholdTests
{
    [Fact]
    public void AProvince_MayLowerTheAmounts_NotRaiseThem()
    {
        Assert.Empty(new HearingOptions().Problems());
        Assert.Empty(new HearingOptions { PersonThreshold = 5_000m, OrganisationThreshold = 50_000m }.Problems());
        Assert.Equal(2, new HearingOptions { PersonThreshold = 20_000m, OrganisationThreshold = 0m }.Problems().Count());

        // An organisation fined 60 000 yuan: no hearing at SAMR's 100 000, a hearing where the province set 50 000.
        Assert.False(HearingRight.Applies(false, 60_000m, 0m, false));
        Assert.True(HearingRight.Applies(false, 60_000m, 0m, false, personThreshold: 5_000m, organisationThreshold: 50_000m));
        Assert.True(HearingRight.Applies(true, 5_000m, 0m, false, personThreshold: 5_000m, organisationThreshold: 50_000m));
    }
}
