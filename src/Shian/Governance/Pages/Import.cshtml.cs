using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Contracts;
using Shian.Governance.Import;
using Shian.Governance.Parsing;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Governance.Pages;

/// <summary>
/// Import a work plan in two steps: upload → preview (the parsed tree, its warnings and a choice of unit for each
/// unresolved name) → save. The uploaded file travels back in the preview form, so nothing is stored before saving.
/// </summary>
[Requires(GovernancePermissions.Import)]
public sealed class ImportModel(PlanImport import, ShianDb db) : PageModel
{
    public const long MaxPreviewBytes = 5 * 1024 * 1024;

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? RegionCode { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    [BindProperty]
    public string? FileBase64 { get; set; }

    /// <summary>The user's marking of a layout the parser did not read: one role per column of the sample.</summary>
    [BindProperty]
    public List<string>? Columns { get; set; }

    /// <summary>The header's row in the sample (1-based; 0: no header row).</summary>
    [BindProperty]
    public int? HeaderRow { get; set; }

    [BindProperty]
    public string? UnitLabel { get; set; }

    [BindProperty]
    public string? UnitVerb { get; set; }

    /// <summary>What was read of a file in which no task was recognised, shown for the user to mark.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Sample { get; private set; }

    /// <summary>Unresolved unit name → chosen unit key (several, comma-separated, for a group name), read from the form's "Map[名称]" fields.</summary>
    public Dictionary<string, string> Map { get; private set; } = [];

    public PlanImport.Preview? Preview { get; private set; }

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public IReadOnlyList<Unit> MappingChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadRegionsAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        await LoadRegionsAsync(ct);
        byte[] bytes;
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxPreviewBytes)
            {
                ModelState.AddModelError("file", $"文件过大：网页导入不超过 {MaxPreviewBytes / 1024 / 1024} MB（更大的文件请用接口 /api/v1/plans）。");
                return Page();
            }

            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            bytes = ms.ToArray();
            FileName = Path.GetFileName(file.FileName);
            FileBase64 = Convert.ToBase64String(bytes);
        }
        else if (FileBase64 is { Length: > 0 } && FileName is not null)
        {
            bytes = Convert.FromBase64String(FileBase64);
        }
        else
        {
            ModelState.AddModelError("file", "请选择要导入的工作方案文件（.txt、.docx 或 .xlsx）。");
            return Page();
        }

        return await PreviewAsync(bytes, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await LoadRegionsAsync(ct);
        if (FileBase64 is not { Length: > 0 } || FileName is null)
        {
            ModelState.AddModelError("file", "请重新选择文件。");
            return Page();
        }

        var bytes = Convert.FromBase64String(FileBase64);

        // Read by hand: a bound dictionary with no "Map[…]" field would fall back to every form field.
        Map = Request.Form.Keys.Where(k => k.StartsWith("Map[", StringComparison.Ordinal) && k.EndsWith(']'))
            .Select(k => (Text: k[4..^1], Key: string.Join(',', Request.Form[k].OfType<string>().Where(v => v.Length > 0)))) // several keys for a group name
            .Where(m => m.Key.Length > 0)
            .ToDictionary(m => m.Text, m => m.Key);
        var mappings = Map;
        // A refused mapping ("mappings…") has no input of its own: it is shown in the summary above the table.
        return await this.TryAsync(async () =>
        {
            var plan = await import.SaveAsync(new PlanImport.Request(FileName, bytes, Year, RegionCode, mappings, PlanLayoutHints.Read(Columns, HeaderRow, UnitLabel, UnitVerb)), ct);
            return Redirect($"/governance/plans/{plan.Id}");
        }, () => PreviewAsync(bytes, ct));
    }

    private async Task<IActionResult> PreviewAsync(byte[] bytes, CancellationToken ct)
    {
        try
        {
            LayoutHint? hint = null;
            try
            {
                hint = PlanLayoutHints.Read(Columns, HeaderRow, UnitLabel, UnitVerb);
            }
            catch (ShianProblemException e) when (e.Errors is not null)
            {
                // A marking that cannot be used: said beside its field, and the file read again without it.
                foreach (var (field, messages) in e.Errors)
                {
                    ModelState.AddModelError(field switch { "unitLabel" => nameof(UnitLabel), "unitVerb" => nameof(UnitVerb), _ => "file" }, messages[0]);
                }
            }

            Preview = await import.PreviewAsync(new PlanImport.Request(FileName!, bytes, Year, string.IsNullOrEmpty(RegionCode) ? null : RegionCode, Hint: hint), ct);
            Year ??= Preview.Plan.Year;
            RegionCode ??= Preview.Plan.IssuerRegionCode;

            // The form shows what the parse found, not the empty values that were posted.
            ModelState.Remove(nameof(Year));
            ModelState.Remove(nameof(RegionCode));
            if (Preview.Plan.IssuerRegionCode is { } region)
            {
                var prefix = Shian.Kernel.Regions.RegionCode.Prefix(region);
                MappingChoices = [.. Preview.Catalog.Units.Where(u => u.RegionCode.StartsWith(prefix, StringComparison.Ordinal) && u.RegionCode.Length == 12
                        && (u.RegionCode == region || u.Kind is UnitKind.Government or UnitKind.FoodSafetyOffice) && Shian.Kernel.Regions.RegionCode.LevelOf(u.RegionCode) is not RegionLevel.Town)
                    .OrderBy(u => u.RegionCode, StringComparer.Ordinal).ThenBy(u => u.Kind).ThenBy(u => u.Name, StringComparer.Ordinal)];
            }
        }
        catch (PlanLayoutProblem e)
        {
            // Not refused: the rows as read, for the user to mark the columns or the clause words.
            Sample = e.Sample;
            ModelState.AddModelError("file", e.Message);
        }
        catch (ShianProblemException e)
        {
            ModelState.AddModelError("file", e.Message);
            if (e.Status == StatusCodes.Status403Forbidden)
            {
                Preview = null;
            }
        }

        return Page();
    }

    private async Task LoadRegionsAsync(CancellationToken ct)
    {
        var scope = db.Request.Scope;
        var all = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City || r.Level == RegionLevel.County || r.Level == RegionLevel.Zone).OrderBy(r => r.Code).ToListAsync(ct);
        Regions = [.. all.Where(r => scope.AllowsCreateIn(r.Code))];
    }
}
