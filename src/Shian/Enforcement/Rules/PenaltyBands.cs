namespace Shian.Enforcement.Rules;

/// <summary>The penalty articles of 《食品安全法》(2021) the calculator knows.</summary>
public enum PenaltyArticle
{
    /// <summary>第一百二十二条 未取得许可从事食品生产经营.</summary>
    Art122,

    /// <summary>第一百二十三条 非食用物质、病死肉、添加药品等.</summary>
    Art123,

    /// <summary>第一百二十四条 超标、超范围超限量使用添加剂、腐败变质、拒不召回等.</summary>
    Art124,

    /// <summary>第一百二十五条 被包装材料污染、标签不符合规定等.</summary>
    Art125,

    /// <summary>第一百二十六条 未履行检验、进货查验、健康管理等过程义务（先警告）.</summary>
    Art126,
}

/// <summary>
/// The statutory fine band for a violation: fixed amounts when the 货值金额 is under 10 000 yuan, multiples of it from
/// 10 000 yuan (食品安全法 第一百二十二至一百二十五条); 第一百二十六条 warns first and fines 5 000–50 000 yuan if the party
/// refuses to correct, whatever the value.
/// </summary>
public sealed record PenaltyBand(PenaltyArticle Article, string Citation, decimal Min, decimal Max, string Basis, bool WarningFirst);

/// <summary>What an officer's proposed fine is against the band.</summary>
public enum BandJudgement
{
    /// <summary>在法定幅度内.</summary>
    Within,

    /// <summary>低于法定最低额: only as 减轻处罚 with a ground of 《行政处罚法》第三十二条.</summary>
    BelowMinimum,

    /// <summary>超过法定最高额: not allowed.</summary>
    AboveMaximum,
}

public static class PenaltyBands
{
    /// <summary>"货值金额不足一万元的" / "货值金额一万元以上的".</summary>
    public const decimal ValueThreshold = 10_000m;

    public static string Citation(PenaltyArticle article) => article switch
    {
        PenaltyArticle.Art122 => "《食品安全法》第一百二十二条",
        PenaltyArticle.Art123 => "《食品安全法》第一百二十三条",
        PenaltyArticle.Art124 => "《食品安全法》第一百二十四条",
        PenaltyArticle.Art125 => "《食品安全法》第一百二十五条",
        PenaltyArticle.Art126 => "《食品安全法》第一百二十六条",
        _ => throw new ArgumentOutOfRangeException(nameof(article)),
    };

    /// <summary>The band for an article and a 货值金额 (yuan, ≥ 0).</summary>
    public static PenaltyBand Band(PenaltyArticle article, decimal goodsValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(goodsValue);
        var high = goodsValue >= ValueThreshold;
        var (fixedMin, fixedMax, multMin, multMax) = article switch
        {
            PenaltyArticle.Art122 => (50_000m, 100_000m, 10m, 20m),
            PenaltyArticle.Art123 => (100_000m, 150_000m, 15m, 30m),
            PenaltyArticle.Art124 => (50_000m, 100_000m, 10m, 20m),
            PenaltyArticle.Art125 => (5_000m, 50_000m, 5m, 10m),
            PenaltyArticle.Art126 => (5_000m, 50_000m, 0m, 0m),
            _ => throw new ArgumentOutOfRangeException(nameof(article)),
        };
        var citation = Citation(article);
        if (article == PenaltyArticle.Art126)
        {
            return new PenaltyBand(article, citation, fixedMin, fixedMax, "责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款", WarningFirst: true);
        }

        return high
            ? new PenaltyBand(article, citation, goodsValue * multMin, goodsValue * multMax, $"货值金额一万元以上，并处货值金额{multMin:0}倍以上{multMax:0}倍以下罚款", false)
            : new PenaltyBand(article, citation, fixedMin, fixedMax, $"货值金额不足一万元，并处{fixedMin:0}元以上{fixedMax:0}元以下罚款", false);
    }

    public static BandJudgement Judge(PenaltyBand band, decimal fine) =>
        fine < band.Min ? BandJudgement.BelowMinimum : fine > band.Max ? BandJudgement.AboveMaximum : BandJudgement.Within;
}

/// <summary>
/// Whether the party has a right to a hearing (《行政处罚法》第六十三条; 《市场监督管理行政处罚听证办法》第五条: a fine or
/// confiscation of at least 10 000 yuan for a person or 100 000 yuan for an organisation — provinces may set lower amounts,
/// configuration <c>Enforcement:Hearing</c> (<see cref="HearingOptions"/>) — and any 降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业).
/// </summary>
public static class HearingRight
{
    public static bool Applies(bool partyIsPerson, decimal fine, decimal confiscated, bool heavyMeasure, decimal personThreshold = 10_000m, decimal organisationThreshold = 100_000m)
    {
        var threshold = partyIsPerson ? personThreshold : organisationThreshold;
        return heavyMeasure || fine >= threshold || confiscated >= threshold;
    }
}

/// <summary>The hearing thresholds of the deployment's province (configuration <c>Enforcement:Hearing</c>; the SAMR amounts by default).</summary>
public sealed class HearingOptions
{
    public const string Section = "Enforcement:Hearing";

    /// <summary>A fine or confiscation at least this (yuan) gives a natural person the right to a hearing.</summary>
    public decimal PersonThreshold { get; set; } = 10_000m;

    /// <summary>The same for an organisation.</summary>
    public decimal OrganisationThreshold { get; set; } = 100_000m;

    public IEnumerable<string> Problems()
    {
        // A province may lower the amounts, never raise them above SAMR's (听证办法 第五条).
        if (PersonThreshold is <= 0 or > 10_000m)
        {
            yield return "PersonThreshold 应为 0 以上、不超过 10000 元";
        }

        if (OrganisationThreshold is <= 0 or > 100_000m)
        {
            yield return "OrganisationThreshold 应为 0 以上、不超过 100000 元";
        }
    }
}
