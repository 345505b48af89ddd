namespace Shian.Kernel.Attachments;

/// <summary>
/// Decides a file's type from its extension and checks the first bytes agree (magic numbers), so a renamed
/// executable is not accepted as a photo. Hand-written: the few signatures we accept need no library.
/// </summary>
public static class FileTypes
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public sealed record FileType(string Extension, string ContentType);

    public static FileType? Detect(string fileName, ReadOnlySpan<byte> head)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext switch
        {
            ".pdf" when head.StartsWith("%PDF-"u8) => new(ext, "application/pdf"),
            ".jpg" or ".jpeg" when head.StartsWith(Jpeg) => new(ext, "image/jpeg"),
            ".png" when head.StartsWith(Png) => new(ext, "image/png"),
            ".docx" when head.StartsWith("PK\u0003\u0004"u8) => new(ext, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ".xlsx" when head.StartsWith("PK\u0003\u0004"u8) => new(ext, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ".csv" when LooksLikeText(head) => new(ext, "text/csv"),
            ".txt" when LooksLikeText(head) => new(ext, "text/plain"),
            _ => null,
        };
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head) => !head.Contains((byte)0);

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A text type with the charset its bytes are in (security finding 12): UTF-8 when they are valid UTF-8, else GB18030
    /// (the superset of GBK and GB2312 that Chinese office software writes), so the browser shows the text, not mojibake.
    /// </summary>
    public static string WithCharset(string textType, ReadOnlySpan<byte> content)
    {
        try
        {
            StrictUtf8.GetCharCount(content);
            return textType + "; charset=utf-8";
        }
        catch (System.Text.DecoderFallbackException)
        {
            return textType + "; charset=gb18030";
        }
    }
}
