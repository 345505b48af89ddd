using System.Globalization;
using Shian.Sampling.Rules;

namespace Shian.UnitTests.Sampling;

/// <summary>Judgement against the shipped limit rows (shared/domain/sampling-and-limits.md §4; development data, formally unverified).</summary>
public sealed class JudgementTests
{
    private static readonly LimitBook Book = StandardsReference.Book();

    private static ItemJudgement Judge(string category, string analyte, string? value, string unit, string? lod = null, int? decimals = null, string on = "2026-06-01", string? density = null)
    {
        var limit = Book.Resolve(category, analyte, DateOnly.Parse(on, CultureInfo.InvariantCulture));
        return Judgement.Judge(new ItemResult(Dec(value), unit, Dec(lod), decimals, Dec(density)), limit);
    }

    private static decimal? Dec(string? s) => s is null ? null : decimal.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    // 铅 GB 2762-2022: rice 0.2 (大米 inherits 稻谷's row), vegetables 0.1 except leafy 0.3 and the excluded kinds, fruit 0.1 except berries, milk 0.02.
    [InlineData("GRAIN.RICE.MILLED", "PB", "0.2", "mg/kg", ItemVerdict.Conforming)] // equal to the limit conforms
    [InlineData("GRAIN.RICE.MILLED", "PB", "0.21", "mg/kg", ItemVerdict.NonConforming)]
    [InlineData("VEG.LEAFY.SPINACH", "PB", "0.25", "mg/kg", ItemVerdict.Conforming)] // leafy 0.3, not vegetables' 0.1
    [InlineData("VEG.FRUITING.TOMATO", "PB", "0.15", "mg/kg", ItemVerdict.NonConforming)]
    [InlineData("VEG.ROOT.GINGER", "PB", "0.15", "mg/kg", ItemVerdict.NoLimit)] // 生姜除外
    [InlineData("VEG.ROOT.TUBER.POTATO", "PB", "0.15", "mg/kg", ItemVerdict.NoLimit)] // 薯类除外 reaches 马铃薯
    [InlineData("FRUIT.POME.APPLE", "PB", "0.1", "mg/kg", ItemVerdict.Conforming)]
    [InlineData("FRUIT.BERRY.GRAPE", "PB", "0.15", "mg/kg", ItemVerdict.NoLimit)] // 浆果除外
    [InlineData("ANIMAL.DAIRY.MILK", "PB", "0.03", "mg/kg", ItemVerdict.NonConforming)]
    // 镉: grain 0.1 except rice 0.2; leafy 0.2; other vegetables 0.05 with exclusions; meat 0.1, liver 0.5, kidney 1.0.
    [InlineData("GRAIN.WHEAT.FLOUR", "CD", "0.1", "mg/kg", ItemVerdict.Conforming)]
    [InlineData("GRAIN.WHEAT.FLOUR", "CD", "0.12", "mg/kg", ItemVerdict.NonConforming)]
    [InlineData("GRAIN.RICE", "CD", "0.15", "mg/kg", ItemVerdict.Conforming)]
    [InlineData("VEG.LEAFY.CELERY", "CD", "0.15", "mg/kg", ItemVerdict.Conforming)]
    [InlineData("VEG.FRUITING.TOMATO", "CD", "0.06", "mg/kg", ItemVerdict.NonConforming)]
    [InlineData("VEG.STEM.ASPARAGUS", "CD", "0.06", "mg/kg", ItemVerdict.Conforming)] // 茎类蔬菜 0.1 (GB 2762-2022)
    [InlineData("VEG.STEM.ASPARAGUS", "CD", "0.11", "mg/kg", ItemVerdict.NonConforming)]
    // Review D-10: GB 2762 files 芹菜 under 茎类蔬菜, so celery lead is the fresh-vegetable 0.1, not the leafy 0.3.
    [InlineData("VEG.LEAFY.CELERY", "PB", "0.15", "mg/kg", ItemVerdict.NonConforming)]
    [InlineData("VEG.LEAFY.CELERY", "PB", "0.1", "mg/kg", ItemVerdict.Conforming)]
    [InlineData("VEG.LEAFY.CELERY", "CD", "0.21", "mg/kg", ItemVerdict.NonConforming)] // 芹菜 0.2 (茎类 0.1 excludes it)
    [InlineData("ANIMAL.MEAT.FRESH.MUSCLE.PORK", "CD", "0.1", "mg/kg", ItemVerdict.Conforming)]
    [InlineData("ANIMAL.MEAT.FRESH.LIVER.PORK", "CD", "0.4", "mg/kg", ItemVerdict.Conforming)] // liver 0.5; meat's 0.1 excludes offal
    [InlineData("ANIMAL.MEAT.FRESH.KIDNEY", "CD", "1.2", "mg/kg", ItemVerdict.NonConforming)]
    // 甲基汞: fish 0.5 except predatory fish 1.0.
    [InlineData("ANIMAL.AQUA.FISH", "MEHG", "0.6", "mg/kg", ItemVerdict.NonConforming)]
    [InlineData("ANIMAL.AQUA.PREDATORY", "MEHG", "0.6", "mg/kg", ItemVerdict.Conforming)]
    // Mycotoxins (GB 2761-2017), with unit conversion mg/kg ↔ μg/kg.
    [InlineData("GRAIN.RICE.BROWN", "BAP", "5.0", "μg/kg", ItemVerdict.Conforming)]
    [InlineData("GRAIN.RICE.BROWN", "BAP", "0.006", "mg/kg", ItemVerdict.NonConforming)] // 6 μg/kg > 5
    [InlineData("GRAIN.MAIZE", "AFB1", "25", "ug/kg", ItemVerdict.NonConforming)]
    [InlineData("NUT.PEANUT", "AFB1", "0.02", "mg/kg", ItemVerdict.Conforming)] // = 20 μg/kg
    [InlineData("OIL.VEG.SOYBEAN", "AFB1", "15", "μg/kg", ItemVerdict.NonConforming)] // vegetable oils 10 (peanut/corn excluded)
    [InlineData("OIL.VEG.PEANUT", "AFB1", "15", "μg/kg", ItemVerdict.Conforming)] // peanut oil 20
    [InlineData("ANIMAL.DAIRY.MILK", "AFM1", "0.5", "μg/kg", ItemVerdict.Conforming)]
    [InlineData("GRAIN.WHEAT.FLOUR", "DON", "1001", "μg/kg", ItemVerdict.NonConforming)]
    [InlineData("FRUITPROD.APPLE", "PAT", "60", "μg/kg", ItemVerdict.NonConforming)]
    [InlineData("FRUITPROD.APPLE.GUODANPI", "PAT", "60", "μg/kg", ItemVerdict.NoLimit)] // 果丹皮除外
    // Pesticides (GB 2763-2021).
    [InlineData("VEG.BULB.CHIVE", "PROCYMIDONE", "0.25", "mg/kg", ItemVerdict.NonConforming)]
    [InlineData("VEG.LEAFY.CELERY", "CHLORPYRIFOS", "0.05", "mg/kg", ItemVerdict.Conforming)]
    [InlineData("VEG.CUCURBIT.CUCUMBER", "OMETHOATE", "0.03", "mg/kg", ItemVerdict.NonConforming)]
    [InlineData("VEG.LEGUME.COWPEA", "ISOCARBOPHOS", "0.06", "mg/kg", ItemVerdict.NonConforming)]
    [InlineData("VEG.LEGUME.COWPEA", "CYROMAZINE", "0.5", "mg/kg", ItemVerdict.Conforming)]
    // Veterinary drugs (GB 31650-2019).
    [InlineData("ANIMAL.MEAT.FRESH.MUSCLE.CHICKEN", "ENRO", "101", "μg/kg", ItemVerdict.NonConforming)]
    [InlineData("ANIMAL.MEAT.FRESH.MUSCLE.BEEF", "TC", "0.2", "mg/kg", ItemVerdict.Conforming)]
    [InlineData("ANIMAL.DAIRY.MILK", "TC", "150", "μg/kg", ItemVerdict.NonConforming)]
    [InlineData("ANIMAL.MEAT.CURED", "NITRITE", "30", "mg/kg", ItemVerdict.Conforming, "2024-05-01")]
    [InlineData("ANIMAL.MEAT.CURED", "NITRITE", "31", "mg/kg", ItemVerdict.NonConforming, "2024-05-01")]
    [InlineData("ALCOHOL.WINE", "SO2", "0.26", "g/L", ItemVerdict.NonConforming, "2024-05-01")]
    [InlineData("ALCOHOL.WINE", "SO2", "250", "mg/L", ItemVerdict.Conforming, "2024-05-01")]
    [InlineData("FLOURPROD.FRIED", "AL", "120", "mg/kg", ItemVerdict.NonConforming, "2024-05-01")]
    public void AValue_IsJudgedAgainstTheMostSpecificLimitInForce(string category, string analyte, string value, string unit, ItemVerdict expected, string on = "2026-06-01")
    {
        var j = Judge(category, analyte, value, unit, on: on);
        Assert.True(expected == j.Verdict, $"{category}/{analyte} {value} {unit}: {j.Verdict} — {j.Explanation}");
    }

