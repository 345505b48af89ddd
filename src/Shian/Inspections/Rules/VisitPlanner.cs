namespace Shian.Inspections.Rules;

/// <summary>
/// A business a plan must visit: how many visits fall in the plan's window (its grade's yearly frequency, scaled to the
/// window by the caller; 1 for a campaign), when it last had a full-checklist inspection, and who did the last one.
/// </summary>
public sealed record PlanTarget(Guid BusinessId, int Visits, DateOnly? LastFull, IReadOnlyCollection<Guid> LastInspectors);

/// <param name="VisitsPerInspectorPerDay">How many visits one inspector takes part in per working day (0: no limit).</param>
/// <param name="WorkingDays">Working days in a period (the statutory calendar, from the caller); null counts Monday–Friday.</param>
public sealed record VisitPlanRequest(IReadOnlyList<PlanTarget> Targets, IReadOnlyList<Inspector> Inspectors, DateOnly From, DateOnly To,
    int FullCycleYears = 2, int InspectorsPerVisit = 2, decimal VisitsPerInspectorPerDay = 0, Func<PlanPeriod, int>? WorkingDays = null);

/// <summary>
/// One planned visit: the period it falls in, the dates it is due between, whether it must be the full-checklist inspection
/// the two-year floor requires (and by when: <see cref="DueBy"/> is then no later than the floor), and its inspectors.
/// </summary>
public sealed record ScheduledVisit(Guid BusinessId, int Period, DateOnly DueFrom, DateOnly DueBy, bool FullChecklistDue, IReadOnlyList<Guid> Inspectors);

public sealed record PlanPeriod(DateOnly From, DateOnly To);

/// <param name="CapacityPerPeriod">Visits the inspectors can make in each period (int.MaxValue without a limit).</param>
/// <param name="Unplaced">Visits that do not fit the inspectors' capacity in the window, one business id per visit (usability finding 10).</param>
public sealed record VisitPlan(IReadOnlyList<ScheduledVisit> Visits, IReadOnlyList<PlanPeriod> Periods, IReadOnlyList<int> VisitsPerPeriod,
    IReadOnlyDictionary<Guid, int> VisitsPerInspector, IReadOnlyList<int> CapacityPerPeriod, IReadOnlyList<Guid> Unplaced);

