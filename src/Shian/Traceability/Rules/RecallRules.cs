using Shian.Kernel.Calendar;
using Shian.Traceability.Domain;

namespace Shian.Traceability.Rules;

/// <summary>
/// The recall clocks of 《食品召回管理办法》 (CFDA Order 12, 2015; amended 2020): start and report the plan within 24/48/72
/// hours of knowing the risk (第十三条), complete within 10/20/30 working days of publishing the notice (the time limits
/// article, 第十八条 as the published tables number it; an extension needs the department's consent).
/// </summary>
public static class RecallClock
{
    public static int StartHours(RecallLevel level) => level switch
    {
        RecallLevel.First => 24,
        RecallLevel.Second => 48,
        RecallLevel.Third => 72,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static int CompleteWorkingDays(RecallLevel level) => level switch
    {
        RecallLevel.First => 10,
        RecallLevel.Second => 20,
        RecallLevel.Third => 30,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The recall must start (notice published, plan reported) by this instant (第十三条): hours, not working days.</summary>
    public static DateTime StartDue(RecallLevel level, DateTime knownAtUtc) => knownAtUtc.AddHours(StartHours(level));

    /// <summary>The recall must be complete by this date: 10/20/30 working days counted from the day after the notice.</summary>
    public static DateOnly CompleteDue(WorkingDayCalendar calendar, RecallLevel level, DateOnly noticeOn) =>
        calendar.AddWorkingDays(noticeOn, CompleteWorkingDays(level)).Date;

    /// <summary>
    /// An underway recall's completion date recomputed on the current calendar (issue #14: computed in a year whose holiday
    /// notice was not yet published it counted Monday to Friday); an extended date, set by the department, stays. True when it moved.
    /// </summary>
    public static bool Recompute(Recall r, WorkingDayCalendar calendar)
    {
        if (r.Status != RecallStatus.Underway || r.ExtensionReason is not null || r.Level is not RecallLevel level || r.NoticeOn is not DateOnly notice)
        {
            return false;
        }

        var due = CompleteDue(calendar, level, notice);
        if (r.CompleteDue == due)
        {
            return false;
        }

        r.CompleteDue = due;
        return true;
    }

    /// <summary>
    /// 召回率 (seed 004 "应召回食品召回率"): recovered ÷ to be recalled, in per cent to one decimal (GB/T 8170 rounding
    /// of a ratio is not regulated; half away from zero); null when nothing is known to be recalled.
    /// </summary>
    public static decimal? Rate(decimal recovered, decimal? toRecall) =>
        toRecall is > 0 ? Math.Round(recovered * 100m / toRecall.Value, 1, MidpointRounding.AwayFromZero) : null;

    public static string Label(RecallLevel level) => level switch
    {
        RecallLevel.First => "一级召回",
        RecallLevel.Second => "二级召回",
        RecallLevel.Third => "三级召回",
        _ => level.ToString(),
    };

    public static string Label(RecallStatus status) => status switch
    {
        RecallStatus.Proposed => "待定级",
        RecallStatus.Pending => "待启动",
        RecallStatus.Underway => "召回中",
        RecallStatus.Completed => "待核查结束",
        RecallStatus.Closed => "已结束",
        RecallStatus.Dismissed => "不予召回",
        _ => status.ToString(),
    };

    public static string Label(RecallTrigger trigger) => trigger switch
    {
        RecallTrigger.Sampling => "监督抽检不合格",
        RecallTrigger.Own => "企业主动召回",
        RecallTrigger.Ordered => "监管部门责令召回",
        _ => trigger.ToString(),
    };
}

/// <summary>Who holds a GLN (a location or party): the business its GS1 prefix is registered to.</summary>
public sealed record GlnOwner(Guid BusinessId, string Name, string RegionCode);

/// <summary>One line of a recall's scope: one event that moved or held the recalled goods, with the key data elements (KDE).</summary>
public sealed record ScopeRow(
    string EventId, DateTime EventTimeUtc, string Type, string? BizStep, string What, decimal? Quantity, string? Uom,
    string? From, string? To, string? ToParty, string? ToName, string CapturedBy, string RegionCode, string? Documents);

/// <summary>A downstream party or location and how much of the recalled goods reached it.</summary>
public sealed record ScopeParty(string Key, string Name, string RegionCode, Guid? BusinessId, IReadOnlyDictionary<string, decimal> Quantities, DateTime LastSeenUtc, int Events);

public sealed record RecallScopeResult(IReadOnlyList<ScopeRow> Rows, IReadOnlyList<ScopeParty> Parties, IReadOnlyDictionary<string, decimal> ShippedByRecaller, bool Truncated);

/// <summary>
/// A recall's scope (召回范围) from the forward trace of the lot: every event that moved or held the goods — shipped,
/// received, stored, sold, transformed into other products — with who, what, where, when and how much, and the
/// downstream parties and locations it reached. A location's district is its GLN owner's (the registered GS1 prefix);
/// an unregistered GLN falls to the district of the business that recorded the event. Pure.
/// </summary>
public static class RecallScope
{
    private const string Shipping = "https://ref.gs1.org/cbv/BizStep-shipping";

    public static RecallScopeResult Compute(TraceResult trace, Guid recallingBusiness, IReadOnlyDictionary<Guid, string> businessNames, Func<string, GlnOwner?> ownerOf)
    {
        var reached = new HashSet<string>(trace.Identifiers, StringComparer.Ordinal);
        var rows = new List<ScopeRow>();
        var parties = new Dictionary<string, Party>(StringComparer.Ordinal);
        var shipped = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var e in trace.Events)
        {
            var (quantity, uom, what) = Amount(e, reached);
            var from = e.Keys.FirstOrDefault(k => k.Kind == TraceKeyKind.Source && k.Name?.EndsWith("location", StringComparison.Ordinal) == true)?.Value ?? e.BizLocation ?? e.ReadPoint;
            var toLocation = e.Keys.FirstOrDefault(k => k.Kind == TraceKeyKind.Destination && k.Name?.EndsWith("location", StringComparison.Ordinal) == true)?.Value;
            var toParty = e.Keys.FirstOrDefault(k => k.Kind == TraceKeyKind.Destination && k.Name?.EndsWith("party", StringComparison.Ordinal) == true)?.Value;
            var capturer = businessNames.GetValueOrDefault(e.BusinessId) ?? e.BusinessId.ToString();
            var moved = toLocation is not null || toParty is not null;

            // Where the goods are after this event: the destination of a shipment, else where the event happened (the
            // business that recorded it holds them).
            var owner = Owner(toLocation, ownerOf) ?? Owner(toParty, ownerOf) ?? (moved ? null : Owner(e.BizLocation ?? e.ReadPoint, ownerOf));
            var key = owner?.BusinessId.ToString() ?? (moved ? toLocation ?? toParty! : e.BusinessId.ToString());
            var holder = owner?.BusinessId ?? (moved ? null : e.BusinessId);
            var name = owner?.Name ?? (moved ? EventFacts.Gln(toLocation ?? toParty) ?? (toLocation ?? toParty)! : capturer);
            var region = owner?.RegionCode ?? e.RegionCode;
            var documents = string.Join("；", e.Keys.Where(k => k.Kind == TraceKeyKind.BizTransaction).Select(k => $"{Cbv.Term(k.Name)} {k.Value}".Trim()));
            rows.Add(new ScopeRow(e.EventId, e.EventTimeUtc, e.Type, Cbv.Term(e.BizStep), what, quantity, uom, from, toLocation, toParty, moved ? name : null, capturer, region,
                documents.Length == 0 ? null : documents));

            var unit = uom ?? "EA";
            // What left the recalling business: its shipments to others (not moves between its own sites).
            if (e.BizStep == Shipping && e.BusinessId == recallingBusiness && holder != recallingBusiness && quantity is decimal q)
            {
                shipped[unit] = shipped.GetValueOrDefault(unit) + q;
            }

            if (holder == recallingBusiness)
            {
                continue; // the recalling business is not its own downstream party
            }

            if (!parties.TryGetValue(key, out var p))
            {
                parties[key] = p = new Party(name, region, holder);
            }

            p.Events++;
            p.Last = e.EventTimeUtc > p.Last ? e.EventTimeUtc : p.Last;
            if (quantity is decimal amount)
            {
                // A shipment to a party and its receipt there name the same goods: what was shipped to it counts, and
                // where no shipment was recorded, the most it recorded holding.
                if (moved)
                {
                    p.ShippedTo[unit] = p.ShippedTo.GetValueOrDefault(unit) + amount;
                }
                else
                {
                    p.SeenAt[unit] = Math.Max(p.SeenAt.GetValueOrDefault(unit), amount);
                }
            }
        }

        return new RecallScopeResult(
            rows,
            [.. parties.Select(kv => new ScopeParty(kv.Key, kv.Value.Name, kv.Value.Region, kv.Value.Business, kv.Value.ShippedTo.Count > 0 ? kv.Value.ShippedTo : kv.Value.SeenAt,
                    kv.Value.Last, kv.Value.Events))
                .OrderBy(p => p.RegionCode, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)],
            shipped,
            trace.Truncated);
    }

    private static GlnOwner? Owner(string? where, Func<string, GlnOwner?> ownerOf) => EventFacts.Gln(where) is { } gln ? ownerOf(gln) : null;

    private sealed class Party(string name, string region, Guid? business)
    {
        public string Name { get; } = name;

        public string Region { get; } = region;

        public Guid? Business { get; } = business;

        public Dictionary<string, decimal> ShippedTo { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, decimal> SeenAt { get; } = new(StringComparer.Ordinal);

        public DateTime Last { get; set; }

        public int Events { get; set; }
    }

    /// <summary>
    /// How much of the recalled goods an event names: the quantities of reached classes (lots, products made from them),
    /// plus one per reached instance EPC (uom EA); with the identifiers it names.
    /// </summary>
    public static (decimal? Quantity, string? Uom, string What) Amount(TraceEventRow e, IReadOnlySet<string> reached)
    {
        var named = e.Keys.Where(k => reached.Contains(k.Value) && k.Kind is not (TraceKeyKind.Ilmd or TraceKeyKind.BizTransaction or TraceKeyKind.Source or TraceKeyKind.Destination or TraceKeyKind.Lot)).ToList();

        // A transformation consumes its inputs: what it puts out of the reached goods is its outputs.
        if (e.Type == "TransformationEvent")
        {
            named = [.. e.Keys.Where(k => k.Kind is TraceKeyKind.Output or TraceKeyKind.OutputClass)];
        }

        var classes = named.Where(k => k.Quantity is not null).ToList();
        var instances = named.Where(k => k.Quantity is null && k.Kind is TraceKeyKind.Epc or TraceKeyKind.Child or TraceKeyKind.Output).Select(k => k.Value).Distinct().Count();
        var what = string.Join("、", named.Select(k => k.Value).Distinct().Take(5)) + (named.Select(k => k.Value).Distinct().Count() > 5 ? " …" : "");
        var uoms = classes.Select(k => k.Uom ?? "EA").Append(instances > 0 ? "EA" : null).OfType<string>().Distinct().ToList();
        if (uoms.Count != 1)
        {
            return (null, null, what); // nothing countable, or units that do not add up
        }

        return (classes.Sum(k => k.Quantity!.Value) + instances, uoms[0], what);
    }
}
