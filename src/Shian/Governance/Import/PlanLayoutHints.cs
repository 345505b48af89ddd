using Shian.Governance.Parsing;
using Shian.Kernel.Errors;

namespace Shian.Governance.Import;

/// <summary>
/// Reads a user's marking of a layout from a form or API request: <c>columns</c> (one role per column, separated by
/// commas: number/序号, section/分类, title/标题, text/任务, requirement/要求, lead/牵头, units/责任, time/时限,
/// ignore/忽略), <c>headerRow</c> (1-based, among the rows the preview showed), <c>unitLabel</c> ("承担单位") and
/// <c>unitVerb</c> ("具体落实"). Every refusal names its field in Chinese; nothing is guessed from a number.
/// </summary>
public static class PlanLayoutHints
{
    public const int MaxColumns = 12;
    public const int MaxSampleRows = 40;

    /// <summary>Each role with the words that name it; the first is the form's value, the second its Chinese label.</summary>
    public static readonly IReadOnlyList<(ColumnRole Role, string[] Names)> Roles =
    [
        (ColumnRole.Ignore, ["ignore", "忽略", ""]),
        (ColumnRole.Number, ["number", "序号"]),
        (ColumnRole.Section, ["section", "分类"]),
        (ColumnRole.Title, ["title", "标题"]),
        (ColumnRole.Text, ["text", "任务", "任务内容"]),
        (ColumnRole.Requirement, ["requirement", "要求", "目标要求"]),
        (ColumnRole.Lead, ["lead", "牵头", "牵头单位"]),
        (ColumnRole.Units, ["units", "责任", "责任单位", "配合单位"]),
        (ColumnRole.Time, ["time", "时限", "完成时限"]),
    ];

    public static LayoutHint? Read(IReadOnlyList<string>? columns, int? headerRow, string? unitLabel, string? unitVerb)
    {
        var errors = new Dictionary<string, string[]>();
        List<ColumnRole>? roles = null;
        if (columns is { Count: > 0 } && columns.Any(c => !string.IsNullOrWhiteSpace(c)))
        {
            if (columns.Count > MaxColumns)
            {
                errors["columns"] = [$"最多标出 {MaxColumns} 列"];
            }
            else
            {
                roles = [];
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = (columns[i] ?? "").Trim();
                    var role = Roles.Where(r => r.Names.Contains(value, StringComparer.OrdinalIgnoreCase)).Select(r => (ColumnRole?)r.Role).FirstOrDefault();
                    if (role is null)
                    {
                        errors[$"columns[{i + 1}]"] = [$"第 {i + 1} 列的含义“{value}”无法识别，应为：序号、分类、标题、任务、要求、牵头、责任、时限或忽略"];
                    }
                    else
                    {
                        roles.Add(role.Value);
                    }
                }

                if (!errors.Keys.Any(k => k.StartsWith("columns", StringComparison.Ordinal)) && !roles.Any(r => r is ColumnRole.Text or ColumnRole.Title or ColumnRole.Requirement))
                {
                    errors["columns"] = ["请至少标出一列“任务”（或“标题”“要求”）"];
                }
            }
        }

        if (headerRow is int row && (row < 0 || row > MaxSampleRows))
        {
            errors["headerRow"] = [$"表头所在行应为 0（没有表头）到 {MaxSampleRows} 之间的行号"];
        }

        var label = Words(unitLabel, "unitLabel", "单位前的标签", errors);
        var verb = Words(unitVerb, "unitVerb", "单位后的动词", errors);
        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.plan-layout-invalid", "标出的版式有误，未解析：" + string.Join("；", errors.Values.Select(v => v[0])), errors);
        }

        return roles is null && label is null && verb is null ? null : new LayoutHint(roles, roles is null ? null : headerRow, label, verb);
    }

    private static string? Words(string? value, string field, string name, Dictionary<string, string[]> errors)
    {
        var v = value?.Trim().TrimEnd('：', ':');
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        if (v.Length > 12 || v.IndexOfAny(['（', '）', '(', ')', '[', ']', '【', '】', '。', '，', ',', '、', '\n']) >= 0)
        {
            errors[field] = [$"{name}应为 1–12 个字、不含括号和标点，例如“承担单位”“具体落实”"];
            return null;
        }

        return v;
    }
}
