using System.Text.RegularExpressions;

namespace Shian.UnitTests.Architecture;

/// <summary>
/// Modules talk to each other only through their Contracts namespace (STYLE.md §3.7). The shared kernel, the database
/// context (which maps every module's tables) and the web shell are open to all. Checked on the source: a `using` or a
/// fully qualified reference of another module outside its Contracts fails.
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    private static readonly HashSet<string> Shared = ["Kernel", "Data", "Web", "Pages", "Resources", "Properties", "obj", "bin", "wwwroot", "node_modules"];

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shian.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Shian");
            }
        }

        throw new InvalidOperationException("Repository root (Shian.slnx) not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void NoModule_ReachesIntoAnotherModule_ExceptThroughItsContracts()
    {
        var root = SourceRoot();
        var modules = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Where(d => !Shared.Contains(d)).ToList();
        Assert.Contains("Governance", modules);
        var violations = new List<string>();
        foreach (var module in modules)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, module), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match m in ModuleReference().Matches(File.ReadAllText(file)))
                {
                    var other = m.Groups["module"].Value;
                    if (other != module && modules.Contains(other) && m.Groups["sub"].Value != "Contracts")
                    {
                        violations.Add($"{Path.GetRelativePath(root, file)}: {m.Value}");
                    }
                }
            }
        }

        Assert.True(violations.Count == 0, "Use the other module's Contracts:\n" + string.Join("\n", violations));
    }

    [GeneratedRegex(@"\bShian\.(?<module>[A-Z][A-Za-z]+)(?:\.(?<sub>[A-Z][A-Za-z]+))?")]
    private static partial Regex ModuleReference();
}