    [Theory]
    [InlineData("ANIMAL.EGG.CHICKEN", "ENRO", "1.2", "0.5", ItemVerdict.NonConforming)] // 产蛋期禁用: detected
    [InlineData("ANIMAL.EGG.CHICKEN", "ENRO", "0.3", "0.5", ItemVerdict.NotDetected)]
    [InlineData("ANIMAL.MEAT.FRESH.MUSCLE.PORK", "CLEN", "0.6", "0.5", ItemVerdict.NonConforming)] // 动物性食品 row reaches pork
    [InlineData("ANIMAL.MEAT.FRESH.MUSCLE.PORK", "CLEN", "0.5", "0.5", ItemVerdict.NonConforming)] // at the detection limit = detected
    [InlineData("ANIMAL.MEAT.FRESH.MUSCLE.PORK", "CLEN", null, "0.5", ItemVerdict.NotDetected)] // reported 未检出
    [InlineData("ANIMAL.AQUA.SHRIMP", "MG", "1.0", "0.5", ItemVerdict.NonConforming)]
    [InlineData("ANIMAL.EGG.CHICKEN", "AOZ", "0.1", "0.2", ItemVerdict.NotDetected)]
    public void NotDetectable_MeansAResultAtOrAboveTheDetectionLimitFails(string category, string analyte, string? value, string lod, ItemVerdict expected)
    {
        var j = Judge(category, analyte, value, "μg/kg", lod);
        Assert.True(expected == j.Verdict, $"{category}/{analyte}: {j.Verdict} — {j.Explanation}");
    }

