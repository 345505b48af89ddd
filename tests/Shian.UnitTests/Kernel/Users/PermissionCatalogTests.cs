using Shian.Kernel.Users;

namespace Shian.UnitTests.Kernel.Users;

public sealed class PermissionCatalogTests
{
    [Fact]
    public void EveryPermission_IsNamedModuleDotAction_GrantsKnownRoles_AndIsDeclaredOnce()
    {
        Assert.True(PermissionCatalog.All.Count >= 30);
        Assert.All(PermissionCatalog.All, p =>
        {
            Assert.Matches("^[a-z]+(\\.[a-z-]+)+$", p.Name);
            Assert.NotEmpty(p.Roles);
            Assert.All(p.Roles, r => Assert.Contains(r, ShianRoles.All));
            Assert.False(string.IsNullOrWhiteSpace(p.Label));
        });
    }

    [Fact]
    public void ALabOrTheBusinessOrThePublic_CannotChangeTheRegisterPlansOrDesignations()
    {
        foreach (var role in new[] { ShianRoles.Lab, ShianRoles.Business, ShianRoles.Public })
        {
            var held = PermissionCatalog.Of(role).Select(p => p.Name).ToHashSet();
            Assert.DoesNotContain("governance.plan.delete", held);
            Assert.DoesNotContain("governance.plan.import", held);
            Assert.DoesNotContain("registry.business.status", held);
            Assert.DoesNotContain("registry.duty.designate", held);
            Assert.DoesNotContain("governance.incognito.read", held);
        }

        Assert.Contains("sampling.lab", PermissionCatalog.Of(ShianRoles.Lab).Select(p => p.Name));
        Assert.DoesNotContain("sampling.lab", PermissionCatalog.Of(ShianRoles.Officer).Select(p => p.Name));
    }

    [Fact]
    public void AnUnknownPermission_IsAProgrammingError()
    {
        Assert.Throws<InvalidOperationException>(() => PermissionCatalog.Get("registry.business.fly"));
    }

    /// <summary>docs/security.md carries the matrix generated from code; regenerate with SHIAN_UPDATE_DOCS=1 dotnet test.</summary>
    [Fact]
    public void TheSecurityDocument_ShowsThePermissionMatrixOfTheCode()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "security.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf(PermissionMatrix.Start, StringComparison.Ordinal);
        var end = doc.IndexOf(PermissionMatrix.End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/security.md has no permission-matrix markers");
        var expected = PermissionMatrix.Start + "\n" + PermissionMatrix.Markdown() + "\n" + PermissionMatrix.End;
        var actual = doc[start..(end + PermissionMatrix.End.Length)];
        if (actual != expected && Environment.GetEnvironmentVariable("SHIAN_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, doc.Replace(actual, expected, StringComparison.Ordinal));
            return;
        }

        Assert.Equal(expected, actual);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shian.slnx")) && !Directory.Exists(Path.Combine(dir.FullName, "docs")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
