using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Kernel.Calendar;
using Shian.Surveys.Domain;

namespace Shian.Surveys;

/// <summary>
/// Surveys' measures: per district, the respondents of 知晓率 and 满意度 surveys submitted in the period and the sum of
/// their scores (0–1), so the indicator is the respondents' mean score — equal to the population-weighted estimate when
/// the quotas (by population) are met; the survey's own page shows the weighted estimate with its 95 % interval.
/// </summary>
internal sealed class SurveyMeasures(ShianDb db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("surveys.awareness-points", "知晓率调查得分合计（每份答卷 0–1）", Records: "/surveys"),
        new("surveys.awareness-respondents", "知晓率调查答卷", Records: "/surveys"),
        new("surveys.satisfaction-points", "满意度调查得分合计（每份答卷 0–1）", Records: "/surveys"),
        new("surveys.satisfaction-respondents", "满意度调查答卷", Records: "/surveys"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (purpose, points) = measureKey switch
        {
            "surveys.awareness-points" => (SurveyPurpose.Awareness, true),
            "surveys.awareness-respondents" => (SurveyPurpose.Awareness, false),
            "surveys.satisfaction-points" => (SurveyPurpose.Satisfaction, true),
            "surveys.satisfaction-respondents" => (SurveyPurpose.Satisfaction, false),
            _ => throw MeasureCounts.Unknown(measureKey),
        };
        var start = ChinaTime.StartUtc(from);
        var end = ChinaTime.StartUtc(to.AddDays(1));
        var rows = await (from r in db.SurveyResponses.AsNoTracking()
                          join s in db.Surveys.AsNoTracking() on r.SurveyId equals s.Id
                          where s.Purpose == purpose && r.RegionCode.StartsWith(regionPrefix) && r.SubmittedAtUtc >= start && r.SubmittedAtUtc < end
                          select new { r.RegionCode, r.Score }).ToListAsync(ct);
        return MeasureCounts.Sum(rows, r => r.RegionCode, r => points ? r.Score : 1m);
    }
}