    [Fact]
    public void AnInheritedLimit_SaysWhichCategoryItCameFrom_ByName()
    {
        var j = Judge("VEG.CUCURBIT.CUCUMBER", "OMETHOATE", "0.03", "mg/kg");
        Assert.Contains("按上级类别“新鲜蔬菜”的限量", j.Explanation);
        Assert.Contains("GB 2763-2021", j.Explanation);
    }

    [Fact]
    public void NotPermittedAdditive_IsJudgedByDetection_InTheEditionInForce()
    {
        Assert.Equal(ItemVerdict.NonConforming, Judge("BAKERY.PASTRY", "BENZOIC", "0.05", "g/kg", lod: "0.005", on: "2024-01-10").Verdict);
        Assert.Equal(ItemVerdict.NotDetected, Judge("BAKERY.PASTRY", "BENZOIC", "0.001", "g/kg", lod: "0.005", on: "2024-01-10").Verdict);
    }

    [Theory]
    [InlineData("0.205", 2, ItemVerdict.Conforming)] // → 0.20: 5 followed by nothing, kept digit even → dropped
    [InlineData("0.215", 2, ItemVerdict.NonConforming)] // → 0.22: kept digit odd → raised
    [InlineData("0.2051", 2, ItemVerdict.NonConforming)] // → 0.21: 5 followed by a non-zero digit → raised
    [InlineData("0.2049", 2, ItemVerdict.Conforming)] // → 0.20
    [InlineData("0.2049", 3, ItemVerdict.NonConforming)] // → 0.205 > 0.2
    public void UnderTheRoundedValueMethod_TheReportedValueIsCompared(string value, int decimals, ItemVerdict expected)
    {
        var rule = new LimitRule(Guid.NewGuid(), "X", "A", 0.2m, "mg/kg", false, "GB 1", "2020", new DateOnly(2020, 1, 1), null, [], null, LimitComparison.RoundedValue);
        var j = Judgement.Judge(new ItemResult(Dec(value), "mg/kg", null, decimals), new ResolvedLimit(rule, "X", false, "X"));
        Assert.Equal(expected, j.Verdict);
    }

