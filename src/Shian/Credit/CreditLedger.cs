using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Credit.Domain;
using Shian.Credit.Rules;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;
using Shian.Registry.Contracts;

namespace Shian.Credit;

/// <summary>
/// Fills credit files from the other modules' durable events (at least once; the unique (kind, source) index and the
/// checks below make a repeat a no-op). Handlers run as the system (<see cref="Kernel.Events.OutboxDispatcher"/>).
/// <list type="bullet">
/// <item>A penalty decision: a 失信 record, its publication (Order 45; warnings alone are not published) and, for a 较重行政处罚
/// under a food article of the list, a listing matter for the officers to weigh (Order 44).</item>
/// <item>A revoked decision: the record withdrawn, the publication taken down at once (within the 3 working days of 第十一条),
/// a listing resting on it removed.</item>
/// <item>A clue from an inspection, a failed sample or a complaint: a 失信 record of the fact.</item>
/// </list>
/// </summary>
public sealed class CreditLedger(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock, IBusinessDirectory directory, DomainEvents events,
    IOptions<CreditOptions> options) : IDomainEventHandler<PenaltyDecided>, IDomainEventHandler<PenaltyRevoked>, IDomainEventHandler<CaseClueRaised>
{
    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The penalty in words, as published (行政处罚内容).</summary>
    public static string Content(bool warning, decimal fine, decimal confiscated, string? otherMeasures) => string.Join("，", new[]
    {
        warning ? "警告" : null, confiscated > 0 ? $"没收违法所得 {confiscated:0.##} 元" : null, fine > 0 ? $"罚款 {fine:0.##} 元" : null, otherMeasures,
    }.Where(x => x is not null));

    public async Task HandleAsync(PenaltyDecided e, CancellationToken ct)
    {
        if (await db.CreditRecords.AnyAsync(r => r.Kind == CreditRecordKind.Penalty && r.SourceId == e.CaseId, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var content = Content(e.Warning, e.Fine, e.Confiscated, e.OtherMeasures);
        var heavy = ListingRules.Heavy(e.DiscretionLevel, e.OtherMeasures);
        var cause = Fit(e.Cause, 300) ?? "违反食品安全法律法规";
        var uscc = e.BusinessId is Guid business ? (await directory.IdentitiesAsync([business], ct)).FirstOrDefault()?.Uscc : null;
        db.CreditRecords.Add(new CreditRecord
        {
            RegionCode = e.RegionCode, BusinessId = e.BusinessId, Party = Fit(e.Party, 200)!, Kind = CreditRecordKind.Penalty, Good = false, OccurredOn = e.DecidedOn,
            Summary = Fit($"行政处罚 {e.DecisionNumber}：{cause}；{content}", 500)!, SourceId = e.CaseId, Heavy = heavy, Article = e.Article, RecordedBy = "system", RecordedAtUtc = now,
        });

        if (PublicationRules.Published(e.Warning, e.Fine, e.Confiscated, e.OtherMeasures))
        {
            var p = new PenaltyPublication
            {
                RegionCode = e.RegionCode, CaseId = e.CaseId, BusinessId = e.BusinessId, Party = Fit(e.Party, 200)!, Uscc = uscc, PartyIsPerson = e.PartyIsPerson, DecisionNumber = e.DecisionNumber,
                DecidedOn = e.DecidedOn, Violation = cause, Content = Fit(content, 600)!, BarsEarlyStop = PublicationRules.HasHeavyMeasure(e.OtherMeasures), Article = e.Article,
                PeriodMonths = PublicationRules.PeriodMonths(e.Fine, e.Confiscated, e.OtherMeasures, e.PartyIsPerson, options.Value),
                PublishBy = PublicationRules.PublishBy(calendar.Current, e.DecidedOn), Status = PublicationStatus.Pending, UpdatedAtUtc = now,
            };
            db.Publications.Add(p);
            db.AddHistory(p.Id, p.RegionCode, now, $"处罚决定 {e.DecisionNumber} 待公示：应于 {p.PublishBy:yyyy-MM-dd} 前公示（《市场监督管理行政处罚信息公示规定》第九条），公示期 {(p.PeriodMonths == 3 ? "三个月" : "三年")}（第十三条）");
        }

        if (ListingRules.Suggest(e.Article, e.DiscretionLevel, e.OtherMeasures))
        {
            var l = new SeriousListing
            {
                RegionCode = e.RegionCode, CaseId = e.CaseId, BusinessId = e.BusinessId, Party = Fit(e.Party, 200)!, Uscc = uscc, DecisionNumber = e.DecisionNumber,
                PenaltyDecidedOn = e.DecidedOn, Penalty = Fit(content + (e.DiscretionLevel == "从重" ? "（从重处罚）" : ""), 600)!, Status = ListingStatus.Suggested,
                Ground = ListingRules.DefaultGround(e.Article), UpdatedAtUtc = now,
            };
            db.Listings.Add(l);
            db.AddHistory(l.Id, l.RegionCode, now, $"处罚决定 {e.DecisionNumber} 属于较重行政处罚（{l.Penalty}），请研判是否列入严重违法失信名单（《市场监督管理严重违法失信名单管理办法》）");
        }

        await SaveOnceAsync(() => db.CreditRecords.AsNoTracking().AnyAsync(r => r.Kind == CreditRecordKind.Penalty && r.SourceId == e.CaseId, ct), ct);
    }

    public async Task HandleAsync(PenaltyRevoked e, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Today;
        foreach (var r in await db.CreditRecords.Where(r => r.SourceId == e.CaseId && r.RevokedOn == null).ToListAsync(ct))
        {
            r.RevokedOn = e.RevokedOn;
        }

        if (await db.Publications.FirstOrDefaultAsync(p => p.CaseId == e.CaseId, ct) is { } p && p.Status != PublicationStatus.Withdrawn)
        {
            var shown = p.Status == PublicationStatus.Published;
            p.Status = PublicationStatus.Withdrawn;
            p.WithdrawBy = PublicationRules.WithdrawBy(calendar.Current, e.RevokedOn);
            p.WithdrawReason = Fit(e.Reason, 300);
            p.EndedOn = today;
            p.UpdatedAtUtc = now;
            db.AddHistory(p.Id, p.RegionCode, now, shown
                ? $"处罚决定{e.Reason}，公示信息已撤下（应于 {p.WithdrawBy:yyyy-MM-dd} 前撤下，《市场监督管理行政处罚信息公示规定》第十一条）"
                : $"处罚决定{e.Reason}，不再公示");
        }

        if (await db.Listings.FirstOrDefaultAsync(l => l.CaseId == e.CaseId, ct) is { } l && l.Status is not (ListingStatus.Removed or ListingStatus.NotListed or ListingStatus.Dismissed))
        {
            if (l.Status == ListingStatus.Listed)
            {
                l.Status = ListingStatus.Removed;
                l.RemovalReason = RemovalReason.Revoked;
                l.RemovedOn = today;
                db.AddHistory(l.Id, l.RegionCode, now, $"所依据的处罚决定{e.Reason}，移出严重违法失信名单并停止公示");
            }
            else
            {
                l.Status = ListingStatus.Dismissed;
                db.AddHistory(l.Id, l.RegionCode, now, $"所依据的处罚决定{e.Reason}，不再列入");
            }

            l.UpdatedAtUtc = now;
            foreach (var r in await db.CreditRecords.Where(r => r.Kind == CreditRecordKind.Listing && r.SourceId == l.Id && r.RevokedOn == null).ToListAsync(ct))
            {
                r.RevokedOn = e.RevokedOn;
            }

            if (l.BusinessId is Guid bid)
            {
                events.Raise(new Risk.Contracts.RiskEvidenceChanged(bid));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task HandleAsync(CaseClueRaised e, CancellationToken ct)
    {
        CreditRecordKind? kind = e.Source switch
        {
            CaseClueSource.Inspection => CreditRecordKind.InspectionFailure,
            CaseClueSource.Sampling => CreditRecordKind.SamplingFailure,
            CaseClueSource.Complaint => CreditRecordKind.Complaint,
            _ => null,
        };
        if (kind is not CreditRecordKind k || e.BusinessId == Guid.Empty || await db.CreditRecords.AnyAsync(r => r.Kind == k && r.SourceId == e.SourceId, ct))
        {
            return;
        }

        var what = k switch
        {
            CreditRecordKind.InspectionFailure => "监督检查结果为不符合",
            CreditRecordKind.SamplingFailure => "监督抽检不合格",
            _ => "投诉举报经核查移送立案",
        };
        db.CreditRecords.Add(new CreditRecord
        {
            RegionCode = e.RegionCode, BusinessId = e.BusinessId, Party = Fit(e.BusinessName, 200) ?? "", Kind = k, Good = false, OccurredOn = e.FoundOn,
            Summary = Fit($"{what}：{e.Summary}", 500)!, SourceId = e.SourceId, RecordedBy = "system", RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await SaveOnceAsync(() => db.CreditRecords.AsNoTracking().AnyAsync(r => r.Kind == k && r.SourceId == e.SourceId, ct), ct);
    }

    private async Task SaveOnceAsync(Func<Task<bool>> storedByTheOther, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Delivered twice at once: the other delivery stored it (the unique index refused this one); anything else is retried.
            db.ChangeTracker.Clear();
            if (!await storedByTheOther())
            {
                throw;
            }
        }
    }

    internal static string? Fit(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim() is var t && t.Length > max ? t[..max] : s.Trim();
}
