using System.Text.Json;
using Shian.Data;

namespace Shian.Kernel.Audit;

/// <summary>
/// A security event for the audit chains (等保 2.0 安全审计: sign-ins and their failures, throttling, sign-outs,
/// permission denials, exports, reads of personal data, account administration). It is chained like a record change:
/// <see cref="Subject"/> and <see cref="SubjectId"/> stand where the entity type and id stand, <see cref="Details"/>
/// (JSON, never a password or a clear personal identifier) where the record after the change stands.
/// </summary>
public sealed record SecurityEvent(string Action, string Subject, string SubjectId, string? RegionCode = null, string? Details = null, string? UserName = null);

/// <summary>The actions of <see cref="SecurityEvent"/>, with their Chinese labels for the audit page.</summary>
public static class SecurityActions
{
    public const string SignIn = "signin";
    public const string SignInFailed = "signin-failed";
    public const string SignInThrottled = "signin-throttled";
    public const string SignOut = "signout";
    public const string TokenReuse = "token-reuse";
    public const string Denied = "denied";
    public const string Export = "export";
    public const string ReadPersonal = "read-personal";
    public const string AccountCreated = "account-create";
    public const string AccountChanged = "account-update";
    public const string AccountSelfRegistered = "account-self-register";
    public const string PasswordReset = "password-reset";
    public const string PasswordChanged = "password-change";
    public const string TwoFactorEnabled = "mfa-enable";
    public const string TwoFactorReset = "mfa-reset";

    public static string Label(string action) => action switch
    {
        SignIn => "登录成功",
        SignInFailed => "登录失败",
        SignInThrottled => "登录受限（失败过多）",
        SignOut => "退出登录",
        TokenReuse => "刷新令牌被重复使用（会话全部注销）",
        Denied => "越权访问被拒绝",
        Export => "导出数据",
        ReadPersonal => "查看个人信息原文",
        AccountCreated => "创建账号",
        AccountChanged => "修改账号",
        AccountSelfRegistered => "经营者自助注册账号",
        PasswordReset => "重置密码",
        PasswordChanged => "修改密码",
        TwoFactorEnabled => "启用双因素认证",
        TwoFactorReset => "重置双因素认证",
        "create" => "新增记录",
        "update" => "修改记录",
        "delete" => "删除记录",
        _ => action,
    };
}

/// <summary>
/// Writes security events to the audit chains in a unit of work of their own, so that an event is kept whatever
/// becomes of the request's work (a refused request changes nothing else).
/// </summary>
public sealed class SecurityAudit(IServiceScopeFactory scopes)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Details as JSON (for <see cref="SecurityEvent.Details"/>).</summary>
    public static string Details(object details) => JsonSerializer.Serialize(details, Json);

    public async Task RecordAsync(SecurityEvent e, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        db.PendingSecurityEvents.Add(e with { SubjectId = Clip(e.SubjectId, 100), UserName = e.UserName is null ? null : Clip(e.UserName, 256) });
        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
