namespace Shian.Complaints.Rules;

/// <summary>
/// 举报奖励 under 市场监管领域重大违法行为举报奖励暂行办法 (国市监稽规〔2021〕4号, in force 2021-12-01): three levels — 一级
/// 5 % of the 罚没款 with at least 5 000 yuan, 二级 3 % / 3 000, 三级 1 % / 1 000 (the minimum also when there is no
/// 罚没款, 第十二条); at most 1 000 000 yuan per case; an award of 500 000 or more is decided with the finance department
/// of the same level; an insider's award may be raised with the finance department's consent. The percentages,
/// minimums and cap are the national ones; a province may set its own (<see cref="Scheme"/>).
/// </summary>
public static class RewardRules
{
    public sealed record Scheme(decimal[] Percent, decimal[] Minimum, decimal Cap, decimal FinanceCoDecision)
    {
        public static Scheme National { get; } = new([5m, 3m, 1m], [5000m, 3000m, 1000m], 1_000_000m, 500_000m);
    }

    /// <summary>Why a report does not qualify (empty: it does): real identity, confirmed facts, a case opened on it.</summary>
    public static IReadOnlyList<string> Ineligible(bool anonymous, bool? substantiated, bool? caseOpened, bool alreadyKnown)
    {
        var reasons = new List<string>();
        if (anonymous)
        {
            reasons.Add("匿名举报：奖励须举报人提供真实身份");
        }

        if (substantiated != true)
        {
            reasons.Add("举报事项未经核查属实");
        }

        if (caseOpened != true)
        {
            reasons.Add("尚未立案查处（须作出行政处罚决定或移送司法机关）");
        }

        if (alreadyKnown)
        {
            reasons.Add("违法行为在举报前已被市场监管部门掌握");
        }

        return reasons;
    }

    /// <summary>The award for a level (1–3) and the 罚没款: the percentage, not less than the minimum, not more than the cap.</summary>
    public static decimal Amount(int level, decimal? confiscated, Scheme? scheme = null)
    {
        var s = scheme ?? Scheme.National;
        if (level is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "奖励等级为一、二、三级");
        }

        var byPercent = Math.Round((confiscated ?? 0m) * s.Percent[level - 1] / 100m, 2, MidpointRounding.AwayFromZero);
        return Math.Min(s.Cap, Math.Max(s.Minimum[level - 1], byPercent));
    }

    /// <summary>Whether the award must be decided with the finance department of the same level (≥ 500 000).</summary>
    public static bool NeedsFinance(decimal amount, Scheme? scheme = null) => amount >= (scheme ?? Scheme.National).FinanceCoDecision;
}
