using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Inspections.Domain;
using Shian.Inspections.Rules;
using Shian.Kernel.Attachments;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;
using Shian.Registry.Contracts;
using Shian.Risk.Contracts;

namespace Shian.Inspections;

/// <summary>Records checklist inspections (idempotent per submission), sets what follows, and tells Risk.</summary>
public sealed class Checks(ShianDb db, ChecklistBook checklists, IBusinessDirectory directory, WorkingDayCalendarProvider calendar, DomainEvents events, IConfiguration configuration, TimeProvider clock)
{
    public sealed record CheckRequest(Guid SubmissionId, Guid BusinessId, Guid? VisitId, DateOnly InspectedOn, IReadOnlyDictionary<string, ItemResult>? Answers,
        string? Findings, IReadOnlyList<string>? Inspectors, IReadOnlyList<Guid>? PhotoIds, Guid? SignatureId, IReadOnlyDictionary<string, bool>? AffectsSafety = null,
        string? ChecklistCode = null, RepeatReason? Repeat = null);

    /// <summary>Days given to rectify (基本符合/不符合); configurable because Order 49 leaves it to the department (notes: e.g. ≤ 30 days).</summary>
    public int RectificationDays => configuration.GetValue("Inspections:RectificationDays", 30);

    /// <summary>
    /// Working days after the rectification deadline within which the re-inspection (复查) is due. Order 49 第三十三条 says the
    /// department follows up without a time limit; 10 is a placeholder pending the bureau, configurable.
    /// </summary>
    public int ReinspectionWorkingDays => configuration.GetValue("Inspections:ReinspectionWorkingDays", 10);

    /// <summary>
    /// Calendar days from the inspection within which the office publishes the reviewed result — faster than the law's 20
    /// working days (Order 49 第三十九条); UK authorities take up to 21 days, Oregon 14. Configurable; 7 by default.
    /// </summary>
    public int PublishWithinDays => configuration.GetValue("Inspections:PublishWithinDays", 7);

    /// <summary>The no-repeat window in months (<see cref="RepeatInspection"/>; 0 = off).</summary>
    public int RepeatInspectionMonths => configuration.GetValue("Inspections:RepeatInspectionMonths", RepeatInspection.DefaultMonths);

    /// <summary>The business's latest inspection on or before <paramref name="on"/> (the no-repeat window's reference).</summary>
    public async Task<DateOnly?> LastInspectedAsync(Guid businessId, DateOnly on, CancellationToken ct) =>
        await db.InspectionRecords.Where(x => x.BusinessId == businessId && x.InspectedOn <= on).MaxAsync(x => (DateOnly?)x.InspectedOn, ct);

