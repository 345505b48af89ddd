using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Privacy;

namespace Shian.Kernel.Messaging;

/// <summary>
/// A verification code sent by text message to prove the holder of a phone asks (e.g. a business registering its account
/// against the register's phone). Neither the code nor the phone is stored: their keyed digests are, with the masked
/// phone to show. One use; <see cref="CodeThrottle.Lifetime"/>; <see cref="CodeThrottle.MaxAttempts"/> wrong tries.
/// </summary>
public sealed class PhoneChallenge
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>What the code proves, e.g. <c>business-registration</c>.</summary>
    public required string Purpose { get; init; }

    /// <summary>What it is about (for a business: its USCC).</summary>
    public required string Subject { get; init; }

    public required string PhoneDigest { get; init; }

    public required string PhoneMasked { get; init; }

    public required string CodeDigest { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime ExpiresAtUtc { get; init; }

    public int FailedAttempts { get; set; }

    public DateTime? UsedAtUtc { get; set; }
}

internal sealed class PhoneChallengeConfiguration : IEntityTypeConfiguration<PhoneChallenge>
{
    public void Configure(EntityTypeBuilder<PhoneChallenge> b)
    {
        b.ToTable("kernel_phone_challenges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Purpose).HasMaxLength(40);
        b.Property(x => x.Subject).HasMaxLength(64);
        b.Property(x => x.PhoneDigest).HasMaxLength(64);
        b.Property(x => x.PhoneMasked).HasMaxLength(16);
        b.Property(x => x.CodeDigest).HasMaxLength(64);
        b.HasIndex(x => new { x.Purpose, x.Subject, x.CreatedAtUtc });
        b.HasIndex(x => new { x.PhoneDigest, x.CreatedAtUtc });
    }
}

/// <summary>Sends and checks <see cref="PhoneChallenge"/>s.</summary>
public sealed class PhoneChallenges(ShianDb db, ISmsSender sms, PersonalData personal, TimeProvider clock, ILogger<PhoneChallenges> log)
{
    /// <summary>A code sent: the challenge to answer, the masked phone it went to, and when another may be asked for.</summary>
    public sealed record Sent(Guid ChallengeId, string PhoneMasked, DateTime ExpiresAtUtc, int ResendAfterSeconds);

    public bool CanSend => sms.IsConfigured;

