using Shian.Complaints.Domain;

namespace Shian.Complaints.Rules;

/// <summary>
/// Possible duplicates of a complaint (FixMyStreet's most asked-for feature): others about the same business — the
/// register entry, else the same name once spaces and brackets are dropped — and the same category, received within
/// <see cref="WindowDays"/> days either side, not merged away. Offered to the officer, never merged automatically.
/// </summary>
public static class Duplicates
{
    public const int WindowDays = 30;

    public sealed record Candidate(Guid Id, Guid? BusinessId, string? BusinessName, ComplaintCategory Category, DateOnly ReceivedOn, ComplaintStatus Status);

    public static IReadOnlyList<Candidate> Of(Candidate c, IEnumerable<Candidate> others) =>
        others.Where(o => o.Id != c.Id && o.Status != ComplaintStatus.Merged && o.Category == c.Category
                          && Math.Abs(o.ReceivedOn.DayNumber - c.ReceivedOn.DayNumber) <= WindowDays && SameBusiness(c, o))
            .OrderBy(o => Math.Abs(o.ReceivedOn.DayNumber - c.ReceivedOn.DayNumber)).ToList();

    public static bool SameBusiness(Candidate a, Candidate b) =>
        a.BusinessId is Guid x && b.BusinessId is Guid y ? x == y : Key(a.BusinessName) is { Length: > 1 } k && k == Key(b.BusinessName);

    public static string? Key(string? name) =>
        name is null ? null : new string(name.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('(' or ')' or '（' or '）' or '·')).ToArray()).ToUpperInvariant();
}