    public async Task<(InspectionRecord Record, bool Created)> RecordAsync(CheckRequest r, CancellationToken ct)
    {
        var existing = await db.InspectionRecords.AsNoTracking().FirstOrDefaultAsync(x => x.SubmissionId == r.SubmissionId, ct);
        if (existing is not null)
        {
            return (existing, false);
        }

        var business = (await directory.FindAsync([r.BusinessId], ct)).SingleOrDefault()
            ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
        if (!db.Request.Scope.AllowsCreateIn(business.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只有经营者所在辖区的执法人员可以记录检查。");
        }

        // The version the form was shown with (an administrator may add one while an inspector fills it), else the one in force.
        var checklist = r.ChecklistCode is { Length: > 0 } shown && await checklists.ByCodeAsync(shown, ct) is { } asShown
            && asShown.Code.Split('-')[0] == Checklists.FamilyOf(business.Kind)
            ? asShown
            : await checklists.ForAsync(business.Kind, r.InspectedOn, ct);
        var answers = r.Answers ?? new Dictionary<string, ItemResult>();
        var errors = new Dictionary<string, string[]>();
        var unknown = answers.Keys.Where(k => checklist.Items.All(i => i.Code != k)).ToList();
        var missing = checklist.Items.Where(i => !answers.ContainsKey(i.Code)).ToList();
        if (unknown.Count > 0)
        {
            errors["answers"] = [$"检查项目 {string.Join("、", unknown)} 不在《{checklist.Name}》中"];
        }
        else if (missing.Count > 0)
        {
            errors["answers"] = [.. missing.Select(i => $"第 {i.Code} 项“{i.Text}”未填写")];
        }

        var today = ChinaTime.Today(clock);
        if (r.InspectedOn > today || r.InspectedOn < today.AddDays(-90))
        {
            errors["inspectedOn"] = ["检查日期应在近 90 天内且不晚于今天"];
        }

        PlannedVisit? visit = null;
        if (r.VisitId is Guid vid)
        {
            visit = await db.PlannedVisits.FirstOrDefaultAsync(v => v.Id == vid && v.BusinessId == r.BusinessId, ct);
            if (visit is null)
            {
                errors["visitId"] = ["抽查任务不存在或不属于该经营者"];
            }
        }

        if (r.Repeat is RepeatReason rr && !Enum.IsDefined(rr))
        {
            errors["repeat"] = ["再次检查的原因无效"];
        }
        else if (RepeatInspection.Refusal(RepeatInspectionMonths, r.InspectedOn, await LastInspectedAsync(business.Id, r.InspectedOn, ct), visit?.Purpose, r.Repeat) is { } repeat)
        {
            errors["repeat"] = [repeat];
        }

        var inspectors = (r.Inspectors is { Count: > 0 } given ? given : visit?.InspectorNames.Split('、') ?? [])
            .Select(i => i.Trim()).Where(i => i.Length > 0).Distinct().ToList();
        // Inspectors are people of the region's 执法检查人员名录 (holders of a 执法证号), not free text (security finding 12).
        var roster = await InspectorPool.RosterAsync(db, business.RegionCode, ct);
        var strangers = inspectors.Where(i => roster.All(m => m.Name != i)).ToList();
        if (strangers.Count > 0)
        {
            errors["inspectors"] = [$"“{string.Join("、", strangers)}”不在本辖区执法检查人员名录中（须为持执法证的监管人员或检查员账号）"];
        }
        else if (!Kernel.Law.FieldStaff.IsEnough(inspectors.Count))
        {
            errors["inspectors"] = [Kernel.Law.FieldStaff.InspectorsMessage];
        }

        var judged = r.AffectsSafety ?? new Dictionary<string, bool>();
        var notFailed = judged.Keys.Where(k => !answers.TryGetValue(k, out var a) || a != ItemResult.No).ToList();
        if (notFailed.Count > 0 && !errors.ContainsKey("answers"))
        {
            errors["affectsSafety"] = [$"第 {string.Join("、", notFailed)} 项未判为“否”，不能判断是否影响食品安全"];
        }

        var result = errors.ContainsKey("answers") ? InspectionResult.Conforming : Checklists.Judge(checklist, answers, judged);
        var findings = r.Findings?.Trim() ?? "";
        if (result != InspectionResult.Conforming && findings.Length == 0)
        {
            errors["findings"] = ["有不符合项时请写明发现的问题"];
        }
        else if (findings.Length > 4000)
        {
            errors["findings"] = ["检查情况不能超过 4000 字"];
        }

        var photos = r.PhotoIds ?? [];
        var signature = r.SignatureId is Guid sg ? [sg] : Array.Empty<Guid>();
        var attachments = photos.Concat(signature).ToList();
        var found = await db.UsableAsync(attachments, ct);
        if (!found.IsSupersetOf(attachments))
        {
            errors["photoIds"] = ["照片或签名文件不存在"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("inspections.check-invalid", "检查记录有误，未保存", errors);
        }

        var cal = calendar.Current;
        var uscc = (await directory.IdentitiesAsync([business.Id], ct)).SingleOrDefault()?.Uscc;
        var publishBy = cal.AddWorkingDays(r.InspectedOn, 20).Date; // Order 49 第三十九条: public within 20 working days
        InspectionRecord? followed = visit?.FollowsRecordId is Guid fid ? await db.InspectionRecords.FirstOrDefaultAsync(x => x.Id == fid, ct) : null;
        var record = new InspectionRecord
        {
            SubmissionId = r.SubmissionId, BusinessId = business.Id, BusinessName = business.Name, RegionCode = business.RegionCode, BusinessUscc = uscc, VisitId = visit?.Id,
            InspectedOn = r.InspectedOn, ChecklistCode = checklist.Code, AnswersJson = JsonSerializer.Serialize(answers, JsonSerializerOptions.Web), Result = result,
            Findings = findings, Inspectors = string.Join('、', inspectors),
            SafetyItems = string.Join(',', checklist.Items.Where(i => answers.GetValueOrDefault(i.Code) == ItemResult.No && Checklists.AffectsSafety(i, judged)).Select(i => i.Code)) is { Length: > 0 } codes ? codes : null, PhotoIds = photos.Count == 0 ? null : string.Join(',', photos), SignatureId = r.SignatureId,
            // The business's 整改期限 in calendar days; ending on a 法定休假日 it runs to the next working day (民法典 第二百零三条, review D-1).
            RectifyBy = result == InspectionResult.Conforming ? null : cal.DueCalendarDays(r.InspectedOn, RectificationDays).Date,
            CaseClue = result == InspectionResult.NonConforming,
            CaseDecisionDue = result == InspectionResult.NonConforming ? Enforcement.Contracts.CaseClock.DecisionDue(cal, r.InspectedOn) : null,
            // Published only after an officer's review (Publication), by the office's target and at the latest by the law's.
            PublishBy = publishBy, PublishTarget = Min(r.InspectedOn.AddDays(PublishWithinDays), publishBy),
            FollowsUpRecordId = followed?.Id, RepeatReason = r.Repeat,
            RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.InspectionRecords.Add(record);
        await db.AttachAsync(attachments, record.RecordedAtUtc, ct);
        // The visit it was started from, and the business's other open visits of the same period (a 双随机 and a plan's).
        foreach (var open in (await db.PlannedVisits.Where(v => v.BusinessId == business.Id && v.Status == VisitStatus.Planned).ToListAsync(ct))
                     .Where(v => VisitClosure.IsCarriedOutBy(v, visit?.Id, r.InspectedOn)))
        {
            open.Status = VisitStatus.Done;
            open.InspectedOn = r.InspectedOn;
        }

        // 复查: the re-inspection's result is the rectification's verdict; not rectified → this record orders it again.
        if (followed is not null)
        {
            followed.RectificationCheckedOn = r.InspectedOn;
            followed.Rectified = result == InspectionResult.Conforming;
        }

        // Order 49 第三十三条: a rectification order is followed up — a re-inspection visit, due after the deadline, for the same inspectors.
        if (record.RectifyBy is DateOnly rectifyBy)
        {
            db.PlannedVisits.Add(new PlannedVisit
            {
                Purpose = VisitPurpose.Reinspection, FollowsRecordId = record.Id, BusinessId = business.Id, BusinessName = business.Name, RegionCode = business.RegionCode,
                DueFrom = rectifyBy, DueBy = cal.AddWorkingDays(rectifyBy, ReinspectionWorkingDays).Date, Status = VisitStatus.Planned,
                InspectorIds = visit?.InspectorIds ?? string.Join(',', roster.Where(m => inspectors.Contains(m.Name)).Select(m => m.Id)), InspectorNames = record.Inspectors,
            });
        }

        events.Raise(new RiskEvidenceChanged(business.Id));
        if (record.CaseClue)
        {
            // Order 49 第三十二条: a key item not met is investigated — the clue goes to enforcement with its 立案 due date.
            events.Raise(new CaseClueRaised(CaseClueSource.Inspection, record.Id, business.Id, business.Name, business.RegionCode, record.InspectedOn,
                record.CaseDecisionDue!.Value, record.Findings));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same form arrived twice at once (unique submission id): the first one stored it.
            db.ChangeTracker.Clear();
            var first = await db.InspectionRecords.AsNoTracking().FirstOrDefaultAsync(x => x.SubmissionId == r.SubmissionId, ct);
            if (first is null)
            {
                throw;
            }

            return (first, false);
        }

        return (record, true);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>Tells Risk what inspections found: the last result and the last full inspection.</summary>
internal sealed class InspectionEvidence(ShianDb db) : IRiskEvidenceSource
{
    public async Task<IReadOnlyDictionary<Guid, RiskEvidence>> EvidenceAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, RiskEvidence>();
        foreach (var chunk in businessIds.Chunk(1000))
        {
            var rows = (await db.InspectionRecords.AsNoTracking().Where(r => chunk.Contains(r.BusinessId))
                .Select(r => new { r.BusinessId, r.InspectedOn, r.Result, r.Id }).ToListAsync(ct)).ToLookup(r => r.BusinessId);
            foreach (var id in chunk)
            {
                var mine = rows[id].OrderByDescending(r => r.InspectedOn).ThenByDescending(r => r.Id).ToList();
                result[id] = mine.Count == 0
                    ? RiskEvidence.None with { InspectionDataAvailable = true }
                    : RiskEvidence.None with
                    {
                        InspectionDataAvailable = true,
                        LastInspection = mine[0].Result switch
                        {
                            InspectionResult.Conforming => InspectionOutcome.Conforming,
                            InspectionResult.BasicallyConforming => InspectionOutcome.BasicallyConforming,
                            _ => InspectionOutcome.NonConforming,
                        },
                        LastFullInspection = mine[0].InspectedOn,
                    };
            }
        }

        return result;
    }
}