    [Theory]
    // Review D-7, GB/T 8170 §4.3.2: with no rule in the standard the measured value is compared — 0.204 fails Pb ≤ 0.2
    // although it is reported as 0.20.
    [InlineData("0.204", 2, null, ItemVerdict.NonConforming, "0.20")]
    [InlineData("0.205", 2, null, ItemVerdict.NonConforming, "0.20")]
    [InlineData("0.2", 2, null, ItemVerdict.Conforming, "0.20")]
    [InlineData("0.2049", null, 2, ItemVerdict.NonConforming, "0.20")] // two significant figures
    public void UnderTheDefaultFullValueMethod_TheMeasuredValueIsCompared(string value, int? decimals, int? significant, ItemVerdict expected, string reported)
    {
        var limit = Book.Resolve("GRAIN.RICE.MILLED", "PB", new DateOnly(2026, 6, 1)); // 0.2 mg/kg, GB 2762-2022, no method set
        Assert.Equal(LimitComparison.FullValue, limit!.Rule.Comparison);
        var j = Judgement.Judge(new ItemResult(Dec(value), "mg/kg", null, decimals, SignificantDigits: significant), limit);
        Assert.Equal(expected, j.Verdict);
        Assert.Equal(Dec(reported), j.RoundedValue);
        if (Dec(value) != j.RoundedValue)
        {
            Assert.Contains($"实测 {value}，按全数值比较法", j.Explanation);
        }
    }

    [Theory]
    [InlineData("0.02049", 2, "0.020")]
    [InlineData("1250", 2, "1200")] // half to even
    [InlineData("1350", 2, "1400")]
    [InlineData("123.456", 4, "123.5")]
    [InlineData("0.000315", 2, "0.00032")]
    [InlineData("98.5", 2, "98")]
    public void SignificantFigures_AreRoundedPerGbT8170(string value, int digits, string expected) =>
        Assert.Equal(Dec(expected), Judgement.RoundSignificant(Dec(value)!.Value, digits));

    [Fact]
    public void DecimalsAndSignificantFigures_AreNotBothGiven() =>
        Assert.Equal("significantDigits", Assert.Throws<JudgementRefused>(() =>
            Judgement.Judge(new ItemResult(0.1m, "mg/kg", null, 2, SignificantDigits: 2), Book.Resolve("GRAIN.RICE", "PB", new DateOnly(2026, 6, 1)))).Field);

    [Theory]
    // Review D-8: the 判定值 on the 公告第250号 row (0.5 μg/kg for 克伦特罗) decides, or the lab's LOD when that is higher.
    [InlineData("0.3", "0.1", ItemVerdict.NotDetected)] // a more sensitive lab finds 0.3: below the 判定值, 未检出
    [InlineData("0.5", "0.1", ItemVerdict.NonConforming)] // at the 判定值
    [InlineData("0.8", "1.0", ItemVerdict.NotDetected)] // the lab's LOD is higher than the 判定值: the lab's LOD decides
    [InlineData("0.6", null, ItemVerdict.NonConforming)] // no lab LOD given: the 判定值 alone
    public void NotDetectable_IsDecidedByTheHigherOfTheDecisionValueAndTheLabsLod(string value, string? lod, ItemVerdict expected)
    {
        var j = Judge("ANIMAL.MEAT.FRESH.MUSCLE.PORK", "CLEN", value, "μg/kg", lod);
        Assert.True(expected == j.Verdict, j.Explanation);
        Assert.Contains(lod is null || decimal.Parse(lod, CultureInfo.InvariantCulture) <= 0.5m ? "判定值 0.5 μg/kg" : "检出限", j.Explanation);
    }

