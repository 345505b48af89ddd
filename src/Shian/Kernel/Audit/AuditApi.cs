using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Kernel.Audit;

/// <summary>Administrators list the audit chains and verify one: the first broken link is reported.</summary>
internal static class AuditApi
{
    public sealed record ChainDto(string Chain, long Entries, DateTime LastAtUtc);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/audit").WithTags("Audit 审计").AdminOnly("审计日志含各区记录，仅系统管理员可查", KernelPermissions.AdminAudit);

        group.MapGet("/chains", async (ShianDb db, CancellationToken ct) =>
        {
            var chains = await db.AuditEntries.AsNoTracking().GroupBy(a => a.Chain)
                .Select(g => new ChainDto(g.Key, g.Count(), g.Max(a => a.AtUtc))).ToListAsync(ct);
            return TypedResults.Ok(chains.OrderBy(c => c.Chain, StringComparer.Ordinal).ToList());
        });

        group.MapGet("/chains/{chain}/verify", async (string chain, ShianDb db, AuditKeys keys, AuditAnchors anchors, CancellationToken ct) =>
        {
            var anchor = anchors.Latest().Anchors.GetValueOrDefault(chain);
            if (anchor is null && !await db.AuditEntries.AnyAsync(a => a.Chain == chain, ct))
            {
                throw ShianProblemException.NotFound("audit.chain-not-found", $"审计链 {chain} 不存在");
            }

            // Streamed in sequence order so that a long chain is not held in memory at once.
            var entries = db.AuditEntries.AsNoTracking().Where(a => a.Chain == chain).OrderBy(a => a.Sequence).AsAsyncEnumerable();
            return TypedResults.Ok(await AuditChain.VerifyAsync(chain, entries, keys.Find, anchor, ct));
        });

        return app;
    }
}
