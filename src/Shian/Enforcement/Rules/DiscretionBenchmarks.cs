using System.Globalization;

namespace Shian.Enforcement.Rules;

/// <summary>
/// One line of a local 行政处罚裁量基准 (discretion benchmark): for a penalty article and a 裁量档次 (从轻/一般/从重), the part of the
/// statutory fine band the benchmark allows, as percentages of the band's width — e.g. 从轻 0–30 %, 一般 30–70 %, 从重 70–100 %,
/// the split most provincial market-regulation benchmarks use (《市场监督管理行政处罚裁量权适用规定》 leaves the split to
/// them). <see cref="Circumstances"/>: the 情形 the document lists for this 档次; <see cref="Document"/>: the benchmark's title.
/// </summary>
public sealed record BenchmarkLine(PenaltyArticle Article, string Level, decimal LowerPercent, decimal UpperPercent, string? Circumstances, string Document);

/// <summary>A fine against the benchmark's range for its 档次: the range in yuan and whether the fine lies inside it.</summary>
public sealed record BenchmarkJudgement(BenchmarkLine Line, decimal Min, decimal Max, bool Within)
{
    /// <summary>The judgement in words, as it is kept on the case and shown beside the statutory band.</summary>
    public string Text => $"{Line.Document}「{Line.Level}」档：{Min:0.##}–{Max:0.##} 元（法定幅度的 {Line.LowerPercent:0.##}%–{Line.UpperPercent:0.##}%）"
        + (Within ? "" : "，拟处罚款不在此范围");
}

/// <summary>
/// Reads an imported benchmark sheet and applies it. Pure: the import service reads the file and stores the lines; a case's
/// proposed fine is judged against the lines of the most specific region that has any (county over city over province).
/// </summary>
public static class DiscretionBenchmarks
{
    public static readonly IReadOnlyList<string> Columns = ["处罚依据", "裁量档次", "下限比例", "上限比例", "适用情形", "依据文件"];

    /// <summary>The 档次 a benchmark may set (减轻 lies below the statutory minimum and is not a band of it).</summary>
    public static readonly IReadOnlyList<string> Levels = ["从轻", "一般", "从重"];

    /// <summary>The benchmark's range in yuan for a band: its percentages of the band's width from the minimum, to the yuan.</summary>
    public static (decimal Min, decimal Max) Range(PenaltyBand band, BenchmarkLine line)
    {
        var width = band.Max - band.Min;
        return (decimal.Round(band.Min + width * line.LowerPercent / 100m, 0, MidpointRounding.AwayFromZero),
            decimal.Round(band.Min + width * line.UpperPercent / 100m, 0, MidpointRounding.AwayFromZero));
    }

    /// <summary>The fine judged against the line of its article and 档次, or null when the benchmark has none (or 减轻 was chosen).</summary>
    public static BenchmarkJudgement? Judge(IEnumerable<BenchmarkLine> lines, PenaltyBand band, string level, decimal fine)
    {
        var line = lines.FirstOrDefault(l => l.Article == band.Article && l.Level == level);
        if (line is null)
        {
            return null;
        }

        var (min, max) = Range(band, line);
        return new BenchmarkJudgement(line, min, max, fine >= min && fine <= max);
    }

