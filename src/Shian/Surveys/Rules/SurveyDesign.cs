namespace Shian.Surveys.Rules;

/// <summary>
/// The statistics of a survey (pure): how many to ask, how to share them among districts, and what the answers say with
/// their uncertainty. Textbook formulas (Cochran, Sampling Techniques, 3rd ed.: 4.2 sample size for a proportion with the
/// finite population correction; 5.3 proportional allocation; 5.2 the stratified mean and its variance), hand-written
/// because no maintained .NET survey-statistics library covers stratified estimation; each is a few lines and unit-tested
/// against values worked out by hand.
/// </summary>
public static class SurveyDesign
{
    /// <summary>z for a two-sided 95 % confidence interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Responses needed to estimate a share within ±<paramref name="marginOfError"/> at 95 % confidence, assuming the least
    /// favourable share (50 %), in a population of <paramref name="population"/> (null: unknown, treated as infinite):
    /// n₀ = z²·p(1−p)/e², n = n₀ / (1 + (n₀ − 1)/N), rounded up.
    /// </summary>
    public static int SampleSize(double marginOfError, long? population)
    {
        if (marginOfError is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(marginOfError));
        }

        var n0 = Z95 * Z95 * 0.25 / (marginOfError * marginOfError);
        var n = population is { } p && p > 0 ? n0 / (1 + (n0 - 1) / p) : n0;
        return (int)Math.Ceiling(n - 1e-9);
    }

    /// <summary>
    /// Shares <paramref name="total"/> among strata in proportion to population, by the largest remainder (the quotas add
    /// up exactly), then raises any stratum below <paramref name="minimum"/> to it (the total grows by that much); never
    /// more than a stratum's population.
    /// </summary>
    public static IReadOnlyList<int> Allocate(int total, IReadOnlyList<long> populations, int minimum)
    {
        var sum = populations.Sum();
        if (populations.Count == 0 || sum <= 0)
        {
            return [.. populations.Select(_ => 0)];
        }

        var exact = populations.Select(p => (double)total * p / sum).ToList();
        var quotas = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - quotas.Sum();
        foreach (var i in Enumerable.Range(0, populations.Count).OrderByDescending(i => exact[i] - quotas[i]).ThenBy(i => i).Take(left))
        {
            quotas[i]++;
        }

        return [.. quotas.Select((q, i) => (int)Math.Min(Math.Max(q, minimum), populations[i]))];
    }

    /// <summary>A stratum's responses: its population (the weight) and each respondent's score in [0, 1].</summary>
    public sealed record Stratum(string Key, long Population, IReadOnlyList<double> Scores);

    /// <summary>An estimate with its 95 % interval; <see cref="Respondents"/> behind it.</summary>
    public sealed record Estimate(double Value, double Low, double High, int Respondents);

    /// <summary>The whole and each stratum; <see cref="Incomplete"/> names strata without any response (left out of the weights).</summary>
    public sealed record Result(Estimate? Overall, IReadOnlyDictionary<string, Estimate?> ByStratum, IReadOnlyList<string> Incomplete);

    /// <summary>
    /// The stratified mean ȳ = Σ Wₕ·ȳₕ with Wₕ = Nₕ/N over the strata that have responses, its variance
    /// Σ Wₕ²·(1 − nₕ/Nₕ)·sₕ²/nₕ, and ȳ ± z·√var clamped to [0, 1]. A stratum of one response has no sample variance: the
    /// largest a [0, 1] score can have (0.25) is used, so its interval is honest rather than zero.
    /// </summary>
    public static Result Stratified(IReadOnlyList<Stratum> strata)
    {
        var by = strata.ToDictionary(s => s.Key, s => Mean(s), StringComparer.Ordinal);
        var covered = strata.Where(s => s.Scores.Count > 0 && s.Population > 0).ToList();
        var incomplete = strata.Where(s => s.Scores.Count == 0).Select(s => s.Key).ToList();
        if (covered.Count == 0)
        {
            return new Result(null, by, incomplete);
        }

        double total = covered.Sum(s => s.Population), mean = 0, variance = 0;
        foreach (var s in covered)
        {
            var w = s.Population / total;
            var (m, v) = Moments(s);
            mean += w * m;
            variance += w * w * Fpc(s) * v / s.Scores.Count;
        }

        return new Result(Interval(mean, variance, covered.Sum(s => s.Scores.Count)), by, incomplete);
    }

    private static Estimate? Mean(Stratum s)
    {
        if (s.Scores.Count == 0)
        {
            return null;
        }

        var (m, v) = Moments(s);
        return Interval(m, Fpc(s) * v / s.Scores.Count, s.Scores.Count);
    }

    private static (double Mean, double Variance) Moments(Stratum s)
    {
        var n = s.Scores.Count;
        var mean = s.Scores.Average();
        var variance = n > 1 ? s.Scores.Sum(x => (x - mean) * (x - mean)) / (n - 1) : 0.25;
        return (mean, variance);
    }

    private static double Fpc(Stratum s) => s.Population > 0 ? Math.Max(0, 1 - (double)s.Scores.Count / s.Population) : 1;

    private static Estimate Interval(double mean, double variance, int n)
    {
        var half = Z95 * Math.Sqrt(variance);
        return new Estimate(mean, Math.Max(0, mean - half), Math.Min(1, mean + half), n);
    }
}
