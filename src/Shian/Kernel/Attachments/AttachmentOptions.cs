using System.ComponentModel.DataAnnotations;

namespace Shian.Kernel.Attachments;

/// <summary>Configuration section <c>Attachments</c>.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    [Range(1, 1024L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Allowed file types by extension; the content must also look like that type.</summary>
    public List<string> AllowedExtensions { get; set; } = [".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".csv", ".txt"];
}
