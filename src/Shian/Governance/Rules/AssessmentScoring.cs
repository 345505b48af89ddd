namespace Shian.Governance.Rules;

/// <summary>How an assessment item is scored.</summary>
public enum AssessmentItemKind
{
    /// <summary>A plan target: met → full marks, partly met → proportional to attainment, not reported → 0.</summary>
    Target,

    /// <summary>Completion of the assessee's tasks in a plan: completed/ongoing-with-reports → 1, overdue → 0, else its percent.</summary>
    TaskCompletion,

    /// <summary>暗访检查: full marks less a deduction per problem found in the year's checks (seed 000: 检查结果纳入考核).</summary>
    IncognitoChecks,

    /// <summary>Scored by the assessors (现场评估, 满意度 …); not scored → 0.</summary>
    Manual,

    /// <summary>加分项: points on top of the base score, up to the item's weight.</summary>
    Bonus,
}

/// <summary>Who an item applies to.</summary>
public enum AssesseeKind
{
    /// <summary>A county/district (its government) or a functional zone.</summary>
    District,

    /// <summary>A department of the assessing government.</summary>
    Department,
}

/// <summary>The grade an assessee earns (优秀/良好/合格/不合格).</summary>
public enum AssessmentGrade
{
    Excellent,
    Good,
    Pass,
    Fail,
}

/// <summary>Score thresholds of a scheme; the assessing office sets them each year.</summary>
public sealed record GradeThresholds(decimal Excellent, decimal Good, decimal Pass)
{
    public static GradeThresholds Default { get; } = new(90, 80, 60);

    public AssessmentGrade Grade(decimal score) =>
        score >= Excellent ? AssessmentGrade.Excellent : score >= Good ? AssessmentGrade.Good : score >= Pass ? AssessmentGrade.Pass : AssessmentGrade.Fail;
}

/// <summary>One assessee's evidence for one item.</summary>
/// <param name="Applicable">False when the item does not concern the assessee (no task assigned, other kind): left out and the base rescaled.</param>
/// <param name="Attainments">Target/TaskCompletion: one share 0–1 per assignment of the assessee (null = not reported).</param>
/// <param name="Problems">IncognitoChecks: problems found in the year.</param>
/// <param name="ManualPoints">Manual/Bonus: the points given, null when not scored yet.</param>
/// <param name="NotApplicableWhy">Why it does not apply, shown instead of a bare 不适用 (e.g. no 暗访 in the year).</param>
public sealed record ItemEvidence(bool Applicable, IReadOnlyList<decimal?> Attainments, int Problems, decimal? ManualPoints, string? NotApplicableWhy = null)
{
    public static ItemEvidence NotApplicable { get; } = new(false, [], 0, null);
}

public sealed record ItemSpec(Guid Id, string Name, AssessmentItemKind Kind, decimal Weight, decimal DeductionPerProblem);

/// <param name="NoData">Applicable but nothing measured yet (no value reported, no progress, not scored): it scores 0 and does not count as measured.</param>
public sealed record ItemScore(Guid ItemId, string Name, AssessmentItemKind Kind, bool Applicable, decimal Points, decimal Max, string Explanation, bool TargetMissed, bool NoData = false);

public sealed record AssesseeScore(IReadOnlyList<ItemScore> Items, decimal Base, decimal Bonus, decimal Total, bool Vetoed, AssessmentGrade Grade, int TargetsMissed)
{
    /// <summary>
    /// Whether anything was measured for the assessee (usability finding 9): with nothing reported, scored or checked, a
    /// total of 0 is not a judgement — pages say "no data" instead of 不合格 and no 约谈 is proposed. 一票否决 always counts.
    /// </summary>
    public bool Measured => Vetoed || Items.Any(i => i.Applicable && !i.NoData && i.Kind != AssessmentItemKind.Bonus);
}

/// <summary>
/// Scores an assessee on a yearly scheme. Pure. Items that do not apply are left out and the base is rescaled to the
/// full weight of the scheme (按适用项目折算), so a district without a certain task is not punished for it; bonus
/// points are added on top; 一票否决 (seed 004: 对发生重大食品安全事故实行"一票否决") makes the grade 不合格 whatever the
/// score. Scores are rounded to two decimals (half away from zero) at the end only.
/// </summary>
public static class AssessmentScoring
{
    public static AssesseeScore Score(IReadOnlyList<ItemSpec> items, Func<ItemSpec, ItemEvidence> evidence, bool vetoed, GradeThresholds thresholds)
    {
        var scores = new List<ItemScore>(items.Count);
        decimal earned = 0, applicableWeight = 0, fullWeight = 0, bonus = 0;
        var missed = 0;
        foreach (var item in items)
        {
            var e = evidence(item);
            var score = ScoreItem(item, e);
            scores.Add(score);
            if (item.Kind == AssessmentItemKind.Bonus)
            {
                bonus += score.Points;
                continue;
            }

            fullWeight += item.Weight;
            if (score.Applicable)
            {
                applicableWeight += item.Weight;
                earned += score.Points;
            }

            if (score.TargetMissed)
            {
                missed++;
            }
        }

        var baseScore = applicableWeight == 0 ? 0 : earned / applicableWeight * fullWeight;
        baseScore = Round(baseScore);
        bonus = Round(bonus);
        var total = baseScore + bonus;
        var grade = vetoed ? AssessmentGrade.Fail : thresholds.Grade(total);
        return new AssesseeScore(scores, baseScore, bonus, total, vetoed, grade, missed);
    }