    /// <summary>
    /// Sends a new 6-digit code to <paramref name="mobile"/> for (<paramref name="purpose"/>, <paramref name="subject"/>),
    /// unless one was sent a moment ago or today's limit is reached (409 in Chinese with the wait). The text is
    /// <paramref name="text"/> with <c>{code}</c> replaced. The challenge is stored first and removed if the gateway fails.
    /// <paramref name="limitSubject"/> false: only the phone's limits apply (a survey is the subject of many phones).
    /// </summary>
    public async Task<Sent> SendAsync(string purpose, string subject, string mobile, string template, string text, CancellationToken ct, bool limitSubject = true)
    {
        if (!sms.IsConfigured)
        {
            throw NoSmsGateway.NotConfigured();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var phoneDigest = personal.Digest("phone:" + mobile);
        var since = now.AddDays(-2);
        var earlier = await db.PhoneChallenges.AsNoTracking()
            .Where(c => c.CreatedAtUtc >= since && ((limitSubject && c.Purpose == purpose && c.Subject == subject) || c.PhoneDigest == phoneDigest))
            .Select(c => c.CreatedAtUtc).ToListAsync(ct);
        var (verdict, wait) = CodeThrottle.Decide(earlier, now);
        switch (verdict)
        {
            case CodeThrottle.Verdict.TooSoon:
                throw new ShianProblemException(StatusCodes.Status429TooManyRequests, "sms.too-soon", "请求过于频繁", $"验证码刚刚发出，请 {wait} 秒后再获取")
                {
                    Extensions = new Dictionary<string, object?> { ["retryAfterSeconds"] = wait },
                };
            case CodeThrottle.Verdict.DailyLimit:
                throw new ShianProblemException(StatusCodes.Status429TooManyRequests, "sms.daily-limit", "请求过于频繁",
                    $"今天已为此发送 {CodeThrottle.PerDay} 次验证码，已达上限：请明天再试，或到所在地市场监管部门办理");
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = Guid.CreateVersion7();
        var challenge = new PhoneChallenge
        {
            Id = id, Purpose = purpose, Subject = subject, PhoneDigest = phoneDigest, PhoneMasked = PhoneNumbers.Masked(mobile),
            CreatedAtUtc = now, ExpiresAtUtc = now + CodeThrottle.Lifetime, CodeDigest = CodeDigest(id, code),
        };
        db.PhoneChallenges.Add(challenge);
        await db.SaveChangesAsync(ct);
        try
        {
            await sms.SendAsync(new SmsMessage(mobile, template, new Dictionary<string, string> { ["code"] = code, ["minutes"] = ((int)CodeThrottle.Lifetime.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                text.Replace("{code}", code, StringComparison.Ordinal).Replace("{minutes}", ((int)CodeThrottle.Lifetime.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)), ct);
        }
        catch
        {
            // Not sent: the challenge goes, so it neither counts against the limits nor can be answered.
            await db.PhoneChallenges.Where(c => c.Id == challenge.Id).ExecuteDeleteAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }

        log.LogInformation("Verification code sent for {Purpose} {Subject} to {Phone}", purpose, subject, challenge.PhoneMasked);
        return new Sent(challenge.Id, challenge.PhoneMasked, challenge.ExpiresAtUtc, (int)CodeThrottle.ResendAfter.TotalSeconds);
    }

    /// <summary>
    /// The unused, unexpired challenge <paramref name="id"/> for <paramref name="purpose"/> if <paramref name="code"/> is its
    /// code; otherwise a Chinese 400 naming the field <c>code</c> (a wrong code counts; after
    /// <see cref="CodeThrottle.MaxAttempts"/> the challenge is void). It is not consumed here: see <see cref="Consume"/>.
    /// </summary>
    public async Task<PhoneChallenge> CheckAsync(Guid id, string purpose, string? code, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var challenge = await db.PhoneChallenges.FirstOrDefaultAsync(c => c.Id == id && c.Purpose == purpose, ct);
        if (challenge is null || challenge.UsedAtUtc is not null || challenge.ExpiresAtUtc <= now)
        {
            throw Wrong("sms.code-expired", "验证码已失效（超过 10 分钟或已使用），请重新获取");
        }

        if (challenge.FailedAttempts >= CodeThrottle.MaxAttempts)
        {
            throw Wrong("sms.code-void", $"验证码已输错 {CodeThrottle.MaxAttempts} 次，已作废，请重新获取");
        }

        var clean = (code ?? "").Trim();
        if (clean.Length != 6 || !clean.All(char.IsAsciiDigit))
        {
            throw Wrong("sms.code-invalid", "请输入短信中的 6 位数字验证码");
        }

        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(CodeDigest(id, clean)), System.Text.Encoding.ASCII.GetBytes(challenge.CodeDigest)))
        {
            // Counted atomically (two wrong tries at once both count), then reported.
            await db.PhoneChallenges.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), ct);
            var left = CodeThrottle.MaxAttempts - challenge.FailedAttempts - 1;
            throw left > 0
                ? Wrong("sms.code-invalid", $"验证码不正确，还可尝试 {left} 次")
                : Wrong("sms.code-void", $"验证码已输错 {CodeThrottle.MaxAttempts} 次，已作废，请重新获取");
        }

        return challenge;
    }

    /// <summary>
    /// Marks the checked challenge used, inside the caller's transaction; false if another request used it first (the
    /// caller then rolls back).
    /// </summary>
    public async Task<bool> ConsumeAsync(PhoneChallenge challenge, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PhoneChallenges.Where(c => c.Id == challenge.Id && c.UsedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAtUtc, now), ct) == 1;
    }

    private string CodeDigest(Guid id, string code) => personal.Digest($"sms-code:{id:N}:{code}");

    private static ShianProblemException Wrong(string code, string detail) =>
        ShianProblemException.Invalid(code, detail, new Dictionary<string, string[]> { ["code"] = [detail] });
}
