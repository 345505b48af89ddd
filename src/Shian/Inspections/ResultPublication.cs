using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;
using Shian.Inspections.Rules;
using Shian.Kernel.Attachments;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Inbox;
using Shian.Kernel.Users;

namespace Shian.Inspections;

/// <summary>
/// An inspection result becomes public after an officer's review (faster than the law: by the office's target, 7 days by
/// default, and never after the 20 working days of Order 49 第三十九条); a reviewer may hold one back with a reason. The
/// business hears of it. The days-to-publish statistic is read from the same rows.
/// </summary>
public sealed class ResultPublication(ShianDb db, Notifier notifier, People people, TimeProvider clock)
{
    public const int MaxReason = 500;

    /// <summary>Results awaiting review in the caller's regions, the most urgent first.</summary>
    public async Task<IReadOnlyList<InspectionRecord>> QueueAsync(int take, CancellationToken ct) =>
        await db.InspectionRecords.AsNoTracking().Where(r => r.PublishedAtUtc == null)
            .OrderBy(r => r.PublishTarget).ThenBy(r => r.InspectedOn).ThenBy(r => r.Id).Take(take).ToListAsync(ct);

    public Task<int> WaitingAsync(CancellationToken ct) => db.InspectionRecords.CountAsync(r => r.PublishedAtUtc == null, ct);

    /// <summary>Publishes reviewed results (all or none): 404 for one the caller cannot see, 403 outside the caller's regions.</summary>
    public async Task<int> PublishAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            throw ShianProblemException.Invalid("inspections.publish-none", "请选择要公开的检查结果", new Dictionary<string, string[]> { ["ids"] = ["至少选择一条检查结果"] });
        }

        if (ids.Count > 200)
        {
            throw ShianProblemException.Invalid("inspections.publish-too-many", "一次最多公开 200 条检查结果", new Dictionary<string, string[]> { ["ids"] = ["一次最多 200 条"] });
        }

        var distinct = ids.Distinct().ToList();
        var records = await db.InspectionRecords.Where(r => distinct.Contains(r.Id)).ToListAsync(ct);
        if (records.Count != distinct.Count)
        {
            throw ShianProblemException.NotFound("inspections.record-not-found", "检查记录不存在");
        }

        if (records.FirstOrDefault(r => !db.Request.Scope.AllowsCreateIn(r.RegionCode)) is { } outside)
        {
            throw ShianProblemException.RegionForbidden($"“{outside.BusinessName}”的检查结果只能由其所在辖区的监管人员审核公开。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = records.Where(r => r.PublishedAtUtc is null).ToList();
        foreach (var r in fresh)
        {
            r.PublishedAtUtc = now;
            r.PublishedBy = db.Request.UserName;
            r.HeldReason = null;
        }

        foreach (var byUscc in fresh.Where(r => r.BusinessUscc is not null).GroupBy(r => r.BusinessUscc))
        {
            var users = await people.OfBusinessAsync(byUscc.Key, ct);
            foreach (var r in byUscc)
            {
                notifier.Notify(users, $"检查结果已公开：{r.BusinessName}（{Display(r.InspectedOn)}，{Checklists.Label(r.Result)}）",
                    "您可以在检查记录中提交整改回复或对结果的答复，监管部门审核后与结果一并公示。", $"/inspections/records/{r.Id}#replies");
            }
        }

        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    /// <summary>Holds a result back for correction (not published; the reason is shown in the queue).</summary>
    public async Task HoldAsync(Guid id, string? reason, CancellationToken ct)
    {
        var r = await db.InspectionRecords.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ShianProblemException.NotFound("inspections.record-not-found", "检查记录不存在");
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxReason)
        {
            throw ShianProblemException.Invalid("inspections.hold-reason", "请填写暂缓公开的理由", new Dictionary<string, string[]> { ["reason"] = [$"暂缓公开须写明理由（1–{MaxReason} 字）"] });
        }

        if (!db.Request.Scope.AllowsCreateIn(r.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只有经营者所在辖区的监管人员可以审核检查结果。");
        }

        if (r.PublishedAtUtc is not null)
        {
            throw ShianProblemException.Conflict("inspections.already-published", "该检查结果已经公开");
        }

        r.HeldReason = text;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Days-to-publish of the results inspected in [from, to] in the caller's regions (optionally one region subtree).</summary>
    public async Task<PublicationDelay.Summary> DelayAsync(DateOnly from, DateOnly to, string? regionPrefix, CancellationToken ct) =>
        (await DelayByDistrictAsync(from, to, regionPrefix, ct)).All;

    /// <summary>The same, in all and per district (county code, 12 digits) — a city office compares its districts (#19).</summary>
    public async Task<(PublicationDelay.Summary All, IReadOnlyList<(string County, PublicationDelay.Summary Summary)> Districts)> DelayByDistrictAsync(
        DateOnly from, DateOnly to, string? regionPrefix, CancellationToken ct)
    {
        var q = db.InspectionRecords.AsNoTracking().Where(r => r.InspectedOn >= from && r.InspectedOn <= to);
        if (!string.IsNullOrEmpty(regionPrefix))
        {
            q = q.Where(r => r.RegionCode.StartsWith(regionPrefix));
        }

        var rows = (await q.Select(r => new { r.RegionCode, r.InspectedOn, r.PublishTarget, r.PublishBy, r.PublishedAtUtc }).ToListAsync(ct))
            .Select(r => (County: r.RegionCode[..6] + "000000", Row: new PublicationDelay.Row(r.InspectedOn, r.PublishTarget, r.PublishBy,
                r.PublishedAtUtc is DateTime at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, ChinaTime.Zone)) : null))).ToList();
        var today = ChinaTime.Today(clock);
        return (PublicationDelay.Summarise(rows.Select(r => r.Row), today),
            [.. rows.GroupBy(r => r.County).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, PublicationDelay.Summarise(g.Select(r => r.Row), today)))]);
    }

    // A stored notification reads in Chinese whatever the reviewer's UI language (Web.Display follows the request's culture).
    private static string Display(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}

