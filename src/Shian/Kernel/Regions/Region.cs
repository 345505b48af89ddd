namespace Shian.Kernel.Regions;

/// <summary>A node of the region tree (统计用区划代码, plus Shian functional zones).</summary>
public sealed class Region
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public RegionLevel Level { get; init; }

    public string? ParentCode { get; init; }

    /// <summary>False for Shian-assigned codes (functional zones).</summary>
    public bool IsOfficial { get; init; }

    /// <summary>Data edition the row comes from, e.g. "NBS 2023".</summary>
    public required string Source { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}
