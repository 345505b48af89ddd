namespace Shian.Kernel.Units;

/// <summary>
/// Another name for a unit, written relative to its region (without the leading 市/区/县 or region name),
/// e.g. 食品药品监管局 for 本溪市市场监督管理局. Former names carry a note (机构改革前名称).
/// </summary>
public sealed class UnitAlias : Audit.IAudited
{
    public long Id { get; init; }

    public required string UnitKey { get; init; }

    public required string Alias { get; init; }

    public bool IsFormerName { get; init; }

    public string? Note { get; init; }

    public UnitAliasOrigin Origin { get; init; }

    /// <summary>
    /// For a name a person mapped while importing a document: the region of that document. The alias then serves
    /// documents of that region and below only, so one district's mapping cannot change another's imports. Null for
    /// the catalogue's own aliases and an administrator's.
    /// </summary>
    public string? ScopeRegionCode { get; init; }

    string Audit.IAudited.AuditKey => UnitKey + ":" + Alias;

    string? Audit.IAudited.AuditRegionCode => null;
}
