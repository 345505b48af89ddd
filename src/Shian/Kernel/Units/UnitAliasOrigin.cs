namespace Shian.Kernel.Units;

public enum UnitAliasOrigin
{
    /// <summary>Shipped with the reference catalogue (data/reference/units.csv).</summary>
    Catalogue,

    /// <summary>Generated from the region tree (governments, 食安委, 食安办).</summary>
    Generated,

    /// <summary>A person mapped an unresolved name from a document once.</summary>
    Mapped,
}
