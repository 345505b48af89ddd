using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Governance.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Inbox;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Units;

namespace Shian.Governance;


/// <summary>Publishing a 考核 scheme (freezing its ranking, proposing 约谈, telling each district) and the published results for the public.</summary>
public sealed class AssessmentPublication(ShianDb db, AssessmentRanking ranking, Notifier notifier, DistrictRecipients recipients, TimeProvider clock)
{
    /// <summary>Freezes the results, makes them public, proposes 约谈 and tells each district. One transaction.</summary>
    public async Task<AssessmentRanking.SchemeView> PublishAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.AssessmentSchemes.FirstOrDefaultAsync(s => s.Id == schemeId, ct)
            ?? throw ShianProblemException.NotFound("governance.assessment-not-found", "考核方案不存在");
        AssessmentService.EnsureMayManage(db, scheme.RegionCode);
        if (scheme.Status == AssessmentStatus.Published)
        {
            throw ShianProblemException.Conflict("governance.assessment-published", "该考核结果已公布，不能再修改。");
        }

        var view = await ranking.ViewOfAsync(scheme, ct);
        if (view.PublishBlockers.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-not-ready", "考核方案尚不能公布：" + string.Join("；", view.PublishBlockers),
                new Dictionary<string, string[]> { ["items"] = [.. view.PublishBlockers] });
        }

        if (view.Districts.Count + view.Departments.Count == 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-not-ready", "考核方案没有被考核单位，不能公布。");
        }

        if (!view.Districts.Concat(view.Departments).Any(r => r.Score.Measured))
        {
            throw ShianProblemException.Invalid("governance.assessment-not-ready",
                "尚无考核数据：各单位尚未报送目标实际值或任务进度，也未评分、未暗访，不能公布。",
                new Dictionary<string, string[]> { ["items"] = ["尚无考核数据：各单位尚未报送目标实际值或任务进度，也未评分、未暗访"] });
        }

        var lastYear = await ranking.LastYearAsync(scheme, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var existingProposals = await db.Interviews.IgnoreQueryFilters([RegionScope.FilterName]).Where(i => i.SchemeId == scheme.Id).Select(i => i.SubjectKey).ToListAsync(ct);
        foreach (var row in view.Districts.Concat(view.Departments))
        {
            db.AssessmentResults.Add(new AssessmentResult
            {
                SchemeId = scheme.Id, Year = scheme.Year, RegionCode = row.Assessee.RegionCode, SchemeRegionCode = scheme.RegionCode,
                AssesseeKey = row.Assessee.Key, AssesseeName = row.Assessee.Name, AssesseeKind = row.Assessee.Kind,
                BaseScore = row.Score.Base, Bonus = row.Score.Bonus, Total = row.Score.Total, Rank = row.Rank, Grade = row.Score.Grade,
                Vetoed = row.Score.Vetoed, VetoReason = row.VetoReason, TargetsMissed = row.Score.TargetsMissed,
                ItemsJson = JsonSerializer.Serialize(row.Score.Items, AssessmentRanking.Json),
            });

            // 约谈 concerns regions (地区): districts only.
            if (row.Assessee.Kind != AssesseeKind.District || existingProposals.Contains(row.Assessee.Key))
            {
                continue;
            }

            var trigger = InterviewRule.Propose(row.Score.Grade, row.Score.TargetsMissed, lastYear.GetValueOrDefault(row.Assessee.Key)?.TargetsMissed);
            if (trigger is InterviewTrigger t)
            {
                db.Interviews.Add(new Interview
                {
                    RegionCode = row.Assessee.RegionCode, IssuerRegionCode = scheme.RegionCode, SubjectKey = row.Assessee.Key, SubjectName = row.Assessee.Name,
                    Trigger = t, Year = scheme.Year, SchemeId = scheme.Id, Status = InterviewStatus.Proposed, ProposedAtUtc = now,
                    Reason = t == InterviewTrigger.AssessmentFailed
                        ? $"{scheme.Year} 年度考核{(row.Score.Vetoed ? "被一票否决" : $"得分 {row.Score.Total:0.##}，不合格")}"
                        : $"{scheme.Year - 1}、{scheme.Year} 年连续未完成目标（本年 {row.Score.TargetsMissed} 项）",
                });
            }
        }

        scheme.Status = AssessmentStatus.Published;
        scheme.PublishedBy = db.Request.UserName;
        scheme.PublishedAtUtc = now;
        var who = await recipients.LoadAsync(ct);
        foreach (var row in view.Districts)
        {
            notifier.Notify(who(row.Assessee.RegionCode), $"考核结果公布：{scheme.Title}",
                $"{row.Assessee.Name} 得分 {row.Score.Total:0.##}，排名第 {row.Rank}，{AssessmentScoring.Label(row.Score.Grade)}", $"/governance/assessments/{scheme.Id}");
        }

        await db.SaveChangesAsync(ct);
        return (await ranking.ViewAsync(scheme.Id, ct))!;
    }

    /// <summary>Published schemes and their results, for the public portal: read past the region filter (reviewed: only published rows).</summary>
    public async Task<IReadOnlyList<AssessmentScheme>> PublishedSchemesAsync(CancellationToken ct) =>
        await db.AssessmentSchemes.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(s => s.Status == AssessmentStatus.Published)
            .OrderByDescending(s => s.Year).ThenBy(s => s.RegionCode).ToListAsync(ct);

    public async Task<AssessmentRanking.SchemeView?> PublishedViewAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.AssessmentSchemes.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == schemeId && s.Status == AssessmentStatus.Published, ct);
        if (scheme is null)
        {
            return null;
        }

        var results = await db.AssessmentResults.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(r => r.SchemeId == scheme.Id).ToListAsync(ct);
        var items = await db.AssessmentItems.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(i => i.SchemeId == scheme.Id).OrderBy(i => i.Ordinal).ToListAsync(ct);
        var last = await ranking.LastYearAsync(scheme, ct);
        var rows = results.Select(r => AssessmentRanking.FromResult(r, last)).OrderBy(r => r.Rank).ThenBy(r => r.Assessee.Key, StringComparer.Ordinal).ToList();
        return new AssessmentRanking.SchemeView(scheme, items, [.. rows.Where(r => r.Assessee.Kind == AssesseeKind.District)], [.. rows.Where(r => r.Assessee.Kind == AssesseeKind.Department)],
            [], [], [], last.Count > 0 ? scheme.Year - 1 : null);
    }
}
