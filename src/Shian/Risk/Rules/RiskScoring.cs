using Shian.Registry.Contracts;
using Shian.Risk.Contracts;

namespace Shian.Risk.Rules;

public enum RiskGradeLevel
{
    A,
    B,
    C,
    D,
}

/// <summary>
/// A grading scheme as data (versioned, per province), because the national cut-offs are unconfirmed
/// (risk-and-inspection.md §2: thresholds 0–30/31–45/46–60/>60 marked U). Static factors max 40, dynamic max 60
/// (CFDA《食品生产经营风险分级管理办法（试行）》2016, 100-point scale, higher = riskier).
/// </summary>
public sealed record RiskSchemeDefinition
{
    public int MaxA { get; init; } = 30;
    public int MaxB { get; init; } = 45;
    public int MaxC { get; init; } = 60;
    public int StaticCap { get; init; } = 40;
    public int DynamicCap { get; init; } = 60;

    /// <summary>Static points by business kind: the 静态风险 tiers (Ⅳ档 highest: canteens for special groups, central kitchens, collective meals).</summary>
    public Dictionary<string, int> KindPoints { get; init; } = new()
    {
        [nameof(BusinessKind.CentralKitchen)] = 25, [nameof(BusinessKind.CollectiveMealSupplier)] = 25, [nameof(BusinessKind.SchoolCanteen)] = 25,
        [nameof(BusinessKind.KindergartenCanteen)] = 25, [nameof(BusinessKind.ElderlyCareCanteen)] = 25,
        [nameof(BusinessKind.Producer)] = 20,
        [nameof(BusinessKind.Caterer)] = 15, [nameof(BusinessKind.ConstructionSiteCanteen)] = 15, [nameof(BusinessKind.InstitutionCanteen)] = 15,
        [nameof(BusinessKind.SmallWorkshop)] = 12, [nameof(BusinessKind.SmallRestaurant)] = 12, [nameof(BusinessKind.MarketOperator)] = 12, [nameof(BusinessKind.FarmStay)] = 10,
        [nameof(BusinessKind.Seller)] = 8, [nameof(BusinessKind.OnlineSeller)] = 8, [nameof(BusinessKind.Cooperative)] = 8, [nameof(BusinessKind.LeadingEnterprise)] = 8,
        [nameof(BusinessKind.FairOrganizer)] = 8, [nameof(BusinessKind.CounterLessor)] = 8,
        [nameof(BusinessKind.Vendor)] = 5, [nameof(BusinessKind.Farm)] = 5,
    };

    public decimal LargeArea { get; init; } = 1000;
    public int LargeEmployees { get; init; } = 100;
    public int LargeScalePoints { get; init; } = 10;
    public decimal MediumArea { get; init; } = 150;
    public int MediumEmployees { get; init; } = 20;
    public int MediumScalePoints { get; init; } = 6;
    public int SmallScalePoints { get; init; } = 3;
    public int SpecialPopulationPoints { get; init; } = 5;

    public int NonConformingPoints { get; init; } = 25;
    public int BasicallyConformingPoints { get; init; } = 10;

    /// <summary>No full inspection within the Order 49 第二十二条 two-year cycle.</summary>
    public int NotInspectedPoints { get; init; } = 10;
    public int SamplingFailurePoints { get; init; } = 10;
    public int SamplingFailureCap { get; init; } = 20;
    public int ComplaintPoints { get; init; } = 3;
    public int ComplaintCap { get; init; } = 9;
    public int CasePoints { get; init; } = 15;
    public int CaseCap { get; init; } = 30;

    /// <summary>
    /// Grade steps after scoring, by <see cref="RiskAdjustment"/> name: the 2016 办法 raises next year's grade one or two
    /// levels for listed supervision events (review D-14). The default (Shian simplified) scheme scores those events as
    /// dynamic points instead and sets no steps; a province that grades by the 2016 rules sets e.g.
    /// {"Penalty": 1, "SamplingFailure": 1}. The sum is held to +2. The 办法's reduction for a business with a valid
    /// GMP/HACCP (体系) certification is {"Certification": -1} (the register's 体系认证 and its validity).
    /// </summary>
    public Dictionary<string, int> GradeSteps { get; init; } = [];

