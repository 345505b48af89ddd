using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shian.Governance.Parsing;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;

namespace Shian.Benchmarks;

/// <summary>
/// Plan parsing (issue 5 figures): the five seed plans together, and a generated 10 000-task .xlsx; issue 22: a
/// generated 10 000-task prose plan (every clause form in turn) and a 10 000-row tab-separated table.
/// Run: dotnet run -c Release --project benchmarks/Shian.Benchmarks -- --filter '*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PlanParsingBenchmarks
{
    private UnitCatalog _catalog = null!;
    private readonly List<(string Name, byte[] Bytes)> _seeds = [];
    private byte[] _xlsx = [];
    private byte[] _prose = [];
    private byte[] _tabs = [];

    [GlobalSetup]
    public void Setup()
    {
        var tree = new RegionTree(RegionReference.LoadRegions());
        var c = UnitReference.Load(tree);
        _catalog = new UnitCatalog(tree, c.Units, c.Aliases, c.Groups, c.Members);
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), "*.txt").Order())
        {
            _seeds.Add((Path.GetFileName(f), File.ReadAllBytes(f)));
        }

        _xlsx = GenerateXlsx(10_000);
        _prose = GenerateProse(10_000);
        _tabs = GenerateTabTable(10_000);
    }

    [Benchmark(Description = "five seed plans (.txt)")]
    public int FiveSeeds()
    {
        var tasks = 0;
        foreach (var (name, bytes) in _seeds)
        {
            tasks += PlanParser.Parse(PlanDocuments.Read(name, bytes), _catalog).Tasks.Count();
        }

        return tasks;
    }

    [Benchmark(Description = "10 000-task .xlsx")]
    public int TenThousandRowXlsx() => PlanParser.Parse(PlanDocuments.Read("big.xlsx", _xlsx), _catalog).Tasks.Count();

    [Benchmark(Description = "10 000-task prose (.txt)")]
    public int TenThousandTaskProse() => PlanParser.Parse(PlanDocuments.Read("prose.txt", _prose), _catalog).Tasks.Count();

    [Benchmark(Description = "10 000-row tab table (.txt)")]
    public int TenThousandRowTabs() => PlanParser.Parse(PlanDocuments.Read("tabs.txt", _tabs), _catalog).Tasks.Count();

    private static readonly string[] Clauses =
    [
        "（责任单位：市市场监督管理局、市农业农村局）",
        "（牵头单位：市市场监督管理局；配合单位：市公安局、市卫生健康委；完成时限：10月底前）",
        "（市市场监督管理局牵头，市教育局、市商务局配合）",
        "（市公安局、市市场监督管理局按职责分工负责）",
        "此项工作由市食安办负责，各县（区）政府协办。",
    ];

    /// <summary>A 本溪 prose plan: 20 sections of (一)… items, each closed by one of the clause forms in turn.</summary>
    public static byte[] GenerateProse(int tasks)
    {
        var sb = new System.Text.StringBuilder("本溪市食品安全重点工作要点\n\n");
        for (var i = 0; i < tasks; i++)
        {
            if (i % (tasks / 20) == 0)
            {
                sb.Append("一二三四五六七八九十"[i / (tasks / 20) % 10]).Append("、第 ").Append(i / (tasks / 20) + 1).Append(" 部分重点任务\n");
            }

            sb.Append((i % (tasks / 20)) + 1).Append(".开展食品安全专项整治，6月底前完成排查，抽检合格率稳定在98%以上（第 ").Append(i + 1).Append(" 项）。")
                .Append(Clauses[i % Clauses.Length]).Append('\n');
        }

        return System.Text.Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>The same kind of tasks as a text table, one row per line with tab-separated cells.</summary>
    public static byte[] GenerateTabTable(int tasks)
    {
        var sb = new System.Text.StringBuilder("本溪市食品安全重点任务分工表\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n");
        for (var i = 0; i < tasks; i++)
        {
            sb.Append(i + 1).Append("\t开展食品安全专项整治，抽检合格率稳定在98%以上（第 ").Append(i + 1).Append(" 项）。\t市市场监督管理局\t市公安局、市卫生健康委\t")
                .Append(i % 2 == 0 ? "10月底前" : "长期坚持").Append('\n');
        }

        return System.Text.Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>A 本溪 task table of <paramref name="tasks"/> rows in 20 sections, cells taken from seed 000's kinds of content.</summary>
    public static byte[] GenerateXlsx(int tasks)
    {
        string[] units = ["市卫生计生委、市农委、市水务局、市食品药品监管局等", "县（区）政府，市食品安全监管部门、市公安局等", "市食安办、市保险协会", "市食安委成员单位"];
        string[] times = ["持续实施", "2020年底前；持续实施", "2018年底前直报系统覆盖全部乡（镇、街道），2020年底前延至重点监控部位；持续实施"];
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sheetPart = wb.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                void Row(params string[] cells)
                {
                    writer.WriteStartElement(new Row());
                    foreach (var cell in cells)
                    {
                        writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell)) });
                    }

                    writer.WriteEndElement();
                }

                Row("本溪市食品安全重点任务分工及进度安排表");
                Row("序号", "工作任务", "责任单位", "时间进度");
                for (var i = 0; i < tasks; i++)
                {
                    if (i % (tasks / 20) == 0)
                    {
                        Row($"{"一二三四五六七八九十"[i / (tasks / 20) % 10]}、第 {i / (tasks / 20) + 1} 部分重点任务");
                    }

                    Row((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        $"每年对辖区内20%的食品生产经营单位进行随机的监督检查，重点领域70%规模以上单位投保（第 {i + 1} 项）。",
                        units[i % units.Length], times[i % times.Length]);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = 1, Name = "任务" }));
        }

        return ms.ToArray();
    }
}
