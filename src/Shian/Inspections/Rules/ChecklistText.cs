namespace Shian.Inspections.Rules;

/// <summary>
/// A checklist typed by an administrator, one item per line: code, 重点 or 一般, then the item's text —
/// <c>C01 重点 持有有效食品经营许可证</c> (spaces or a tab between). Hand-written: the format is ours, three fields a line.
/// Every line is checked; errors name the line.
/// </summary>
public static class ChecklistText
{
    public const int MaxItems = 100;

    public const int MaxText = 200;

    public static (IReadOnlyList<ChecklistItem> Items, IReadOnlyList<string> Errors) Parse(string? text)
    {
        var items = new List<ChecklistItem>();
        var errors = new List<string>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var n = i + 1;
            var parts = line.Split([' ', '\t', '　'], 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 3)
            {
                errors.Add($"第 {n} 行：应为“编号 重点/一般 内容”，如“C01 重点 持有有效食品经营许可证”");
                continue;
            }

            var (code, weight, body) = (parts[0].ToUpperInvariant(), parts[1], parts[2]);
            if (code.Length > 10 || !code.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add($"第 {n} 行：编号“{parts[0]}”应为不超过 10 位的字母或数字");
            }
            else if (!codes.Add(code))
            {
                errors.Add($"第 {n} 行：编号 {code} 重复");
            }

            bool key;
            switch (weight)
            {
                case "重点" or "重点项" or "★":
                    key = true;
                    break;
                case "一般" or "一般项":
                    key = false;
                    break;
                default:
                    errors.Add($"第 {n} 行：第二项应为“重点”或“一般”，“{weight}”不符合");
                    continue;
            }

            if (body.Length > MaxText)
            {
                errors.Add($"第 {n} 行：内容不超过 {MaxText} 字");
            }

            items.Add(new ChecklistItem(code, body, key));
        }

        if (items.Count == 0 && errors.Count == 0)
        {
            errors.Add("请至少填写一个检查项目");
        }
        else if (items.Count > MaxItems)
        {
            errors.Add($"检查项目不超过 {MaxItems} 项");
        }

        return (items, errors);
    }

    public static string Format(IEnumerable<ChecklistItem> items) =>
        string.Join("\n", items.Select(i => $"{i.Code} {(i.Key ? "重点" : "一般")} {i.Text}"));
}