/// <summary>
/// Risk-based and campaign visit plans (《食品生产经营监督检查管理办法》第二十一条: the yearly plan weighs the risk grade;
/// 第二十二条第一款: every business gets a full-checklist inspection at least once every two years; 第二十三条: ≥ 2 inspectors,
/// recusal). The window is cut into months (or weeks for a window of two months or less). A business with n visits gets
/// them n periods apart (spacing = periods / n), at the phase that keeps the busiest period least busy; businesses
/// whose two-year floor falls in the window are placed first, with their first visit no later than the floor (a floor
/// already past: within the first quarter of the window; never inspected: within the window). Each visit
/// then gets the eligible inspectors least loaded in its period (then overall), never one with a declared conflict,
/// the last inspectors only as a last resort. A period never takes more visits than its inspectors can make (inspectors ×
/// visits per inspector per working day × working days ÷ inspectors per visit): a visit whose period is full moves to
/// the nearest later period with room, then the nearest earlier one, and one that fits nowhere is reported as not
/// placed, never crammed in (a plan made late in the year once put 83 visits on 31 December). Deterministic: the same request gives the same plan. Hand-written: no
/// library schedules this; greedy placement is enough for balance (the property tests bound it).
/// </summary>
public static class VisitPlanner
{
    public static VisitPlan Plan(VisitPlanRequest r)
    {
        if (r.To < r.From)
        {
            throw new DrawRefused("计划的结束日期不能早于开始日期");
        }

        if (!Kernel.Law.FieldStaff.IsEnough(r.InspectorsPerVisit))
        {
            throw new DrawRefused(Kernel.Law.FieldStaff.InspectorsMessage);
        }

        if (r.Inspectors.Count < r.InspectorsPerVisit)
        {
            throw new DrawRefused($"执法检查人员名录只有 {r.Inspectors.Count} 人，不足每次 {r.InspectorsPerVisit} 人");
        }

        var periods = Periods(r.From, r.To);
        var p = periods.Count;
        var load = new int[p];
        var capacity = periods.Select(period => r.VisitsPerInspectorPerDay <= 0 ? int.MaxValue
            : (int)Math.Floor(r.Inspectors.Count * r.VisitsPerInspectorPerDay * (r.WorkingDays ?? WeekdaysIn)(period) / r.InspectorsPerVisit)).ToArray();
        var unplaced = new List<Guid>();

        // Who is due for the two-year full inspection inside (or before) the window, and in which period at the latest.
        var items = new List<(PlanTarget Target, int Count, int Deadline, bool Full, DateOnly? Floor)>(r.Targets.Count);
        foreach (var t in r.Targets)
        {
            // Never inspected: the full inspection is due within the window; inspected: by the floor if it falls in (or before) the window.
            DateOnly? floor = t.LastFull is DateOnly last ? last.AddYears(r.FullCycleYears) : null;
            var full = floor is null || floor <= r.To;
            var count = Math.Max(t.Visits, full ? 1 : 0);
            if (count == 0)
            {
                continue;
            }

            // A floor already past (a backlog) is due in the first quarter of the window: as soon as possible, but a large backlog
            // spread over a few periods rather than all in the first one.
            var deadline = floor is DateOnly f && f <= r.To ? (f < r.From ? (p - 1) / 4 : PeriodOf(periods, f)) : p - 1;
            items.Add((t, count, deadline, full, floor));
        }

        // Tightest first: an earlier floor, then more visits, then by id (deterministic).
        items.Sort((a, b) => a.Deadline != b.Deadline ? a.Deadline.CompareTo(b.Deadline)
            : a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Target.BusinessId.CompareTo(b.Target.BusinessId));

        var placed = new List<(PlanTarget Target, int Period, bool Full, DateOnly? Floor)>();
        foreach (var (target, count, deadline, full, floor) in items)
        {
            var spacing = (double)p / count;
            var phases = Math.Max(1, (int)Math.Ceiling(spacing));
            var bestPhase = 0;
            (int Max, long Sum) best = (int.MaxValue, long.MaxValue);
            for (var phase = 0; phase < phases && (phase == 0 || phase <= deadline); phase++)
            {
                var max = 0;
                long sum = 0;
                for (var k = 0; k < count; k++)
                {
                    var period = Math.Min(p - 1, (int)(phase + k * spacing));
                    max = Math.Max(max, load[period]);
                    sum += load[period];
                }

                if (max < best.Max || (max == best.Max && sum < best.Sum))
                {
                    best = (max, sum);
                    bestPhase = phase;
                }
            }

            var previous = -1;
            for (var k = 0; k < count; k++)
            {
                var wanted = Math.Min(p - 1, (int)(bestPhase + k * spacing));
                var period = WithRoom(wanted, previous);
                if (period < 0)
                {
                    unplaced.Add(target.BusinessId);
                    continue;
                }

                load[period]++;
                previous = period;
                placed.Add((target, period, k == 0 && full, k == 0 ? floor : null));
            }
        }

        // Inspectors, period by period: least loaded in the period, then overall; conflicts never; last ones last.
        var ids = r.Inspectors.Select(i => i.Id).ToArray();
        var conflicts = r.Inspectors.Select(i => i.Conflicts.Count == 0 ? null : i.Conflicts as ISet<Guid> ?? i.Conflicts.ToHashSet()).ToArray();
        var inspectorKeys = ids.Select(Seed).ToArray();
        var total = new int[ids.Length];
        var inPeriod = new int[ids.Length];
        var per = r.InspectorsPerVisit;
        var visits = new List<ScheduledVisit>(placed.Count);
        foreach (var group in placed.GroupBy(v => v.Period).OrderBy(g => g.Key))
        {
            Array.Clear(inPeriod);
            foreach (var (target, period, full, floor) in group.OrderBy(v => v.Target.BusinessId))
            {
                var chosen = new List<int>(per);
                var key = Seed(target.BusinessId);
                for (var n = 0; n < per; n++)
                {
                    var pick = -1;
                    for (var i = 0; i < ids.Length; i++)
                    {
                        if (chosen.Contains(i) || (conflicts[i] is { } c && c.Contains(target.BusinessId)))
                        {
                            continue;
                        }

                        if (pick < 0 || Before(i, pick))
                        {
                            pick = i;
                        }
                    }

                    if (pick < 0)
                    {
                        throw new DrawRefused($"经营者 {target.BusinessId} 回避后可派执法人员不足 {per} 人，请补充执法检查人员名录");
                    }

                    chosen.Add(pick);
                    total[pick]++;
                    inPeriod[pick]++;
                }

                var window = periods[period];
                // A floor already passed (never inspected, or overdue) is due by the end of its period; otherwise by the floor itself.
                var dueBy = full && floor is DateOnly f && f >= window.From && f < window.To ? f : window.To;
                visits.Add(new ScheduledVisit(target.BusinessId, period, window.From, dueBy, full, [.. chosen.Select(i => ids[i])]));

                bool WasLast(int i) => target.LastInspectors.Count > 0 && target.LastInspectors.Contains(ids[i]);
                bool Before(int a, int b) => WasLast(a) != WasLast(b) ? !WasLast(a)
                    : inPeriod[a] != inPeriod[b] ? inPeriod[a] < inPeriod[b]
                    : total[a] != total[b] ? total[a] < total[b]
                    : RandomDraw.Mix(key ^ inspectorKeys[a]) < RandomDraw.Mix(key ^ inspectorKeys[b]);
            }
        }

        var perInspector = new Dictionary<Guid, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            perInspector[ids[i]] = total[i];
        }

