using System.Diagnostics;
using System.Globalization;
using Shian.Kernel.Regions;
using Shian.Registry.Domain;

namespace Shian.Registry.Demo;

/// <summary>
/// <c>demo generate --scale county|city [--region CODE] [--count N] [--seed N] [--out FILE]</c>: writes a deterministic
/// demo register as an .xlsx in the import layout (for the import page, the API and benchmarks). No database needed.
/// </summary>
public static class DemoCli
{
    public static bool Handles(string[] args) => args.Length >= 2 && args[0] == "demo" && args[1] == "generate";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var scale = Option("--scale") ?? "county";
        if (!DemoRegister.Scales.TryGetValue(scale, out var count))
        {
            error.WriteLine($"--scale 应为 {string.Join(" 或 ", DemoRegister.Scales.Keys)}");
            return 2;
        }

        if (Option("--count") is { } c && (!int.TryParse(c, CultureInfo.InvariantCulture, out count) || count is < 1 or > 2_000_000))
        {
            error.WriteLine("--count 应为 1–2000000 之间的整数");
            return 2;
        }

        var region = Option("--region") ?? (scale == "city" ? "210500000000" : "210503000000");
        var seed = int.TryParse(Option("--seed"), CultureInfo.InvariantCulture, out var s) ? s : 20261123;
        var path = Option("--out") ?? $"demo-register-{scale}.xlsx";
        var tree = new RegionTree(RegionReference.LoadRegions());
        if (tree.Find(region) is null)
        {
            error.WriteLine($"区划 {region} 不存在");
            return 2;
        }

        var populations = RegionReference.LoadPopulations().GroupBy(p => RegionCode.Prefix(p.RegionCode)).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Year).First().Population);
        var watch = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var clearIds = new Dictionary<Business, string?>(ReferenceEqualityComparer.Instance);
        var rows = DemoRegister.Generate(tree, populations, region, count, seed, today).Select(v =>
        {
            var b = RegistryService.NewBusiness(v, now, null, new Kernel.Privacy.SealedIdentifier(Kernel.Identifiers.ResidentId.Mask(v.ResponsiblePersonId), null));
            clearIds[b] = v.ResponsiblePersonId;
            return (b, v.Licence is { } l ? RegistryService.NewLicence(b, l, now) : null);
        });
        using (var file = File.Create(path))
        {
            // A file to import: the generated (fictitious) 身份证号 in clear, as an office's own spreadsheet has them.
            Import.RegisterWorkbook.Write(file, rows, b => clearIds[b]);
        }

        output.WriteLine($"已生成 {count} 户经营者（区划 {region}，种子 {seed}）→ {Path.GetFullPath(path)}，用时 {watch.Elapsed.TotalSeconds:0.0} 秒");
        return 0;
    }
}
