using Shian.Governance.Import;
using Shian.Governance.Parsing;
using Shian.Kernel.Errors;
using Shian.UnitTests.Kernel.Units;

namespace Shian.UnitTests.Governance;

/// <summary>A layout the parser does not read is shown as read and parsed once the user marks it (issue #22).</summary>
public sealed class PlanLayoutHintTests
{
    private const string UnknownTable = "北川县2025年食品安全专项工作推进表\n\n编码\t事由\t主抓\t截止\n1\t开展校园食品安全专项检查，学校食堂检查覆盖率100%。\t县市场监管局\t9月底前\n2\t开展农村集体聚餐指导。\t县卫生健康局、各乡镇人民政府\t11月底前\n";

    private const string UnknownClauses = "北川县2025年食品安全工作要点\n\n一、源头治理\n（一）开展农药残留专项整治。（承担单位：县农业农村局、县市场监管局）\n（二）推进畜禽屠宰标准化。（县农业农村局具体落实）\n二、过程监管\n（一）开展小作坊提升行动，年底前提升改造30家。\n承担单位：县市场监管局\n";

    private static ParsedPlan Parse(string text, LayoutHint? hint = null) =>
        PlanParser.Parse(PlanText.Lines(text), ShippedCatalog.Instance, new PlanParser.Options(Hint: hint));

    [Fact]
    public void ATableWithUnknownHeaders_IsNotRefused_ItsRowsAreGivenBackToMark()
    {
        var e = Assert.Throws<PlanLayoutUnknownException>(() => Parse(UnknownTable));
        Assert.StartsWith("没有识别到任何任务", e.Message, StringComparison.Ordinal);
        Assert.Equal(["北川县2025年食品安全专项工作推进表"], e.Sample[0]);
        Assert.Equal(["编码", "事由", "主抓", "截止"], e.Sample[1]);
        Assert.Equal("县卫生健康局、各乡镇人民政府", e.Sample[3][2]);
    }

    [Fact]
    public void ATableMarkedByTheUser_IsReadByItsColumns()
    {
        var plan = Parse(UnknownTable, new LayoutHint([ColumnRole.Number, ColumnRole.Text, ColumnRole.Units, ColumnRole.Time], HeaderRow: 2));
        Assert.Equal(PlanLayout.Table, plan.Layout);
        var tasks = plan.Tasks.ToList();
        Assert.Equal(["1", "2"], tasks.Select(t => t.Number));
        Assert.Equal("县卫生健康局、各乡镇人民政府", tasks[1].UnitsText);
        Assert.Equal([new DateOnly(2025, 9, 30)], tasks[0].Milestones.Select(m => m.Date));
        Assert.Equal(100m, tasks[0].Targets.Single().Value);
    }

    [Fact]
    public void ProseWithItsOwnUnitWords_IsReadOnceTheUserNamesThem()
    {
        Assert.Throws<PlanLayoutUnknownException>(() => Parse(UnknownClauses));

        var plan = Parse(UnknownClauses, new LayoutHint(UnitLabel: "承担单位", UnitVerb: "具体落实"));
        Assert.Equal(PlanLayout.Clauses, plan.Layout);
        Assert.Equal(
            [("一", "县农业农村局、县市场监管局"), ("二", "县农业农村局"), ("一", "县市场监管局")],
            plan.Tasks.Select(t => (t.Number!, t.UnitsText!)));
        Assert.EndsWith("提升改造30家。", plan.Tasks.Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AMarkingIsReadStrictly_EachRefusalNamingItsField()
    {
        Assert.Null(PlanLayoutHints.Read(null, null, " ", null));
        var hint = PlanLayoutHints.Read(["序号", "text", "牵头", "责任", "时限", "忽略"], 2, "承担单位：", null)!;
        Assert.Equal([ColumnRole.Number, ColumnRole.Text, ColumnRole.Lead, ColumnRole.Units, ColumnRole.Time, ColumnRole.Ignore], hint.Columns);
        Assert.Equal("承担单位", hint.UnitLabel);

        var e = Assert.Throws<ShianProblemException>(() => PlanLayoutHints.Read(["number", "3", "units"], 99, "承担（单位）", null));
        Assert.Equal("governance.plan-layout-invalid", e.Code);
        Assert.Contains("第 2 列", e.Errors!["columns[2]"][0], StringComparison.Ordinal); // a number is not a role
        Assert.True(e.Errors.ContainsKey("headerRow"));
        Assert.True(e.Errors.ContainsKey("unitLabel"));

        var noTask = Assert.Throws<ShianProblemException>(() => PlanLayoutHints.Read(["number", "units"], 1, null, null));
        Assert.Contains("任务", noTask.Errors!["columns"][0], StringComparison.Ordinal);
    }
}
