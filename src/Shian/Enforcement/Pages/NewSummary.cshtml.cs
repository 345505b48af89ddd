using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Enforcement.Pages;

/// <summary>
/// 当场处罚 (简易程序), recorded by the deciding officer — from a pending clue (an inspection's 不符合, a complaint) or for a
/// violation found on the spot. <see cref="SummaryPenalties"/> checks the limits (警告, ≤ 200 / 3 000 yuan), the two
/// officers, the basis, the statement and an on-the-spot collection; a refusal keeps what was typed.
/// </summary>
[Requires(EnforcementPermissions.Handle)]
public sealed class NewSummaryModel(SummaryPenalties penalties, Cases cases, ShianDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public IReadOnlyList<People.Person> Staff { get; private set; } = [];

    public CaseClue? Clue { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ClueId { get; set; }

    [BindProperty]
    public string? Party { get; set; }

    [BindProperty]
    public bool PartyIsPerson { get; set; }

    [BindProperty]
    public string? RegionCode { get; set; }

    [BindProperty]
    public string? Cause { get; set; }

    [BindProperty]
    public string? Facts { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    [BindProperty]
    public PenaltyArticle? Article { get; set; }

    [BindProperty]
    public bool Warning { get; set; }

    [BindProperty]
    public decimal? Fine { get; set; }

    [BindProperty]
    public DateOnly? DecidedOn { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public List<string> Officers { get; set; } = [];

    [BindProperty]
    public string? Statement { get; set; }

    [BindProperty]
    public bool RefusedToSign { get; set; }

    [BindProperty]
    public bool CollectedOnSpot { get; set; }

    [BindProperty]
    public bool HardToCollect { get; set; }

    [BindProperty]
    public string? ReceiptNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        DecidedOn = Today;
        Party = Clue?.BusinessName;
        Place = Clue?.BusinessName;
        Officers = [User.Identity?.Name ?? ""];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.TryAsync(async () =>
        {
            var id = await penalties.DecideAsync(new SummaryPenalties.Decision(ClueId, null, Party, PartyIsPerson, ClueId is null ? RegionCode : null, Cause, Facts, LegalBasis,
                Article, Warning, Fine, DecidedOn, Place, Officers, Statement, RefusedToSign, CollectedOnSpot, HardToCollect, ReceiptNumber), ct);
            return Redirect($"/enforcement/cases/{id}");
        }, async () => await LoadAsync(ct));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        if (ClueId is Guid id)
        {
            Clue = await db.CaseClues.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (Clue is null)
            {
                return false;
            }
        }

        var scope = db.Request.Scope;
        Regions = [.. (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Town).OrderBy(r => r.Code).ToListAsync(ct))
            .Where(r => scope.AllowsCreateIn(r.Code))];
        var region = Clue?.RegionCode ?? RegionCode ?? Regions.FirstOrDefault()?.Code;
        Staff = region is null ? [] : [.. (await cases.StaffAsync(region, ct)).Where(p => !string.IsNullOrWhiteSpace(p.Certificate))];
        return true;
    }
}