/// <summary>
/// A business's reply to its inspection result — the rectification report with photos, or its statement on the result —
/// and the officer's review: accepted (when it reports rectification, the officer may confirm it on the documents,
/// which closes the rectification and the re-inspection it would have needed) or not accepted with a reason (the
/// re-inspection stays planned). Once reviewed, the text and the conclusion stand beside the result on the public page.
/// </summary>
public sealed class ResultReplies(ShianDb db, AttachmentWriter files, Notifier notifier, People people, DistrictRecipients recipients, TimeProvider clock)
{
    public sealed record Photo(string FileName, byte[] Content);

    public const int MaxPhotos = 6;

    public async Task<IReadOnlyList<InspectionReply>> OfRecordAsync(Guid recordId, CancellationToken ct) =>
        await db.InspectionReplies.AsNoTracking().Where(x => x.RecordId == recordId).OrderBy(x => x.SubmittedAtUtc).ToListAsync(ct);

    /// <summary>Replies awaiting review in the caller's regions, oldest first.</summary>
    public async Task<IReadOnlyList<InspectionReply>> WaitingAsync(int take, CancellationToken ct) =>
        await db.InspectionReplies.AsNoTracking().Where(x => x.Status == ReplyStatus.Submitted).OrderBy(x => x.SubmittedAtUtc).Take(take).ToListAsync(ct);

    /// <summary>The business files a reply on its own record (404 for another's; one reply awaiting review at a time).</summary>
    public async Task<InspectionReply> SubmitAsync(Guid recordId, string? text, IReadOnlyList<Photo> photos, CancellationToken ct)
    {
        var uscc = db.Request.Scope.Uscc;
        // Explicitly the account's own USCC, beside the query filter: a business replies only on its own results.
        var record = uscc is null ? null : await db.InspectionRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId && r.BusinessUscc == uscc, ct);
        if (record is null)
        {
            throw ShianProblemException.NotFound("inspections.record-not-found", "检查记录不存在");
        }

        var body = text?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (body.Length == 0 || body.Length > InspectionReply.MaxText)
        {
            errors["text"] = [$"请填写回复内容（1–{InspectionReply.MaxText} 字）"];
        }