    /// <summary>Inspections per year by grade (2016 CFDA: A ≥1, B 1–2, C 2–3, D 3–4), minimum and maximum.</summary>
    public Dictionary<string, int[]> Frequency { get; init; } = new() { ["A"] = [1, 1], ["B"] = [1, 2], ["C"] = [2, 3], ["D"] = [3, 4] };

    /// <summary>Problems of a definition an administrator submits, in Chinese; none when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(0 < MaxA && MaxA < MaxB && MaxB < MaxC && MaxC < StaticCap + DynamicCap))
        {
            problems.Add("分级阈值应满足 0 < A < B < C < 满分");
        }

        foreach (var kind in Enum.GetNames<BusinessKind>().Where(k => !KindPoints.ContainsKey(k)))
        {
            problems.Add($"缺少主体类型 {kind} 的静态分值");
        }

        foreach (var g in Enum.GetNames<RiskGradeLevel>())
        {
            if (!Frequency.TryGetValue(g, out var f) || f.Length != 2 || f[0] < 0 || f[1] < f[0])
            {
                problems.Add($"{g} 级检查频次应为 [最少, 最多]");
            }
        }

        foreach (var (key, steps) in GradeSteps)
        {
            if (!Enum.TryParse<RiskAdjustment>(key, out var adjustment) || !Enum.IsDefined(adjustment))
            {
                problems.Add($"等级调整“{key}”未知（可用：{string.Join("、", Enum.GetNames<RiskAdjustment>())}）");
            }
            else if (adjustment == RiskAdjustment.Certification ? steps is < -1 or > 0 : steps is < 0 or > 2)
            {
                problems.Add(adjustment == RiskAdjustment.Certification ? $"“{key}”下调应为 0 或 -1 级" : $"“{key}”上调应为 0–2 级");
            }
        }

        return problems;
    }
}

/// <summary>
/// The events of the 2016 办法's grade adjustment that Shian holds evidence for: a penalty in the last 12 months; a failed
/// sample. (Incidents, refusal to recall and obstruction have no evidence source yet.)
/// </summary>
public enum RiskAdjustment
{
    Penalty,
    SamplingFailure,

    /// <summary>A valid GMP/HACCP (体系) certification: down one grade (2016 办法), never below A.</summary>
    Certification,
}

public sealed record RiskFactor(string Group, string Name, int Points, string Basis);

public sealed record RiskResult(int Static, int Dynamic, int Total, RiskGradeLevel Grade, IReadOnlyList<RiskFactor> Factors);

