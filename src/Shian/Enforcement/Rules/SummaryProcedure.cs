using Shian.Kernel.Calendar;

namespace Shian.Enforcement.Rules;

/// <summary>
/// 简易程序 (当场处罚): when a penalty may be decided on the spot, collected on the spot, and by when it is filed with the office.
/// 《行政处罚法》第五十一条: 违法事实确凿并有法定依据，对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的，可以当场作出
/// 行政处罚决定. Confiscation and the heavier penalties are never on the spot; nor is a fine under 《食品安全法》第一百二十二至
/// 一百二十六条, whose lowest amounts (5 000 yuan and more) are above the limit — only 第一百二十六条's warning fits.
/// </summary>
public static class SummaryProcedure
{
    /// <summary>The largest on-the-spot fine for a natural person (第五十一条).</summary>
    public const decimal PersonLimit = 200m;

    /// <summary>The largest on-the-spot fine for a legal person or other organisation (第五十一条).</summary>
    public const decimal OrganisationLimit = 3_000m;

    /// <summary>A fine of at most this may be collected on the spot (《行政处罚法》第六十八条第（一）项).</summary>
    public const decimal OnSpotCollectionLimit = 100m;

    public const string Citation = "《行政处罚法》第五十一条";

    /// <summary>What stops a penalty from being decided on the spot, by field; empty when it may be.</summary>
    /// <param name="article">The 《食品安全法》 article, when the basis is one of 第一百二十二至一百二十六条.</param>
    public static IReadOnlyDictionary<string, string> Check(bool partyIsPerson, bool warning, decimal fine, PenaltyArticle? article)
    {
        var errors = new Dictionary<string, string>();
        var limit = partyIsPerson ? PersonLimit : OrganisationLimit;
        if (fine < 0 || decimal.Round(fine, 2) != fine)
        {
            errors["fine"] = "罚款应为不小于 0 的金额（元，最多两位小数）";
        }
        else if (!warning && fine == 0)
        {
            errors["fine"] = "当场处罚只能是警告或者罚款，请选择警告或填写罚款";
        }
        else if (fine > limit)
        {
            errors["fine"] = $"对{(partyIsPerson ? "公民" : "法人或者其他组织")}当场罚款不超过 {limit:0} 元（{Citation}）；罚款 {fine:0.##} 元应按普通程序立案查处";
        }
        else if (fine > 0 && article is PenaltyArticle a)
        {
            var band = PenaltyBands.Band(a, 0m);
            errors["article"] = a == PenaltyArticle.Art126
                ? $"{band.Citation}先责令改正、给予警告，拒不改正的才处 {band.Min:0}–{band.Max:0} 元罚款，不能当场罚款；当场只能给予警告"
                : $"{band.Citation}的罚款下限为 {band.Min:0} 元，超过当场处罚的上限，应按普通程序立案查处";
        }

        return errors;
    }

    /// <summary>
    /// Whether the officers may take the fine on the spot (《行政处罚法》第六十八条): a fine of 100 yuan or less, or one that
    /// would be hard to collect afterwards (不当场收缴事后难以执行). Otherwise the party pays at the bank within 15 days.
    /// </summary>
    public static bool MayCollectOnSpot(decimal fine, bool hardToCollect) => fine > 0 && (fine <= OnSpotCollectionLimit || hardToCollect);

    /// <summary>
    /// The materials of an on-the-spot decision are handed to the office and filed (备案, 《行政处罚法》第五十二条第三款) within
    /// <paramref name="workingDays"/> working days of the decision (《市场监督管理行政处罚程序规定》: 七个工作日, recalled — configurable).
    /// </summary>
    public static DateOnly FileBy(WorkingDayCalendar calendar, DateOnly decidedOn, int workingDays) => calendar.AddWorkingDays(decidedOn, workingDays).Date;
}

/// <summary>The 简易程序 filing period of the deployment (configuration <c>Enforcement:Summary</c>).</summary>
public sealed class SummaryOptions
{
    public const string Section = "Enforcement:Summary";

    /// <summary>Working days from an on-the-spot decision to its 备案 with the office (7 by default).</summary>
    public int FileWithinWorkingDays { get; set; } = 7;

    public IEnumerable<string> Problems()
    {
        if (FileWithinWorkingDays is < 1 or > 30)
        {
            yield return "FileWithinWorkingDays 应为 1–30 个工作日";
        }
    }
}
