namespace Shian.Kernel.Scoping;

/// <summary>
/// A regulated record: it carries the 12-digit region code of its jurisdiction and every query over it is
/// filtered to the caller's region subtrees by the named query filter <see cref="RegionScope.FilterName"/>.
/// </summary>
public interface IRegionScoped
{
    string RegionCode { get; }
}

/// <summary>A regulated record that concerns one food business, which that business's users may read.</summary>
public interface IBusinessOwned
{
    string? BusinessUscc { get; }
}
