using Microsoft.EntityFrameworkCore;
using Shian.Credit.Domain;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Registry.Contracts;

namespace Shian.Credit;

/// <summary>守信 records entered by an officer: honours (表彰奖励) and the seeds' 诚信管理体系 evaluations, on a business of the officer's regions.</summary>
public sealed class CreditRecords(ShianDb db, IBusinessDirectory directory, TimeProvider clock)
{
    public async Task<Guid> AddGoodAsync(Guid businessId, CreditRecordKind kind, DateOnly? on, string? summary, CancellationToken ct)
    {
        var business = (await directory.FindAsync([businessId], ct)).FirstOrDefault()
            ?? throw ShianProblemException.NotFound("credit.business-not-found", "经营主体不存在或不在您的辖区");
        var errors = new Dictionary<string, string[]>();
        if (kind is not (CreditRecordKind.Honour or CreditRecordKind.Evaluation))
        {
            errors["kind"] = ["守信记录应为「表彰奖励」或「诚信管理体系评价」（失信记录由处罚、检查、抽检、投诉自动形成）"];
        }

        var text = CreditLedger.Fit(summary, 501);
        if (text is null || text.Length > 500)
        {
            errors["summary"] = ["请填写内容（授予单位、名称或评价结论，不超过 500 字）"];
        }

        var today = ChinaTime.Today(clock);
        if (on is not DateOnly d || d > today || d < today.AddYears(-10))
        {
            errors["on"] = ["请填写日期（近十年内，不晚于今天）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("credit.record-invalid", "守信记录有误，未保存", errors);
        }

        var r = new CreditRecord
        {
            RegionCode = business.RegionCode, BusinessId = businessId, Party = business.Name, Kind = kind, Good = true, OccurredOn = on!.Value, Summary = text!,
            RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.CreditRecords.Add(r);
        await db.SaveChangesAsync(ct);
        return r.Id;
    }
}
