using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Inbox;
using Shian.Kernel.Privacy;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Complaints;

/// <summary>
/// A consumer complaint passed to the respondent business (被投诉人) for its account and proposal, and the business's
/// answer from 我的企业. Only a 投诉 accepted for handling and naming a registered business may be passed; a 举报 never
/// is (the reporter is protected, 投诉举报处理暂行办法 第三十三条, 食品安全法 第一百一十五条). The business reads only the
/// summary the officer wrote — which may not carry the complainant's name or phone.
/// </summary>
public sealed class RespondentDesk(ShianDb db, IBusinessDirectory directory, WorkingDayCalendarProvider calendar, TimeProvider clock, IOptions<ComplaintsOptions> options,
    PersonalData personal, People people, Notifier notifier, DistrictRecipients recipients, IRequestContext request)
{
    public const int SummaryMax = 1000;
    public const int QuestionMax = 500;
    public const int AnswerMax = 2000;

    /// <summary>What the office asks when the officer writes nothing else.</summary>
    public const string DefaultQuestion = "请核实投诉反映的情况，说明处理意见，并提供相关凭证（购货单据、检验报告等）。";

    public static readonly IReadOnlyDictionary<RespondentProposal, string> ProposalNames = new Dictionary<RespondentProposal, string>
    {
        [RespondentProposal.Refund] = "退货退款",
        [RespondentProposal.Replace] = "更换、修理",
        [RespondentProposal.Compensate] = "赔偿",
        [RespondentProposal.Apologise] = "赔礼道歉、整改",
        [RespondentProposal.Dispute] = "不同意投诉人的要求",
        [RespondentProposal.Other] = "其他",
    };

    /// <summary>A proposal by its exact name (no numbers, no combinations); null for anything else.</summary>
    public static RespondentProposal? ParseProposal(string? name) => Web.FormValues.Choice<RespondentProposal>(name);

    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The requests of one complaint (read through the region filter), newest first; 404 for a complaint the caller cannot see.</summary>
    public async Task<IReadOnlyList<RespondentRequest>> OfComplaintAsync(Guid complaintId, CancellationToken ct)
    {
        if (!await db.Complaints.AnyAsync(c => c.Id == complaintId, ct))
        {
            throw ShianProblemException.NotFound("complaints.not-found", "投诉举报不存在或不在您的辖区");
        }

        return await RequestsOfAsync(complaintId, ct);
    }

    /// <summary>The requests of a complaint the caller has already loaded through the filter (the complaint page), newest first.</summary>
    public async Task<IReadOnlyList<RespondentRequest>> RequestsOfAsync(Guid complaintId, CancellationToken ct) =>
        await db.RespondentRequests.AsNoTracking().Where(r => r.ComplaintId == complaintId).OrderByDescending(r => r.AskedAtUtc).ToListAsync(ct);

    /// <summary>A business's requests (its account's USCC through the filter): waiting first, then the latest.</summary>
    public async Task<IReadOnlyList<RespondentRequest>> MineAsync(string uscc, CancellationToken ct) =>
        [.. (await db.RespondentRequests.AsNoTracking().Where(r => r.BusinessUscc == uscc).OrderByDescending(r => r.AskedAtUtc).Take(100).ToListAsync(ct))
            .OrderBy(r => r.Status == RespondentRequestStatus.Waiting ? 0 : 1).ThenBy(r => r.Status == RespondentRequestStatus.Waiting ? r.ReplyBy : DateOnly.MaxValue)];

    /// <summary>Passes the complaint to its respondent business; validated whole before anything is written.</summary>
    public async Task<RespondentRequest> AskAsync(Guid complaintId, string? summary, string? question, CancellationToken ct)
    {
        var c = await db.Complaints.FirstOrDefaultAsync(x => x.Id == complaintId, ct) ?? throw ShianProblemException.NotFound("complaints.not-found", "投诉举报不存在或不在您的辖区");
        summary = summary?.Trim();
        question = string.IsNullOrWhiteSpace(question) ? DefaultQuestion : question.Trim();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(summary) || summary.Length < 10 || summary.Length > SummaryMax)
        {
            errors["summary"] = [$"请填写转给经营者的投诉摘要（10 到 {SummaryMax} 字）"];
        }
        else if (ContainsIdentity(c, summary))
        {
            errors["summary"] = ["摘要中含有投诉人的姓名或电话，请删去后再转交（《市场监督管理投诉举报处理暂行办法》第三十三条：为投诉人保密）"];
        }

        if (question.Length > QuestionMax)
        {
            errors["question"] = [$"要求经营者答复的事项不超过 {QuestionMax} 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("complaints.respondent-invalid", "转经营者答复的内容有误，未转交", errors);
        }

        if (c.Kind != ComplaintKind.Complaint)
        {
            throw ShianProblemException.Conflict("complaints.respondent-report", "举报不转被举报的经营者答复（为举报人保密，《市场监督管理投诉举报处理暂行办法》第三十三条）");
        }

        if (c.Status != ComplaintStatus.InProgress || c.Mediation is not null)
        {
            throw ShianProblemException.Conflict("complaints.respondent-state", "只有已受理、调解尚未结束的投诉可以转经营者答复");
        }

        // Mediation, and so hearing the business on the complaint, needs both parties' consent (第十六条).
        if (!c.MediationConsented)
        {
            throw ShianProblemException.Conflict("complaints.respondent-no-consent", "投诉人和被投诉人同意调解后，才能将投诉转经营者答复（《市场监督管理投诉举报处理暂行办法》第十六条）");
        }

        var business = c.BusinessId is Guid bid ? (await directory.IdentitiesAsync([bid], ct)).FirstOrDefault() : null;
        if (business is null)
        {
            throw ShianProblemException.Conflict("complaints.respondent-unregistered", "该投诉未关联登记在册的经营者，无法在线转交；请电话或书面联系经营者");
        }

        if (string.IsNullOrEmpty(business.Uscc))
        {
            throw ShianProblemException.Conflict("complaints.respondent-no-uscc", "该经营者没有统一社会信用代码，无法在线转交；请电话或书面联系经营者");
        }

        if (await db.RespondentRequests.AnyAsync(r => r.ComplaintId == c.Id && r.Status == RespondentRequestStatus.Waiting, ct))
        {
            throw ShianProblemException.Conflict("complaints.respondent-waiting", "已转经营者答复、尚未答复；请等待答复或在答复期满后再转");
        }

        var today = Today;
        var now = clock.GetUtcNow().UtcDateTime;
        var r = new RespondentRequest
        {
            ComplaintId = c.Id, RegionCode = c.RegionCode, BusinessUscc = business.Uscc, BusinessName = business.Name, Summary = summary!, Question = question,
            AskedBy = request.UserName, AskedAtUtc = now, AskedOn = today,
            ReplyBy = ComplaintClock.RespondentReplyBy(calendar.Current, today, options.Value.RespondentReplyWorkingDays, c.MediationEndsBy),
            Status = RespondentRequestStatus.Waiting,
        };
        db.RespondentRequests.Add(r);
        c.UpdatedAtUtc = now;
        db.AddHistory(c, now, ComplaintEntryKind.Step, "已请被投诉经营者说明情况、提出处理意见", isPublic: true, request.UserName);
        db.AddHistory(c, now, ComplaintEntryKind.Note, $"转 {business.Name} 答复，期限 {r.ReplyBy:yyyy-MM-dd}（本部门要求）：{summary}", isPublic: false, request.UserName);
        notifier.Notify(await people.OfBusinessAsync(business.Uscc, ct), $"投诉待答复：请于 {r.ReplyBy:yyyy年M月d日} 前答复",
            Truncate(summary!, 120), $"/complaints/mine#request-{r.Id}");
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>The business answers (its own request only: another's is not found); once.</summary>
    public async Task AnswerAsync(Guid requestId, string? answer, RespondentProposal? proposal, decimal? offerAmount, CancellationToken ct)
    {
        var r = await db.RespondentRequests.FirstOrDefaultAsync(x => x.Id == requestId && x.BusinessUscc == request.Scope.Uscc, ct)
            ?? throw ShianProblemException.NotFound("complaints.respondent-not-found", "该答复事项不存在或不属于本企业");
        answer = answer?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(answer) || answer.Length < 5 || answer.Length > AnswerMax)
        {
            errors["answer"] = [$"请填写答复（5 到 {AnswerMax} 字）"];
        }

        if (proposal is not RespondentProposal p || !Enum.IsDefined(p))
        {
            errors["proposal"] = ["请选择处理意见"];
        }
        else if (p is RespondentProposal.Refund or RespondentProposal.Compensate)
        {
            if (offerAmount is not (> 0 and <= 10_000_000))
            {
                errors["offerAmount"] = ["退款或赔偿请填写金额（大于 0、不超过 1000 万元）"];
            }
        }
        else if (offerAmount is not null)
        {
            errors["offerAmount"] = ["只有退款或赔偿需要填写金额"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("complaints.answer-invalid", "答复有误，未提交", errors);
        }

        if (r.Status != RespondentRequestStatus.Waiting)
        {
            throw ShianProblemException.Conflict("complaints.answer-closed", r.Status == RespondentRequestStatus.Answered ? "已经答复过，不能重复提交" : "该事项已撤回，无需答复");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        r.Status = RespondentRequestStatus.Answered;
        r.Answer = answer;
        r.Proposal = proposal;
        r.OfferAmount = offerAmount;
        r.AnsweredBy = request.UserName;
        r.AnsweredAtUtc = now;
        r.AnsweredOn = Today;
        var offer = offerAmount is decimal a ? $" {a:0.##} 元" : "";
        db.AddHistory(r.ComplaintId, r.RegionCode, now, ComplaintEntryKind.Step, "被投诉经营者已答复", isPublic: true, request.UserName);
        db.AddHistory(r.ComplaintId, r.RegionCode, now, ComplaintEntryKind.Note, $"经营者答复（{ProposalNames[proposal!.Value]}{offer}）：{answer}", isPublic: false, request.UserName);
        var asker = await people.IdsOfAsync([r.AskedBy], ct);
        notifier.Notify([.. asker.Concat(await recipients.ForAsync(r.RegionCode, ct)).Distinct()], $"经营者已答复投诉：{r.BusinessName}",
            $"{ProposalNames[proposal!.Value]}{offer}：{Truncate(answer!, 120)}", $"/complaints/{r.ComplaintId}#respondent");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Withdraws a complaint's waiting request when the complaint leaves the department's hands (closed, merged, transferred,
    /// mediation ended): the business's to-do disappears and it is told why. In the caller's unit of work.
    /// </summary>
    internal static async Task WithdrawWaitingAsync(ShianDb db, Notifier notifier, People people, Guid complaintId, string reason, CancellationToken ct)
    {
        foreach (var r in await db.RespondentRequests.Where(r => r.ComplaintId == complaintId && r.Status == RespondentRequestStatus.Waiting).ToListAsync(ct))
        {
            r.Status = RespondentRequestStatus.Withdrawn;
            r.WithdrawnReason = reason;
            notifier.Notify(await people.OfBusinessAsync(r.BusinessUscc, ct), "投诉答复事项已撤回", $"{reason}，无需再答复。", $"/complaints/mine#request-{r.Id}");
        }
    }

    /// <summary>Whether the text carries the complainant's name (two characters or more) or phone (its digits, any spacing).</summary>
    private bool ContainsIdentity(Complaint c, string text)
    {
        if (personal.Reveal(c.NameSealed) is { Length: >= 2 } name && text.Contains(name.Trim(), StringComparison.Ordinal))
        {
            return true;
        }

        if (personal.Reveal(c.PhoneSealed) is { } phone)
        {
            var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
            var textDigits = new string([.. text.Where(char.IsAsciiDigit)]);
            return digits.Length >= 7 && textDigits.Contains(digits, StringComparison.Ordinal);
        }

        return false;
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
