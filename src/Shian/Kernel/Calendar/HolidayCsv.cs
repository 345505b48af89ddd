using System.Globalization;
using Shian.Kernel.Reference;

namespace Shian.Kernel.Calendar;

/// <summary>
/// Reads the holiday notice table (columns <c>date,kind,name,source</c>; kind is <c>off</c> or <c>work</c>)
/// as shipped in <c>data/reference/holidays-cn.csv</c> and as an administrator imports a new year.
/// Every row is validated before anything is returned; errors name the line and column.
/// </summary>
public static class HolidayCsv
{
    public sealed record ParseResult(IReadOnlyList<CalendarException> Rows, IReadOnlyList<string> Errors);

    public static ParseResult Parse(TextReader reader)
    {
        var rows = new List<CalendarException>();
        var errors = new List<string>();
        IReadOnlyList<IReadOnlyDictionary<string, string>> table;
        try
        {
            table = ReferenceFiles.ReadRows(reader);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ParseResult(rows, [$"无法读取 CSV：{e.Message}"]);
        }

        if (table.Count == 0)
        {
            return new ParseResult(rows, ["文件为空或只有表头 (date,kind,name,source)"]);
        }

        foreach (var column in new[] { "date", "kind", "name", "source" })
        {
            if (!table[0].ContainsKey(column))
            {
                errors.Add($"缺少列 {column}（表头应为 date,kind,name,source）");
            }
        }

        if (errors.Count > 0)
        {
            return new ParseResult(rows, errors);
        }

        var seen = new HashSet<DateOnly>();
        foreach (var r in table)
        {
            var line = r[ReferenceFiles.LineKey];
            var dateText = r["date"];
            var kindText = r["kind"];
            var name = r["name"];
            var source = r["source"];
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"第 {line} 行 date 列：“{dateText}” 不是 yyyy-MM-dd 格式的日期");
                continue;
            }

            CalendarDayKind kind;
            switch (kindText)
            {
                case "off": kind = CalendarDayKind.Off; break;
                case "work": kind = CalendarDayKind.Work; break;
                default:
                    errors.Add($"第 {line} 行 kind 列：“{kindText}” 应为 off（放假）或 work（调休上班）");
                    continue;
            }

            if (kind == CalendarDayKind.Work && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add($"第 {line} 行 kind 列：{date:yyyy-MM-dd} 是周一至周五，不能标为调休上班");
                continue;
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"第 {line} 行 name 列：节日名称必填");
                continue;
            }

            if (!seen.Add(date))
            {
                errors.Add($"第 {line} 行 date 列：日期 {date:yyyy-MM-dd} 重复");
                continue;
            }

            rows.Add(new CalendarException(date, kind, name, source));
        }

        return new ParseResult(rows, errors);
    }
}
