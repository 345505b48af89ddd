using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Messaging;
using Shian.Kernel.Privacy;
using Shian.Kernel.Scoping;
using Shian.Surveys.Domain;
using Shian.Surveys.Rules;

namespace Shian.Surveys;

/// <summary>
/// Answering a survey: the public with an invitation code or a verified mobile, or an interviewer for the person in front
/// of them. One response per person without knowing who: the invitation is used up, or the keyed digest of the mobile
/// (never the number) is unique per survey. A respondent first proves the invitation or the phone and gets a ticket (a
/// time-limited Data Protection token naming the survey, the district and the person digest), then answers.
/// Reviewed filter bypass: the respondent is anonymous; only an open survey found by its public code is read, and an
/// invitation by the digest of its code.
/// </summary>
public sealed class SurveyAnswers(ShianDb db, TimeProvider clock, PersonalData personal, PhoneChallenges challenges, IDataProtectionProvider protection, SurveyDesk desk)
{
    public const string PhonePurpose = "survey-response";

    private static readonly TimeSpan TicketLifetime = TimeSpan.FromHours(2);

    // Not ITimeLimitedDataProtector: it reads the system clock; the ticket carries its expiry, checked on the app's clock.
    private readonly IDataProtector _tickets = protection.CreateProtector("Shian.Surveys.Ticket.v1");

    /// <summary>What a respondent proved: the survey, the district, the person (digest) and the invitation used, if any.</summary>
    public sealed record Ticket(Guid SurveyId, string? RegionCode, string PersonDigest, Guid? InvitationId, DateTime ExpiresAtUtc = default);

    /// <summary>The open (or closed, to say so) survey of the public link; null if none.</summary>
    public async Task<Survey?> PublicAsync(string? code, CancellationToken ct)
    {
        var c = (code ?? "").Trim();
        return c.Length is 0 or > 16 ? null : await db.Surveys.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .FirstOrDefaultAsync(s => s.PublicCode == c && s.Status != SurveyStatus.Draft, ct);
    }

    /// <summary>An invitation code checked: unused, of this survey; its district is the respondent's.</summary>
    public async Task<string> RedeemInvitationAsync(Survey s, string? code, CancellationToken ct)
    {
        Open(s);
        var digest = desk.InvitationDigest(s.Id, code ?? "");
        var invitation = await db.SurveyInvitations.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .FirstOrDefaultAsync(i => i.SurveyId == s.Id && i.CodeDigest == digest, ct);
        if (invitation is null || invitation.UsedAtUtc is not null)
        {
            var detail = invitation is null ? "邀请码不正确：请核对卡片上的 8 位字母数字" : "此邀请码已经用过（每个邀请码只能答一次）";
            throw ShianProblemException.Invalid("surveys.invitation-invalid", detail, new Dictionary<string, string[]> { ["invitation"] = [detail] });
        }

        return Issue(new Ticket(s.Id, invitation.RegionCode, "inv:" + invitation.Id.ToString("N"), invitation.Id));
    }

    /// <summary>Texts a code to the respondent's mobile (the phone access); the number is not kept.</summary>
    public async Task<PhoneChallenges.Sent> SendPhoneCodeAsync(Survey s, string? phone, CancellationToken ct)
    {
        Open(s);
        Access(s, SurveyAccess.Phone);
        var mobile = PhoneNumbers.Mobile(phone) ?? throw ShianProblemException.Invalid("surveys.phone-invalid", "请填写 11 位手机号码",
            new Dictionary<string, string[]> { ["phone"] = ["请填写 11 位手机号码"] });
        if (await AnsweredAsync(s.Id, PersonOfPhone(s.Id, personal.Digest("phone:" + mobile)), ct))
        {
            throw ShianProblemException.Conflict("surveys.already-answered", "此手机号已参加过本次调查，感谢您的支持（每人限答一次）");
        }

        return await challenges.SendAsync(PhonePurpose, s.Id.ToString("N"), mobile, "survey-response",
            $"您正在参加“{(s.Title.Length > 20 ? s.Title[..19] + "…" : s.Title)}”问卷调查，验证码{{code}}，{{minutes}}分钟内有效。", ct, limitSubject: false);
    }

    /// <summary>The texted code checked and used: a ticket for this phone's one response.</summary>
    public async Task<string> VerifyPhoneAsync(Survey s, Guid challengeId, string? code, CancellationToken ct)
    {
        Open(s);
        Access(s, SurveyAccess.Phone);
        var challenge = await challenges.CheckAsync(challengeId, PhonePurpose, code, ct);
        if (challenge.Subject != s.Id.ToString("N"))
        {
            throw ShianProblemException.Invalid("sms.code-expired", "验证码已失效，请重新获取", new Dictionary<string, string[]> { ["code"] = ["验证码已失效，请重新获取"] });
        }

        await challenges.ConsumeAsync(challenge, ct);
        var person = PersonOfPhone(s.Id, challenge.PhoneDigest);
        if (await AnsweredAsync(s.Id, person, ct))
        {
            throw ShianProblemException.Conflict("surveys.already-answered", "此手机号已参加过本次调查，感谢您的支持（每人限答一次）");
        }

        return Issue(new Ticket(s.Id, null, person, null));
    }

