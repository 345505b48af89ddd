using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Governance;
using Shian.Governance.Contracts;
using Shian.Kernel.Users;

namespace Shian.Governance.Pages;

/// <summary>我的任务: tasks given to units of the user's regions, the next deadline first.</summary>
[Requires(GovernancePermissions.Read)]
public sealed class TasksModel(GovernanceQueries queries, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GovernanceQueries.MyTask> Tasks { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Shian.Kernel.Calendar.ChinaTime.Today(clock);
        Tasks = await queries.MyTasksAsync(Today, ct);
    }
}
