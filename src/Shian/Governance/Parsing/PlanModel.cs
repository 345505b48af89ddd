using Shian.Kernel.Units;

namespace Shian.Governance.Parsing;

/// <summary>How the document lays out its tasks; detected, never asked.</summary>
public enum PlanLayout
{
    /// <summary>A table (序号/工作任务/牵头单位/责任单位/时间进度 …), as seeds 000, 002, 003.</summary>
    Table,

    /// <summary>Prose where each "（责任单位：…）" closes a task, as seed 001.</summary>
    Clauses,

    /// <summary>An outline of "（一）" groups and "1."/"x." items, as seed 004.</summary>
    Outline,
}

public enum Comparator
{
    AtLeast,
    AtMost,
    Equal,
}

/// <summary>One dated point of a task ("2017年底前" → 2017-12-31) and the rule that dated it.</summary>
public sealed record ParsedMilestone(DateOnly Date, string Phrase, string Text, string Rule);

/// <summary>A number to reach: "合格率稳定在98%以上" → ≥ 98 %. A redacted value ("xx%") has no value.</summary>
public sealed record ParsedTarget(string Text, Comparator Comparator, decimal? Value, string Unit, string? Period, DateOnly? Deadline);

public sealed record ParseWarning(string Code, string Message, string? TaskNumber = null);

public sealed class ParsedTask
{
    public string? Number { get; set; }

    /// <summary>The task's short title where the table has one (002 重点工作).</summary>
    public string? Title { get; set; }

    public string Text { get; set; } = "";

    public string? LeadText { get; set; }

    public string? UnitsText { get; set; }

    public string? TimeText { get; set; }

    public List<UnitResolution> Lead { get; } = [];

    public List<UnitResolution> Units { get; } = [];

    public List<ParsedMilestone> Milestones { get; } = [];

    /// <summary>持续实施/长期坚持: a recurring obligation reported every period.</summary>
    public bool Recurring { get; set; }

    public List<ParsedTarget> Targets { get; } = [];
}

public sealed class ParsedSection
{
    public string? Number { get; init; }

    public required string Title { get; init; }

    public List<ParsedTask> Tasks { get; } = [];
}

public sealed class ParsedPlan
{
    public string Title { get; set; } = "";

    public int? Year { get; set; }

    /// <summary>Where the year came from: 标题, 参数 (given by the user), or null when it must be asked.</summary>
    public string? YearSource { get; set; }

    public string? IssuerRegionCode { get; set; }

    public string? IssuerName { get; set; }

    public PlanLayout Layout { get; set; }

    public List<ParsedSection> Sections { get; } = [];

    public List<ParseWarning> Warnings { get; } = [];

    public IEnumerable<ParsedTask> Tasks => Sections.SelectMany(s => s.Tasks);
}

/// <summary>A line of the source: a paragraph, or one cell of a table row.</summary>
public sealed record SourceLine(string Text, bool IsCell, int? Row = null);

/// <summary>A plan document could not be read or holds no plan; the message is for the user, in Chinese.</summary>
public class PlanParseException(string message) : Exception(message);

/// <summary>
/// The document was read but no task was recognised in it: <see cref="Sample"/> holds its first rows as read (a
/// table row's cells, or a paragraph as one cell), so that the user can say which column holds what, or how the plan
/// names its units (<see cref="LayoutHint"/>), instead of the import refusing the file.
/// </summary>
public sealed class PlanLayoutUnknownException(string message, IReadOnlyList<IReadOnlyList<string>> sample) : PlanParseException(message)
{
    public IReadOnlyList<IReadOnlyList<string>> Sample { get; } = sample;
}

/// <summary>What a table column holds, as a user marks it when the header is not recognised.</summary>
public enum ColumnRole
{
    Ignore,
    Number,
    Section,
    Title,
    Text,
    Requirement,
    Lead,
    Units,
    Time,
}

/// <summary>
/// The user's reading of a layout the parser did not recognise: the role of each column and the row holding the
/// header (1-based, among the rows of <see cref="PlanLayoutUnknownException.Sample"/>; data rows follow it), or the
/// words the plan writes around its units — a label ("承担单位" in "（承担单位：A、B）" or on its own line) or a verb
/// ("具体落实" in "（A、B具体落实）").
/// </summary>
public sealed record LayoutHint(IReadOnlyList<ColumnRole>? Columns = null, int? HeaderRow = null, string? UnitLabel = null, string? UnitVerb = null)
{
    public bool HasColumns => Columns is { Count: > 0 } c && c.Any(r => r is ColumnRole.Text or ColumnRole.Title or ColumnRole.Requirement);

    public bool HasClauseWords => !string.IsNullOrWhiteSpace(UnitLabel) || !string.IsNullOrWhiteSpace(UnitVerb);
}
