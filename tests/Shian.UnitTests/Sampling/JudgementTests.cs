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
    [InlineData("VEG.STEM.ASPARAGUS", "CD", "0.06", "mg/kg", ItemVerdict.NoLimit)]
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
    public void TheValueIsRoundedPerGbT8170_ToTheMethodsDigits_BeforeComparing(string value, int decimals, ItemVerdict expected)
    {
        var j = Judge("VEG.BULB.CHIVE", "PROCYMIDONE", value, "mg/kg", decimals: decimals); // limit 0.2 mg/kg
        Assert.Equal(expected, j.Verdict);
    }

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
        // GB 2760-2014 rows end when GB 2760-2024 took effect (2025-02-08); the 2024 rows are not in the development library.
        Assert.Equal(ItemVerdict.NonConforming, Judge("BEVERAGE.CARBONATED", "BENZOIC", "0.25", "g/kg", on: "2025-02-07").Verdict);
        Assert.Equal(ItemVerdict.NoLimit, Judge("BEVERAGE.CARBONATED", "BENZOIC", "0.25", "g/kg", on: "2025-02-08").Verdict);

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
        Assert.Equal("lod", Assert.Throws<JudgementRefused>(() => Judge("ANIMAL.AQUA", "MG", "1.0", "μg/kg")).Field);
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
        Assert.True(limits.Select(l => l.SourceRow).Distinct().Count() >= 58);
        foreach (var l in limits.Select(l => l.Rule))
        {
            Assert.True(categories.ContainsKey(l.Category), l.Category);
            Assert.Contains(l.Analyte, analytes);
            Assert.True(l.NotDetectable || (l.Limit > 0 && MeasureUnit.TryParse(l.Unit, out _)), $"{l.Category}/{l.Analyte}");
            Assert.All(l.Excludes, e => Assert.Contains(l.Category, Book.Lineage(e))); // an exclusion is a sub-category
        }

        Assert.Equal(limits.Count, limits.Select(l => l.Rule.Id).Distinct().Count());
    }
}
