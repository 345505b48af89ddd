namespace Shian.Traceability.Contracts;

/// <summary>A recall as another module may name it (an incident's linked recall): number, product, business, level and state in words.</summary>
public sealed record RecallSummary(Guid Id, string Number, string ProductName, string? Lot, string BusinessName, string State);

/// <summary>Finds a recall by its number (ZH…) among the caller's regions (null when it is not there).</summary>
public interface IRecallLookup
{
    Task<RecallSummary?> FindByNumberAsync(string number, CancellationToken ct);
}
