using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Inbox;
using Shian.Kernel.Regions;
using Shian.Kernel.Reference;
using Shian.Kernel.Scoping;

namespace Shian.Complaints;

/// <summary>
/// The 12345 hotline's export (.xlsx or .csv, UTF-8 or GB18030) as complaints of the caller's regions: every row checked
/// first — the columns, 投诉 or 举报, the category, the district, then everything a filing needs — with the row and
/// column named in Chinese; tickets already registered (or repeated in the file) are skipped and listed; then all rows
/// in one transaction, or none.
/// </summary>
public sealed class HotlineImport(ShianDb db, Intake intake, Notifier notifier, DistrictRecipients recipients)
{
    public const int MaxRows = 5000;

    public sealed record Skipped(int Row, string Ticket, string Reason);

    public sealed record Outcome(int Imported, IReadOnlyList<Skipped> Skipped);

    public async Task<Outcome> ImportAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (header, rows) = Read(fileName, content);
        var (map, headerError) = HotlineSheet.MapHeader(header);
        if (headerError is not null)
        {
            throw ShianProblemException.Invalid("complaints.import-columns", headerError);
        }

        if (rows.Count == 0)
        {
            throw ShianProblemException.Invalid("complaints.import-empty", "文件没有数据行");
        }

        if (rows.Count > MaxRows)
        {
            throw ShianProblemException.Invalid("complaints.import-too-many", $"一次最多导入 {MaxRows} 行（本文件 {rows.Count} 行），请分批导入");
        }

