namespace Shian.Sampling.Rules;

/// <summary>
/// When the law gives no 复检 (《食品安全抽样检验管理办法》第三十一条; review D-3, M-H): (一) a microbiological failure;
/// (二) a backup sample past its shelf life; (三) a late application (the window, <see cref="SamplingClock.RetestApplyBy"/>);
/// (四)/(五) other cases, decided by the department. And only a 监督抽检 conclusion is open to 复检 at all
/// (食品安全法 第八十八条; review D-2).
/// </summary>
public static class RetestRules
{
    /// <summary>Why a 复检 is refused, naming the article; null when it may be accepted.</summary>
    public static string? Refusal(bool supervision, IEnumerable<AnalyteGroup> failedGroups, DateOnly? backupExpiresOn, DateOnly requestedOn)
    {
        if (!supervision)
        {
            return "风险监测、评价性抽检的结果不适用复检（食品安全法 第八十八条仅对监督抽检结论规定复检）";
        }

        if (failedGroups.Contains(AnalyteGroup.Microbial))
        {
            return "微生物指标不合格的，不予复检（《食品安全抽样检验管理办法》第三十一条第一项）";
        }

        if (backupExpiresOn is DateOnly expires && requestedOn > expires)
        {
            return $"备份样品已超过保质期（{expires:yyyy-MM-dd}），不予复检（《食品安全抽样检验管理办法》第三十一条第二项）";
        }

        return null;
    }
}