    /// <summary>The ticket of <paramref name="token"/> for survey <paramref name="s"/>, or a Chinese 400 to start again.</summary>
    public Ticket ReadTicket(Survey s, string? token)
    {
        try
        {
            var t = JsonSerializer.Deserialize<Ticket>(_tickets.Unprotect(token ?? ""));
            if (t is not null && t.SurveyId == s.Id && t.ExpiresAtUtc > clock.GetUtcNow().UtcDateTime)
            {
                return t;
            }
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
        }

        throw ShianProblemException.Invalid("surveys.ticket-expired", "答题页面已过期（超过 2 小时）或无效，请重新验证后作答");
    }

    /// <summary>
    /// A respondent's answers: checked against the questionnaire (each problem under its question), the district from the
    /// invitation or chosen (a city survey's counties), then the invitation used and the response stored in one
    /// transaction; a second response of the same person is refused.
    /// </summary>
    public async Task<SurveyResponse> SubmitAsync(Survey s, Ticket ticket, string? regionCode, IReadOnlyList<SurveyForms.Answer> answers, CancellationToken ct)
    {
        Open(s);
        var (region, score, clean) = Check(s, ticket.RegionCode ?? regionCode, answers);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (ticket.InvitationId is { } invitation
            && await db.SurveyInvitations.IgnoreQueryFilters([RegionScope.FilterName]).Where(i => i.Id == invitation && i.UsedAtUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.UsedAtUtc, clock.GetUtcNow().UtcDateTime), ct) != 1)
        {
            throw ShianProblemException.Conflict("surveys.already-answered", "此邀请码已经用过（每个邀请码只能答一次）");
        }

        if (await AnsweredAsync(s.Id, ticket.PersonDigest, ct))
        {
            throw ShianProblemException.Conflict("surveys.already-answered", "您已参加过本次调查，感谢您的支持（每人限答一次）");
        }

        var response = Store(s, region, ticket.InvitationId is null ? ResponseChannel.Phone : ResponseChannel.Invitation, ticket.PersonDigest, null, score, clean);
        await SaveOnceAsync(ct);
        await tx.CommitAsync(ct);
        return response;
    }

    /// <summary>An interviewer enters the answers of the person they interviewed, in a district they may work in.</summary>
    public async Task<SurveyResponse> InterviewAsync(Guid surveyId, string? regionCode, IReadOnlyList<SurveyForms.Answer> answers, CancellationToken ct)
    {
        var s = await desk.FindForInterviewAsync(surveyId, ct) ?? throw ShianProblemException.NotFound("surveys.not-found", "调查不存在或不在您的辖区");
        Open(s);
        var (region, score, clean) = Check(s, regionCode, answers);
        if (!db.Request.Scope.AllowsCreateIn(region))
        {
            throw ShianProblemException.RegionForbidden($"您无权录入区划 {region} 的答卷。");
        }

        var response = Store(s, region, ResponseChannel.Interviewer, null, db.Request.UserName, score, clean);
        await db.SaveChangesAsync(ct);
        return response;
    }

    private (string Region, decimal Score, IReadOnlyList<SurveyForms.Answer> Clean) Check(Survey s, string? regionCode, IReadOnlyList<SurveyForms.Answer> answers)
    {
        var quotas = SurveyDesk.Quotas(s);
        var (score, clean, errors) = SurveyForms.Check(s.Purpose, SurveyDesk.Questions(s), answers);
        var region = quotas.Count == 1 ? quotas[0].RegionCode : quotas.FirstOrDefault(q => q.RegionCode == regionCode)?.RegionCode;
        if (region is null)
        {
            errors["regionCode"] = ["请选择您常住的区县"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("surveys.answers-invalid", "答卷还有未完成或有误的题目：" + string.Join("；", errors.Values.SelectMany(x => x)), errors);
        }

        return (region!, score, clean);
    }

    private SurveyResponse Store(Survey s, string region, ResponseChannel channel, string? person, string? interviewer, decimal score, IReadOnlyList<SurveyForms.Answer> clean)
    {
        var response = new SurveyResponse
        {
            SurveyId = s.Id, RegionCode = region, Channel = channel, PersonDigest = person, Interviewer = interviewer,
            AnswersJson = JsonSerializer.Serialize(clean, SurveyDesk.Json), Score = score, SubmittedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.SurveyResponses.Add(response);
        return response;
    }

    // Two submissions of one ticket at the same moment: the unique index refuses the second.
    private async Task SaveOnceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw ShianProblemException.Conflict("surveys.already-answered", "您已参加过本次调查，感谢您的支持（每人限答一次）");
        }
    }

    private Task<bool> AnsweredAsync(Guid surveyId, string person, CancellationToken ct) =>
        db.SurveyResponses.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(r => r.SurveyId == surveyId && r.PersonDigest == person, ct);

    private string PersonOfPhone(Guid surveyId, string phoneDigest) => personal.Digest($"survey-person:{surveyId:N}:{phoneDigest}");

    private string Issue(Ticket t) => _tickets.Protect(JsonSerializer.Serialize(t with { ExpiresAtUtc = clock.GetUtcNow().UtcDateTime + TicketLifetime }));

    private static void Open(Survey s)
    {
        if (s.Status != SurveyStatus.Open)
        {
            throw ShianProblemException.Conflict("surveys.closed", s.Status == SurveyStatus.Closed ? "本次调查已经结束，感谢关注" : "本次调查尚未开始");
        }
    }

    private static void Access(Survey s, SurveyAccess access)
    {
        if (s.Access != access)
        {
            throw ShianProblemException.Conflict("surveys.wrong-access", s.Access == SurveyAccess.Invitation ? "本次调查凭邀请码作答" : "本次调查凭手机验证作答");
        }
    }
}