/// <summary>Scores a business on a scheme; every point is a factor that says why. Pure.</summary>
public static class RiskScoring
{
    public static RiskResult Score(RiskSchemeDefinition s, BusinessFacts b, RiskEvidence e, DateOnly today)
    {
        var factors = new List<RiskFactor>();
        var kindPoints = s.KindPoints.GetValueOrDefault(b.Kind.ToString());
        factors.Add(new("静态", $"主体类型：{RegistryLabels.Kinds[b.Kind]}", kindPoints, "静态风险因素（业态、食品类别）"));
        var large = b.FloorArea >= s.LargeArea || b.Employees >= s.LargeEmployees;
        var medium = b.FloorArea >= s.MediumArea || b.Employees >= s.MediumEmployees;
        factors.Add(new("静态", large ? "经营规模：大型" : medium ? "经营规模：中型" : "经营规模：小型",
            large ? s.LargeScalePoints : medium ? s.MediumScalePoints : s.SmallScalePoints,
            $"面积 {(b.FloorArea is decimal a ? a.ToString("0.##") + " ㎡" : "未登记")}，从业 {(b.Employees is int n ? n + " 人" : "未登记")}"));
        if (b.ServesSpecialPopulation)
        {
            factors.Add(new("静态", "服务特殊人群", s.SpecialPopulationPoints, "学生、婴幼儿、老年人等"));
        }

        var staticScore = Math.Min(s.StaticCap, factors.Sum(f => f.Points));

        var dynamic = new List<RiskFactor>();
        if (e.LastInspection is InspectionOutcome last && last != InspectionOutcome.Conforming)
        {
            dynamic.Add(new("动态", last == InspectionOutcome.NonConforming ? "最近一次检查：不符合" : "最近一次检查：基本符合",
                last == InspectionOutcome.NonConforming ? s.NonConformingPoints : s.BasicallyConformingPoints, "监督检查结果"));
        }

        if (e.InspectionDataAvailable && (e.LastFullInspection is not DateOnly on || on < today.AddYears(-2)))
        {
            dynamic.Add(new("动态", "两年内未进行全项目检查", s.NotInspectedPoints, "《食品生产经营监督检查管理办法》第二十二条"));
        }

        if (e.SamplingFailures > 0)
        {
            dynamic.Add(new("动态", $"抽检不合格 {e.SamplingFailures} 批次", Math.Min(s.SamplingFailureCap, e.SamplingFailures * s.SamplingFailurePoints), "近 12 个月"));
        }

        if (e.SubstantiatedComplaints > 0)
        {
            dynamic.Add(new("动态", $"投诉举报查实 {e.SubstantiatedComplaints} 件", Math.Min(s.ComplaintCap, e.SubstantiatedComplaints * s.ComplaintPoints), "近 12 个月"));
        }

        if (e.Cases > 0)
        {
            dynamic.Add(new("动态", $"行政处罚 {e.Cases} 件", Math.Min(s.CaseCap, e.Cases * s.CasePoints), "近 12 个月"));
        }

        var dynamicScore = Math.Min(s.DynamicCap, dynamic.Sum(f => f.Points));
        factors.AddRange(dynamic);
        var total = staticScore + dynamicScore;
        var grade = total <= s.MaxA ? RiskGradeLevel.A : total <= s.MaxB ? RiskGradeLevel.B : total <= s.MaxC ? RiskGradeLevel.C : RiskGradeLevel.D;
        var steps = 0;
        void Step(RiskAdjustment a, bool happened, string what)
        {
            if (happened && s.GradeSteps.TryGetValue(a.ToString(), out var n) && n != 0)
            {
                steps += n;
                factors.Add(new("调整", n > 0 ? $"等级上调 {n} 级：{what}" : $"等级下调 {-n} 级：{what}", 0, "《食品生产经营风险分级管理办法（试行）》（2016）等级调整"));
            }
        }

        Step(RiskAdjustment.Penalty, e.Cases > 0, "近 12 个月受到行政处罚");
        Step(RiskAdjustment.SamplingFailure, e.SamplingFailures > 0, "近 12 个月抽检不合格");
        Step(RiskAdjustment.Certification, b.CertifiedUntil >= today, $"通过体系认证（有效期至 {b.CertifiedUntil:yyyy-MM-dd}）");
        grade = (RiskGradeLevel)Math.Clamp((int)grade + Math.Min(steps, 2), (int)RiskGradeLevel.A, (int)RiskGradeLevel.D);
        if (e.SeriouslyDishonest)
        {
            // 严重违法失信名单 → directly the highest grade (risk-and-inspection.md §2, provincial practice, P).
            factors.Add(new("动态", "列入严重违法失信名单", 0, "直接定为最高风险等级"));
            grade = RiskGradeLevel.D;
        }

        if (!e.InspectionDataAvailable && dynamic.Count == 0)
        {
            factors.Add(new("动态", "暂无检查、抽检、投诉、处罚记录", 0, "动态风险因素将随监管记录更新"));
        }

        return new RiskResult(staticScore, dynamicScore, total, grade, factors);
    }

    /// <summary>Inspections per year for a grade under the scheme: (minimum, maximum).</summary>
    public static (int Min, int Max) Frequency(RiskSchemeDefinition s, RiskGradeLevel grade) =>
        s.Frequency.TryGetValue(grade.ToString(), out var f) && f.Length == 2 ? (f[0], f[1]) : (1, 1);
}
