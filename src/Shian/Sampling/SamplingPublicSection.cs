using Shian.Kernel.Public;

namespace Shian.Sampling;

/// <summary>On the public home: the latest 抽检信息公告.</summary>
internal sealed class SamplingPublicSection(Announcements announcements) : IPublicSection
{
    public int Order => 30;

    public string TitleKey => "Sampling.Announcements";

    public string DescriptionKey => "PublicHome.SamplingIntro";

    public string Href => "/public/sampling";

    public async Task<IReadOnlyList<PublicItem>> LatestAsync(int take, CancellationToken ct) =>
        [.. (await announcements.PublishedAsync(take, ct)).Select(a => new PublicItem(a.Number, $"/public/sampling/{a.Id}", a.PublishedOn, a.RegionCode))];
}
