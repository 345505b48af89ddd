using Shian.Kernel.Public;

namespace Shian.Governance;

/// <summary>On the public home: published 考核 results (seed 000: 考核结果向社会公布).</summary>
internal sealed class GovernancePublicSection(AssessmentPublication assessments) : IPublicSection
{
    public int Order => 40;

    public string TitleKey => "Public.Assessments";

    public string DescriptionKey => "Public.AssessmentsIntro";

    public string Href => "/public/assessments";

    public async Task<IReadOnlyList<PublicItem>> LatestAsync(int take, CancellationToken ct) =>
        [.. (await assessments.PublishedSchemesAsync(ct)).Take(take).Select(s => new PublicItem(s.Title, $"/public/assessments/{s.Id}",
            s.PublishedAtUtc is DateTime at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, Kernel.Calendar.ChinaTime.Zone)) : null, s.RegionCode))];
}