        return new VisitPlan(visits, periods, load, perInspector, capacity, unplaced);

        // The wanted period if it has room, else the nearest later one, else the nearest earlier one after the business's previous visit.
        int WithRoom(int wanted, int after)
        {
            for (var i = Math.Max(wanted, after + 1); i < p; i++)
            {
                if (load[i] < capacity[i])
                {
                    return i;
                }
            }

            for (var i = wanted - 1; i > after; i--)
            {
                if (load[i] < capacity[i])
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>Monday–Friday days of a period (the caller passes the statutory calendar's count instead).</summary>
    public static int WeekdaysIn(PlanPeriod period)
    {
        var n = 0;
        for (var d = period.From; d <= period.To; d = d.AddDays(1))
        {
            n += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return n;
    }

    /// <summary>Months of the window (the first and last may be partial), or 7-day weeks when the window is 62 days or shorter.</summary>
    public static IReadOnlyList<PlanPeriod> Periods(DateOnly from, DateOnly to)
    {
        var result = new List<PlanPeriod>();
        if (to.DayNumber - from.DayNumber < 62)
        {
            for (var d = from; d <= to; d = d.AddDays(7))
            {
                result.Add(new PlanPeriod(d, d.AddDays(6) < to ? d.AddDays(6) : to));
            }

            return result;
        }

        for (var d = from; d <= to;)
        {
            var monthEnd = new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);
            var end = monthEnd < to ? monthEnd : to;
            result.Add(new PlanPeriod(d, end));
            d = end.AddDays(1);
        }

        return result;
    }

    private static int PeriodOf(IReadOnlyList<PlanPeriod> periods, DateOnly date)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            if (date <= periods[i].To)
            {
                return date < periods[i].From ? i - 1 : i;
            }
        }

        return periods.Count - 1;
    }

    /// <summary>A stable 64-bit key of a GUID (its two halves folded and mixed), for tie-breaks that do not depend on input order.</summary>
    private static ulong Seed(Guid id)
    {
        Span<byte> b = stackalloc byte[16];
        id.TryWriteBytes(b);
        return RandomDraw.Mix(BitConverter.ToUInt64(b) ^ BitConverter.ToUInt64(b[8..]));
    }
}
