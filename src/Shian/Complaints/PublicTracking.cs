using Microsoft.EntityFrameworkCore;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Privacy;
using Shian.Kernel.Scoping;

namespace Shian.Complaints;

/// <summary>
/// What the public sees of their own complaint, without an account: the tracking code with the last four digits of the
/// phone they gave, or a whistleblower's follow-up key. Reads past the region filter (the public has no region) one
/// complaint by its code, and shows only its status, dates, public history lines and the reply — never the filer's
/// identity, internal notes or the officer's name. Ten failed attempts lock a code for an hour.
/// </summary>
public sealed class PublicTracking(ShianDb db, PersonalData personal, Rewards rewards, TimeProvider clock)
{
    public const int MaxFailures = 10;

    public sealed record Line(DateTime AtUtc, ComplaintEntryKind Kind, string Text);

    public sealed record View(Guid Id, string TrackingCode, ComplaintKind Kind, ComplaintCategory Category, ComplaintStatus Status, string? BusinessName,
        DateOnly ReceivedOn, DateOnly AcceptBy, string RegionName, IReadOnlyList<Line> Lines, string? Reply, DateOnly? RepliedOn, DateOnly? ClosedOn,
        int? Satisfaction, bool CanRate, bool CanReopen, bool CanAnswer, bool Whistleblower, string? MergedIntoCode, Reward? Reward);

    private static ShianProblemException NotMatched() =>
        ShianProblemException.NotFound("complaints.track-not-matched", "查询码或手机号后四位（举报密钥）不正确");

    private async Task<Complaint> MatchAsync(string? code, string? secret, CancellationToken ct)
    {
        if (!TrackingCodes.TryNormalize(code, out var normalized))
        {
            throw ShianProblemException.Invalid("complaints.track-code", "查询码格式不对",
                new Dictionary<string, string[]> { ["code"] = ["查询码为 11 位字母数字（如 7K2M9-QXH4J-5），请核对"] });
        }

        var c = await db.Complaints.IgnoreQueryFilters([RegionScope.FilterName]).FirstOrDefaultAsync(x => x.TrackingCode == normalized, ct) ?? throw NotMatched();
        var now = clock.GetUtcNow().UtcDateTime;
        if (c.TrackLockedUntilUtc > now)
        {
            throw new ShianProblemException(StatusCodes.Status429TooManyRequests, "complaints.track-locked", "尝试次数过多", "该查询码尝试次数过多，请一小时后再试。");
        }

        var ok = c.FollowUpKeyHash is not null
            ? TrackingCodes.KeyMatches(secret, c.FollowUpKeyHash)
            : personal.Reveal(c.PhoneSealed) is { } phone && Contacts.TailMatches(phone, secret);
        if (!ok)
        {
            c.TrackFailures++;
            if (c.TrackFailures >= MaxFailures)
            {
                c.TrackLockedUntilUtc = now.AddHours(1);
                c.TrackFailures = 0;
            }

            await db.SaveChangesAsync(ct);
            throw NotMatched();
        }

        if (c.TrackFailures > 0)
        {
            c.TrackFailures = 0;
            await db.SaveChangesAsync(ct);
        }

        return c;
    }