    public static ItemScore ScoreItem(ItemSpec item, ItemEvidence e)
    {
        if (!e.Applicable)
        {
            return new ItemScore(item.Id, item.Name, item.Kind, false, 0, item.Weight, e.NotApplicableWhy ?? "不适用", false);
        }

        switch (item.Kind)
        {
            case AssessmentItemKind.Target:
            case AssessmentItemKind.TaskCompletion:
            {
                if (e.Attainments.Count == 0)
                {
                    return new ItemScore(item.Id, item.Name, item.Kind, false, 0, item.Weight, "不适用", false);
                }

                var shares = e.Attainments.Select(a => Math.Clamp(a ?? 0, 0, 1)).ToList();
                var mean = shares.Average();
                var unreported = e.Attainments.Count(a => a is null);
                var explanation = item.Kind == AssessmentItemKind.Target
                    ? mean == 1 ? "目标完成" : unreported == e.Attainments.Count ? "未报送实际值" : $"完成目标的 {mean:P0}" + (unreported > 0 ? $"（{unreported} 个单位未报送）" : "")
                    : $"任务完成度 {mean:P0}（{e.Attainments.Count} 项）";
                var noData = item.Kind == AssessmentItemKind.Target ? unreported == e.Attainments.Count : shares.All(x => x == 0);
                return new ItemScore(item.Id, item.Name, item.Kind, true, Round(item.Weight * mean), item.Weight, explanation,
                    item.Kind == AssessmentItemKind.Target && mean < 1, noData);
            }

            case AssessmentItemKind.IncognitoChecks:
            {
                var points = Math.Max(0, item.Weight - (item.DeductionPerProblem * e.Problems));
                return new ItemScore(item.Id, item.Name, item.Kind, true, Round(points), item.Weight,
                    e.Problems == 0 ? "暗访未发现问题" : $"暗访发现问题 {e.Problems} 个，每个扣 {item.DeductionPerProblem:0.##} 分", false);
            }

            default:
            {
                if (e.ManualPoints is not decimal p)
                {
                    return new ItemScore(item.Id, item.Name, item.Kind, true, 0, item.Weight, item.Kind == AssessmentItemKind.Bonus ? "无加分" : "未评分", false, NoData: true);
                }

                var points = Math.Clamp(p, 0, item.Weight);
                return new ItemScore(item.Id, item.Name, item.Kind, true, Round(points), item.Weight, "评分", false);
            }
        }
    }

    /// <summary>Competition ranking (1, 2, 2, 4): vetoed assessees come after all others, then by total descending. Callers rank measured assessees only.</summary>
    public static IReadOnlyList<(T Item, int Rank)> Rank<T>(IEnumerable<T> rows, Func<T, decimal> total, Func<T, bool> vetoed)
    {
        var ordered = rows.OrderBy(r => vetoed(r)).ThenByDescending(total).ToList();
        var result = new List<(T, int)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var same = i > 0 && vetoed(ordered[i]) == vetoed(ordered[i - 1]) && total(ordered[i]) == total(ordered[i - 1]);
            result.Add((ordered[i], same ? result[i - 1].Item2 : i + 1));
        }

        return result;
    }

    /// <summary>Share 0–1 a unit reached on a target, or null when it has not reported a value.</summary>
    public static decimal? TargetAttainment(Parsing.Comparator comparator, decimal target, decimal? measured) =>
        measured is not decimal m ? null
        : TargetJudgement.Judge(comparator, target, m) == TargetResult.Met ? 1 : TargetJudgement.Attainment(comparator, target, m);

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static string Label(AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Excellent => "优秀",
        AssessmentGrade.Good => "良好",
        AssessmentGrade.Pass => "合格",
        _ => "不合格",
    };
}

/// <summary>Why a 约谈 is proposed.</summary>
public enum InterviewTrigger
{
    /// <summary>考核不合格 (including 一票否决).</summary>
    AssessmentFailed,

    /// <summary>连续两年没有完成目标.</summary>
    TargetsMissedTwoYears,

    /// <summary>督办逾期未回复.</summary>
    SupervisionOverdue,

    /// <summary>Recorded by the office without a rule.</summary>
    Manual,
}

/// <summary>
/// Seed 000 (本溪市《关于进一步加强食品安全工作的意见》, 考核): "不合格或连续两年没有完成向上级政府承诺目标的地区，由上级政府对该地区
/// 政府主要领导和分管领导进行约谈". Decides whether a district's result proposes a 约谈. Pure.
/// </summary>
public static class InterviewRule
{
    public static InterviewTrigger? Propose(AssessmentGrade grade, int targetsMissed, int? targetsMissedLastYear)
    {
        if (grade == AssessmentGrade.Fail)
        {
            return InterviewTrigger.AssessmentFailed;
        }

        return targetsMissed > 0 && targetsMissedLastYear is > 0 ? InterviewTrigger.TargetsMissedTwoYears : null;
    }

    public static string Label(InterviewTrigger trigger) => trigger switch
    {
        InterviewTrigger.AssessmentFailed => "考核不合格",
        InterviewTrigger.TargetsMissedTwoYears => "连续两年未完成目标",
        InterviewTrigger.SupervisionOverdue => "督办逾期未回复",
        _ => "其他",
    };
}
