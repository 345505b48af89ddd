namespace Shian.Enforcement.Rules;

/// <summary>One date and amount of a payment schedule, and its payment if made.</summary>
public sealed record PlanLine(DateOnly DueOn, decimal Amount, DateOnly? PaidOn = null);

/// <summary>
/// 延期、分期缴纳罚款 (《行政处罚法》第六十六条第二款: 当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，
/// 可以暂缓或者分期缴纳). The law sets no length or number of parts; the limits here are the platform's guard against typing
/// errors (12 parts, two years), not law. The schedule covers what the decision makes the party pay (罚没款). 加处罚款 runs on
/// each part from the day after its own date, 3 % of that part a day, and all of it together never exceeds the fine
/// (第七十二条第一款第（一）项 and its cap).
/// </summary>
public static class PaymentPlans
{
    public const int MaxParts = 12;

    /// <summary>
    /// The application is made in writing before the payment date of the decision, and the head decides within 10 working
    /// days of receiving it (《市场监督管理行政处罚程序规定》, recalled — confidence M, as in docs/rules.md).
    /// </summary>
    public const int DecideWithinWorkingDays = 10;

    public static DateOnly DecideBy(Kernel.Calendar.WorkingDayCalendar calendar, DateOnly receivedOn) => calendar.AddWorkingDays(receivedOn, DecideWithinWorkingDays).Date;

    public const int MaxYears = 2;

    /// <summary>The errors of a schedule by field (<c>schedule</c>, <c>dueOn{n}</c>, <c>amount{n}</c>, n from 1); empty when it is right.</summary>
    /// <param name="owed">What the decision makes the party pay (罚款 and 没收违法所得).</param>
    /// <param name="approvedOn">The day the head approves it: every date after it.</param>
    public static IReadOnlyDictionary<string, string> Check(bool deferral, IReadOnlyList<PlanLine> lines, decimal owed, DateOnly approvedOn)
    {
        var errors = new Dictionary<string, string>();
        if (lines.Count == 0)
        {
            errors["schedule"] = deferral ? "请填写暂缓缴纳的日期" : "请填写每期的缴纳日期和金额";
            return errors;
        }

        if (deferral && lines.Count != 1)
        {
            errors["schedule"] = "暂缓（延期）缴纳只有一个日期；分为几次缴纳的，请选择分期缴纳";
            return errors;
        }

        if (!deferral && lines.Count is < 2 or > MaxParts)
        {
            errors["schedule"] = $"分期缴纳应为 2–{MaxParts} 期";
            return errors;
        }

        var last = approvedOn.AddYears(MaxYears);
        DateOnly? previous = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var (n, line) = (i + 1, lines[i]);
            if (line.DueOn <= approvedOn || line.DueOn > last)
            {
                errors[$"dueOn{n}"] = $"第 {n} 期的日期应在批准之日（{approvedOn:yyyy-MM-dd}）之后、{MaxYears} 年以内";
            }
            else if (previous is DateOnly p && line.DueOn <= p)
            {
                errors[$"dueOn{n}"] = $"第 {n} 期的日期应晚于第 {n - 1} 期（{p:yyyy-MM-dd}）";
            }

            if (line.Amount <= 0 || decimal.Round(line.Amount, 2) != line.Amount)
            {
                errors[$"amount{n}"] = $"第 {n} 期的金额应大于 0（元，最多两位小数）";
            }

            previous = line.DueOn;
        }

        if (errors.Count == 0 && deferral)
        {
            // A deferral defers the whole amount: its one line carries it.
            if (lines[0].Amount != owed)
            {
                errors["amount1"] = $"暂缓缴纳的金额应为全部应缴的 {owed:0.00} 元";
            }
        }
        else if (errors.Count == 0 && lines.Sum(l => l.Amount) is var total && total != owed)
        {
            errors["schedule"] = $"各期合计 {total:0.00} 元，应等于应缴的罚没款 {owed:0.00} 元";
        }

        return errors;
    }

    /// <summary>
    /// 加处罚款 on the parts unpaid past their dates, counted to the day each was paid or to <paramref name="on"/>: 3 % of the
    /// part a day, all together never more than the fine, rounded to the fen.
    /// </summary>
    public static decimal Surcharge(IEnumerable<PlanLine> lines, decimal fine, DateOnly on)
    {
        if (fine <= 0)
        {
            return 0m;
        }

        var total = 0m;
        foreach (var l in lines)
        {
            var days = (l.PaidOn ?? on).DayNumber - l.DueOn.DayNumber;
            if (days > 0)
            {
                total += Math.Round(l.Amount * 0.03m * days, 2, MidpointRounding.AwayFromZero);
            }
        }

        return Math.Min(fine, total);
    }

    /// <summary>The surcharge of one part paid on <paramref name="paidOn"/>, within what the cap leaves after the parts before it.</summary>
    public static decimal SurchargeOfPart(IReadOnlyList<PlanLine> paidBefore, PlanLine part, decimal fine, DateOnly paidOn)
    {
        var before = Surcharge(paidBefore, fine, paidOn);
        var with = Surcharge([.. paidBefore, part with { PaidOn = paidOn }], fine, paidOn);
        return with - before;
    }
}
