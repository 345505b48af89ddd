using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Complaints;
using Shian.Complaints.Contracts;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Complaints.Pages;

/// <summary>12345 热线批量导入: the export as .xlsx or .csv; all rows or none, errors by row and column, known tickets skipped and listed.</summary>
[Requires(ComplaintsPermissions.Intake)]
public sealed class ImportModel(HotlineImport import) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }

    public HotlineImport.Outcome? Outcome { get; private set; }

    public IReadOnlyList<string> RowErrors { get; private set; } = [];

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() =>
        File(HotlineImport.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "12345热线投诉举报导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("", "请选择 12345 热线导出的 .xlsx 或 .csv 文件");
            return Page();
        }

        if (Upload.Length > 20 * 1024 * 1024)
        {
            ModelState.AddModelError("", "文件不能超过 20 MB");
            return Page();
        }

        using var ms = new MemoryStream();
        await Upload.CopyToAsync(ms, ct);
        try
        {
            Outcome = await import.ImportAsync(Upload.FileName, ms.ToArray(), ct);
        }
        catch (Kernel.Errors.ShianProblemException e) when (e.Status is 400 or 403 or 409)
        {
            ModelState.AddModelError("", e.Message);
            RowErrors = e.Errors?.GetValueOrDefault("rows") ?? [];
        }

        return Page();
    }
}
