using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Audit;
using Shian.Kernel.Errors;

namespace Shian.Kernel.Users;

/// <summary>
/// Account administration and each user's own account security (security finding 9): create, change roles, grants,
/// business binding, second-factor requirement and enabled state; reset a password or a second factor; change one's
/// password; set up and remove one's authenticator. Every change is a security event in the audit chain (without
/// passwords or keys), and every change that narrows access ends the user's sessions (a new security stamp).
/// </summary>
public sealed class Accounts(ShianDb db, UserManager<ShianUser> users, IUserStore<ShianUser> userStore, SessionStamps stamps, SecurityAudit audit, Scoping.IRequestContext me, TimeProvider clock, People people,
    Microsoft.Extensions.Options.IOptions<SecurityOptions> security)
{
    public sealed record Row(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Regions, string? BusinessUscc,
        bool TwoFactorEnabled, bool RequireTwoFactor, bool Disabled, DateTime CreatedAtUtc, string? EnforcementCertificate);

    /// <summary>Accounts whose name, display name or USCC contains <paramref name="q"/>, by user name (at most 500).</summary>
    public async Task<IReadOnlyList<Row>> ListAsync(string? q, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            query = query.Where(u => u.UserName!.Contains(t) || u.DisplayName.Contains(t) || (u.BusinessUscc != null && u.BusinessUscc.Contains(t)));
        }

        return await RowsAsync(query.OrderBy(u => u.UserName).Take(500), ct);
    }

    public async Task<Row?> FindAsync(string id, CancellationToken ct) => (await RowsAsync(db.Users.AsNoTracking().Where(u => u.Id == id), ct)).SingleOrDefault();

    /// <summary>The accounts of <paramref name="users"/> with their roles and grants (two queries for the lot).</summary>
    private async Task<IReadOnlyList<Row>> RowsAsync(IQueryable<ShianUser> users, CancellationToken ct)
    {
        var list = await users.ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        var grants = await db.RegionGrants.AsNoTracking().Where(g => ids.Contains(g.UserId)).ToListAsync(ct);
        var order = ShianRoles.All.ToList();
        return [.. list.Select(u => new Row(u.Id, u.UserName!, u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(order.IndexOf)],
            [.. grants.Where(g => g.UserId == u.Id).Select(g => g.RegionCode).Order(StringComparer.Ordinal)],
            u.BusinessUscc, u.TwoFactorEnabled, u.RequireTwoFactor, u.IsDisabled, u.CreatedAtUtc, u.EnforcementCertificate))];
    }

    /// <summary>Creates an account; returns it and its initial password (generated when <paramref name="password"/> is empty, shown once).</summary>
    public async Task<(Row Account, string Password)> CreateAsync(string userName, AccountInput input, string? password, CancellationToken ct)
    {
        userName = userName.Trim();
        var errors = await ValidateAsync(input, ct);
        password = string.IsNullOrWhiteSpace(password) ? GeneratePassword() : password;
        var user = new ShianUser
        {
            UserName = userName, DisplayName = input.DisplayName.Trim(), BusinessUscc = Uscc(input), RequireTwoFactor = input.RequireTwoFactor,
            EnforcementCertificate = Certificate(input),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, LockoutEnd = input.Disabled ? ShianUser.DisabledUntil : null,
        };
        await ValidateNameAndPasswordAsync(user, password, errors);
        Refuse(errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, password));
        foreach (var role in input.Roles)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        db.RegionGrants.AddRange(input.Regions.Select(r => new RegionGrant { UserId = user.Id, RegionCode = r }));
        db.PendingSecurityEvents.Add(Event(SecurityActions.AccountCreated, user.UserName!, new { input.DisplayName, input.Roles, input.Regions, businessUscc = user.BusinessUscc, input.RequireTwoFactor, input.Disabled, enforcementCertificate = user.EnforcementCertificate }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        people.Forget();
        return ((await FindAsync(user.Id, ct))!, password);
    }

    /// <summary>
    /// A business account created by the business itself (self-registration, issue #19) once the caller proved, by
    /// <paramref name="consume"/> (the text-message code, used up in this transaction; what else it adds to the unit of work is
    /// saved with the account), that it holds the register's phone:
    /// bound to <paramref name="uscc"/>, role 食品经营者 only, no region grants. Name and password are checked as an
    /// administrator's would be; the security event says who created it.
    /// </summary>
    public async Task<Row> CreateSelfRegisteredBusinessAsync(string userName, string displayName, string uscc, string regionCode, string password, Func<CancellationToken, Task<bool>> consume, object details, CancellationToken ct)
    {
        userName = (userName ?? "").Trim();
        displayName = (displayName ?? "").Trim();
        var errors = new Dictionary<string, string[]>();
        if (displayName.Length is 0 or > 50)
        {
            errors["displayName"] = ["姓名必填，不超过 50 个字"];
        }

        var user = new ShianUser { UserName = userName, DisplayName = displayName, BusinessUscc = uscc, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        await ValidateNameAndPasswordAsync(user, password ?? "", errors);
        Refuse(errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await consume(ct))
        {
            throw ShianProblemException.Invalid("sms.code-expired", "验证码已使用，请重新获取", new Dictionary<string, string[]> { ["code"] = ["验证码已使用，请重新获取"] });
        }

        Check(await users.CreateAsync(user, password!));
        Check(await users.AddToRoleAsync(user, ShianRoles.Business));
        db.PendingSecurityEvents.Add(new SecurityEvent(SecurityActions.AccountSelfRegistered, "Account", user.UserName!, RegionCode: regionCode, Details: SecurityAudit.Details(new { displayName, businessUscc = uscc, details }), UserName: user.UserName));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        people.Forget();
        return (await FindAsync(user.Id, ct))!;
    }

    /// <summary>Adds to <paramref name="errors"/> what is wrong with the new user's name (format, taken) and password (the policy).</summary>
    private async Task ValidateNameAndPasswordAsync(ShianUser user, string password, Dictionary<string, string[]> errors)
    {
        var userName = user.UserName ?? "";
        if (string.IsNullOrEmpty(userName) || userName.Length > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            errors["userName"] = ["用户名必填，不超过 64 个字符，只用字母、数字和 . - _ @"];
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            errors["userName"] = [$"用户名“{userName}”已被使用"];
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded)
            {
                errors["password"] = [.. result.Errors.Select(e => e.Description)];
            }
        }
    }

    /// <summary>Changes an account's settings; an administrator cannot take away their own administration or disable themselves.</summary>
    public async Task<Row> UpdateAsync(string id, AccountInput input, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id) ?? throw ShianProblemException.NotFound("account.not-found", "账号不存在");
        var before = (await FindAsync(id, ct))!;
        var errors = await ValidateAsync(input, ct);
        if (id == me.UserId && (!input.Roles.Contains(ShianRoles.Admin) || input.Disabled))
        {
            errors["roles"] = ["不能取消自己的系统管理员角色或停用自己的账号（请由另一位管理员操作）"];
        }

        Refuse(errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = input.DisplayName.Trim();
        user.BusinessUscc = Uscc(input);
        user.RequireTwoFactor = input.RequireTwoFactor;
        user.EnforcementCertificate = Certificate(input);
        user.LockoutEnd = input.Disabled ? ShianUser.DisabledUntil : (user.IsDisabled ? null : user.LockoutEnd);
        foreach (var role in before.Roles.Except(input.Roles))
        {
            Check(await users.RemoveFromRoleAsync(user, role));
        }

        foreach (var role in input.Roles.Except(before.Roles))
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        var grants = await db.RegionGrants.Where(g => g.UserId == id).ToListAsync(ct);
        db.RegionGrants.RemoveRange(grants.Where(g => !input.Regions.Contains(g.RegionCode)));
        db.RegionGrants.AddRange(input.Regions.Except(grants.Select(g => g.RegionCode)).Select(r => new RegionGrant { UserId = id, RegionCode = r }));

        // Roles, grants and the business are in the session's claims: a new stamp ends the sessions that carry the old ones.
        Check(await users.UpdateSecurityStampAsync(user));
        db.PendingSecurityEvents.Add(Event(SecurityActions.AccountChanged, user.UserName!, new
        {
            before = new { before.DisplayName, before.Roles, before.Regions, before.BusinessUscc, before.RequireTwoFactor, before.Disabled, before.EnforcementCertificate },
            after = new { input.DisplayName, input.Roles, input.Regions, businessUscc = user.BusinessUscc, input.RequireTwoFactor, input.Disabled, user.EnforcementCertificate },
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        stamps.Forget(id);
        people.Forget();
        return (await FindAsync(id, ct))!;
    }

    /// <summary>Sets a new generated password (shown once to the administrator) and ends the user's sessions.</summary>
    public async Task<string> ResetPasswordAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id) ?? throw ShianProblemException.NotFound("account.not-found", "账号不存在");
        var password = GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password)); // also renews the security stamp
        stamps.Forget(id);
        await audit.RecordAsync(Event(SecurityActions.PasswordReset, user.UserName!, new { }), ct);
        return password;
    }

    /// <summary>Removes the user's authenticator (a lost phone); they set up a new one at their next sign-in if required.</summary>
    public async Task ResetTwoFactorAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id) ?? throw ShianProblemException.NotFound("account.not-found", "账号不存在");
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        stamps.Forget(id);
        await audit.RecordAsync(Event(SecurityActions.TwoFactorReset, user.UserName!, new { by = "admin" }), ct);
    }

    /// <summary>The signed-in user changes their own password; their other sessions end.</summary>
    public async Task ChangePasswordAsync(ShianUser user, string current, string next, CancellationToken ct)
    {
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            var wrong = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            throw ShianProblemException.Invalid("account.password-invalid", "密码未修改", new Dictionary<string, string[]>
            {
                [wrong ? "currentPassword" : "newPassword"] = [.. result.Errors.Select(e => e.Description)],
            });
        }

        stamps.Forget(user.Id);
        await audit.RecordAsync(Event(SecurityActions.PasswordChanged, user.UserName!, new { }), ct);
    }

    /// <summary>The authenticator key (Base32) of the signed-in user, created if none, and its otpauth:// URI for the QR code.</summary>
    public async Task<(string Key, string Uri)> AuthenticatorAsync(ShianUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: that also renews the security stamp, which ended every session of the user
            // (this one too, half a minute later) merely for opening 账号安全. A first key changes no session.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<ShianUser>)userStore).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            Check(await users.UpdateAsync(user));
        }

        var issuer = Uri.EscapeDataString("食安云 Shian");
        return (key, $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={issuer}&digits=6");
    }

    /// <summary>Turns the second factor on once the user proves their authenticator shows the right code.</summary>
    public async Task EnableTwoFactorAsync(ShianUser user, string code, CancellationToken ct)
    {
        var clean = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean))
        {
            throw ShianProblemException.Invalid("account.mfa-code-invalid", "动态码不正确", new Dictionary<string, string[]> { ["code"] = ["动态码不正确：请核对手机时间并输入身份验证器当前显示的 6 位数字"] });
        }

        Check(await users.SetTwoFactorEnabledAsync(user, true));
        stamps.Forget(user.Id);
        await audit.RecordAsync(Event(SecurityActions.TwoFactorEnabled, user.UserName!, new { }), ct);
    }

    /// <summary>Turns one's own second factor off, unless it is required of this account.</summary>
    public async Task DisableTwoFactorAsync(ShianUser user, CancellationToken ct)
    {
        if (await MustUseTwoFactorAsync(user))
        {
            throw ShianProblemException.Conflict("account.mfa-required", "此账号须使用双因素认证，不能关闭（可请管理员重置后重新绑定）");
        }

        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        stamps.Forget(user.Id);
        await audit.RecordAsync(Event(SecurityActions.TwoFactorReset, user.UserName!, new { by = "self" }), ct);
    }

    public async Task<bool> MustUseTwoFactorAsync(ShianUser user) =>
        user.RequireTwoFactor || (security.Value.AdminsRequireTwoFactor && await users.IsInRoleAsync(user, ShianRoles.Admin));

    private async Task<Dictionary<string, string[]>> ValidateAsync(AccountInput input, CancellationToken ct)
    {
        var known = (await db.Regions.AsNoTracking().Where(r => input.Regions.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return AccountRules.Validate(input, known.Contains);
    }

    private static void Refuse(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("account.invalid", "账号信息有误，未保存：" + string.Join("；", errors.SelectMany(e => e.Value)), errors);
        }
    }

    private static string? Certificate(AccountInput input) => string.IsNullOrWhiteSpace(input.EnforcementCertificate) ? null : input.EnforcementCertificate.Trim();

    private static string? Uscc(AccountInput input) => string.IsNullOrWhiteSpace(input.BusinessUscc) ? null : input.BusinessUscc.Trim().ToUpperInvariant();

    private SecurityEvent Event(string action, string account, object details) =>
        new(action, "Account", account, Details: SecurityAudit.Details(details), UserName: me.UserName);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw ShianProblemException.Invalid("account.identity", string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>24 characters from upper, lower, digits and symbols, at least one of each (meets the password policy).</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#$%^&*-_=+";
        var all = upper + lower + digits + symbols;
        var chars = new List<char> { Pick(upper), Pick(lower), Pick(digits), Pick(symbols) };
        while (chars.Count < 24)
        {
            chars.Add(Pick(all));
        }

        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }
}
