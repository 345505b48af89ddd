using System.ComponentModel.DataAnnotations;

namespace Shian.Kernel.Users;

/// <summary>Configuration section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>A session (cookie or bearer token) ends after this many minutes without a request.</summary>
    [Range(1, 24 * 60)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Failed sign-ins before the account is locked (等保 practice: 5).</summary>
    [Range(1, 100)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Administrators must sign in with a second factor (TOTP); one who has none is sent to set it up before anything
    /// else. Off only for the public demo (appsettings.Development.json), whose passwords are published anyway.
    /// </summary>
    public bool AdminsRequireTwoFactor { get; set; } = true;

    /// <summary>How long an instance trusts the security stamp it read for a user before reading it again (others' sign-outs apply within it).</summary>
    [Range(0, 600)]
    public int StampCheckSeconds { get; set; } = 30;

    public PasswordRules Password { get; set; } = new();

    public sealed class PasswordRules
    {
        [Range(6, 128)]
        public int RequiredLength { get; set; } = 10;

        public bool RequireDigit { get; set; } = true;

        public bool RequireLowercase { get; set; } = true;

        public bool RequireUppercase { get; set; } = true;

        public bool RequireNonAlphanumeric { get; set; } = true;
    }
}
