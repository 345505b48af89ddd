using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Registry.Contracts;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>
/// The GS1 company prefixes and GLNs registered to businesses (from the business's GS1 China 中国物品编码中心 membership
/// certificate): they bind the "where" of captured events to the business and name the business behind a GLN in traces.
/// </summary>
internal sealed class Gs1Prefixes(ShianDb db, IBusinessDirectory directory, TimeProvider clock)
{
    public async Task<Guid> AddAsync(Guid? businessId, string? prefix, CancellationToken ct)
    {
        var business = (businessId is { } id ? (await directory.IdentitiesAsync([id], ct)).FirstOrDefault() : null) ?? throw ShianProblemException.NotFound("trace.business-not-found", "经营主体不存在或不在您的辖区");
        if (!db.Request.Scope.AllowsCreateIn(business.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只能为本辖区的经营主体登记 GS1 代码");
        }

        var p = prefix?.Trim() ?? "";
        if (p.Length is < 6 or > 13 || !p.All(char.IsAsciiDigit))
        {
            throw ShianProblemException.Invalid("trace.prefix-invalid", "GS1 厂商识别代码须为 6–12 位数字，位置码 GLN 须为 13 位数字", new Dictionary<string, string[]> { ["prefix"] = ["格式不对"] });
        }

        if (p.Length == 13 && !Gs1Keys.HasValidCheckDigit(p))
        {
            throw ShianProblemException.Invalid("trace.prefix-invalid", $"GLN {p} 的校验位不对", new Dictionary<string, string[]> { ["prefix"] = ["校验位不对"] });
        }

        // A code belongs to one business: it may not equal, contain or lie within a code registered anywhere (every
        // GS1 company prefix is at least 6 digits, so the candidates share the first six).
        var head = p[..6];
        var near = await db.Gs1Prefixes.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AsNoTracking()
            .Where(x => x.Prefix.StartsWith(head)).Select(x => x.Prefix).ToListAsync(ct);
        if (near.FirstOrDefault(x => x.StartsWith(p, StringComparison.Ordinal) || p.StartsWith(x, StringComparison.Ordinal)) is { } taken)
        {
            throw ShianProblemException.Conflict("trace.prefix-taken", $"GS1 代码 {p} 与已登记的 {taken} 重叠：一个代码只能属于一个经营主体");
        }

        var row = new Gs1Prefix
        {
            RegionCode = business.RegionCode, BusinessId = business.Id, BusinessUscc = business.Uscc, BusinessName = business.Name, Prefix = p,
            AddedBy = db.Request.UserName, AddedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Gs1Prefixes.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public async Task RemoveAsync(string id, CancellationToken ct)
    {
        var row = Guid.TryParse(id, out var g) ? await db.Gs1Prefixes.FirstOrDefaultAsync(x => x.Id == g, ct) : null;
        if (row is null)
        {
            throw ShianProblemException.NotFound("trace.prefix-not-found", "GS1 代码登记不存在或不在您的辖区");
        }

        if (!db.Request.Scope.AllowsCreateIn(row.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只能删除本辖区的登记");
        }

        db.Gs1Prefixes.Remove(row);
        await db.SaveChangesAsync(ct);
    }
}
