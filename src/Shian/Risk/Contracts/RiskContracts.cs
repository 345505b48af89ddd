namespace Shian.Risk.Contracts;

/// <summary>Current risk grades for other modules (inspection planning filters and frequencies).</summary>
public interface IRiskGrades
{
    /// <summary>The current grade letter (A–D) of each business that has one.</summary>
    Task<IReadOnlyDictionary<Guid, string>> CurrentAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct);
}
