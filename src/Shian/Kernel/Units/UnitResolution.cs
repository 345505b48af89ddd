namespace Shian.Kernel.Units;

public enum ResolutionKind
{
    /// <summary>The text is the unit's name (full, or relative to its region: 市教育局 → 本溪市教育局).</summary>
    Exact,

    /// <summary>The text is another or a former name (市食品药品监管局 → 市场监督管理局).</summary>
    Alias,

    /// <summary>The text names a set of units (市食品安全监管部门, 各县（区）政府, 市食安委成员单位).</summary>
    Group,

    /// <summary>No unit found; a person maps it once and the mapping is kept as an alias.</summary>
    Unresolved,
}

/// <summary>How one unit name from a document was resolved, with the rule that decided it (shown to the user).</summary>
public sealed record UnitResolution(string Text, ResolutionKind Kind, IReadOnlyList<string> UnitKeys, string Rule, IReadOnlyList<string> Candidates)
{
    public static UnitResolution Unresolved(string text, string rule, IReadOnlyList<string>? candidates = null) =>
        new(text, ResolutionKind.Unresolved, [], rule, candidates ?? []);
}
