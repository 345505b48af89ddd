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
public sealed class Duties(ShianDb db, TimeProvider clock, AttachmentWriter files, Kernel.Inbox.Notifier notifier, Kernel.Inbox.DistrictRecipients recipients, Kernel.Users.People people)
{
    public sealed record DutyRequest(DutyKind Kind, string? Value, DateOnly? Since, DateOnly? Until, Guid? EvidenceId);

    /// <summary>An evidence file sent with the record (a page form's upload).</summary>
    public sealed record EvidenceFile(string FileName, byte[] Content);

    public sealed record Rate(DutyKind Kind, string Name, int Applicable, int Meeting, decimal Percent, string Rule);

    public async Task<Duty> AddAsync(Guid businessId, DutyRequest r, CancellationToken ct, EvidenceFile? file = null)
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

        Attachment? uploaded = null;
        try
        {
            if (file is not null)
            {
                uploaded = await files.AddAsync(business.RegionCode, business.Uscc, file.FileName, file.Content, ct);
            }

            var duty = new Duty
            {
                BusinessId = business.Id, RegionCode = business.RegionCode, BusinessUscc = business.Uscc, Kind = r.Kind, Value = value, Since = since, Until = r.Until,
                EvidenceId = uploaded?.Id ?? r.EvidenceId, RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            if (scope.Uscc is null)
            {
                // Regulator staff record what they verified: confirmed as recorded. A business's self-report waits for an officer.
                duty.ConfirmedBy = duty.RecordedBy;
                duty.ConfirmedAtUtc = duty.RecordedAtUtc;
            }

            db.Duties.Add(duty);
            if (duty.EvidenceId is Guid evidence)
            {
                await db.AttachAsync([evidence], duty.RecordedAtUtc, ct);
            }

            if (duty.ConfirmedBy is null)
            {
                notifier.Notify(await recipients.ForAsync(business.RegionCode, ct), $"经营者自报主体责任事项待确认：{business.Name}",
                    $"{DutyRules.Names[duty.Kind]}{(duty.Value is null ? "" : "：" + duty.Value)}", $"/registry/{business.Id}#duties");
            }

            await db.SaveChangesAsync(ct);
            return duty;
        }
        catch
        {
            await files.DiscardAsync(uploaded is null ? [] : [uploaded]);
            throw;
        }
    }

    /// <summary>
    /// An officer confirms a business's self-report (自我声明) after checking its evidence, or declines it with the reason
    /// (kept and shown to the business; a declined report counts towards no rate). Only a pending report can be reviewed.
    /// </summary>
    public async Task<Duty> ReviewAsync(Guid id, bool confirm, string? reason, CancellationToken ct)
    {
        var duty = await db.Duties.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw ShianProblemException.NotFound("registry.duty-not-found", "主体责任记录不存在");
        if (!db.Request.Scope.AllowsCreateIn(duty.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只有辖区监管人员可以确认经营者自报的主体责任事项。");
        }

        if (duty.ConfirmedBy is not null || duty.DeclinedReason is not null)
        {
            throw ShianProblemException.Conflict("registry.duty-reviewed", "这条记录已经确认或退回");
        }

        var text = reason?.Trim();
        if (!confirm && string.IsNullOrEmpty(text))
        {
            throw ShianProblemException.Invalid("registry.duty-review-invalid", "请写明退回理由", new Dictionary<string, string[]> { ["reason"] = ["退回时请写明理由，经营者会看到"] });
        }

        if (text is { Length: > 200 })
        {
            throw ShianProblemException.Invalid("registry.duty-review-invalid", "退回理由不能超过 200 字", new Dictionary<string, string[]> { ["reason"] = ["退回理由不能超过 200 字"] });
        }

        if (confirm)
        {
            duty.ConfirmedBy = db.Request.UserName;
            duty.ConfirmedAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        else
        {
            duty.DeclinedReason = text;
            duty.ConfirmedAtUtc = clock.GetUtcNow().UtcDateTime;
        }

        if (duty.BusinessUscc is { } uscc)
        {
            notifier.Notify(await people.OfBusinessAsync(uscc, ct), confirm ? $"主体责任事项已确认：{DutyRules.Names[duty.Kind]}" : $"主体责任事项被退回：{DutyRules.Names[duty.Kind]}",
                confirm ? "监管部门已确认您报送的记录。" : $"退回理由：{text}。请补充材料后重新报送。", "/business#duties");
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
            var meeting = records.Where(d => d.Kind == kind && DutyRules.Counts(d, today) && kindOf.TryGetValue(d.BusinessId, out var bk) && DutyRules.AppliesTo(kind, bk)).Select(d => d.BusinessId).Distinct().Count();
            return new Rate(kind, DutyRules.Names[kind], applicable, meeting, applicable == 0 ? 0 : Math.Round(meeting * 100m / applicable, 1),
                kind == DutyKind.SafetyManager ? $"年培训不少于 {DutyRules.TrainingHoursTarget} 学时" : "在有效期内");
        })];
    }
}
