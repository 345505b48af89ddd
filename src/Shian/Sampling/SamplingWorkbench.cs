using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Kernel.Workbench;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// 工作台 to-dos of sampling: the lab's samples to report, the samplers' samples to send, the office's open
/// dispositions (by their next step's statutory date), and the business's own failed samples.
/// </summary>
internal sealed class SamplingWorkbench(ShianDb db) : IWorkbenchSource
{
    public int Order => 30;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var result = new List<ToDo>();
        if (user.Grants(SamplingPermissions.Lab))
        {
            var dues = await db.Samples.AsNoTracking().Where(s => s.Status == SampleStatus.Sent || s.Status == SampleStatus.Received).Select(s => s.ReportDueBy).ToListAsync(ct);
            Add(result, "Todo.LabQueue", dues, today, "/sampling");
        }

        if (user.Grants(SamplingPermissions.Sample))
        {
            var unsent = await db.Samples.AsNoTracking().Where(s => s.Status == SampleStatus.Taken).Select(s => (DateOnly?)s.SendBy).ToListAsync(ct);
            Add(result, "Todo.Unsent", unsent, today, "/sampling?status=Taken#list");
            var open = (await db.Dispositions.AsNoTracking().Where(d => !d.Closed).ToListAsync(ct)).Where(d => !DispositionSteps.IsClosed(d, today));
            Add(result, "Todo.Dispositions", open.Select(d => DispositionSteps.Of(d, today).FirstOrDefault(x => x.Ours && x.DoneOn is null && x.DueBy is not null)?.DueBy), today, "/sampling");
        }

        if (user.Grants(SamplingPermissions.Own) && user.FindFirstValue(ShianClaims.Uscc) is { } uscc)
        {
            var own = (await db.Dispositions.AsNoTracking().Where(d => !d.Closed && d.BusinessUscc == uscc).ToListAsync(ct)).Where(d => !DispositionSteps.IsClosed(d, today));
            Add(result, "Todo.OwnFailures", own.Select(d => (DateOnly?)(d.RetestRequestedOn is null && d.RetestApplyBy is DateOnly by && by >= today ? by : d.ActionBy)), today, "/sampling/mine");
        }

        return result;
    }

    private static void Add(List<ToDo> to, string key, IEnumerable<DateOnly?> dues, DateOnly today, string href)
    {
        var todo = WorkbenchToDos.Count(key, dues, today, href);
        if (todo.Open > 0)
        {
            to.Add(todo);
        }
    }
}
