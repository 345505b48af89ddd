using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Audit;
using Shian.Kernel.Users;

namespace Shian.Kernel.Pages.Admin;

/// <summary>Administrators see every audit chain and verify one; the result names the first broken entry.</summary>
[Requires(KernelPermissions.AdminAudit)]
public sealed class AuditModel(ShianDb db, AuditKeys keys, AuditAnchors anchors) : PageModel
{
    public sealed record ChainRow(string Chain, string? Name, int Entries, DateTime LastAtUtc);

    public IReadOnlyList<ChainRow> Chains { get; private set; } = [];

    public AuditChain.Verification? Result { get; private set; }

    /// <summary>The actions of security events, for the filter (record changes are create/update/delete).</summary>
    public static IReadOnlyList<string> SecurityActionNames { get; } =
    [
        SecurityActions.SignIn, SecurityActions.SignInFailed, SecurityActions.SignInThrottled, SecurityActions.SignOut, SecurityActions.TokenReuse,
        SecurityActions.Denied, SecurityActions.Export, SecurityActions.ReadPersonal, SecurityActions.AccountCreated, SecurityActions.AccountChanged,
        SecurityActions.AccountSelfRegistered,        SecurityActions.PasswordReset, SecurityActions.PasswordChanged, SecurityActions.TwoFactorEnabled, SecurityActions.TwoFactorReset,
    ];

    /// <summary>Filter: one action, <c>security</c> (every security event) or empty (everything).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>Filter: the acting user (exact name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    /// <summary>The latest 100 entries matching the filters, newest first.</summary>
    public IReadOnlyList<AuditEntry> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (Action == "security")
        {
            entries = entries.Where(a => SecurityActionNames.Contains(a.Action));
        }
        else if (!string.IsNullOrEmpty(Action))
        {
            entries = entries.Where(a => a.Action == Action);
        }

        if (!string.IsNullOrWhiteSpace(Who))
        {
            var who = Who.Trim();
            entries = entries.Where(a => a.UserName == who);
        }

        Latest = await entries.OrderByDescending(a => a.Id).Take(100).ToListAsync(ct);

        var chains = await db.AuditEntries.AsNoTracking().GroupBy(a => a.Chain)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(a => a.AtUtc) }).ToListAsync(ct);
        var codes = chains.Select(c => c.Key).ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        Chains = [.. chains.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new ChainRow(c.Key, names.GetValueOrDefault(c.Key), c.Count, c.Last))];
    }

    public async Task<IActionResult> OnGetVerifyAsync(string chain, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.Chain == chain).OrderBy(a => a.Sequence).AsAsyncEnumerable();
        Result = await AuditChain.VerifyAsync(chain, entries, keys.Find, anchors.Latest().Anchors.GetValueOrDefault(chain), ct);
        return Partial("_VerifyResult", this);
    }
}
