using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Indicators.Domain;
using Shian.Indicators.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Documents;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;

namespace Shian.Indicators;

/// <summary>
/// 创建食品安全示范城市 self-assessment (seed 004): a region's assessment for a year — its stages, the x-placeholders it
/// filled, judgements against evidence — judged criterion by criterion from live indicators
/// (<see cref="DemonstrationCriteria"/>), with the gap of each child region against the same thresholds, and the report
/// for the 创建 office as .docx. Validated whole, then written in one save.
/// </summary>
public sealed class Demonstration(ShianDb db, IndicatorValues values, TimeProvider clock)
{
    public const int MaxEvidence = 1000;

    public sealed record AssessmentInput(string? RegionCode, int? Year, string? Title, DateOnly? StartsOn, DateOnly? PreparationEnds, DateOnly? ImplementationEnds,
        DateOnly? EndsOn, IReadOnlyDictionary<string, decimal?>? Thresholds);

    public sealed record JudgementInput(string? CriterionCode, Verdict? Verdict, string? Evidence, string? Rectification, DateOnly? RectifyBy);

    /// <summary>A child region against the assessment's thresholds: its own indicators, and its own judgements when it keeps an assessment.</summary>
    public sealed record AreaResult(string Code, string Name, AssessmentResult Result, bool OwnAssessment);

    public sealed record Report(DemonstrationAssessment Assessment, string RegionName, DemonstrationStage Stage, DateOnly Today, AssessmentResult Result,
        IReadOnlyDictionary<string, IndicatorReading> Readings, IReadOnlyDictionary<string, DemonstrationJudgement> Latest,
        IReadOnlyList<DemonstrationJudgement> History, IReadOnlyList<AreaResult> Areas)
    {
        public IReadOnlyDictionary<string, decimal> Thresholds => Assessment.Thresholds.ToDictionary(t => t.ParameterKey, t => t.Value, StringComparer.Ordinal);
    }

    public DateOnly Today => ChinaTime.Today(clock);

    public Task<List<DemonstrationAssessment>> ListAsync(string? regionCode, int? year, CancellationToken ct)
    {
        var q = db.DemonstrationAssessments.AsNoTracking().Include(a => a.Thresholds).AsQueryable();
        if (regionCode is not null)
        {
            var prefix = RegionCode.IsValid(regionCode) ? RegionCode.Prefix(regionCode) : regionCode;
            q = q.Where(a => a.RegionCode.StartsWith(prefix));
        }

        if (year is int y)
        {
            q = q.Where(a => a.Year == y);
        }

        return q.OrderByDescending(a => a.Year).ThenBy(a => a.RegionCode).ToListAsync(ct);
    }

    public Task<DemonstrationAssessment?> FindAsync(Guid id, CancellationToken ct) =>
        db.DemonstrationAssessments.Include(a => a.Thresholds).FirstOrDefaultAsync(a => a.Id == id, ct);

    public Task<DemonstrationAssessment?> FindAsync(string regionCode, int year, CancellationToken ct) =>
        db.DemonstrationAssessments.Include(a => a.Thresholds).FirstOrDefaultAsync(a => a.RegionCode == regionCode && a.Year == year, ct);

    public async Task<DemonstrationAssessment> CreateAsync(AssessmentInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = Today;
        if (input.RegionCode is not { } region || !RegionCode.IsValid(region) || !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            errors["regionCode"] = ["区划代码应为存在的 12 位区划代码"];
        }

        if (input.Year is not int year || year < 2000 || year > today.Year + 1)
        {
            errors["year"] = [$"创建年度应在 2000–{today.Year + 1} 之间"];
        }

        var thresholds = Validate(input, errors);
        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(input.RegionCode!))
        {
            throw ShianProblemException.RegionForbidden($"您无权为区划 {input.RegionCode} 建立创建自评。");
        }

