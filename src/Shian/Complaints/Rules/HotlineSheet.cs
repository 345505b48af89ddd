using Shian.Complaints.Domain;

namespace Shian.Complaints.Rules;

/// <summary>
/// Reads the rows of a 12345 hotline export (a sheet with a header row, as .xlsx or .csv) into filings: the columns are
/// found by their usual names in any order (工单编号/工单号, 诉求类型, 问题类别, 诉求内容, 被反映单位, 事发地址, 所在区县,
/// 来电人/诉求人, 联系电话, 来电时间), consultations and suggestions are refused (only 投诉 and 举报 are registered), and
/// every problem is named by its row and column. Pure: the service resolves districts and checks the register.
/// </summary>
public static class HotlineSheet
{
    public enum Column
    {
        Ticket,
        Kind,
        Category,
        Description,
        Business,
        Address,
        District,
        Name,
        Phone,
        CalledAt,
    }

    /// <summary>The header names each column goes by (the first is the one the template uses).</summary>
    public static IReadOnlyDictionary<Column, string[]> Names { get; } = new Dictionary<Column, string[]>
    {
        [Column.Ticket] = ["工单编号", "工单号", "编号"],
        [Column.Kind] = ["诉求类型", "类型", "业务类型"],
        [Column.Category] = ["问题类别", "分类", "问题分类"],
        [Column.Description] = ["诉求内容", "反映内容", "内容", "来电内容"],
        [Column.Business] = ["被反映单位", "被投诉单位", "被举报单位", "涉及单位"],
        [Column.Address] = ["事发地址", "地址", "发生地址"],
        [Column.District] = ["所在区县", "区县", "属地"],
        [Column.Name] = ["来电人", "诉求人", "姓名"],
        [Column.Phone] = ["联系电话", "来电号码", "电话"],
        [Column.CalledAt] = ["来电时间", "受理时间", "登记时间"],
    };

    public static readonly Column[] Required = [Column.Ticket, Column.Kind, Column.Description];

    public sealed record Row(int Number, string Ticket, ComplaintKind Kind, ComplaintCategory Category, string Description, string? Business, string? Address,
        string? District, string? Name, string? Phone, string? CalledAt);

    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyList<string> Errors, IReadOnlyList<(int Row, string Ticket)> RepeatedInFile);

    /// <summary>Which header cell is which column; the error lists the missing required ones.</summary>
    public static (IReadOnlyDictionary<Column, string> Map, string? Error) MapHeader(IEnumerable<string> header)
    {
        var cells = header.Select(h => h.Trim()).ToList();
        var map = new Dictionary<Column, string>();
        foreach (var (column, names) in Names)
        {
            if (names.FirstOrDefault(n => cells.Contains(n)) is { } found)
            {
                map[column] = found;
            }
        }

        var missing = Required.Where(c => !map.ContainsKey(c)).Select(c => Names[c][0]).ToList();
        return (map, missing.Count == 0 ? null
            : $"缺少列：{string.Join("、", missing)}（第 1 行应为表头，如 {string.Join("、", Names.Values.Select(n => n[0]))}）");
    }

    /// <summary>The category from its Chinese name (or the Open311 code); empty is 其他.</summary>
    public static ComplaintCategory? CategoryOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ComplaintCategory.Other;
        }

        var t = text.Trim();
        return Open311Services.All.FirstOrDefault(s => s.Name == t || s.Code == t || s.Name.Replace("、", "", StringComparison.Ordinal) == t.Replace("、", "", StringComparison.Ordinal)
                                                     || s.Keywords.Split(',').Contains(t))?.Category;
    }

    public static Result Read(IReadOnlyDictionary<Column, string> map, IEnumerable<(int Number, IReadOnlyDictionary<string, string?> Cells)> rows)
    {
        var result = new List<Row>();
        var errors = new List<string>();
        var repeated = new List<(int, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, cells) in rows)
        {
            string? Cell(Column c) => map.TryGetValue(c, out var h) && cells.TryGetValue(h, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var before = errors.Count;
            void Error(Column c, string message) => errors.Add($"第 {number} 行「{(map.TryGetValue(c, out var h) ? h : Names[c][0])}」：{message}");
            var ticket = Cell(Column.Ticket);
            if (ticket is null)
            {
                Error(Column.Ticket, "工单编号为空");
            }
            else if (ticket.Length > 64)
            {
                Error(Column.Ticket, "工单编号超过 64 个字符");
            }

            var kindText = Cell(Column.Kind);
            ComplaintKind? kind = kindText switch
            {
                null => null,
                _ when kindText.Contains("举报", StringComparison.Ordinal) => ComplaintKind.Report,
                _ when kindText.Contains("投诉", StringComparison.Ordinal) => ComplaintKind.Complaint,
                _ => null,
            };
            if (kind is null)
            {
                Error(Column.Kind, kindText is null ? "诉求类型为空（应为投诉或举报）" : $"“{kindText}”不是投诉或举报（咨询、建议等不在此登记）");
            }

            var category = CategoryOf(Cell(Column.Category));
            if (category is null)
            {
                Error(Column.Category, $"“{Cell(Column.Category)}”不是已知的问题类别（如 {string.Join("、", Open311Services.All.Take(4).Select(s => s.Name))} …）");
            }

            var description = Cell(Column.Description);
            if (description is null)
            {
                Error(Column.Description, "诉求内容为空");
            }

            if (errors.Count > before)
            {
                continue;
            }

            if (!seen.Add(ticket!))
            {
                repeated.Add((number, ticket!));
                continue;
            }

            result.Add(new Row(number, ticket!, kind!.Value, category!.Value, description!, Cell(Column.Business), Cell(Column.Address), Cell(Column.District), Cell(Column.Name),
                Cell(Column.Phone), Cell(Column.CalledAt)));
        }

        return new Result(result, errors, repeated);
    }
}
