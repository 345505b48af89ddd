using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// More limit rows from an .xlsx sheet (e.g. a lab's LIMS export or the CFSA database): every row validated first —
/// category and analyte known, a positive limit with a unit that converts or 不得检出, standard and edition, dates,
/// excluded sub-categories that are sub-categories, no duplicate of the file or the library — with the row and column
/// named in Chinese; then all rows in one transaction, or none. MiniExcel streams the sheet.
/// </summary>
public sealed class LimitImport(ShianDb db, Standards standards, StandardsCache cache, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Columns = ["食品类别代码", "检测项目代码", "限量值", "单位", "不得检出", "标准号", "版本", "实施日期", "废止日期", "除外类别", "计量基础", "备注",
        "比较方法", "判定值", "采样方案n", "采样方案c", "采样方案M"];

    public async Task<int> ImportAsync(Stream xlsx, CancellationToken ct)
    {
        if (Kernel.Reference.OfficePackages.Problem(xlsx) is { } problem)
        {
            throw ShianProblemException.Invalid("sampling.limits-unreadable", problem);
        }

        var library = await standards.LibraryAsync(ct);
        var existing = (await db.Limits.AsNoTracking().Select(l => new { l.CategoryCode, l.AnalyteCode, l.Standard, l.Edition }).ToListAsync(ct))
            .Select(l => (l.CategoryCode, l.AnalyteCode, l.Standard, l.Edition)).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        var rows = new List<Limit>();
        var seen = new Dictionary<(string, string, string, string), int>();
        var header = (xlsx.Query(useHeaderRow: false).FirstOrDefault() as IDictionary<string, object?>)?.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "").ToHashSet() ?? [];
        var missing = Columns.Take(2).Concat(["标准号", "版本", "实施日期"]).Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw ShianProblemException.Invalid("standards.import-invalid", $"缺少列：{string.Join("、", missing)}（第 1 行应为表头：{string.Join("、", Columns)}）");
        }

        xlsx.Position = 0;
        var number = 1;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: true))
        {
            number++;
            if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue;
            }

            var rowErrors = new List<string>();
            string? Text(string column) => cells.TryGetValue(column, out var v) ? v switch
            {
                null => null,
                double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } t ? t : null,
            } : null;
            DateOnly? Date(string column)
            {
                var t = Text(column);
                if (t is null)
                {
                    return null;
                }

                if (DateOnly.TryParse(t, CultureInfo.InvariantCulture, out var d))
                {
                    return d;
                }

                rowErrors.Add($"「{column}」“{t}”不是日期（如 2023-06-30）");
                return null;
            }

            var category = Text("食品类别代码");
            var analyte = Text("检测项目代码");
            if (category is null || !library.Categories.ContainsKey(category))
            {
                rowErrors.Add($"「食品类别代码」“{category}”不在食品类别树中");
            }

            if (analyte is null || !library.Analytes.ContainsKey(analyte))
            {
                rowErrors.Add($"「检测项目代码」“{analyte}”不在检测项目中");
            }

            var notDetectable = Text("不得检出") is "是" or "Y" or "y" or "不得检出" or "不得使用";
            decimal? value = null;
            string? unit = null;
            // An optional number cell: empty → null; otherwise a whole number 0–100 (plan n, c) or a positive number (判定值, M).
            decimal? Number(string column, bool whole)
            {
                var t = Text(column);
                if (t is null)
                {
                    return null;
                }

                if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && (whole ? d == decimal.Truncate(d) && d is >= 0 and <= 100 : d > 0))
                {
                    return d;
                }

                rowErrors.Add(whole ? $"「{column}」“{t}”应为 0–100 的整数" : $"「{column}」“{t}”应为正数");
                return null;
            }

            var comparison = Text("比较方法") switch
            {
                null or "全数值比较法" or "全数值" => LimitComparison.FullValue,
                "修约值比较法" or "修约值" => LimitComparison.RoundedValue,
                var other => Fail(LimitComparison.FullValue, $"「比较方法」“{other}”应为“全数值比较法”或“修约值比较法”"),
            };
            T Fail<T>(T fallback, string message)
            {
                rowErrors.Add(message);
                return fallback;
            }

            var decision = Number("判定值", whole: false);
            var (planN, planC, upper) = ((int?)Number("采样方案n", whole: true), (int?)Number("采样方案c", whole: true), Number("采样方案M", whole: false));
            if (planN is null && (planC is not null || upper is not null))
            {
                rowErrors.Add("「采样方案n」不能为空（填写了 c 或 M 的微生物采样方案）");
            }
            else if (planN is int pn && (pn < 1 || planC > pn))
            {
                rowErrors.Add("采样方案应满足 n ≥ 1 且 c ≤ n");
            }

            if (planN is not null)
            {
                // A microbiological plan: m (≥ 0, 0 for presence in 25 g) in a microbiological unit; M above m.
                var v = Text("限量值") ?? "0";
                if (!decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) || m < 0)
                {
                    rowErrors.Add($"「限量值」“{v}”应为 m（≥ 0 的数）");
                }
                else
                {
                    value = m;
                }

                if (!MeasureUnit.TryParseMicrobial(Text("单位"), out var mu))
                {
                    rowErrors.Add($"「单位」“{Text("单位")}”不是微生物单位（可用：{string.Join("、", MeasureUnit.MicrobialSymbols)}）");
                }
                else
                {
                    unit = mu;
                }

                if (upper is decimal big && value is decimal small && big <= small)
                {
                    rowErrors.Add("「采样方案M」应大于限量值 m");
                }
            }
            else if (notDetectable && decision is not null)
            {
                if (!MeasureUnit.TryParse(Text("单位"), out var du))
                {
                    rowErrors.Add($"「单位」“{Text("单位")}”无法识别：填写了判定值的不得检出行需写明判定值的单位");
                }
                else
                {
                    unit = du.Symbol;
                }
            }
            else if (!notDetectable)
            {
                var v = Text("限量值");
                if (v is null || !decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
                {
                    rowErrors.Add($"「限量值」“{v}”应为正数（不得检出的行请在「不得检出」填“是”）");
                }
                else
                {
                    value = parsed;
                }

                if (!MeasureUnit.TryParse(Text("单位"), out var u))
                {
                    rowErrors.Add($"「单位」“{Text("单位")}”无法识别（可用：{string.Join("、", MeasureUnit.Symbols)}）");
                }
                else
                {
                    unit = u.Symbol;
                }
            }

            var standard = Text("标准号");
            var edition = Text("版本");
            if (standard is null)
            {
                rowErrors.Add("「标准号」不能为空（如 GB 2763）");
            }

            if (edition is null)
            {
                rowErrors.Add("「版本」不能为空（如 2021）");
            }

            var from = Date("实施日期");
            var to = Date("废止日期");
            if (from is null && Text("实施日期") is null)
            {
                rowErrors.Add("「实施日期」不能为空");
            }
            else if (from is DateOnly f && to is DateOnly t && t < f)
            {
                rowErrors.Add("「废止日期」不能早于实施日期");
            }

            var excludes = (Text("除外类别") ?? "").Split([';', '；', '、', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (category is not null && library.Categories.ContainsKey(category) && excludes.FirstOrDefault(e => !library.Book.Lineage(e, standard).Skip(1).Contains(category)) is { } bad)
            {
                rowErrors.Add($"「除外类别」“{bad}”不是 {category} 的下级类别");
            }

            if (rowErrors.Count == 0)
            {
                var key = (category!, analyte!, standard!, edition!);
                if (existing.Contains(key))
                {
                    rowErrors.Add($"{category} / {analyte} / {standard}-{edition} 已在限量库中");
                }
                else if (seen.TryGetValue(key, out var first))
                {
                    rowErrors.Add($"与第 {first} 行重复");
                }
                else
                {
                    seen[key] = number;
                    rows.Add(new Limit
                    {
                        CategoryCode = category!, AnalyteCode = analyte!, Value = value, Unit = unit, NotDetectable = notDetectable, Standard = standard!, Edition = edition!,
                        EffectiveFrom = from!.Value, EffectiveTo = to, Excludes = excludes.Length == 0 ? null : string.Join(';', excludes), Basis = Text("计量基础"),
                        Note = Text("备注"), Comparison = comparison, DecisionValue = notDetectable ? decision : null, PlanN = planN, PlanC = planN is null ? null : planC ?? 0, UpperLimit = upper,
                        Source = LimitSource.Import, CreatedAtUtc = now,
                    });
                }
            }

            if (rowErrors.Count > 0)
            {
                errors[$"第 {number} 行"] = [.. rowErrors];
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("standards.import-invalid", $"限量表有 {errors.Count} 行错误，未导入任何一行", errors);
        }

        if (rows.Count == 0)
        {
            throw ShianProblemException.Invalid("standards.import-invalid", "表中没有限量数据");
        }

        db.Limits.AddRange(rows);
        await Kernel.Caching.CacheStamps.TouchAsync(db, Kernel.Caching.CacheStamps.Standards, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return rows.Count;
    }
}
