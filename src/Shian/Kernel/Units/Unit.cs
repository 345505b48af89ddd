namespace Shian.Kernel.Units;

/// <summary>An organisation that can lead or be responsible for a task (government, 食安办, department …).</summary>
public sealed class Unit : Audit.IAudited
{
    /// <summary>Stable key, e.g. <c>gov:210503000000</c> or <c>210500:market-regulation</c>.</summary>
    public required string Key { get; init; }

    public required string RegionCode { get; init; }

    /// <summary>Current official name, e.g. 本溪市市场监督管理局.</summary>
    public required string Name { get; set; }

    /// <summary>The name relative to its region, as documents of that region write it after "市"/"区": 市场监督管理局.</summary>
    public required string ShortName { get; set; }

    public UnitKind Kind { get; init; }

    /// <summary>Member of its region's 食安委 (an administrator keeps this true to the committee's rules).</summary>
    public bool IsCommitteeMember { get; set; }

    public string? Note { get; set; }

    string Audit.IAudited.AuditKey => Key;

    // Reference data of the whole platform: the system chain.
    string? Audit.IAudited.AuditRegionCode => null;
}
