using Microsoft.AspNetCore.Identity;

namespace Shian.Kernel.Users;

/// <summary>A person who signs in. Officers, inspectors and coordinators hold region grants; a business user holds a USCC.</summary>
public sealed class ShianUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>统一社会信用代码 of the business a food-business user acts for; null for everyone else.</summary>
    public string? BusinessUscc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
