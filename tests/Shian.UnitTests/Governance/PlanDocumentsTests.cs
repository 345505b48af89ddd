using Shian.Governance;
using Shian.Governance.Parsing;
using Shian.UnitTests.Kernel.Units;

namespace Shian.UnitTests.Governance;

public sealed class PlanDocumentsTests
{
    private static ParsedPlan ParseFile(string name, byte[] bytes) => PlanParser.Parse(PlanDocuments.Read(name, bytes), ShippedCatalog.Instance);

    [Fact]
    public void Docx_WithSeed002AsAWordTable_ParsesToTheSameTasks()
    {
        var text = SeedPlans.Parse("002");
        var rows = new List<IReadOnlyList<string>> { new[] { "序号", "重点工作", "年度进度要求", "责任单位" } };
        rows.AddRange(text.Tasks.Select(t => (IReadOnlyList<string>)[t.Number!, t.Title!, t.Text, t.UnitsText!]));
        var docx = OfficeFiles.Docx(["附件", "2018年温州市食品安全工作责任分工一览表"], rows);

        var plan = ParseFile("分工.docx", docx);
        Assert.Equal(2018, plan.Year);
        Assert.Equal("330300000000", plan.IssuerRegionCode);
        Assert.Equal(32, plan.Tasks.Count());
        Assert.Equal(text.Tasks.Select(t => (t.Number, t.Title, t.Text, t.UnitsText)), plan.Tasks.Select(t => (t.Number, t.Title, t.Text, t.UnitsText)));
        Assert.Equal(text.Tasks.Sum(t => t.Targets.Count), plan.Tasks.Sum(t => t.Targets.Count));
    }

    [Fact]
    public void Xlsx_WithSeed000AsASheet_ParsesToTheSameSectionsAndTasks()
    {
        var text = SeedPlans.Parse("000");
        var rows = new List<IReadOnlyList<string>> { new[] { "重点任务分工及进度安排表" }, new[] { "序号", "工作任务", "责任单位", "时间进度" } };
        foreach (var s in text.Sections)
        {
            rows.Add([s.Title]);
            var n = 0;
            rows.AddRange(s.Tasks.Select(t => (IReadOnlyList<string>)[(++n).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Text, t.UnitsText!, t.TimeText!]));
        }

        var plan = ParseFile("进度安排.xlsx", OfficeFiles.Xlsx(rows));
        Assert.Equal(7, plan.Sections.Count);
        Assert.Equal(64, plan.Tasks.Count());
        Assert.Equal(text.Tasks.Select(t => (t.Text, t.UnitsText, t.TimeText)), plan.Tasks.Select(t => (t.Text, t.UnitsText, t.TimeText)));
    }

    [Fact]
    public void Docx_WithSeed001AsParagraphs_FindsTheClauseTasks()
    {
        var plan = ParseFile("溪湖.docx", OfficeFiles.DocxParagraphs(SeedPlans.Text("001").Split('\n')));
        Assert.Equal(PlanLayout.Clauses, plan.Layout);
        Assert.Equal(24, plan.Tasks.Count());
    }

    [Theory]
    [InlineData("方案.docx")]
    [InlineData("方案.xlsx")]
    public void ACorruptOfficeFile_IsAClearError(string name)
    {
        var corrupt = "PK\u0003\u0004 this is not a zip"u8.ToArray();
        var e = Assert.Throws<PlanParseException>(() => PlanDocuments.Read(name, corrupt));
        Assert.Contains("已损坏", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOldWordFile_AsksToSaveAsDocx() =>
        Assert.Contains(".docx", Assert.Throws<PlanParseException>(() => PlanDocuments.Read("方案.doc", [0xD0, 0xCF, 0x11, 0xE0])).Message, StringComparison.Ordinal);

    [Fact]
    public void AFileOver20MB_IsRefusedBeforeReading() =>
        Assert.Contains("过大", Assert.Throws<PlanParseException>(() => PlanDocuments.Read("big.txt", new byte[(50 * 1024 * 1024) + 1])).Message, StringComparison.Ordinal);

    [Fact]
    public void AnEmptyFile_IsAClearError() =>
        Assert.Contains("为空", Assert.Throws<PlanParseException>(() => PlanDocuments.Read("empty.txt", [])).Message, StringComparison.Ordinal);

    [Fact]
    public void Cli_PlanParseJson_PrintsTheParse_AndFailsClearlyOnAnUnreadableFile()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, PlanCli.Run(["plan", "parse", SeedPlans.PathOf("002"), "--json"], output, error));
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(2018, root.GetProperty("year").GetInt32());
        var tasks = root.GetProperty("sections")[0].GetProperty("tasks");
        Assert.Equal(32, tasks.GetArrayLength());
        Assert.Equal("2018-05-31", tasks[0].GetProperty("milestones")[0].GetProperty("date").GetString());
        Assert.Equal("≥", tasks[17].GetProperty("targets")[0].GetProperty("comparator").GetString());
        Assert.Equal(4.5m, tasks[17].GetProperty("targets")[0].GetProperty("value").GetDecimal());

        Assert.Equal(0, PlanCli.Run(["plan", "parse", SeedPlans.PathOf("003"), "--year", "2023", "--json"], output = new StringWriter(), error));
        Assert.Contains("\"year\": 2023", output.ToString(), StringComparison.Ordinal);

        Assert.Equal(1, PlanCli.Run(["plan", "parse", "/no/such/plan.txt"], new StringWriter(), error = new StringWriter()));
        Assert.Contains("无法读取文件", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, PlanCli.Run(["plan", "parse", SeedPlans.PathOf("002"), "--year", "abc"], new StringWriter(), new StringWriter()));
    }
}
