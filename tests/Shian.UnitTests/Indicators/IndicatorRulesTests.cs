using Shian.Indicators.Rules;

namespace Shian.UnitTests.Indicators;

public sealed class IndicatorMathTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void HoursWithAHeadcount_AreHoursPerPerson_HalfEvenToATenth()
    {
        Assert.Equal(20m, IndicatorMath.Compute(IndicatorUnit.Hours, 40, 2).Value);
        Assert.Equal(13.3m, IndicatorMath.Compute(IndicatorUnit.Hours, 40, 3).Value);   // 13.33…
        Assert.Equal(0.2m, IndicatorMath.Compute(IndicatorUnit.Hours, 0.25m, 1).Value); // half to even
        Assert.Null(IndicatorMath.Compute(IndicatorUnit.Hours, 40, 0).Value);           // nobody to divide by
        Assert.Equal(40m, IndicatorMath.Compute(IndicatorUnit.Hours, 40, null).Value);  // plain hours
    }

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 16, 6.2)] // 6.25: half to even (GB/T 8170), not 6.3
    [InlineData(3, 16, 18.8)] // 18.75 → 18.8
    [InlineData(0, 5, 0)]
    public void Percent_IsRoundedHalfToEven_ToOneDecimal(int numerator, int denominator, double expected) =>
        Assert.Equal((decimal)expected, IndicatorMath.Compute(IndicatorUnit.Percent, numerator, denominator).Value);

    [Theory]
    [InlineData(3, 11, 0.3)] // 0.2727… → 0.3
    [InlineData(25, 10, 2.5)]
    [InlineData(1, 4, 0.2)] // 0.25: half to even
    public void PerMonth_IsTheMonthlyAverage_ToOneDecimal(int events, int months, double expected) =>
        Assert.Equal((decimal)expected, IndicatorMath.Compute(IndicatorUnit.PerMonth, events, months).Value);

    [Fact]
    public void Percent_WithNothingToDivide_HasNoValue_ButKeepsItsParts()
    {
        var f = IndicatorMath.Compute(IndicatorUnit.Percent, 0, 0);
        Assert.Null(f.Value);
        Assert.Equal(0, f.Numerator);
        Assert.Null(IndicatorMath.Compute(IndicatorUnit.PerThousand, 10, null).Value);
    }

    [Fact]
    public void PerThousand_DividesByPopulation()
    {
        // 921 samples for 204 660 people (溪湖区, census 2020) = 4.50 份/千人.
        Assert.Equal(4.50m, IndicatorMath.Compute(IndicatorUnit.PerThousand, 921, 204_660).Value);
        Assert.Equal(340m, IndicatorMath.Compute(IndicatorUnit.Count, 340, null).Value);
    }

    [Fact]
    public void Within_SumsTheCellsUnderAPrefix_Only()
    {
        var cells = new Dictionary<string, decimal> { ["210503001000"] = 3, ["210503003000"] = 4, ["210504002000"] = 5, ["210503000000"] = 1 };
        Assert.Equal(8, IndicatorMath.Within(cells, "210503"));
        Assert.Equal(13, IndicatorMath.Within(cells, "2105"));
        Assert.Equal(3, IndicatorMath.Within(cells, "210503001"));
        Assert.Equal(0, IndicatorMath.Within(cells, "210505"));
    }

    [Fact]
    public void Year_RunsToToday_InTheCurrentYear_AndIsWhole_Before()
    {
        Assert.Equal((D("2026-01-01"), D("2026-11-25")), IndicatorMath.Year(2026, D("2026-11-25")));
        Assert.Equal((D("2025-01-01"), D("2025-12-31")), IndicatorMath.Year(2025, D("2026-11-25")));
        Assert.Null(IndicatorMath.Year(2027, D("2026-11-25")));
    }

    [Fact]
    public void MonthEnds_EndEachMonth_AndTheLastOnItsOwnEnd()
    {
        var ends = IndicatorMath.MonthEnds(D("2026-01-01"), D("2026-03-10"));
        Assert.Equal([D("2026-01-31"), D("2026-02-28"), D("2026-03-10")], ends);
        Assert.Equal(11, IndicatorMath.MonthEnds(D("2026-01-01"), D("2026-11-25")).Count);
    }

    [Theory]
    [InlineData("≥", 98, 98, true)]
    [InlineData("≥", 98, 97.9, false)]
    [InlineData("≤", 5, 4, true)]
    [InlineData("=", 100, 99.9, false)]
    [InlineData("=", 100, 100, true)]
    public void Meets_ComparesAsTheTargetSays(string comparator, double target, double value, bool expected) =>
        Assert.Equal(expected, IndicatorMath.Meets(comparator, (decimal)target, (decimal)value));

    [Fact]
    public void Meets_IsUnknown_WithoutAFigure()
    {
        Assert.Null(IndicatorMath.Meets("≥", null, 5));
        Assert.Null(IndicatorMath.Meets("≥", 5, null));
    }

    [Fact]
    public void Combine_AddsCounts_OfTheHighestEntriesBelow_NeverATownUnderAnEnteredCounty()
    {
        var f = IndicatorMath.Combine(IndicatorUnit.Count,
            [("210503000000", 10, null, null), ("210503001000", 4, null, null), ("210504000000", 7, null, null)]);
        Assert.Equal(17, f.Value);
    }

    [Fact]
    public void Combine_DerivesARate_OnlyWhenEveryEntryGaveItsParts()
    {
        var withParts = IndicatorMath.Combine(IndicatorUnit.Percent, [("210503000000", 50, 5, 10), ("210504000000", 25, 5, 20)]);
        Assert.Equal(33.3m, withParts.Value); // 10 / 30, not the mean of 50 and 25
        var without = IndicatorMath.Combine(IndicatorUnit.Percent, [("210503000000", 50, 5, 10), ("210504000000", 25, null, null)]);
        Assert.Null(without.Value);
        Assert.Null(IndicatorMath.Combine(IndicatorUnit.Hours, [("210503000000", 40, null, null)]).Value);
        Assert.Null(IndicatorMath.Combine(IndicatorUnit.Count, []).Value);
    }
}

