namespace Shian.Credit.Contracts;

/// <summary>A person barred from food business management (《食品安全法》第一百三十五条) as another module needs to know it.</summary>
public sealed record BarredMatch(string Name, string Basis, DateOnly From, DateOnly? Until, string Reference)
{
    /// <summary>The refusal an officer reads when a licence or a business names the person.</summary>
    public string Refusal => $"{Name}（{Basis}，依据 {Reference}）{(Until is DateOnly u ? $"自 {From:yyyy-MM-dd} 至 {u:yyyy-MM-dd}" : $"自 {From:yyyy-MM-dd} 起终身")}不得申请食品生产经营许可、从事食品生产经营管理工作或担任食品安全管理人员（《食品安全法》第一百三十五条）";
}

/// <summary>
/// The 违法犯罪人员信息库: whether a resident id belongs to a person barred on a day. Reads every region (a bar holds
/// nationwide); answers only the bar's facts, to the module checking a licence or a business's responsible person.
/// </summary>
public interface IBarredPersons
{
    Task<BarredMatch?> FindAsync(string residentId, DateOnly on, CancellationToken ct);

    /// <summary>Many at once (a register import): the barred ones among the given ids.</summary>
    Task<IReadOnlyDictionary<string, BarredMatch>> FindManyAsync(IReadOnlyCollection<string> residentIds, DateOnly on, CancellationToken ct);
}
