using System.Globalization;
using MiniExcelLibs;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;

namespace Shian.Registry.Import;

/// <summary>
/// The register as an .xlsx sheet with Chinese column headers (<see cref="BusinessValidation.Columns"/>), read and
/// written row by row with MiniExcel (streaming: a 150 000-row sheet never sits in memory as a workbook).
/// </summary>
public static class RegisterWorkbook
{
    public sealed record SheetRow(int RowNumber, BusinessInput Input, IReadOnlyList<(string Column, string Message)> CellErrors);

    public static readonly IReadOnlyList<string> RequiredColumns = ["名称", "主体类型", "区划代码", "经营地址"];

    /// <summary>Header problems (missing required columns), or none.</summary>
    public static IReadOnlyList<string> CheckHeader(IEnumerable<string> headers)
    {
        var set = headers.Select(h => h.Trim()).ToHashSet();
        return [.. RequiredColumns.Where(c => !set.Contains(c)).Select(c => $"缺少列「{c}」（第 1 行应为表头）")];
    }

    public static IReadOnlyList<string> Headers(Stream xlsx)
    {
        var first = xlsx.Query(useHeaderRow: false).FirstOrDefault() as IDictionary<string, object>;
        return first is null ? [] : [.. first.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")];
    }

    /// <summary>Data rows (from sheet row 2), skipping blank ones; cells that cannot be read as their type are reported per cell.</summary>
    public static IEnumerable<SheetRow> Rows(Stream xlsx)
    {
        var number = 1;
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: true))
        {
            number++;
            if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue;
            }

            var errors = new List<(string, string)>();
            string? Text(string column) => cells.TryGetValue(column, out var v) ? v switch
            {
                null => null,
                double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            } : null;

            decimal? Decimal(string column)
            {
                var t = Text(column);
                if (string.IsNullOrWhiteSpace(t))
                {
                    return null;
                }

                if (decimal.TryParse(t.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
                {
                    return d;
                }

                errors.Add((column, $"“{t}”不是数字"));
                return null;
            }

            int? Integer(string column)
            {
                var d = Decimal(column);
                if (d is null)
                {
                    return null;
                }

                if (d != Math.Floor(d.Value))
                {
                    errors.Add((column, $"“{d}”不是整数"));
                    return null;
                }

                return (int)Math.Clamp(d.Value, int.MinValue, int.MaxValue);
            }

            DateOnly? Date(string column)
            {
                if (cells.TryGetValue(column, out var v) && v is DateTime dt)
                {
                    return DateOnly.FromDateTime(dt);
                }

                var t = Text(column)?.Trim();
                if (string.IsNullOrEmpty(t))
                {
                    return null;
                }

                string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
                if (DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                // Excel stores dates as serial numbers when the cell is not formatted as a date.
                if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
                {
                    return DateOnly.FromDateTime(DateTime.FromOADate(serial));
                }

                errors.Add((column, $"“{t}”不是日期（应为 2024-10-10 或 2024年10月10日）"));
                return null;
            }

            bool Flag(string column)
            {
                var t = Text(column)?.Trim();
                if (string.IsNullOrEmpty(t) || t is "否" or "N" or "n" or "0" or "FALSE" or "false")
                {
                    return false;
                }

                if (t is "是" or "Y" or "y" or "1" or "TRUE" or "true")
                {
                    return true;
                }

                errors.Add((column, $"应填“是”或“否”，“{t}”不符合"));
                return false;
            }

            var input = new BusinessInput(
                Text("名称"), Text("统一社会信用代码"), Text("主体类型"), Text("区划代码"), Text("经营地址"), Text("法定代表人"), Text("食品安全管理员"),
                Text("管理员身份证号"), Text("联系电话"), Decimal("经营面积（㎡）"), Integer("从业人数"), Flag("服务特殊人群"), Text("经营状态"),
                Text("许可证类型"), Text("许可证编号"), Text("发证机关"), Date("发证日期"), Date("有效期至"), Text("经营项目"), Text("场所标签"),
                Text("体系认证"), Date("认证到期日"));
            yield return new SheetRow(number, input, errors);
        }
    }

    /// <summary>Writes rows in the import layout (so an export can be edited and imported elsewhere); the 身份证号 column is masked unless <paramref name="clearPersonIds"/> gives clear values (generated demo files only).</summary>
    public static void Write(Stream output, IEnumerable<(Business Business, Licence? Licence)> rows, Func<Business, string?>? clearPersonIds = null)
    {
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["名称"] = r.Business.Name,
            ["统一社会信用代码"] = r.Business.Uscc,
            ["主体类型"] = RegistryLabels.Kinds[r.Business.Kind],
            ["区划代码"] = r.Business.RegionCode,
            ["经营地址"] = r.Business.Address,
            ["法定代表人"] = r.Business.LegalRepresentative,
            ["食品安全管理员"] = r.Business.ResponsiblePerson,
            ["管理员身份证号"] = clearPersonIds is null ? r.Business.ResponsiblePersonIdMasked : clearPersonIds(r.Business), // exports stay masked
            ["联系电话"] = r.Business.Phone,
            ["经营面积（㎡）"] = r.Business.FloorArea,
            ["从业人数"] = r.Business.Employees,
            ["服务特殊人群"] = r.Business.ServesSpecialPopulation ? "是" : "否",
            ["经营状态"] = RegistryLabels.Statuses[r.Business.Status],
            ["许可证类型"] = r.Licence is null ? null : RegistryLabels.LicenceKinds[r.Licence.Kind],
            ["许可证编号"] = r.Licence?.Number,
            ["发证机关"] = r.Licence?.Issuer,
            ["发证日期"] = r.Licence?.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["有效期至"] = r.Licence?.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["经营项目"] = r.Licence?.Scope,
            ["场所标签"] = RegistryLabels.PlacesText(r.Business.Places),
            ["体系认证"] = r.Business.Certification,
            ["认证到期日"] = r.Business.CertifiedUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        output.SaveAs(sheet, sheetName: "经营者名录");
    }
}