public sealed class IndicatorCatalogueTests
{
    [Fact]
    public void Keys_AreUnique_AndEveryIndicatorCanBeSuggested()
    {
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(d => d.Key).Distinct().Count());
        Assert.All(IndicatorCatalogue.All, d => Assert.NotEmpty(d.Match));
        Assert.All(IndicatorCatalogue.All.Where(d => d.Computed), d => Assert.NotNull(d.Denominator ?? (d.Unit == IndicatorUnit.Count ? "" : null)));
        Assert.All(IndicatorCatalogue.All.Where(d => d.Unit == IndicatorUnit.PerThousand && d.Computed), d => Assert.Equal(IndicatorCatalogue.Population, d.Denominator));
    }

    [Theory]
    [InlineData("%", IndicatorUnit.Percent)]
    [InlineData("％", IndicatorUnit.Percent)]
    [InlineData("份/千人", IndicatorUnit.PerThousand)]
    [InlineData("件/千人", IndicatorUnit.PerThousand)]
    [InlineData("学时", IndicatorUnit.Hours)]
    [InlineData("小时", IndicatorUnit.Hours)]
    [InlineData("家", IndicatorUnit.Count)]
    [InlineData("批次", IndicatorUnit.Count)]
    public void FamilyOf_ReadsTheParsersUnit(string unit, IndicatorUnit family) => Assert.Equal(family, IndicatorCatalogue.FamilyOf(unit));

    [Theory]
    // One sentence, two targets: the clause holding each figure decides.
    [InlineData("12月底前，实现全区学校（含托幼机构）食堂“明厨亮灶”改造率达到100%，规模以上餐饮单位（建筑面积1000㎡以上）明厨亮灶改造率达到60%以上", "%", 0, "duty.open-kitchen-schools")]
    [InlineData("12月底前，实现全区学校（含托幼机构）食堂“明厨亮灶”改造率达到100%，规模以上餐饮单位（建筑面积1000㎡以上）明厨亮灶改造率达到60%以上", "%", 1, "duty.open-kitchen-large")]
    [InlineData("全年食用农产品监测总体合格率稳定在98%以上、监督抽检不合格产品处置率达100%", "%", 0, "sampling.agri-pass-rate")]
    [InlineData("全年食用农产品监测总体合格率稳定在98%以上、监督抽检不合格产品处置率达100%", "%", 1, "sampling.disposal-rate")]
    [InlineData("每年对辖区内20%的食品生产经营单位进行随机的食品安全监督检查和抽检监测，每5年对辖区内的食品生产经营单位、品种全部覆盖一次", "%", 0, "inspection.random-coverage")]
    [InlineData("每年对辖区内20%的食品生产经营单位进行随机的食品安全监督检查和抽检监测，每5年对辖区内的食品生产经营单位、品种全部覆盖一次", "%", 1, "inspection.coverage")]
    [InlineData("开展县（市、区）抽检监测，力争食品检验量达到每年4.5份/千人", "份/千人", 0, "sampling.per-thousand")]
    [InlineData("其中主要针对农药兽药残留的食品检验量不低于每年2份/千人", "份/千人", 0, "sampling.residue-per-thousand")]
    [InlineData("加强食品安全风险监测数据分析利用，年风险监测食品样本量达到1件/千人口", "件/千人", 0, "sampling.monitoring-per-thousand")]
    // The clause of the second figure names nothing: the whole sentence decides (知晓率 both times).
    [InlineData("2016年底前知晓率达到20%，2020年底前达到70%", "%", 1, "survey.awareness")]
    [InlineData("畅通食品安全投诉举报渠道，12315热线接通率达到85%以上", "%", 0, "programme.hotline-answer-rate")]
    [InlineData("xx小时不间断受理食品安全投诉举报，投诉举报核查回复率达xxx%", "%", 0, "complaints.reply-rate")]
    [InlineData("创建放心示范餐饮店340家", "家", 0, "programme.model-restaurants")]
    public void Suggest_PicksTheIndicatorTheWordingMeasures(string text, string unit, int nth, string expected) =>
        Assert.Equal(expected, IndicatorCatalogue.Suggest(text, unit, nth)?.Key);

    [Fact]
    public void Suggest_NeverCrossesUnitFamilies_AndGivesNothingForUnrelatedWords()
    {
        // "知晓率" is a percentage: a count target with the same word is not it.
        Assert.NotEqual("survey.awareness", IndicatorCatalogue.Suggest("知晓率宣传活动500次", "次")?.Key);
        Assert.Null(IndicatorCatalogue.Suggest("完成机构改革", "%"));
    }
}