    [Fact]
    public void TheDecisionValue_IsConvertedToTheResultsUnit()
    {
        // 0.0006 mg/kg = 0.6 μg/kg ≥ 判定值 0.5 μg/kg.
        Assert.Equal(ItemVerdict.NonConforming, Judge("ANIMAL.MEAT.FRESH.MUSCLE.PORK", "CLEN", "0.0006", "mg/kg").Verdict);
        Assert.Equal(ItemVerdict.NotDetected, Judge("ANIMAL.MEAT.FRESH.MUSCLE.PORK", "CLEN", "0.0004", "mg/kg").Verdict);
    }

    [Theory]
    // Review D-11, GB 29921-2021: 金黄色葡萄球菌 in 熟肉制品 n=5, c=1, m=100 CFU/g, M=1000 CFU/g.
    [InlineData("10;20;ND;50;90", ItemVerdict.Conforming)]
    [InlineData("10;150;ND;50;90", ItemVerdict.Conforming)] // one unit between m and M: c = 1 allows it
    [InlineData("10;150;200;50;90", ItemVerdict.NonConforming)] // two units above m
    [InlineData("10;20;1100;50;90", ItemVerdict.NonConforming)] // one unit above M
    [InlineData("ND;ND;ND;ND;ND", ItemVerdict.NotDetected)]
    public void AThreeClassPlan_IsJudgedOverItsNResults(string values, ItemVerdict expected)
    {
        var limit = Book.Resolve("ANIMAL.MEAT.COOKED.HAM", "SAUR", new DateOnly(2026, 6, 1));
        Assert.NotNull(limit!.Rule.Plan);
        var j = Judgement.Judge(new ItemResult(null, "cfu/g", null, null, Values: Parse(values)), limit);
        Assert.True(expected == j.Verdict, j.Explanation);
        Assert.Contains("n=5、c=1、m=100、M=1000 CFU/g", j.Explanation);
    }

    [Theory]
    // 沙门氏菌 n=5, c=0, m=0/25g: any detection fails.
    [InlineData("0;0;0;0;0", ItemVerdict.NotDetected)]
    [InlineData("0;0;1;0;0", ItemVerdict.NonConforming)]
    public void ATwoClassPresencePlan_FailsOnAnyDetectionWhenCIsZero(string values, ItemVerdict expected)
    {
        var limit = Book.Resolve("BAKERY.PASTRY", "SALM", new DateOnly(2026, 6, 1));
        Assert.Equal(expected, Judgement.Judge(new ItemResult(null, "/25g", null, null, Values: Parse(values)), limit).Verdict);
    }

    [Fact]
    public void APlan_NeedsExactlyNResults_InThePlansUnit()
    {
        var limit = Book.Resolve("ANIMAL.MEAT.COOKED", "SAUR", new DateOnly(2026, 6, 1));
        Assert.Equal("values", Assert.Throws<JudgementRefused>(() => Judgement.Judge(new ItemResult(null, "CFU/g", null, null, Values: Parse("10;20")), limit)).Field);
        Assert.Equal("unit", Assert.Throws<JudgementRefused>(() => Judgement.Judge(new ItemResult(null, "MPN/g", null, null, Values: Parse("1;1;1;1;1")), limit)).Field);
        var lead = Book.Resolve("GRAIN.RICE", "PB", new DateOnly(2026, 6, 1)); // not a plan row: one value only
        Assert.Equal("values", Assert.Throws<JudgementRefused>(() => Judgement.Judge(new ItemResult(null, "mg/kg", null, null, Values: Parse("0.1;0.2")), lead)).Field);
    }

