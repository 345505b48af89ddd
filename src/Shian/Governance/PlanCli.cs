using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Shian.Governance.Parsing;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;

namespace Shian.Governance;

/// <summary>
/// <c>dotnet run --project src/Shian -- plan parse FILE [--year 2018] [--region 330300000000] [--json]</c>: parses a work plan
/// with the shipped reference data (no database) and prints it, as JSON for scripts. Exit codes: 0 parsed,
/// 1 unreadable or not a plan, 2 wrong usage.
/// </summary>
internal static class PlanCli
{
    public static bool Handles(string[] args) => args.Length >= 1 && args[0] == "plan";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 3 || args[1] != "parse")
        {
            error.WriteLine("用法 usage: plan parse FILE [--year YYYY] [--region 12位区划代码] [--json]");
            return 2;
        }

        // `dotnet run --project src/Shian` runs in the project folder; a relative path means the caller's folder,
        // which the shell passes down as PWD.
        var file = args[2];
        if (!Path.IsPathRooted(file) && Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } callerDir && File.Exists(Path.Combine(callerDir, file)))
        {
            file = Path.Combine(callerDir, file);
        }

        int? year = null;
        string? region = null;
        var json = false;
        for (var i = 3; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--year" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100:
                    year = y; i++; break;
                case "--region" when i + 1 < args.Length && RegionCode.IsValid(args[i + 1]):
                    region = args[++i]; break;
                default:
                    error.WriteLine($"无法识别的参数 unknown argument: {args[i]}（--year 需要 1990–2100 的年份，--region 需要 12 位区划代码）");
                    return 2;
            }
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"无法读取文件 cannot read {file}: {e.Message}");
            return 1;
        }

        ParsedPlan plan;
        try
        {
            var tree = new RegionTree(RegionReference.LoadRegions());
            var c = UnitReference.Load(tree);
            var catalog = new UnitCatalog(tree, c.Units, c.Aliases, c.Groups, c.Members);
            plan = PlanParser.Parse(PlanDocuments.Read(file, content), catalog, new PlanParser.Options(year, region));
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(ToJson(plan, catalog), Json));
            }
            else
            {
                output.WriteLine($"{plan.Title}（{plan.Year?.ToString(CultureInfo.InvariantCulture) ?? "年度未知"}，{plan.IssuerName ?? "地区未知"}）");
                output.WriteLine($"{plan.Sections.Count} 个部分，{plan.Tasks.Count()} 项任务，{plan.Tasks.Sum(t => t.Milestones.Count)} 个时间节点，{plan.Tasks.Sum(t => t.Targets.Count)} 个量化指标");
                foreach (var w in plan.Warnings)
                {
                    output.WriteLine($"  ! {(w.TaskNumber is null ? "" : $"[{w.TaskNumber}] ")}{w.Message}");
                }
            }

            return 0;
        }
        catch (PlanParseException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static object ToJson(ParsedPlan plan, UnitCatalog catalog) => new
    {
        title = plan.Title,
        year = plan.Year,
        region = plan.IssuerRegionCode,
        layout = plan.Layout.ToString(),
        sections = plan.Sections.Select(s => new
        {
            title = s.Title,
            tasks = s.Tasks.Select(t => new
            {
                number = t.Number,
                text = t.Title is null ? t.Text : t.Title + "：" + t.Text,
                lead = Names(t.Lead, catalog),
                units = Names(t.Units, catalog),
                unresolved = t.Lead.Concat(t.Units).Where(u => u.Kind == ResolutionKind.Unresolved).Select(u => u.Text).ToList(),
                milestones = t.Milestones.Select(m => new { date = m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text = m.Text }).ToList(),
                recurring = t.Recurring,
                targets = t.Targets.Select(g => new
                {
                    text = g.Text,
                    comparator = g.Comparator switch { Comparator.AtLeast => "≥", Comparator.AtMost => "≤", _ => "=" },
                    value = g.Value,
                    unit = g.Unit,
                    period = g.Period,
                    deadline = g.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }).ToList(),
            }).ToList(),
        }).ToList(),
        warnings = plan.Warnings.Select(w => (w.TaskNumber is null ? "" : $"[{w.TaskNumber}] ") + w.Message).ToList(),
    };

    private static List<string> Names(IEnumerable<UnitResolution> resolutions, UnitCatalog catalog) =>
        [.. resolutions.SelectMany(r => r.UnitKeys).Distinct().Select(k => catalog.Find(k)?.Name ?? k)];
}
