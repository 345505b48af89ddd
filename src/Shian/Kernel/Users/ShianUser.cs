using Microsoft.AspNetCore.Identity;

namespace Shian.Kernel.Users;

/// <summary>A person who signs in. Officers, inspectors and coordinators hold region grants; a business user holds a USCC.</summary>
public sealed class ShianUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>统一社会信用代码 of the business a food-business user acts for; null for everyone else.</summary>
    public string? BusinessUscc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>执法证号 of an officer or inspector: only holders are in a region's 执法检查人员名录 (draws, inspections).</summary>
    public string? EnforcementCertificate { get; set; }

    /// <summary>An administrator asked this user to sign in with a second factor (TOTP); administrators always need one.</summary>
    public bool RequireTwoFactor { get; set; }

    /// <summary>Whether an administrator disabled the account (kept as an Identity lockout without end, so that sign-in refuses it).</summary>
    public bool IsDisabled => LockoutEnd is { } end && end >= DisabledUntil;

    /// <summary>The lockout end that marks a disabled account.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