        if (photos.Count > MaxPhotos)
        {
            errors["photos"] = [$"最多上传 {MaxPhotos} 张照片"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("inspections.reply-invalid", "回复有误，未提交", errors);
        }

        if (await db.InspectionReplies.AnyAsync(x => x.RecordId == recordId && x.Status == ReplyStatus.Submitted, ct))
        {
            throw ShianProblemException.Conflict("inspections.reply-pending", "上一条回复尚在审核中，审核后才能再次提交");
        }

        var added = new List<Attachment>();
        try
        {
            foreach (var p in photos)
            {
                added.Add(await files.AddAsync(record.RegionCode, uscc, p.FileName, p.Content, ct));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var reply = new InspectionReply
            {
                RecordId = record.Id, BusinessId = record.BusinessId, RegionCode = record.RegionCode, BusinessUscc = uscc, Text = body,
                PhotoIds = added.Count == 0 ? null : string.Join(',', added.Select(a => a.Id)), SubmittedBy = db.Request.UserName, SubmittedAtUtc = now,
                Status = ReplyStatus.Submitted,
            };
            db.InspectionReplies.Add(reply);
            await db.AttachAsync([.. added.Select(a => a.Id)], now, ct);
            notifier.Notify(await recipients.ForAsync(record.RegionCode, ct), $"经营者回复了检查结果：{record.BusinessName}",
                body.Length > 80 ? body[..80] + "…" : body, $"/inspections/records/{record.Id}#replies");
            await db.SaveChangesAsync(ct);
            return reply;
        }
        catch
        {
            await files.DiscardAsync(added);
            throw;
        }
    }

    /// <summary>The officer's review of a reply (<paramref name="rectified"/>: the reply proves the rectification, on the documents).</summary>
    public async Task<InspectionReply> ReviewAsync(Guid replyId, bool accept, bool rectified, string? note, CancellationToken ct)
    {
        var reply = await db.InspectionReplies.FirstOrDefaultAsync(x => x.Id == replyId, ct) ?? throw ShianProblemException.NotFound("inspections.reply-not-found", "回复不存在");
        if (!db.Request.Scope.AllowsCreateIn(reply.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只有经营者所在辖区的监管人员可以审核回复。");
        }

        var text = note?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (!accept && string.IsNullOrEmpty(text))
        {
            errors["note"] = ["不予认可时须写明理由（将告知经营者并随回复公示）"];
        }

        if (text is { Length: > InspectionReply.MaxNote })
        {
            errors["note"] = [$"审核意见不能超过 {InspectionReply.MaxNote} 字"];
        }

        if (!accept && rectified)
        {
            errors["rectified"] = ["不予认可的回复不能确认整改完成"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("inspections.review-invalid", "审核意见有误，未保存", errors);
        }

        if (reply.Status != ReplyStatus.Submitted)
        {
            throw ShianProblemException.Conflict("inspections.reply-reviewed", "该回复已经审核");
        }

        var record = await db.InspectionRecords.FirstAsync(r => r.Id == reply.RecordId, ct);
        if (rectified && (record.RectifyBy is null || record.RectificationCheckedOn is not null))
        {
            throw ShianProblemException.Conflict("inspections.no-open-rectification", "该检查结果没有待复查的整改");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        reply.Status = accept ? ReplyStatus.Accepted : ReplyStatus.Rejected;
        reply.ReviewedBy = db.Request.UserName;
        reply.ReviewedAtUtc = now;
        reply.ReviewNote = string.IsNullOrEmpty(text) ? null : text;
        if (rectified)
        {
            // Order 49 第三十三条: the department follows the rectification and records its result; confirmed on the
            // business's report and photos, the re-inspection planned for it is no longer needed.
            record.RectificationCheckedOn = ChinaTime.Today(clock);
            record.Rectified = true;
            db.PlannedVisits.RemoveRange(await db.PlannedVisits.Where(v => v.FollowsRecordId == record.Id && v.Status == VisitStatus.Planned).ToListAsync(ct));
        }

        var users = await people.OfBusinessAsync(reply.BusinessUscc, ct);
        notifier.Notify(users, accept ? $"您的回复已获认可：{record.BusinessName}" : $"您的回复未获认可：{record.BusinessName}",
            (rectified ? "整改已确认完成。" : "") + (reply.ReviewNote ?? ""), $"/inspections/records/{record.Id}#replies");
        await db.SaveChangesAsync(ct);
        return reply;
    }
}
