using System.Text;
using Shian.Governance.Parsing;
using Shian.Kernel.Units;
using Shian.UnitTests.Kernel.Units;

namespace Shian.UnitTests.Governance;

public sealed class PlanParserSeedTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("000", PlanLayout.Table, 7, 64)]
    [InlineData("001", PlanLayout.Clauses, 10, 24)]
    [InlineData("002", PlanLayout.Table, 1, 32)]
    [InlineData("003", PlanLayout.Table, 3, 18)]
    [InlineData("004", PlanLayout.Outline, 5, 34)]
    public void Parse_EachSeed_GivesItsSectionsAndTasks(string seed, PlanLayout layout, int sections, int tasks)
    {
        var plan = SeedPlans.Parse(seed);
        Assert.Equal(layout, plan.Layout);
        Assert.Equal(sections, plan.Sections.Count);
        Assert.Equal(tasks, plan.Tasks.Count());
        Assert.All(plan.Tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.Text)));
    }

    [Theory]
    [InlineData("000", "重点任务分工及进度安排表", null, "210500000000")]
    [InlineData("001", "溪湖区2017年食品安全重点工作安排", 2017, "210503000000")]
    [InlineData("002", "2018年温州市食品安全工作责任分工一览表", 2018, "330300000000")]
    [InlineData("003", "贵阳市巩固提升国家食品安全示范城市三年行动主要任务责任分解表", null, "520100000000")]
    [InlineData("004", "2024年创建食品安全示范城市工作实施方案", 2024, null)]
    public void Parse_EachSeed_FindsTitleYearAndIssuingRegion(string seed, string title, int? year, string? region)
    {
        var plan = SeedPlans.Parse(seed);
        Assert.Equal(title, plan.Title);
        Assert.Equal(year, plan.Year);
        Assert.Equal(region, plan.IssuerRegionCode);
        Assert.Equal(year is null, plan.Warnings.Any(w => w.Code == "plan.year-missing"));
        Assert.Equal(region is null, plan.Warnings.Any(w => w.Code == "plan.region-missing"));
    }

    [Fact]
    public void Seed000_Tasks_FieldByField()
    {
        var plan = SeedPlans.Parse("000", year: 2017);
        Assert.Equal(["一", "二", "三", "四", "五", "六", "七"], plan.Sections.Select(s => s.Number));

        var first = plan.Sections[0].Tasks[0];
        Assert.Equal("科学规划食品安全地方标准和企业标准制定工作，确保食品安全标准覆盖所有食品品种。", first.Text);
        Assert.Equal("市卫生计生委、市农委、市水务局、市食品药品监管局等", first.UnitsText);
        Assert.Equal("持续实施", first.TimeText);
        Assert.True(first.Recurring);
        Assert.Empty(first.Milestones);
        Assert.Equal(["210500:health", "210500:agriculture", "210500:water", "210500:market-regulation"], first.Units.SelectMany(u => u.UnitKeys));

        var coverage = plan.Tasks.Single(t => t.Text.StartsWith("每年对辖区内20%", StringComparison.Ordinal));
        Assert.Equal(ResolutionKind.Group, coverage.Units.Single().Kind);
        Assert.Contains("210500:military", coverage.Units.Single().UnitKeys);
        Assert.Equal([(Comparator.AtLeast, (decimal?)20m, "%", "年"), (Comparator.Equal, 100m, "%", "5年")],
            coverage.Targets.Select(t => (t.Comparator, t.Value, t.Unit, t.Period)));

        var awareness = plan.Tasks.Single(t => t.TimeText?.StartsWith("2016年底前知晓率", StringComparison.Ordinal) == true);
        Assert.Equal([D("2016-12-31"), D("2020-12-31")], awareness.Milestones.Select(m => m.Date));
        Assert.True(awareness.Recurring);
        Assert.Equal([(20m, D("2016-12-31")), (70m, D("2020-12-31"))], awareness.Targets.Select(t => (t.Value!.Value, t.Deadline!.Value)));

        var insurance = plan.Tasks.Single(t => t.Text.StartsWith("积极推进食品安全责任保险", StringComparison.Ordinal));
        Assert.Equal(new ParsedTarget(insurance.Targets[0].Text, Comparator.AtLeast, 70m, "%", null, D("2020-12-31")), insurance.Targets[0]);
        Assert.Equal(["fso:210500000000", "210500:insurance-association"], insurance.Units.SelectMany(u => u.UnitKeys));
    }

    [Fact]
    public void Seed001_EachResponsibilityClauseClosesATask()
    {
        var plan = SeedPlans.Parse("001");
        var first = plan.Sections[0].Tasks.Single();
        Assert.StartsWith("按照《本溪市人民政府办公厅关于印发", first.Text, StringComparison.Ordinal);
        Assert.Equal("区政府食安办、区政府食安委各成员单位", first.UnitsText);
        Assert.Equal(D("2017-09-30"), first.Milestones.Single().Date);
        Assert.Equal("fso:210503000000", first.Units[0].UnitKeys.Single());
        Assert.Equal(ResolutionKind.Group, first.Units[1].Kind);

        var catering = plan.Sections[3].Tasks[2];
        Assert.Equal("三", catering.Number);
        Assert.StartsWith("（三）强化餐饮服务环节监管", catering.Text, StringComparison.Ordinal);
        Assert.Equal("区教育局、区市场监督管理局", catering.UnitsText);
        Assert.Equal(D("2017-12-31"), catering.Milestones.Single().Date); // 12月底前
        Assert.Equal([(Comparator.Equal, 100m), (Comparator.AtLeast, 60m)], catering.Targets.Select(t => (t.Comparator, t.Value!.Value)));

        var training = plan.Sections[1].Tasks.Single();
        Assert.Contains(training.Milestones, m => m.Date == D("2017-10-31"));
        Assert.Contains(training.Targets, t => t is { Value: 40m, Unit: "小时", Comparator: Comparator.AtLeast });
        Assert.All(plan.Tasks, t => Assert.NotNull(t.UnitsText));
    }

    [Fact]
    public void AResponsibilityClause_MayHoldBracketsInAUnitName()
    {
        var text = "本溪市2025年食品安全重点工作\n\n一、强化抽检\n（一）加大抽检力度。全年食品抽检量达到4.5份/千人。（责任单位：各县（区）政府、市市场监督管理局）\n（二）完善追溯体系。年底前建成追溯平台。（责任单位：市商务局）\n";
        var plan = PlanParser.Parse(PlanText.Lines(text), ShippedCatalog.Instance, new PlanParser.Options(null));
        var tasks = plan.Sections.SelectMany(s => s.Tasks).ToList();
        Assert.Equal(2, tasks.Count);
        Assert.DoesNotContain(tasks[0].Units, u => u.Kind == Shian.Kernel.Units.ResolutionKind.Unresolved);
        Assert.Contains(tasks[0].Units, u => u.UnitKeys.Contains("gov:210503000000"));
        Assert.Contains(tasks[0].Units, u => u.UnitKeys.Contains("210500:market-regulation"));
        Assert.StartsWith("（二）", tasks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed002_Tasks_FieldByField()
    {
        var plan = SeedPlans.Parse("002");
        Assert.Equal(Enumerable.Range(1, 32).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), plan.Tasks.Select(t => t.Number));

        var first = plan.Tasks.First();
        Assert.Equal("建立完善党政同责制度", first.Title);
        Assert.Equal("6月前各县（市、区）出台食品安全“党政同责”实施细则。", first.Text);
        Assert.Equal(D("2018-05-31"), first.Milestones.Single().Date); // "X月前" → end of month X−1
        Assert.Equal(13, first.Units.SelectMany(u => u.UnitKeys).Count()); // 12 county governments + 浙南产业集聚区

        var oil = plan.Tasks.Single(t => t.Number == "13");
        Assert.Equal("各县（市、区）政府、功能区，市综合行政执法局、市市场监管局", oil.UnitsText); // wrapped cell joined
        Assert.Equal(D("2018-12-31"), oil.Milestones.Single().Date); // "2018年底"
        Assert.Equal(80m, oil.Targets.Single().Value);

        var sampling = plan.Tasks.Single(t => t.Number == "18");
        Assert.Equal([(4.5m, "份/千人", "年"), (2m, "份/千人", "年")], sampling.Targets.Select(t => (t.Value!.Value, t.Unit, t.Period!)));

        var catering = plan.Tasks.Single(t => t.Number == "12");
        Assert.Contains(catering.Targets, t => t is { Value: 340m, Unit: "家", Comparator: Comparator.AtLeast });

        var residues = plan.Tasks.Single(t => t.Number == "7");
        Assert.Contains(residues.Targets, t => t is { Value: 1400m, Unit: "批次", Comparator: Comparator.AtLeast });
        Assert.Contains(residues.Targets, t => t is { Value: 98m, Unit: "%", Comparator: Comparator.AtLeast });
    }

    [Fact]
    public void Seed003_RepeatedHeadersAndSections_DoNotDuplicate_AndLeadUnitsAreKept()
    {
        var plan = SeedPlans.Parse("003");
        Assert.Equal(["一", "二", "三"], plan.Sections.Select(s => s.Number));
        Assert.Equal([1, 7, 10], plan.Sections.Select(s => s.Tasks.Count));

        var first = plan.Sections[0].Tasks.Single();
        Assert.Null(first.Number);
        Assert.Equal("市政府食药安办、市政府食药安委各委员单位", first.LeadText);
        Assert.StartsWith("各区（市、县）政府，高新开发区", first.UnitsText, StringComparison.Ordinal);

        var team = plan.Sections[1].Tasks[2];
        Assert.Equal("3", team.Number);
        Assert.Equal("市市场监管局、市农业农村局", team.LeadText);
        Assert.StartsWith("市公安局、市财政局，各区（市、县）政府", team.UnitsText, StringComparison.Ordinal);
        Assert.Contains(team.Targets, t => t is { Value: 40m, Unit: "学时", Comparator: Comparator.AtLeast });
        Assert.Contains(team.Units.SelectMany(u => u.UnitKeys), k => k == "gov:520100903000"); // 贵州双龙航空港经济区管委会

        var kitchens = plan.Sections[2].Tasks[4];
        Assert.Equal("5", kitchens.Number);
        Assert.Equal("市教育局、市市场监管局", kitchens.LeadText);
        Assert.Equal(D("2025-12-31"), kitchens.Milestones.First().Date); // "2026年前"
        Assert.Equal("12315热线接通率达到85%以上", plan.Sections[1].Tasks[6].Targets.Single().Text[^17..]);
    }

    [Fact]
    public void Seed004_OutlineItems_RedactedNumbersAndValuesAreFlagged()
    {
        var plan = SeedPlans.Parse("004");
        Assert.Equal([7, 10, 7, 4, 6], plan.Sections.Select(s => s.Tasks.Count));
        Assert.Equal("（一）组织管理体系完善", plan.Sections[0].Title);

        var first = plan.Sections[0].Tasks[0];
        Assert.Equal("1", first.Number);
        Assert.StartsWith("要将食品安全工作纳入全市国民经济和社会发展规划", first.Text, StringComparison.Ordinal);

        var budget = plan.Sections[0].Tasks[2];
        var perThousand = budget.Targets.Single(t => t.Unit == "份/千人");
        Assert.Null(perThousand.Value);
        Assert.Contains(plan.Warnings, w => w.Code == "task.target-value-missing" && w.TaskNumber == "3");

        var recall = plan.Sections[2].Tasks[3];
        Assert.Equal((Comparator.AtLeast, (decimal?)null, "%"), (recall.Targets.Single().Comparator, recall.Targets.Single().Value, recall.Targets.Single().Unit));
    }

    [Fact]
    public void Parse_GbkEncodedText_ReadsTheSamePlan()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(SeedPlans.Text("002"));
        var plan = PlanParser.Parse(PlanText.Lines(PlanText.Decode(gbk)), ShippedCatalog.Instance);
        Assert.Equal(32, plan.Tasks.Count());
        Assert.Equal("2018年温州市食品安全工作责任分工一览表", plan.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\n")]
    [InlineData("会议纪要\n今天天气很好，大家讨论了午饭。")]
    public void Parse_SomethingThatIsNotAPlan_IsAClearError(string text)
    {
        var e = Assert.ThrowsAny<PlanParseException>(() => PlanParser.Parse(PlanText.Lines(text), ShippedCatalog.Instance));
        Assert.Matches("文件为空|没有识别到任何任务", e.Message);
    }

    [Fact]
    public void Parse_WithAYearGiven_DatesTheMonthPhrasesOfAYearlessPlan()
    {
        var without = SeedPlans.Parse("003");
        Assert.Contains(without.Warnings, w => w.Code == "plan.year-missing");
        var with = SeedPlans.Parse("003", year: 2023);
        Assert.Equal(2023, with.Year);
        Assert.Equal("参数", with.YearSource);
        Assert.DoesNotContain(with.Warnings, w => w.Code is "plan.year-missing" or "task.undated");
    }
}
