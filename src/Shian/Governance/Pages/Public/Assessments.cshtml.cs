using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Service = Shian.Governance.AssessmentPublication;

namespace Shian.Governance.Pages.Public;

/// <summary>The public portal's assessment results (seed 000: 考核结果向社会公布): published schemes only.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class AssessmentsModel(Service assessments, ShianDb db) : PageModel
{
    public IReadOnlyList<AssessmentScheme> Schemes { get; private set; } = [];

    public Shian.Governance.AssessmentRanking.SchemeView? View { get; private set; }

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is Guid schemeId)
        {
            View = await assessments.PublishedViewAsync(schemeId, ct);
            if (View is null)
            {
                return NotFound();
            }
        }
        else
        {
            Schemes = await assessments.PublishedSchemesAsync(ct);
        }

        // Region names are reference data, not regulated.
        var codes = Schemes.Select(s => s.RegionCode).Append(View?.Scheme.RegionCode ?? "").Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return Page();
    }
}
