using System.Security.Claims;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Governance.Contracts;
using Shian.Indicators.Contracts;
using Microsoft.EntityFrameworkCore;
using Shian.Indicators.Rules;
using Shian.Kernel.Users;
using Shian.Kernel.Workbench;

namespace Shian.Indicators;

/// <summary>
/// 工作台 for those who read indicators: the indicators this year's plans set targets on, for the caller's home region,
/// each against its target (tiles), and a to-do line counting the targets not met today.
/// </summary>
internal sealed class IndicatorsWorkbench(IndicatorValues values, IPlanTargets planTargets, ShianDb db, IOptions<ShianOptions> shian) : IWorkbenchTiles, IWorkbenchSource
{
    public const int MaxTiles = 8;

    public int Order => 9;

    private IReadOnlyList<(IndicatorReading Reading, LinkedTarget Target, bool? Met)>? _rows;

    private async Task<IReadOnlyList<(IndicatorReading Reading, LinkedTarget Target, bool? Met)>> RowsAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        if (_rows is not null)
        {
            return _rows;
        }

        if (!user.Grants(IndicatorsPermissions.Read))
        {
            return _rows = [];
        }

        var region = db.Request.Scope.HomeRegion(shian.Value.HomeRegion);
        var rows = new List<(IndicatorReading, LinkedTarget, bool?)>();
        foreach (var target in (await planTargets.LinkedAsync(region, today.Year, ct)).Where(t => t.Value is not null).DistinctBy(t => t.IndicatorKey))
        {
            if (await values.ReadAsync(target.IndicatorKey, region, today.Year, ct) is { } reading)
            {
                rows.Add((reading, target, IndicatorMath.Meets(target.Comparator, target.Value, reading.Value)));
            }
        }

        return _rows = rows;
    }

    public async Task<IReadOnlyList<WorkbenchTile>> TilesAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct) =>
        [.. (await RowsAsync(user, today, ct)).OrderBy(r => r.Met switch { false => 0, null => 1, true => 2 }).Take(MaxTiles)
            .Select(r => new WorkbenchTile(r.Reading.Name, r.Reading.Value is decimal v ? v.ToString("0.##") + r.Reading.Unit : "—",
                $"{r.Target.Comparator}{r.Target.Value:0.##}{r.Target.Unit}", r.Met, r.Reading.Href))];

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var todos = new List<ToDo>();
        var behind = (await RowsAsync(user, today, ct)).Count(r => r.Met == false);
        if (behind > 0)
        {
            todos.Add(new ToDo("Todo.IndicatorsBehind", behind, 0, 0, "/indicators"));
        }

        // 创建自评: the rectifications this year's self-assessments ordered (the latest judgement of a criterion is
        // 不符合 or 基本符合), by their due dates.
        if (user.Grants(IndicatorsPermissions.Assess))
        {
            var ids = await db.DemonstrationAssessments.AsNoTracking().Where(a => a.Year == today.Year).Select(a => a.Id).ToListAsync(ct);
            var judgements = await db.DemonstrationJudgements.AsNoTracking().Where(j => ids.Contains(j.AssessmentId)).ToListAsync(ct);
            var open = judgements.GroupBy(j => (j.AssessmentId, j.CriterionCode)).Select(g => g.MaxBy(j => j.JudgedAtUtc)!)
                .Where(j => j.Verdict != Verdict.Met && j.RectifyBy is not null).ToList();
            if (open.Count > 0)
            {
                // Those of the caller's districts count too (the city's 创建办 follows them); the link opens the home region's.
                todos.Add(WorkbenchToDos.Count("Todo.Rectifications", open.Select(j => j.RectifyBy), today, $"/indicators/demonstration?year={today.Year}"));
            }
        }

        return todos;
    }
}
