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

    /// <summary>
    /// The last day to file the renewal: the working day that leaves <paramref name="closingMark"/> working days before expiry
    /// (the smallest mark: 15 for 经营许可, 30 otherwise), found by stepping back from the expiry date on the calendar.
    /// </summary>
    public static DateOnly ApplyBy(Shian.Kernel.Calendar.WorkingDayCalendar calendar, DateOnly validTo, int closingMark)
    {
        var day = validTo;
        var counted = 0;
        while (counted < closingMark)
        {
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }

            day = day.AddDays(-1);
        }

        // Step back to a working day: the application is filed on one.
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>What the business is told, in Chinese.</summary>
    public static string AdviceToBusiness(LicenceKind kind) => kind switch
    {
        LicenceKind.FoodOperation => "请在到期前 90 至 15 个工作日内向原发证部门提出延续申请（《食品经营许可和备案管理办法》）",
        LicenceKind.FoodProduction => "请在到期前 30 个工作日前向原发证部门提出延续申请（《食品生产许可管理办法》）",
        _ => "请按规定向原发证部门申请延续",
    };

    /// <summary>What the reminder tells the officers, in Chinese.</summary>
    public static string Advice(LicenceKind kind) => kind switch
    {
        LicenceKind.FoodOperation => "延续申请应在到期前 90 至 15 个工作日内提出（《食品经营许可和备案管理办法》，期限待核实）",
        LicenceKind.FoodProduction => "延续申请应在到期前 30 个工作日前提出（《食品生产许可管理办法》）",
        _ => "请提醒经营者按规定申请延续",
    };
}
