using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Complaints.Domain;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;

namespace Shian.Complaints.Pages;

/// <summary>The fields every intake form shares (the public's, the whistleblower's, the hotline operator's) and the business lookup.</summary>
public abstract class ComplaintFormPage(IPublicRegister register) : PageModel
{
    [BindProperty, Display(Name = "性质")] public ComplaintKind Kind { get; set; } = ComplaintKind.Complaint;
    [BindProperty, Display(Name = "问题类别")] public ComplaintCategory Category { get; set; } = ComplaintCategory.Other;
    [BindProperty] public string? Description { get; set; }
    [BindProperty, Display(Name = "发生日期")] public DateOnly? OccurredOn { get; set; }
    [BindProperty, Display(Name = "经营者")] public Guid? BusinessId { get; set; }
    [BindProperty] public string? BusinessName { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty, Display(Name = "匿名")] public bool Anonymous { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }

    /// <summary>Whether the form asks 投诉 or 举报 (the insider channel is always a report).</summary>
    public virtual bool AsksKind => true;

    /// <summary>Counties and towns to choose where it happened (when no registered business is picked).</summary>
    public IReadOnlyList<Region> Places { get; protected set; } = [];

    public IReadOnlyList<PublicBusiness> Matches { get; private set; } = [];

    public string? Query { get; private set; }

    /// <summary>The business lookup under the name field (htmx): the register's public fields, by name or licence number.</summary>
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Web.PublicLimits.PublicSearch)]
    public async Task<IActionResult> OnGetBusinessesAsync(string? businessName, CancellationToken ct)
    {
        Query = businessName?.Trim();
        Matches = Query is { Length: >= 2 } ? await register.SearchAsync(Query, 8, ct) : [];
        return Partial("/Complaints/Pages/Shared/_BusinessMatches.cshtml", this);
    }
}
