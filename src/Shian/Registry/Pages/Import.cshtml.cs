using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Import;
using Shian.Web;

namespace Shian.Registry.Pages;

/// <summary>
/// Bulk import of the register: upload, then a progress bar that htmx refreshes every second until the job ends,
/// then the result (imported count, or every error by row and column). The job can be left and come back to.
/// </summary>
[Requires(RegistryPermissions.Import)]
public sealed class ImportModel(RegistryImport import, RegistryImportQueue queue, ShianDb db) : PageModel
{
    public BusinessImport? Job { get; private set; }

    public (int Processed, int Total) Live { get; private set; }

    public IReadOnlyList<RegistryImport.ImportError> Errors { get; private set; } = [];

    public IReadOnlyList<BusinessImport> Recent { get; private set; } = [];

    public bool Running => Job?.Status is ImportStatus.Queued or ImportStatus.Validating or ImportStatus.Writing;

    public async Task<IActionResult> OnGetAsync(Guid? job, CancellationToken ct)
    {
        if (job is Guid id && !await LoadJobAsync(id, ct))
        {
            return NotFound();
        }

        Recent = await db.BusinessImports.AsNoTracking().Where(j => j.CreatedBy == db.Request.UserName).OrderByDescending(j => j.CreatedAtUtc).Take(10).ToListAsync(ct);
        return Page();
    }

    /// <summary>The progress fragment (htmx polls it while the job runs).</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid job, CancellationToken ct) =>
        await LoadJobAsync(job, ct) ? Partial("_ImportProgress", this) : NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择要导入的 .xlsx 名录文件");
            return await OnGetAsync(null, ct);
        }

        return await this.TryAsync(async () =>
        {
            await using var stream = file.OpenReadStream();
            var job = await import.StartAsync(file.FileName, stream, ct);
            return Redirect($"/registry/import?job={job.Id}");
        }, () => OnGetAsync(null, ct), underFields: false);
    }

    private async Task<bool> LoadJobAsync(Guid id, CancellationToken ct)
    {
        Job = await db.BusinessImports.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.CreatedBy == db.Request.UserName, ct);
        if (Job is null)
        {
            return false;
        }

        Live = queue.Progress.TryGetValue(id, out var p) ? p : (Job.Processed, Job.Total);
        Errors = Job.ErrorsJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<RegistryImport.ImportError>>(Job.ErrorsJson, System.Text.Json.JsonSerializerOptions.Web) ?? [];
        return true;
    }
}
