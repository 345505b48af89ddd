using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shian.Governance.Parsing;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;

namespace Shian.Benchmarks;

/// <summary>
/// Plan parsing (issue 5 figures): the five seed plans together, and a generated 10 000-task .xlsx.
/// Run: dotnet run -c Release --project benchmarks/Shian.Benchmarks -- --filter '*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PlanParsingBenchmarks
{
    private UnitCatalog _catalog = null!;
    private readonly List<(string Name, byte[] Bytes)> _seeds = [];
    private byte[] _xlsx = [];

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
