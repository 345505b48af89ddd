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
/// 有奖举报 (seeds 000, 002): the handling officer proposes an award for a substantiated, named report that led to a
/// case (level and 罚没款 → amount by <see cref="RewardRules"/>); another person of the office approves it (with the
/// finance department from 500 000 yuan) or refuses; the reporter claims it with the tracking code, choosing bank
/// transfer, phone credit (话费, seed 002) or cash; the officer records the payment. The list of paid awards is public,
/// without identity.
/// </summary>
public sealed class Rewards(ShianDb db, PersonalData personal, TimeProvider clock)
{
    private DateOnly Today => ChinaTime.Today(clock);

    private void Step(Complaint c, string text, bool isPublic)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.AddHistory(c, now, ComplaintEntryKind.Step, text, isPublic, db.Request.UserName);
    }

    public async Task<Reward> ProposeAsync(Guid complaintId, int level, decimal? confiscated, bool notKnownBefore, string? reason, CancellationToken ct)
    {
        var c = await db.Complaints.FirstOrDefaultAsync(x => x.Id == complaintId, ct) ?? throw ShianProblemException.NotFound("complaints.not-found", "投诉举报不存在或不在您的辖区");
        var errors = new Dictionary<string, string[]>();
        if (level is < 1 or > 3)
        {
            errors["level"] = ["请选择奖励等级：一级、二级或三级"];
        }

        if (confiscated is < 0 or > 10_000_000_000m)
        {
            errors["confiscated"] = ["罚没款金额应为 0 到 100 亿元"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("complaints.reward-invalid", "奖励信息有误，未保存", errors);
        }

        var reasons = RewardRules.Ineligible(c.Anonymous, c.Substantiated, c.CaseOpened, !notKnownBefore);
        if (c.Kind != ComplaintKind.Report)
        {
            reasons = [.. reasons.Prepend("只有举报可以奖励（投诉是本人消费争议）")];
        }

        if (reasons.Count > 0)
        {
            throw ShianProblemException.Conflict("complaints.reward-ineligible", "不符合奖励条件：" + string.Join("；", reasons));
        }

        if (await db.Rewards.AnyAsync(r => r.ComplaintId == complaintId && r.Status != RewardStatus.Rejected, ct))
        {
            throw ShianProblemException.Conflict("complaints.reward-exists", "该举报已有奖励记录");
        }

        var amount = RewardRules.Amount(level, confiscated);
        var reward = new Reward
        {
            ComplaintId = c.Id, RegionCode = c.RegionCode, Level = level, Confiscated = confiscated, Amount = amount, FinanceCoDecision = RewardRules.NeedsFinance(amount),
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(500, reason.Trim().Length)], Status = RewardStatus.Proposed,
            ProposedBy = db.Request.UserName, ProposedOn = Today,
        };
        db.Rewards.Add(reward);
        Step(c, $"拟给予{"一二三"[level - 1]}级举报奖励 {amount:0.##} 元{(reward.FinanceCoDecision ? "（须与同级财政部门共同决定）" : "")}", isPublic: false);
        await db.SaveChangesAsync(ct);
        return reward;
    }

    public async Task DecideAsync(Guid rewardId, bool approve, bool financeAgreed, string? note, CancellationToken ct)
    {
        var r = await db.Rewards.FirstOrDefaultAsync(x => x.Id == rewardId, ct) ?? throw ShianProblemException.NotFound("complaints.reward-not-found", "奖励记录不存在或不在您的辖区");
        var c = await db.Complaints.FirstAsync(x => x.Id == r.ComplaintId, ct);
        if (r.Status != RewardStatus.Proposed)
        {
            throw ShianProblemException.Conflict("complaints.reward-decided", "该奖励已审批");
        }

        if (r.ProposedBy == db.Request.UserName)
        {
            throw ShianProblemException.Conflict("complaints.reward-four-eyes", "提出奖励的人不能审批自己的提议");
        }

        if (approve && r.FinanceCoDecision && !financeAgreed)
        {
            throw ShianProblemException.Conflict("complaints.reward-finance", "奖励金额 50 万元以上，须与同级财政部门共同决定后再批准");
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            throw ShianProblemException.Invalid("complaints.reward-note", "不予奖励须写明理由", new Dictionary<string, string[]> { ["note"] = ["请写明不予奖励的理由"] });
        }

        r.Status = approve ? RewardStatus.Approved : RewardStatus.Rejected;
        r.DecidedBy = db.Request.UserName;
        r.DecidedOn = Today;
        r.DecisionNote = note?.Trim();
        Step(c, approve ? $"举报奖励 {r.Amount:0.##} 元已批准，请凭查询码申领，选择领取方式" : "经审核，不予举报奖励：" + note!.Trim(), isPublic: true);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The reporter claims an approved award, with the tracking code (the caller has matched it): how to be paid, and where.</summary>
    internal async Task ClaimAsync(Complaint c, RewardPayment payment, string? account, CancellationToken ct)
    {
        var r = await db.Rewards.IgnoreQueryFilters([RegionScope.FilterName]).FirstOrDefaultAsync(x => x.ComplaintId == c.Id && x.Status == RewardStatus.Approved, ct)
            ?? throw ShianProblemException.Conflict("complaints.reward-none", "没有待申领的奖励");
        if (r.ClaimedOn is not null)
        {
            throw ShianProblemException.Conflict("complaints.reward-claimed", "奖励已申领，等待发放");
        }

        string? clear = null, masked = null;
        switch (payment)
        {
            case RewardPayment.PhoneCredit:
                clear = Contacts.NormalizePhone(account) is { Length: 11 } mobile ? mobile : null;
                masked = clear is null ? null : Contacts.MaskPhone(clear);
                if (clear is null)
                {
                    throw ShianProblemException.Invalid("complaints.reward-account", "话费充值须填写 11 位手机号", new Dictionary<string, string[]> { ["account"] = ["请填写 11 位手机号"] });
                }

                break;
            case RewardPayment.BankTransfer:
                clear = new string((account ?? "").Where(char.IsAsciiDigit).ToArray());
                if (clear.Length is < 12 or > 30)
                {
                    throw ShianProblemException.Invalid("complaints.reward-account", "银行卡号应为 12–30 位数字", new Dictionary<string, string[]> { ["account"] = ["请填写本人银行卡号（12–30 位数字）"] });
                }

                masked = $"****{clear[^4..]}";
                break;
            case RewardPayment.Cash:
                break;
            default:
                throw ShianProblemException.Invalid("complaints.reward-payment", "请选择领取方式", new Dictionary<string, string[]> { ["payment"] = ["银行转账、话费充值或现金领取"] });
        }

        r.ClaimedPayment = payment;
        r.ClaimAccountSealed = personal.Seal(clear);
        r.ClaimAccountMasked = masked;
        r.ClaimedOn = Today;
        db.AddHistory(c, clock.GetUtcNow().UtcDateTime, ComplaintEntryKind.Answer, $"申领举报奖励（{PaymentText(payment)}{(masked is null ? "" : " " + masked)}）", isPublic: true, author: null);
        await db.SaveChangesAsync(ct);
    }

    public async Task PayAsync(Guid rewardId, DateOnly? paidOn, string? reference, CancellationToken ct)
    {
        var r = await db.Rewards.FirstOrDefaultAsync(x => x.Id == rewardId, ct) ?? throw ShianProblemException.NotFound("complaints.reward-not-found", "奖励记录不存在或不在您的辖区");
        var c = await db.Complaints.FirstAsync(x => x.Id == r.ComplaintId, ct);
        var on = paidOn ?? Today;
        if (string.IsNullOrWhiteSpace(reference) || reference.Trim().Length > 100)
        {
            throw ShianProblemException.Invalid("complaints.reward-reference", "请填写发放凭证号", new Dictionary<string, string[]> { ["reference"] = ["请填写转账、充值或签收凭证号（不超过 100 字）"] });
        }

        if (r.Status != RewardStatus.Approved || r.ClaimedOn is null)
        {
            throw ShianProblemException.Conflict("complaints.reward-not-claimed", r.Status == RewardStatus.Approved ? "举报人尚未申领" : "只有已批准的奖励可以发放");
        }

        if (on < r.ClaimedOn || on > Today)
        {
            throw ShianProblemException.Invalid("complaints.reward-date", "发放日期应在申领之后、今天之前", new Dictionary<string, string[]> { ["paidOn"] = ["日期不在申领之后、今天之前"] });
        }

        r.Status = RewardStatus.Paid;
        r.PaidBy = r.ClaimedPayment;
        r.PaidOn = on;
        r.PaymentReference = reference.Trim();
        r.Published = true;
        Step(c, $"举报奖励 {r.Amount:0.##} 元已发放（{PaymentText(r.ClaimedPayment!.Value)}）", isPublic: true);
        await db.SaveChangesAsync(ct);
    }

    public sealed record PublicAward(DateOnly PaidOn, string RegionCode, ComplaintCategory Category, int Level, decimal Amount);

    /// <summary>Paid awards for the public list: month, district, category, level, amount — no identity, no business, no code.</summary>
    public async Task<IReadOnlyList<PublicAward>> PublishedAsync(int take, CancellationToken ct) =>
        await (from r in db.Rewards.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
               join c in db.Complaints.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking() on r.ComplaintId equals c.Id
               where r.Published && r.PaidOn != null
               orderby r.PaidOn descending
               select new PublicAward(r.PaidOn!.Value, c.RegionCode, c.Category, r.Level, r.Amount)).Take(take).ToListAsync(ct);

    public static string PaymentText(RewardPayment p) => p switch { RewardPayment.BankTransfer => "银行转账", RewardPayment.PhoneCredit => "话费充值", _ => "现金领取" };
}
