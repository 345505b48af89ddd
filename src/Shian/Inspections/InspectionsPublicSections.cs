using Shian.Data;
using Shian.Kernel.Public;

namespace Shian.Inspections;

/// <summary>On the public home: the lookup of businesses and their published inspection results.</summary>
internal sealed class PublicLookupSection : IPublicSection
{
    public int Order => 10;

    public string TitleKey => "Lookup.Title";

    public string DescriptionKey => "PublicHome.LookupIntro";

    public string Href => "/public/businesses";

    public Task<IReadOnlyList<PublicItem>> LatestAsync(int take, CancellationToken ct) => Task.FromResult<IReadOnlyList<PublicItem>>([]);
}

/// <summary>On the public home: 双随机 一公开, the latest published draws.</summary>
internal sealed class PublicDrawsSection(ShianDb db) : IPublicSection
{
    public int Order => 20;

    public string TitleKey => "PublicHome.Draws";

    public string DescriptionKey => "PublicHome.DrawsIntro";

    public string Href => "/public/draws";

    public async Task<IReadOnlyList<PublicItem>> LatestAsync(int take, CancellationToken ct) =>
        [.. (await InspectionsPublic.PublishedDrawsAsync(db, null, take, ct)).Select(d => new PublicItem(d.Title, $"/public/draws/{d.Id}", d.DrawnOn, d.RegionCode))];
}
