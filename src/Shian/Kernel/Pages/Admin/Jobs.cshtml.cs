using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Jobs;
using Shian.Kernel.Users;

namespace Shian.Kernel.Pages.Admin;

/// <summary>定时任务: each job's next run, last run (where, when, outcome) and recent failures; the latest runs of all jobs.</summary>
[Requires(KernelPermissions.AdminOperations)]
public sealed class JobsModel(JobRuns runs) : PageModel
{
    public IReadOnlyList<JobRuns.JobState> Jobs { get; private set; } = [];

    public IReadOnlyList<JobRun> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Jobs = await runs.JobsAsync(ct);
        Recent = await runs.RecentAsync(null, 30, ct);
    }

    /// <summary>The job's Chinese name for the page (its key otherwise).</summary>
    public static string Name(string job) => job switch
    {
        "governance-daily" => "工作任务日检（状态、到期提醒、逾期通知）",
        "registry-renewal-reminders" => "许可证到期提醒",
        "registry-import" => "经营者名录导入",
        "inspections-draw-verify" => "双随机抽查结果核验",
        "risk-nightly" => "风险等级夜间重评",
        "credit-daily" => "信用日检（失信名单期满移出、公示期满、推送文件）",
        _ => job,
    };
}