    public async Task<View> ViewAsync(string? code, string? secret, CancellationToken ct)
    {
        var c = await MatchAsync(code, secret, ct);
        var lines = await db.ComplaintEntries.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(e => e.ComplaintId == c.Id && e.Public).OrderBy(e => e.AtUtc).Select(e => new Line(e.AtUtc, e.Kind, e.Text)).ToListAsync(ct);
        var county = Kernel.Regions.RegionCode.CountyOf(c.RegionCode) ?? c.RegionCode;
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == county).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? c.RegionCode;
        var merged = c.MergedIntoId is Guid m
            ? await db.Complaints.IgnoreQueryFilters([RegionScope.FilterName]).Where(x => x.Id == m).Select(x => x.TrackingCode).FirstOrDefaultAsync(ct)
            : null;
        var today = ChinaTime.Today(clock);
        var closed = c.ClosedOn is not null;
        var reward = await db.Rewards.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(r => r.ComplaintId == c.Id && r.Status != RewardStatus.Proposed).OrderByDescending(r => r.ProposedOn).FirstOrDefaultAsync(ct);
        return new View(c.Id, c.TrackingCode, c.Kind, c.Category, c.Status, c.BusinessName, c.ReceivedOn, c.AcceptBy, region, lines, c.Reply, c.RepliedOn, c.ClosedOn,
            c.Satisfaction, closed && c.Satisfaction is null && c.Status != ComplaintStatus.Refused,
            closed && c.Status == ComplaintStatus.Closed && c.ClosedOn!.Value.AddDays(ComplaintClock.ReopenDays) >= today,
            !closed, c.Channel == ComplaintChannel.Whistleblower, merged is null ? null : TrackingCodes.Display(merged), reward);
    }

    /// <summary>The reporter claims an approved award: bank transfer, phone credit or cash.</summary>
    public async Task ClaimAsync(string? code, string? secret, RewardPayment payment, string? account, CancellationToken ct) =>
        await rewards.ClaimAsync(await MatchAsync(code, secret, ct), payment, account, ct);

    /// <summary>The filer answers an officer's question or adds information.</summary>
    public async Task AnswerAsync(string? code, string? secret, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 2000)
        {
            throw ShianProblemException.Invalid("complaints.answer", "请填写补充内容（不超过 2000 字）",
                new Dictionary<string, string[]> { ["text"] = ["请填写补充内容（不超过 2000 字）"] });
        }

        var c = await MatchAsync(code, secret, ct);
        if (c.ClosedOn is not null)
        {
            throw ShianProblemException.Conflict("complaints.closed", "该件已办结，如有新情况请重新投诉举报或申请重新办理");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        c.UpdatedAtUtc = now;
        db.AddHistory(c, now, ComplaintEntryKind.Answer, text.Trim(), isPublic: true, author: null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>满意度 1–5 with a comment, once, after closure.</summary>
    public async Task RateAsync(string? code, string? secret, int score, string? comment, CancellationToken ct)
    {
        if (score is < 1 or > 5 || comment?.Trim().Length > 500)
        {
            throw ShianProblemException.Invalid("complaints.rating", "评价有误",
                new Dictionary<string, string[]> { ["score"] = ["请选择 1–5 分，意见不超过 500 字"] });
        }

        var c = await MatchAsync(code, secret, ct);
        if (c.ClosedOn is null || c.Satisfaction is not null || c.Status == ComplaintStatus.Refused)
        {
            throw ShianProblemException.Conflict("complaints.not-ratable", "办结后可评价一次");
        }

        c.Satisfaction = score;
        c.SatisfactionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        c.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reopens a closed complaint within <see cref="ComplaintClock.ReopenDays"/> days, with the reason.</summary>
    public async Task ReopenAsync(string? code, string? secret, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            throw ShianProblemException.Invalid("complaints.reopen", "请说明为什么需要重新办理",
                new Dictionary<string, string[]> { ["reason"] = ["请说明理由（不超过 1000 字）"] });
        }

        var c = await MatchAsync(code, secret, ct);
        var today = ChinaTime.Today(clock);
        if (c.Status != ComplaintStatus.Closed || c.ClosedOn!.Value.AddDays(ComplaintClock.ReopenDays) < today)
        {
            throw ShianProblemException.Conflict("complaints.not-reopenable", $"办结后 {ComplaintClock.ReopenDays} 日内可申请重新办理");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        c.Status = ComplaintStatus.InProgress;
        c.ClosedOn = null;
        c.Satisfaction = null;
        c.SatisfactionComment = null;
        c.RepliedOn = null;
        c.ReopenCount++;
        c.UpdatedAtUtc = now;
        db.AddHistory(c, now, ComplaintEntryKind.Answer, "申请重新办理：" + reason.Trim(), isPublic: true, author: null);
        await db.SaveChangesAsync(ct);
    }
}