        if (await db.DemonstrationAssessments.AnyAsync(a => a.RegionCode == input.RegionCode && a.Year == input.Year, ct))
        {
            throw ShianProblemException.Conflict("demonstration.exists", $"本区划 {input.Year} 年的创建自评已经建立，请在原自评上修改");
        }

        var a = new DemonstrationAssessment
        {
            RegionCode = input.RegionCode!, Year = input.Year!.Value, Title = input.Title!.Trim(), StartsOn = input.StartsOn!.Value, PreparationEnds = input.PreparationEnds!.Value,
            ImplementationEnds = input.ImplementationEnds!.Value, EndsOn = input.EndsOn!.Value, CreatedBy = db.Request.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        a.Thresholds.AddRange(thresholds.Select(t => new DemonstrationThreshold { AssessmentId = a.Id, RegionCode = a.RegionCode, ParameterKey = t.Key, Value = t.Value }));
        db.DemonstrationAssessments.Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Changes the title, the stages and the filled x's (a parameter left empty is cleared).</summary>
    public async Task<DemonstrationAssessment> UpdateAsync(Guid id, AssessmentInput input, CancellationToken ct)
    {
        var a = await FindAsync(id, ct) ?? throw NotFound();
        var errors = new Dictionary<string, string[]>();
        var thresholds = Validate(input, errors);
        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        Writable(a);
        a.Title = input.Title!.Trim();
        (a.StartsOn, a.PreparationEnds, a.ImplementationEnds, a.EndsOn) = (input.StartsOn!.Value, input.PreparationEnds!.Value, input.ImplementationEnds!.Value, input.EndsOn!.Value);
        foreach (var gone in a.Thresholds.Where(t => !thresholds.ContainsKey(t.ParameterKey)).ToList())
        {
            a.Thresholds.Remove(gone);
            db.DemonstrationThresholds.Remove(gone);
        }

        foreach (var (key, value) in thresholds)
        {
            if (a.Thresholds.FirstOrDefault(t => t.ParameterKey == key) is { } existing)
            {
                existing.Value = value;
            }
            else
            {
                var t = new DemonstrationThreshold { AssessmentId = a.Id, RegionCode = a.RegionCode, ParameterKey = key, Value = value };
                a.Thresholds.Add(t);
                db.DemonstrationThresholds.Add(t);
            }
        }

        await db.SaveChangesAsync(ct);
        return a;
    }

    public async Task<DemonstrationJudgement> JudgeAsync(Guid id, JudgementInput input, CancellationToken ct)
    {
        var a = await FindAsync(id, ct) ?? throw NotFound();
        var errors = new Dictionary<string, string[]>();
        if (input.CriterionCode is null || DemonstrationCriteria.Find(input.CriterionCode) is null)
        {
            errors["criterionCode"] = [$"没有第 {input.CriterionCode} 项创建标准"];
        }

        if (input.Verdict is not Verdict verdict || !Enum.IsDefined(verdict))
        {
            errors["verdict"] = ["请选择评定结论：符合、基本符合或不符合"];
        }

        var evidence = Clean(input.Evidence);
        if (evidence is null || evidence.Length < 2 || evidence.Length > MaxEvidence)
        {
            errors["evidence"] = [$"请填写评定依据（文件名称、文号、日期、查阅的记录），2–{MaxEvidence} 字"];
        }

        var rectification = Clean(input.Rectification);
        if (rectification?.Length > MaxEvidence)
        {
            errors["rectification"] = [$"整改措施不能超过 {MaxEvidence} 字"];
        }

        if (input.Verdict is Verdict.NotMet or Verdict.PartlyMet)
        {
            if (rectification is null)
            {
                errors["rectification"] = ["不符合或基本符合的项目须填写整改措施"];
            }

            if (input.RectifyBy is not DateOnly by || by < Today)
            {
                errors["rectifyBy"] = ["请填写整改期限，不能早于今天"];
            }
        }
        else if (input.RectifyBy is not null && rectification is null)
        {
            errors["rectification"] = ["填写了整改期限，请同时填写整改措施"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("demonstration.invalid-judgement", "评定内容有误：" + string.Join("；", errors.Values.SelectMany(x => x)), errors);
        }

        Writable(a);
        var j = new DemonstrationJudgement
        {
            AssessmentId = a.Id, RegionCode = a.RegionCode, CriterionCode = input.CriterionCode!, Verdict = input.Verdict!.Value, Evidence = evidence!,
            Rectification = rectification, RectifyBy = rectification is null ? null : input.RectifyBy, JudgedBy = db.Request.UserName, JudgedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.DemonstrationJudgements.Add(j);
        await db.SaveChangesAsync(ct);
        return j;
    }

    /// <summary>The assessment judged today: each criterion from live indicators and the latest judgements, and each child region's gap.</summary>
    public async Task<Report> ReportAsync(DemonstrationAssessment a, CancellationToken ct)
    {
        var readings = new Dictionary<string, IndicatorReading>(StringComparer.Ordinal);
        foreach (var key in DemonstrationCriteria.IndicatorKeys)
        {
            if (await values.ReadAsync(key, a.RegionCode, a.Year, ct) is { } r)
            {
                readings[key] = r;
            }
        }

        var history = await db.DemonstrationJudgements.AsNoTracking().Where(j => j.AssessmentId == a.Id).OrderByDescending(j => j.JudgedAtUtc).ToListAsync(ct);
        var latest = Latest(history);
        var thresholds = a.Thresholds.ToDictionary(t => t.ParameterKey, t => t.Value, StringComparer.Ordinal);
        var result = DemonstrationCriteria.Assess(thresholds, readings.ToDictionary(r => r.Key, r => r.Value.Value), latest.ToDictionary(l => l.Key, l => l.Value.Verdict));

        // Each child region against the same x's: its own figures, and its own judgements where it keeps an assessment of the year.
        var areas = new List<AreaResult>();
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == a.RegionCode).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var prefix = RegionCode.Prefix(a.RegionCode);
        var own = await db.DemonstrationAssessments.AsNoTracking().Where(x => x.Year == a.Year && x.RegionCode != a.RegionCode && x.RegionCode.StartsWith(prefix)).Select(x => new { x.Id, x.RegionCode }).ToListAsync(ct);
        var ownIds = own.Select(o => o.Id).ToList();
        var theirs = await db.DemonstrationJudgements.AsNoTracking().Where(j => ownIds.Contains(j.AssessmentId)).ToListAsync(ct);
        var compared = DemonstrationCriteria.All.SelectMany(c => c.Measures.Select(m => m.IndicatorKey)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var child in children.Where(c => db.Request.Scope.Allows(c.Code)))
        {
            var childValues = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            foreach (var key in compared)
            {
                childValues[key] = (await values.ReadAsync(key, child.Code, a.Year, ct))?.Value;
            }

            var assessment = own.FirstOrDefault(o => o.RegionCode == child.Code);
            var verdicts = assessment is null ? [] : Latest([.. theirs.Where(j => j.AssessmentId == assessment.Id)]).ToDictionary(l => l.Key, l => l.Value.Verdict);
            areas.Add(new AreaResult(child.Code, child.Name, DemonstrationCriteria.Assess(thresholds, childValues, verdicts), assessment is not null));
        }

        var name = await db.Regions.AsNoTracking().Where(r => r.Code == a.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? a.RegionCode;
        return new Report(a, name, a.StageOn(Today), Today, result, readings, latest, history, areas);
    }

    /// <summary>The gap report for the 创建 office: the score, each criterion's standing and what it rests on, what to rectify, and each child region's gaps.</summary>
    public static byte[] Docx(Report r, string sender)
    {
        var a = r.Assessment;
        var res = r.Result;
        var doc = new OfficialDocx()
            .Centered(a.Title, title: true)
            .Centered($"自查评估报告（{OfficialDocx.Date(r.Today)}）")
            .Paragraph($"{r.RegionName}，{a.Year} 年。依据：{DemonstrationCriteria.Source}。", "范围")
            .Paragraph($"宣传准备 {OfficialDocx.Date(a.StartsOn)}—{OfficialDocx.Date(a.PreparationEnds)}；组织实施至 {OfficialDocx.Date(a.ImplementationEnds)}；自查整改至 {OfficialDocx.Date(a.EndsOn)}。当前：{StageName(r.Stage)}。", "阶段")
            .Paragraph($"{res.Score:0.0} 分（共 {res.Criteria.Count} 项：达标 {res.Count(CriterionStatus.Met)}，基本达标 {res.Count(CriterionStatus.PartlyMet)}，未达标 {res.Count(CriterionStatus.NotMet)}，待评定 {res.Count(CriterionStatus.Pending)}）"
                + (res.Vetoed ? "。发生重大食品安全事故，按“一票否决”不予通过。" : "。"), "得分")
            .Paragraph("每项标准同等权重：达标计 1，基本达标计 0.5，未达标与待评定计 0，折合百分制（方案未规定分值）。指标值为系统按业务记录实时计算或经填报的数据，截至报告日期。", "口径");

        foreach (var group in res.Criteria.GroupBy(c => c.Criterion.Group))
        {
            doc.Heading(GroupName(group.Key));
            doc.Table(["序号", "标准", "指标与要求", "自查评定与依据", "结论"], group.Select(c => (IReadOnlyList<string>)
            [
                c.Criterion.Code, c.Criterion.Title, MeasuresText(c, r.Readings),
                r.Latest.TryGetValue(c.Criterion.Code, out var j) ? $"{VerdictName(j.Verdict)}：{j.Evidence}" : "—",
                StatusName(c.Status) + (c.Status is CriterionStatus.Pending or CriterionStatus.NotMet ? $"（{c.Reason}）" : ""),
            ]), [700, 2000, 2600, 2600, 1400]);
        }

        var rectify = res.Criteria.Where(c => r.Latest.TryGetValue(c.Criterion.Code, out var j) && j.Rectification is not null).ToList();
        doc.Heading("整改事项");
        if (rectify.Count == 0)
        {
            doc.Paragraph("无。");
        }
        else
        {
            doc.Table(["序号", "标准", "整改措施", "整改期限"], rectify.Select(c => (IReadOnlyList<string>)
                [c.Criterion.Code, c.Criterion.Title, r.Latest[c.Criterion.Code].Rectification!, r.Latest[c.Criterion.Code].RectifyBy is DateOnly d ? OfficialDocx.Date(d) : "—"]),
                [700, 2400, 4600, 1600]);
        }

        if (r.Areas.Count > 0)
        {
            doc.Heading("下级区划差距");
            doc.Table(["区划", "得分", "未达标项", "待评定项", "自查"], r.Areas.Select(x => (IReadOnlyList<string>)
            [
                x.Name, x.Result.Score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + (x.Result.Vetoed ? "（一票否决）" : ""),
                string.Join("、", x.Result.Criteria.Where(c => c.Status == CriterionStatus.NotMet).Select(c => c.Criterion.Code + c.Criterion.Title)) is { Length: > 0 } s ? s : "—",
                x.Result.Count(CriterionStatus.Pending).ToString(System.Globalization.CultureInfo.InvariantCulture),
                x.OwnAssessment ? "已建立" : "未建立",
            ]), [1600, 1000, 4400, 1000, 1000]);
        }

        return doc.Right(sender).Right(OfficialDocx.Date(r.Today)).Build();
    }

    public static string MeasuresText(CriterionResult c, IReadOnlyDictionary<string, IndicatorReading> readings) =>
        c.Measures.Count == 0 ? "由自查评定" : string.Join("；", c.Measures.Select(m =>
        {
            var name = readings.TryGetValue(m.Measure.IndicatorKey, out var r) ? r.Name : IndicatorCatalogue.Find(m.Measure.IndicatorKey)?.Name ?? m.Measure.IndicatorKey;
            var unit = IndicatorCatalogue.Find(m.Measure.IndicatorKey)?.DisplayUnit ?? "";
            var value = m.Value is decimal v ? v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + unit : "无数据";
            var need = m.Threshold is decimal t ? m.Measure.Comparator + t.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + unit : "x 未设定";
            return $"{name} {value}（要求 {need}）";
        }));

    public static string GroupName(CriterionGroup g) => g switch
    {
        CriterionGroup.Goals => "工作目标",
        CriterionGroup.Organisation => "（一）组织管理体系完善",
        CriterionGroup.Enforcement => "（二）监督执法坚决有力",
        CriterionGroup.BusinessDuty => "（三）企业主体责任落实",
        CriterionGroup.Emergency => "（四）应急管理有序高效",
        _ => "（五）实现社会共建共治",
    };

    public static string StatusName(CriterionStatus s) => s switch
    {
        CriterionStatus.Met => "达标",
        CriterionStatus.PartlyMet => "基本达标",
        CriterionStatus.NotMet => "未达标",
        _ => "待评定",
    };

    public static string VerdictName(Verdict v) => v switch { Verdict.Met => "符合", Verdict.PartlyMet => "基本符合", _ => "不符合" };

    public static string StageName(DemonstrationStage s) => s switch
    {
        DemonstrationStage.NotStarted => "尚未开始",
        DemonstrationStage.Preparation => "宣传准备阶段",
        DemonstrationStage.Implementation => "组织实施阶段",
        DemonstrationStage.SelfCheck => "自查整改阶段",
        _ => "已结束",
    };

    private static Dictionary<string, DemonstrationJudgement> Latest(IReadOnlyList<DemonstrationJudgement> history) =>
        history.GroupBy(j => j.CriterionCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(j => j.JudgedAtUtc)!, StringComparer.Ordinal);

    private static Dictionary<string, decimal> Validate(AssessmentInput input, Dictionary<string, string[]> errors)
    {
        var title = Clean(input.Title);
        if (title is null || title.Length > 200)
        {
            errors["title"] = ["请填写名称（如“2026年创建食品安全示范城市自评”），不超过 200 字"];
        }

        foreach (var (field, messages) in DemonstrationStages.Validate(input.StartsOn, input.PreparationEnds, input.ImplementationEnds, input.EndsOn))
        {
            errors[field] = messages;
        }

        var thresholds = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in input.Thresholds ?? new Dictionary<string, decimal?>())
        {
            if (DemonstrationCriteria.FindParameter(key) is not { } p)
            {
                errors[$"thresholds.{key}"] = [$"没有创建指标参数 {key}"];
            }
            else if (value is decimal v)
            {
                if (v < p.Min || v > p.Max)
                {
                    errors[$"thresholds.{key}"] = [$"“{p.Label}（{p.Placeholder} {p.Unit}）”应在 {p.Min:0.##}–{p.Max:0.##} {p.Unit} 之间"];
                }
                else
                {
                    thresholds[key] = v;
                }
            }
        }

        return thresholds;
    }

    private void Writable(DemonstrationAssessment a)
    {
        if (!db.Request.Scope.AllowsCreateIn(a.RegionCode))
        {
            throw ShianProblemException.RegionForbidden($"您无权修改区划 {a.RegionCode} 的创建自评。");
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static ShianProblemException Invalid(Dictionary<string, string[]> errors) =>
        ShianProblemException.Invalid("demonstration.invalid", "创建自评信息有误：" + string.Join("；", errors.Values.SelectMany(x => x)), errors);

    private static ShianProblemException NotFound() => ShianProblemException.NotFound("demonstration.not-found", "创建自评不存在或不在您的辖区内");
}
