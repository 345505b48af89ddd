using Microsoft.EntityFrameworkCore;
using Shian.Credit.Contracts;
using Shian.Credit.Domain;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Identifiers;
using Shian.Kernel.Privacy;
using Shian.Kernel.Scoping;

namespace Shian.Credit;

/// <summary>
/// 违法犯罪人员信息库 (seed 000; 《食品安全法》第一百三十五条): officers record a person barred after a licence was revoked (5
/// years from the decision) or a food-crime conviction (for life); the register asks <see cref="IBarredPersons"/> whenever a
/// licence or a business names a responsible person. The resident id is matched by its keyed digest.
/// </summary>
public sealed class BarredPersons(ShianDb db, PersonalData personal, TimeProvider clock) : IBarredPersons
{
    public const int RevokedYears = 5;

    /// <summary>The last barred day for a revoked licence: five years from the decision; none for a food crime (life).</summary>
    public static DateOnly? Until(BarBasis basis, DateOnly from) => basis == BarBasis.LicenceRevoked ? from.AddYears(RevokedYears).AddDays(-1) : null;

    public static string BasisText(BarBasis b) => b == BarBasis.LicenceRevoked ? "食品生产经营许可证被吊销" : "因食品安全犯罪被判处有期徒刑以上刑罚";

    public static readonly string[] Roles = ["法定代表人", "主要负责人", "直接负责的主管人员", "其他直接责任人员", "食品安全管理人员"];

    public sealed record BarInput(string? Name, string? ResidentId, BarBasis? Basis, string? Role, string? Reference, DateOnly? From, string? RegionCode);

    public async Task<Guid> AddAsync(BarInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = CreditLedger.Fit(input.Name, 51);
        if (name is null || name.Length > 50)
        {
            errors["name"] = ["请填写姓名（不超过 50 字）"];
        }

        var id = input.ResidentId?.Trim().ToUpperInvariant();
        if (!ResidentId.IsValid(id))
        {
            errors["residentId"] = ["身份证号码无效（18 位，校验位不符）"];
        }

        if (input.Basis is not BarBasis basis || !Enum.IsDefined(basis))
        {
            errors["basis"] = ["请选择禁业依据"];
        }

        if (input.Role is null || !Roles.Contains(input.Role))
        {
            errors["role"] = [$"请选择人员身份：{string.Join("、", Roles)}"];
        }

        var reference = CreditLedger.Fit(input.Reference, 101);
        if (reference is null || reference.Length > 100)
        {
            errors["reference"] = ["请填写处罚决定书文号或判决书案号"];
        }

        var today = ChinaTime.Today(clock);
        if (input.From is not DateOnly from || from > today || from < today.AddYears(-50))
        {
            errors["from"] = ["请填写处罚决定或判决的日期（不晚于今天）"];
        }

        if (input.RegionCode is not { Length: 12 })
        {
            errors["regionCode"] = ["请选择登记机关所在的区划"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("credit.barred-invalid", "禁业人员信息有误，未保存", errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(input.RegionCode!))
        {
            throw ShianProblemException.RegionForbidden($"您无权在区划 {input.RegionCode} 登记禁业人员。");
        }

        var digest = personal.Digest(id!);
        if (await db.BarredPersons.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(p => p.IdDigest == digest && p.Reference == reference && p.LiftedOn == null, ct))
        {
            throw ShianProblemException.Conflict("credit.barred-exists", $"此人依据 {reference} 的禁业记录已登记");
        }

        var sealedId = personal.SealResidentId(id);
        var p = new BarredPerson
        {
            RegionCode = input.RegionCode!, Name = name!, IdMasked = sealedId.Masked!, IdSealed = sealedId.Sealed!, IdDigest = digest, Basis = input.Basis!.Value, Role = input.Role!,
            Reference = reference!, From = input.From!.Value, Until = Until(input.Basis.Value, input.From.Value), RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.BarredPersons.Add(p);
        await db.SaveChangesAsync(ct);
        return p.Id;
    }

    /// <summary>A bar lifted (the decision or the judgment set aside on review or appeal), with the reason.</summary>
    public async Task LiftAsync(Guid id, string? reason, CancellationToken ct)
    {
        var p = await db.BarredPersons.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ShianProblemException.NotFound("credit.barred-not-found", "禁业人员记录不存在或不在您的辖区");
        var text = CreditLedger.Fit(reason, 301);
        if (text is null || text.Length > 300)
        {
            throw ShianProblemException.Invalid("credit.reason-required", "请写明解除的理由（如：处罚决定被撤销、判决被改判）", new Dictionary<string, string[]> { ["reason"] = ["理由"] });
        }

        if (p.LiftedOn is not null)
        {
            throw ShianProblemException.Conflict("credit.barred-lifted", "这条禁业记录已解除");
        }

        p.LiftedOn = ChinaTime.Today(clock);
        p.LiftReason = text;
        await db.SaveChangesAsync(ct);
    }

    public Task<List<BarredPerson>> ListAsync(CancellationToken ct) =>
        db.BarredPersons.AsNoTracking().OrderByDescending(p => p.From).ThenBy(p => p.Id).Take(500).ToListAsync(ct);

    public async Task<BarredMatch?> FindAsync(string residentId, DateOnly on, CancellationToken ct) =>
        (await FindManyAsync([residentId], on, ct)).Values.FirstOrDefault();

    public async Task<IReadOnlyDictionary<string, BarredMatch>> FindManyAsync(IReadOnlyCollection<string> residentIds, DateOnly on, CancellationToken ct)
    {
        var byDigest = residentIds.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct().ToDictionary(i => personal.Digest(i.Trim().ToUpperInvariant()), i => i);
        var result = new Dictionary<string, BarredMatch>();
        foreach (var chunk in byDigest.Keys.Chunk(1000))
        {
            var found = await db.BarredPersons.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
                .Where(p => chunk.Contains(p.IdDigest) && p.LiftedOn == null && p.From <= on && (p.Until == null || p.Until >= on)).ToListAsync(ct);
            foreach (var p in found.OrderBy(p => p.Until ?? DateOnly.MaxValue))
            {
                result[byDigest[p.IdDigest]] = new BarredMatch(p.Name, BasisText(p.Basis), p.From, p.Until, p.Reference);
            }
        }

        return result;
    }
}