    /// <summary>
    /// The lines of a sheet (header row first: <see cref="Columns"/>; 处罚依据 as 第一百二十四条, 124 or Art124; 比例 0–100 with or
    /// without %), or the errors by row ("第 3 行：…"). One line per article and 档次; a 档次's range must not overlap another's.
    /// </summary>
    public static (IReadOnlyList<BenchmarkLine> Lines, IReadOnlyList<string> Errors) Parse(IEnumerable<IReadOnlyDictionary<string, string?>> rows, string? defaultDocument = null)
    {
        var lines = new List<BenchmarkLine>();
        var errors = new List<string>();
        var number = 1;
        foreach (var cells in rows)
        {
            number++;
            string? Cell(string c) => cells.TryGetValue(c, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            if (Columns.All(c => Cell(c) is null))
            {
                continue;
            }

            var rowErrors = new List<string>();
            var article = ArticleOf(Cell("处罚依据"));
            if (article is null)
            {
                rowErrors.Add($"「处罚依据」“{Cell("处罚依据")}”应为《食品安全法》第一百二十二至一百二十六条之一（如 第一百二十四条 或 124）");
            }

            var level = Cell("裁量档次");
            if (level is null || !Levels.Contains(level))
            {
                rowErrors.Add($"「裁量档次」“{level}”应为 从轻、一般 或 从重");
            }

            var lower = Percent(Cell("下限比例"), "下限比例", rowErrors);
            var upper = Percent(Cell("上限比例"), "上限比例", rowErrors);
            if (lower is decimal lo && upper is decimal up && lo >= up)
            {
                rowErrors.Add($"「下限比例」{lo:0.##}% 应小于「上限比例」{up:0.##}%");
            }

            var circumstances = Cell("适用情形");
            if (circumstances is { Length: > 300 })
            {
                rowErrors.Add("「适用情形」不超过 300 字");
            }

            var document = Cell("依据文件") ?? defaultDocument;
            if (document is null || document.Length > 200)
            {
                rowErrors.Add("「依据文件」请填写裁量基准的文件名称（不超过 200 字）");
            }

            if (rowErrors.Count == 0 && lines.Any(l => l.Article == article && l.Level == level))
            {
                rowErrors.Add($"{PenaltyBands.Citation(article!.Value)}「{level}」档重复");
            }

            if (rowErrors.Count > 0)
            {
                errors.Add($"第 {number} 行：{string.Join("；", rowErrors)}");
                continue;
            }

            lines.Add(new BenchmarkLine(article!.Value, level!, lower!.Value, upper!.Value, circumstances, document!));
        }

        foreach (var group in lines.GroupBy(l => l.Article))
        {
            var ordered = group.OrderBy(l => Levels.ToList().IndexOf(l.Level)).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].LowerPercent < ordered[i - 1].UpperPercent)
                {
                    errors.Add($"{PenaltyBands.Citation(group.Key)}：「{ordered[i].Level}」档（自 {ordered[i].LowerPercent:0.##}%）与「{ordered[i - 1].Level}」档（至 {ordered[i - 1].UpperPercent:0.##}%）重叠；从轻、一般、从重应依次排列");
                }
            }
        }

        if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add("文件中没有裁量基准行（第 1 行为表头：" + string.Join("、", Columns) + "）");
        }

        return (lines, errors);
    }

    /// <summary>第一百二十四条 / 一百二十四 / 124 / Art124 → the article.</summary>
    public static PenaltyArticle? ArticleOf(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var t = text.Replace("《食品安全法》", "", StringComparison.Ordinal).Replace("食品安全法", "", StringComparison.Ordinal).Trim();
        if (t.StartsWith("Art", StringComparison.OrdinalIgnoreCase))
        {
            t = t[3..];
        }

        t = t.TrimStart('第').Split('条')[0].Trim();
        var n = int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : t switch
        {
            "一百二十二" => 122,
            "一百二十三" => 123,
            "一百二十四" => 124,
            "一百二十五" => 125,
            "一百二十六" => 126,
            _ => 0,
        };
        return n is >= 122 and <= 126 ? (PenaltyArticle)(n - 122) : null;
    }

    private static decimal? Percent(string? text, string column, List<string> errors)
    {
        var t = text?.TrimEnd('%', '％').Trim();
        if (t is not null && decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 100)
        {
            // A sheet may hold 0.3 for 30 % (a percentage-formatted cell reads as a fraction).
            return text!.Contains('%') || text.Contains('％') || d > 1 || d == 0 ? d : d * 100;
        }

        errors.Add($"「{column}」“{text}”应为 0–100 的百分比（如 30 或 30%）");
        return null;
    }
}
