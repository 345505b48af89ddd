using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Attachments;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;

using Shian.Registry.Rules;

namespace Shian.Registry;

/// <summary>主体责任 records (with evidence and dates) and the rates the plans set targets on.</summary>
public sealed class Duties(ShianDb db, TimeProvider clock)
{
    public sealed record DutyRequest(DutyKind Kind, string? Value, DateOnly? Since, DateOnly? Until, Guid? EvidenceId);

    public sealed record Rate(DutyKind Kind, string Name, int Applicable, int Meeting, decimal Percent, string Rule);

    public async Task<Duty> AddAsync(Guid businessId, DutyRequest r, CancellationToken ct)
    {
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, ct)
            ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
        var scope = db.Request.Scope;
        if (!scope.AllowsCreateIn(business.RegionCode) && !(scope.Uscc is not null && scope.Uscc == business.Uscc))
        {
            throw ShianProblemException.RegionForbidden("只有辖区监管人员或经营者本人可以登记主体责任事项。");
        }

        if (DutyRules.IsRegulatorDesignation(r.Kind) && !db.Request.Grants(RegistryPermissions.Designate))
        {
            throw new ShianProblemException(StatusCodes.Status403Forbidden, "registry.designation-forbidden", "无权操作",
                $"“{DutyRules.Names[r.Kind]}”由监管部门评定，经营者不能自行登记。");
        }

        var today = ChinaTime.Today(clock);
        var errors = new Dictionary<string, string[]>();
        var value = r.Value?.Trim();
        switch (r.Kind)
        {
            case DutyKind.SafetyManager when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours > 2000:
                errors["value"] = ["请填写本年度培训学时（整数）"];
                break;
            case DutyKind.QuantifiedRating when value is not ("A" or "B" or "C"):
                errors["value"] = ["量化分级应为 A、B 或 C"];
                break;
            case DutyKind.LiabilityInsurance when string.IsNullOrEmpty(value) || r.Until is null:
                errors["value"] = ["请填写保单号和保险期限"];
                break;
        }

        var since = r.Since ?? today;
        if (since > today)
        {
            errors["since"] = ["起始日期不能晚于今天"];
        }

        if (r.Until is DateOnly until && until < since)
        {
            errors["until"] = ["有效期至不能早于起始日期"];
        }

        if (value is { Length: > 200 })
        {
            errors["value"] = ["内容不能超过 200 字"];
        }

        if (r.EvidenceId is Guid e && !(await db.UsableAsync([e], ct)).Contains(e))
        {
            errors["evidenceId"] = ["证明材料不存在"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("registry.duty-invalid", "主体责任信息有误，未保存", errors);
        }

        var duty = new Duty
        {
            BusinessId = business.Id, RegionCode = business.RegionCode, BusinessUscc = business.Uscc, Kind = r.Kind, Value = value, Since = since, Until = r.Until,
            EvidenceId = r.EvidenceId, RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Duties.Add(duty);
        if (duty.EvidenceId is Guid evidence)
        {
            await db.AttachAsync([evidence], duty.RecordedAtUtc, ct);
        }

        await db.SaveChangesAsync(ct);
        return duty;
    }

    /// <summary>Per duty: applicable operating businesses in the region and how many meet it today.</summary>
    public async Task<IReadOnlyList<Rate>> RatesAsync(string? regionCode, CancellationToken ct)
    {
        var businesses = db.Businesses.AsNoTracking().Where(b => b.Status == BusinessStatus.Operating);
        var duties = db.Duties.AsNoTracking();
        if (regionCode is not null && Kernel.Regions.RegionCode.IsValid(regionCode))
        {
            var prefix = Kernel.Regions.RegionCode.Prefix(regionCode);
            businesses = businesses.Where(b => b.RegionCode.StartsWith(prefix));
            duties = duties.Where(d => d.RegionCode.StartsWith(prefix));
        }

        var kinds = await businesses.GroupBy(b => b.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var kindOf = await businesses.Select(b => new { b.Id, b.Kind }).ToDictionaryAsync(b => b.Id, b => b.Kind, ct);
        var today = ChinaTime.Today(clock);
        var records = await duties.ToListAsync(ct);
        return [.. Enum.GetValues<DutyKind>().Select(kind =>
        {
            var applicable = kinds.Where(k => DutyRules.AppliesTo(kind, k.Key)).Sum(k => k.Count);
            var meeting = records.Where(d => d.Kind == kind && DutyRules.Meets(d, today) && kindOf.TryGetValue(d.BusinessId, out var bk) && DutyRules.AppliesTo(kind, bk)).Select(d => d.BusinessId).Distinct().Count();
            return new Rate(kind, DutyRules.Names[kind], applicable, meeting, applicable == 0 ? 0 : Math.Round(meeting * 100m / applicable, 1),
                kind == DutyKind.SafetyManager ? $"年培训不少于 {DutyRules.TrainingHoursTarget} 学时" : "在有效期内");
        })];
    }
}