    [Theory]
    // Review D-9: a prepackaged food by its production date, a 食用农产品 (or no production date) by the sampling date.
    [InlineData(true, "2025-01-20", "2025-03-03", "2025-01-20")]
    [InlineData(false, "2025-01-20", "2025-03-03", "2025-03-03")]
    [InlineData(true, null, "2025-03-03", "2025-03-03")]
    public void TheLimitDate_IsTheProductionDateOfAPrepackagedFood(bool prepackaged, string? made, string sampled, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture),
            LimitBook.LimitDate(prepackaged, made is null ? null : DateOnly.Parse(made, CultureInfo.InvariantCulture), DateOnly.Parse(sampled, CultureInfo.InvariantCulture)));

    [Fact]
    public void AStandardsOwnPlacement_OnlyChangesItsOwnRows()
    {
        // GB 2763's chlorpyrifos row is on celery itself; GB 2762 walks celery → 茎类蔬菜 → 新鲜蔬菜.
        Assert.Equal(["VEG.LEAFY.CELERY", "VEG.STEM", "VEG"], Book.Lineage("VEG.LEAFY.CELERY", "GB 2762"));
        Assert.Equal(["VEG.LEAFY.CELERY", "VEG.LEAFY", "VEG"], Book.Lineage("VEG.LEAFY.CELERY", "GB 2763"));
        Assert.Equal("GB 2763-2021", Book.Resolve("VEG.LEAFY.CELERY", "CHLORPYRIFOS", new DateOnly(2026, 6, 1))!.Rule.StandardEdition);
        Assert.Equal("VEG.LEAFY.CELERY", Book.Resolve("VEG.LEAFY.CELERY", "CD", new DateOnly(2026, 6, 1))!.MatchedCategory);
        Assert.Equal("VEG", Book.Resolve("VEG.LEAFY.CELERY", "PB", new DateOnly(2026, 6, 1))!.MatchedCategory);
    }

    private static List<decimal?> Parse(string values) => [.. values.Split(';').Select(v => v == "ND" ? null : Dec(v))];

    [Fact]
    public void GbT8170_RoundsHalfToEven_OnTheExactDecimal()
    {
        Assert.Equal(0.2m, Judgement.RoundGbT8170(0.25m, 1));
        Assert.Equal(0.4m, Judgement.RoundGbT8170(0.35m, 1));
        Assert.Equal(1.0m, Judgement.RoundGbT8170(1.05m, 1));
        Assert.Equal(1.2m, Judgement.RoundGbT8170(1.1500001m, 1));
        Assert.Equal(12m, Judgement.RoundGbT8170(12.5m, 0));
    }

    [Fact]
    public void ASampleIsJudgedByTheEditionInForceOnItsSamplingDate()
    {
        // GB 2760-2014 rows end when GB 2760-2024 took effect (2025-02-08); from that day the 2024 rows judge.
        Assert.Contains("GB 2760-2014", Judge("BEVERAGE.CARBONATED", "BENZOIC", "0.25", "g/kg", on: "2025-02-07").Explanation);
        var after = Judge("BEVERAGE.CARBONATED", "BENZOIC", "0.25", "g/kg", on: "2025-02-08");
        Assert.Equal(ItemVerdict.NonConforming, after.Verdict);
        Assert.Contains("GB 2760-2024", after.Explanation);
        Assert.Equal(ItemVerdict.NonConforming, Judge("BAKERY.PASTRY", "BENZOIC", "0.05", "g/kg", lod: "0.005", on: "2026-01-10").Verdict); // still 不得使用

        // GB 2762-2022 applies from 2023-06-30: a rice sample taken the day before is not judged by it.
        Assert.Equal(ItemVerdict.NoLimit, Judge("GRAIN.RICE", "PB", "0.3", "mg/kg", on: "2023-06-29").Verdict);
        Assert.Equal(ItemVerdict.NonConforming, Judge("GRAIN.RICE", "PB", "0.3", "mg/kg", on: "2023-06-30").Verdict);

        // Two editions of one row: each date takes its own.
        var old = new LimitRule(Guid.NewGuid(), "X", "A", 1.0m, "mg/kg", false, "GB 1", "2017", new DateOnly(2017, 9, 17), new DateOnly(2023, 6, 29), [], null);
        var current = old with { Id = Guid.NewGuid(), Limit = 0.5m, Edition = "2022", EffectiveFrom = new DateOnly(2023, 6, 30), EffectiveTo = null };
        var book = new LimitBook([("X", null)], [old, current]);
        Assert.Equal("2017", book.Resolve("X", "A", new DateOnly(2023, 6, 29))!.Rule.Edition);
        Assert.Equal("2022", book.Resolve("X", "A", new DateOnly(2023, 6, 30))!.Rule.Edition);
        Assert.Null(book.Resolve("X", "A", new DateOnly(2017, 9, 16)));
    }

    [Fact]
    public void PerVolumeAgainstPerMass_NeedsTheDensity_OtherwiseTheUnitIsRefused()
    {
        var refused = Assert.Throws<JudgementRefused>(() => Judge("ALCOHOL.WINE", "SO2", "0.2", "g/kg", on: "2024-05-01"));
        Assert.Equal("unit", refused.Field);
        Assert.Contains("密度", refused.Message);
        var j = Judge("ALCOHOL.WINE", "SO2", "0.26", "g/kg", on: "2024-05-01", density: "0.99"); // 0.2574 g/L > 0.25
        Assert.Equal(ItemVerdict.NonConforming, j.Verdict);
        Assert.Equal(0.2574m, j.ComparedValue);
    }

    [Fact]
    public void AnUnknownUnit_ANegativeValue_OrNotDetectableWithoutADetectionLimit_IsRefused()
    {
        Assert.Equal("unit", Assert.Throws<JudgementRefused>(() => Judge("GRAIN.RICE", "PB", "0.1", "mg/m3")).Field);
        Assert.Equal("value", Assert.Throws<JudgementRefused>(() => Judge("GRAIN.RICE", "PB", "-0.1", "mg/kg")).Field);
        Assert.Equal("lod", Assert.Throws<JudgementRefused>(() => Judge("ANIMAL.EGG.CHICKEN", "ENRO", "1.0", "μg/kg")).Field); // no 判定值 on that row
    }

    [Fact]
    public void TheOverallVerdict_FailsOnAnyItem_AndWaitsForAPersonWhenALimitIsMissing()
    {
        Assert.Equal(SampleVerdict.NonConforming, Judgement.Overall([ItemVerdict.Conforming, ItemVerdict.NonConforming, ItemVerdict.NoLimit]));
        Assert.Equal(SampleVerdict.Undetermined, Judgement.Overall([ItemVerdict.Conforming, ItemVerdict.NoLimit]));
        Assert.Equal(SampleVerdict.Conforming, Judgement.Overall([ItemVerdict.Conforming, ItemVerdict.NotDetected]));
    }

    [Fact]
    public void TheShippedLibrary_IsConsistent()
    {
        var categories = StandardsReference.ReadCategories().ToDictionary(c => c.Code);
        var analytes = StandardsReference.ReadAnalytes().Select(a => a.Code).ToHashSet();
        Assert.All(categories.Values, c => Assert.True(c.Parent is null || categories.ContainsKey(c.Parent), c.Code));
        var limits = StandardsReference.ReadLimits();
        Assert.True(limits.Select(l => l.SourceRow).Distinct().Count() >= 73);
        Assert.All(StandardsReference.ReadPlacements(), p => Assert.True(categories.ContainsKey(p.Placement.Category) && categories.ContainsKey(p.Placement.Parent), p.Placement.Category));
        foreach (var l in limits.Select(l => l.Rule))
        {
            Assert.True(categories.ContainsKey(l.Category), l.Category);
            Assert.Contains(l.Analyte, analytes);
            Assert.True(l.Plan is not null ? l.Limit >= 0 && MeasureUnit.TryParseMicrobial(l.Unit, out _)
                : l.NotDetectable ? l.DecisionValue is null || MeasureUnit.TryParse(l.Unit, out _)
                : l.Limit > 0 && MeasureUnit.TryParse(l.Unit, out _), $"{l.Category}/{l.Analyte}");
            Assert.All(l.Excludes, e => Assert.Contains(l.Category, Book.Lineage(e, l.Standard))); // an exclusion is a sub-category, as the standard files it
        }

        Assert.Equal(limits.Count, limits.Select(l => l.Rule.Id).Distinct().Count());
    }
}
