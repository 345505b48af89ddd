namespace Shian.Kernel.Units;

/// <summary>
/// A named set of units defined by a document of a region, e.g. seed 000's note: "市食品安全监管部门"
/// means eight departments plus 沈阳铁路局本溪车务段 and 本溪军分区.
/// </summary>
public sealed class UnitGroup
{
    public required string Key { get; init; }

    public required string RegionCode { get; init; }

    /// <summary>The phrase relative to the region, e.g. 食品安全监管部门 (documents write 市食品安全监管部门).</summary>
    public required string Phrase { get; init; }

    /// <summary>Where the definition comes from.</summary>
    public required string Source { get; init; }
}

public sealed class UnitGroupMember
{
    public required string GroupKey { get; init; }

    public required string UnitKey { get; init; }
}
