namespace Shian.Kernel.Scoping;

/// <summary>
/// Where a food business is registered (its USCC may hold several sites): a business user's own records (evidence it
/// uploads) belong to those regions only. The kernel asks; the register answers (implemented in Registry).
/// </summary>
public interface IOwnBusinessRegions
{
    Task<IReadOnlySet<string>> OfAsync(string uscc, CancellationToken ct);
}
