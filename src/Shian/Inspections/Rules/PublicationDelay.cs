namespace Shian.Inspections.Rules;

/// <summary>
/// Days-to-publish of inspection results: how long the public waited for a result (calendar days from the inspection to
/// its publication, Beijing dates), against the office's target (7 days by default) and the law's limit (20 working days,
/// 《食品生产经营监督检查管理办法》第三十九条). Pure: the caller supplies the rows and today.
/// </summary>
public static class PublicationDelay
{
    /// <summary>One result: inspected, its target and legal limit, and when it was published (null: not yet).</summary>
    public sealed record Row(DateOnly InspectedOn, DateOnly Target, DateOnly LegalBy, DateOnly? PublishedOn);

    /// <param name="Published">Results published.</param>
    /// <param name="MedianDays">Median calendar days from inspection to publication (null when none was published).</param>
    /// <param name="P90Days">90th percentile (nearest rank).</param>
    /// <param name="WithinTarget">Published by the office's target date.</param>
    /// <param name="WithinLaw">Published by the statutory limit.</param>
    /// <param name="Waiting">Not yet published.</param>
    /// <param name="WaitingPastTarget">Not yet published and past the target today.</param>
    /// <param name="WaitingPastLaw">Not yet published and past the legal limit today (a breach of 第三十九条).</param>
    public sealed record Summary(int Published, double? MedianDays, int? P90Days, int WithinTarget, int WithinLaw, int Waiting, int WaitingPastTarget, int WaitingPastLaw)
    {
        public int Total => Published + Waiting;

        /// <summary>Share of published results that met the target, as a percentage (null when none).</summary>
        public double? WithinTargetPercent => Published == 0 ? null : Math.Round(100.0 * WithinTarget / Published, 1);

        public double? WithinLawPercent => Published == 0 ? null : Math.Round(100.0 * WithinLaw / Published, 1);
    }

    public static Summary Summarise(IEnumerable<Row> rows, DateOnly today)
    {
        var published = new List<int>();
        int withinTarget = 0, withinLaw = 0, waiting = 0, pastTarget = 0, pastLaw = 0;
        foreach (var r in rows)
        {
            if (r.PublishedOn is DateOnly p)
            {
                published.Add(Math.Max(0, p.DayNumber - r.InspectedOn.DayNumber));
                withinTarget += p <= r.Target ? 1 : 0;
                withinLaw += p <= r.LegalBy ? 1 : 0;
            }
            else
            {
                waiting++;
                pastTarget += today > r.Target ? 1 : 0;
                pastLaw += today > r.LegalBy ? 1 : 0;
            }
        }

        published.Sort();
        double? median = published.Count == 0 ? null
            : published.Count % 2 == 1 ? published[published.Count / 2]
            : (published[(published.Count / 2) - 1] + published[published.Count / 2]) / 2.0;
        int? p90 = published.Count == 0 ? null : published[(int)Math.Ceiling(0.9 * published.Count) - 1];
        return new Summary(published.Count, median, p90, withinTarget, withinLaw, waiting, pastTarget, pastLaw);
    }
}
