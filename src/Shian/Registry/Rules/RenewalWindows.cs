using Shian.Registry.Contracts;

namespace Shian.Registry.Rules;

/// <summary>
/// When to remind a district that a licence needs renewing (review D-16), in working days before expiry:
/// 食品生产许可 — the application is due at least 30 working days before expiry (食品生产许可管理办法, SAMR Order 24, 2020; H);
/// 食品经营许可 — the application window runs from 90 to 15 working days before expiry (食品经营许可和备案管理办法, SAMR Order
/// 78, in force 2023-12-01; M, to verify): a reminder when it opens and one before it closes. Other registrations follow
/// the production rule. Each list is configurable (<c>Registry:RenewalReminderWorkingDays:{kind}</c>).
/// </summary>
public static class RenewalWindows
{
    public static IReadOnlyList<int> Defaults(LicenceKind kind) => kind switch
    {
        LicenceKind.FoodOperation => [90, 15],
        _ => [30],
    };

    /// <summary>The reminder due with <paramref name="left"/> working days left: the nearest mark not yet passed, or null (too early).</summary>
    public static int? Mark(IReadOnlyList<int> marks, int left) => marks.Where(m => left <= m).OrderBy(m => m).Cast<int?>().FirstOrDefault();

    /// <summary>What the reminder tells the officers, in Chinese.</summary>
    public static string Advice(LicenceKind kind) => kind switch
    {
        LicenceKind.FoodOperation => "延续申请应在到期前 90 至 15 个工作日内提出（《食品经营许可和备案管理办法》，期限待核实）",
        LicenceKind.FoodProduction => "延续申请应在到期前 30 个工作日前提出（《食品生产许可管理办法》）",
        _ => "请提醒经营者按规定申请延续",
    };
}