        var sheet = HotlineSheet.Read(map, rows);
        var errors = sheet.Errors.ToList();
        var skipped = sheet.RepeatedInFile.Select(r => new Skipped(r.Row, r.Ticket, "文件中重复")).ToList();
        var tickets = sheet.Rows.Select(r => r.Ticket).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in tickets.Chunk(500))
        {
            known.UnionWith(await db.Complaints.IgnoreQueryFilters([RegionScope.FilterName])
                .Where(c => c.Channel == ComplaintChannel.Hotline12345 && chunk.Contains(c.TicketId!)).Select(c => c.TicketId!).ToListAsync(ct));
        }

        // Districts by name (or code), among the counties and towns the caller may register in.
        var scope = db.Request.Scope;
        var places = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Town).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct))
            .Where(r => scope.AllowsCreateIn(r.Code)).ToList();
        var prepared = new List<(Complaint Complaint, HotlineSheet.Row Row)>();
        foreach (var row in sheet.Rows)
        {
            if (known.Contains(row.Ticket))
            {
                skipped.Add(new Skipped(row.Number, row.Ticket, "已登记过"));
                continue;
            }

            string? region = null;
            if (row.District is { } d)
            {
                var matches = places.Where(p => p.Code == d || p.Name == d).ToList();
                if (matches.Count != 1)
                {
                    errors.Add($"第 {row.Number} 行「{Header(map, HotlineSheet.Column.District)}」：{(matches.Count == 0 ? $"“{d}”不是您辖区内的区县或街道" : $"“{d}”有多个同名区划，请填写区划代码")}");
                    continue;
                }

                region = matches[0].Code;
            }
            else if (row.Address is { } a)
            {
                region = places.Where(p => p.Level == RegionLevel.County && a.Contains(p.Name, StringComparison.Ordinal)).Select(p => p.Code).FirstOrDefault();
            }

            if (region is null)
            {
                errors.Add($"第 {row.Number} 行「{Header(map, HotlineSheet.Column.District)}」：请填写所在区县（地址中也没有您辖区内的区县名）");
                continue;
            }

            var anonymous = row.Name is null && row.Phone is null;
            try
            {
                var (complaint, _, _) = await intake.PrepareAsync(ComplaintChannel.Hotline12345, new Intake.Filing(row.Kind, row.Category, row.Description, null, null, row.Business,
                    row.Address, null, null, region, anonymous, row.Name, row.Phone, row.Ticket), ct, import: true);
                prepared.Add((complaint, row));
            }
            catch (ShianProblemException e) when (e.Status is 400 or 403 or 409)
            {
                var fieldErrors = e.Errors ?? new Dictionary<string, string[]> { [""] = [e.Message] };
                errors.AddRange(fieldErrors.SelectMany(kv => kv.Value.Select(m => $"第 {row.Number} 行「{ColumnOf(map, kv.Key)}」：{m}")));
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("complaints.import-invalid", $"有 {errors.Count} 处错误，未导入任何一行",
                new Dictionary<string, string[]> { ["rows"] = [.. errors.Take(200)] });
        }

        foreach (var (complaint, row) in prepared)
        {
            db.Complaints.Add(complaint);
            intake.AddFirstEntry(complaint, row.CalledAt is null ? null : $"；来电时间 {row.CalledAt}");
        }

        foreach (var group in prepared.GroupBy(p => RegionCode.CountyOf(p.Complaint.RegionCode) ?? p.Complaint.RegionCode))
        {
            notifier.Notify(await recipients.ForAsync(group.Key, ct), $"12345 热线导入 {group.Count()} 件投诉举报", $"受理期限 {group.Min(p => p.Complaint.AcceptBy):yyyy-MM-dd} 起", "/complaints?channel=Hotline12345");
        }

        await db.SaveChangesAsync(ct);
        return new Outcome(prepared.Count, [.. skipped.OrderBy(s => s.Row)]);
    }

    private static string Header(IReadOnlyDictionary<HotlineSheet.Column, string> map, HotlineSheet.Column c) => map.TryGetValue(c, out var h) ? h : HotlineSheet.Names[c][0];

    /// <summary>The sheet's column a filing's field came from.</summary>
    private static string ColumnOf(IReadOnlyDictionary<HotlineSheet.Column, string> map, string field) => field switch
    {
        "description" => Header(map, HotlineSheet.Column.Description),
        "name" or "anonymous" => Header(map, HotlineSheet.Column.Name),
        "phone" => Header(map, HotlineSheet.Column.Phone),
        "address" or "businessName" => Header(map, HotlineSheet.Column.Address),
        "regionCode" => Header(map, HotlineSheet.Column.District),
        "ticketId" => Header(map, HotlineSheet.Column.Ticket),
        _ => "整行",
    };

    private static (IReadOnlyList<string> Header, List<(int Number, IReadOnlyDictionary<string, string?> Cells)> Rows) Read(string fileName, byte[] content)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext == ".xlsx")
        {
            if (OfficePackages.Problem(content) is { } problem)
            {
                throw ShianProblemException.Invalid("complaints.import-unreadable", problem);
            }

            using var stream = new MemoryStream(content, writable: false);
            var all = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
            if (all.Count == 0)
            {
                return ([], []);
            }

            var letters = all[0].Keys.ToList();
            var names = all[0].Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "").ToList();
            var rows = all.Skip(1).Select((r, i) => (i + 2, (IReadOnlyDictionary<string, string?>)letters.Select((l, j) => (names[j], Text(r[l])))
                .Where(x => x.Item1.Length > 0).GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().Item2))).ToList();
            return (names, rows);
        }

        if (ext == ".csv")
        {
            var text = Decode(content);
            var parsed = ReferenceFiles.ReadRows(new StringReader(text));
            IReadOnlyList<string> header = parsed.Count > 0
                ? [.. parsed[0].Keys.Where(k => k != ReferenceFiles.LineKey)]
                : [.. text.Split('\n', 2)[0].Split(',').Select(h => h.Trim().Trim('"'))];
            var rows = parsed.Select(r => (int.Parse(r[ReferenceFiles.LineKey], CultureInfo.InvariantCulture),
                (IReadOnlyDictionary<string, string?>)r.Where(kv => kv.Key != ReferenceFiles.LineKey).ToDictionary(kv => kv.Key, kv => (string?)kv.Value))).ToList();
            return (header, rows);
        }

        throw ShianProblemException.Invalid("complaints.import-type", "请上传 12345 热线导出的 .xlsx 或 .csv 文件");
    }

    /// <summary>An empty sheet with the columns the import reads and one made-up row, for offices whose export differs.</summary>
    public static byte[] Template()
    {
        var row = new Dictionary<string, object?>
        {
            ["工单编号"] = "12345-20261127-0001", ["来电时间"] = "2026-11-27 09:30", ["诉求类型"] = "举报", ["问题类别"] = "过期变质", ["诉求内容"] = "（示例，请删除）某超市销售过期面包",
            ["被反映单位"] = "某某超市", ["事发地址"] = "溪湖区河东街道 1 号", ["所在区县"] = "溪湖区", ["来电人"] = "", ["联系电话"] = "",
        };
        using var ms = new MemoryStream();
        ms.SaveAs(new[] { row });
        return ms.ToArray();
    }

    private static string? Text(object? v) => v switch
    {
        null => null,
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    /// <summary>UTF-8 (with or without BOM), else GB18030 — what Excel in Chinese saves a .csv as.</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
