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

    public async Task OnGetAsync(CancellationToken ct)
    {
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
