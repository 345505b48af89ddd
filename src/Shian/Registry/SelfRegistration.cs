using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Identifiers;
using Shian.Kernel.Inbox;
using Shian.Kernel.Messaging;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;

namespace Shian.Registry;

/// <summary>
/// A food business opens its own account (issue #19): it gives its 统一社会信用代码 and a valid licence number of the
/// register, a code goes by text message to the phone the register holds for it, and with that code it chooses a user
/// name and password. The account is bound to that USCC with the 食品经营者 role only. Proving the phone is what makes
/// this safe: the USCC and licence number are public (the register's public page shows them), the phone is not shown.
/// The business's other accounts are told. Reviewed filter bypass: the caller is anonymous, so the register is read past
/// the region filter, by USCC only, and nothing but the business's name and masked phone is returned.
/// </summary>
public sealed class SelfRegistration(ShianDb db, PhoneChallenges challenges, Accounts accounts, Notifier notifier, TimeProvider clock, IConfiguration configuration)
{
    public const string Purpose = "business-registration";

    /// <summary>A code was sent: the challenge, the business's name, the masked phone, when the code expires, when to ask again.</summary>
    public sealed record Started(Guid ChallengeId, string BusinessName, string PhoneMasked, DateTime ExpiresAtUtc, int ResendAfterSeconds);

    public sealed record Completed(string UserName, string BusinessName);

    /// <summary>Whether codes can be sent at all (no SMS gateway: the page says so and offers the office instead).</summary>
    public bool Available => challenges.CanSend;

    /// <summary>Most accounts one business may hold (<c>Registry:SelfRegistration:MaxAccounts</c>, default 5).</summary>
    public int MaxAccounts => Math.Max(1, configuration.GetValue("Registry:SelfRegistration:MaxAccounts", 5));

    /// <summary>Checks the USCC and licence against the register and sends the code to the register's phone.</summary>
    public async Task<Started> StartAsync(string? uscc, string? licenceNumber, CancellationToken ct)
    {
        if (!Available)
        {
            throw NotAvailable();
        }

        var (business, mobile) = await FindAsync(uscc, licenceNumber, ct);
        var text = $"您正在为“{Shorten(business.Name)}”注册食安云经营者账号，验证码{{code}}，{{minutes}}分钟内有效。非本人操作请忽略，切勿告诉他人。";
        var sent = await challenges.SendAsync(Purpose, business.Uscc!, mobile, "business-registration", text, ct);
        return new Started(sent.ChallengeId, business.Name, sent.PhoneMasked, sent.ExpiresAtUtc, sent.ResendAfterSeconds);
    }

    /// <summary>With the code of <paramref name="challengeId"/>, creates the account; every field refused in Chinese by name.</summary>
    public async Task<Completed> CompleteAsync(Guid challengeId, string? code, string? userName, string? displayName, string? password, CancellationToken ct)
    {
        var challenge = await challenges.CheckAsync(challengeId, Purpose, code, ct);
        var business = await db.Businesses.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(b => b.Uscc == challenge.Subject && b.Status != BusinessStatus.Closed).OrderBy(b => b.CreatedAtUtc).FirstOrDefaultAsync(ct)
            ?? throw ShianProblemException.Conflict("registration.business-gone", "该经营者已不在名录中（或已注销），不能注册账号");
        var existing = await db.Users.AsNoTracking().Where(u => u.BusinessUscc == business.Uscc).Select(u => u.Id).ToListAsync(ct);
        if (existing.Count >= MaxAccounts)
        {
            throw TooMany(await CountyNameAsync(business.RegionCode, ct));
        }

        var name = (userName ?? "").Trim();
        var person = (displayName ?? "").Trim();
        var account = await accounts.CreateSelfRegisteredBusinessAsync(name, person, business.Uscc!, business.RegionCode, password ?? "", async token =>
        {
            if (!await challenges.ConsumeAsync(challenge, token))
            {
                return false;
            }

            var at = Kernel.Calendar.ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            notifier.Notify(existing, "本企业新增了一个账号",
                $"{person}（用户名 {name}）于 {at} 凭发送到登记手机 {challenge.PhoneMasked} 的验证码注册了“{business.Name}”的经营者账号。如不是本企业人员，请立即联系所在地市场监管部门停用该账号。",
                "/registry/portal");
            return true;
        }, new { business = business.Name, phone = challenge.PhoneMasked, challenge = challenge.Id }, ct);
        return new Completed(account.UserName, business.Name);
    }

    private async Task<(Business Business, string Mobile)> FindAsync(string? uscc, string? licenceNumber, CancellationToken ct)
    {
        var code = (uscc ?? "").Trim().ToUpperInvariant();
        var number = LicenceNumber.Normalise(licenceNumber);
        var errors = new Dictionary<string, string[]>();
        if (!Uscc.IsValid(code))
        {
            errors["uscc"] = [code.Length == 0 ? "请填写统一社会信用代码" : "统一社会信用代码应为 18 位且校验位正确（GB 32100），请核对营业执照"];
        }

        if (string.IsNullOrEmpty(number))
        {
            errors["licenceNumber"] = ["请填写食品经营（生产）许可证编号或备案编号"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("registration.invalid", "信息有误：" + string.Join("；", errors.SelectMany(e => e.Value)), errors);
        }

        var businesses = db.Businesses.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking();
        var licences = db.Licences.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking();
        var business = await businesses
            .Where(b => b.Uscc == code && b.Status != BusinessStatus.Closed
                        && licences.Any(l => l.BusinessId == b.Id && l.Number == number && l.Status == LicenceStatus.Valid))
            .OrderBy(b => b.CreatedAtUtc).FirstOrDefaultAsync(ct);
        if (business is null)
        {
            const string Detail = "名录中没有与此统一社会信用代码和许可证编号相符的在营经营者（许可证须在有效期内）：请核对营业执照和许可证，或到所在地市场监管部门办理";
            throw ShianProblemException.Invalid("registration.not-in-register", Detail, new Dictionary<string, string[]> { ["licenceNumber"] = [Detail] });
        }

        var county = await CountyNameAsync(business.RegionCode, ct);
        var mobile = PhoneNumbers.Mobile(business.Phone) ?? throw ShianProblemException.Conflict("registration.no-mobile",
            $"名录中登记的联系电话不是手机号（或未登记），无法接收验证码：请到{county}市场监管部门更新联系电话，或请其为您开通账号");
        if (await db.Users.CountAsync(u => u.BusinessUscc == code, ct) >= MaxAccounts)
        {
            throw TooMany(county);
        }

        return (business, mobile);
    }

    private ShianProblemException TooMany(string county) => ShianProblemException.Conflict("registration.too-many-accounts",
        $"本企业已有 {MaxAccounts} 个账号，不能再自助注册：请使用已有账号，或到{county}市场监管部门办理");

    private async Task<string> CountyNameAsync(string regionCode, CancellationToken ct)
    {
        var countyCode = regionCode[..6] + "000000";
        return await db.Regions.AsNoTracking().Where(r => r.Code == countyCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "所在地";
    }

    internal static ShianProblemException NotAvailable() => new(StatusCodes.Status503ServiceUnavailable, "registration.sms-unavailable", "暂不能自助注册",
        "本平台未开通短信验证码，暂不能自助注册：请带营业执照和许可证到所在地市场监管部门开通企业账号");

    // A text message is short: a long business name is cut (the full name is on the page).
    private static string Shorten(string name) => name.Length <= 20 ? name : name[..19] + "…";
}
