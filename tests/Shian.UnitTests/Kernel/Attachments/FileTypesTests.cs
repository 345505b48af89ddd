using System.Text;
using Shian.Kernel.Attachments;

namespace Shian.UnitTests.Kernel.Attachments;

public sealed class FileTypesTests
{
    [Fact]
    public void Detect_APngWithPngBytes_IsPng() =>
        Assert.Equal("image/png", FileTypes.Detect("现场照片.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])?.ContentType);

    [Fact]
    public void Detect_AnExecutableRenamedToPng_IsRefused() =>
        Assert.Null(FileTypes.Detect("photo.png", "MZ\u0090\0"u8));

    [Fact]
    public void Detect_APdf_IsPdf() =>
        Assert.Equal("application/pdf", FileTypes.Detect("检验报告.PDF", Encoding.ASCII.GetBytes("%PDF-1.7"))?.ContentType);

    [Fact]
    public void Detect_AnUnknownExtension_IsRefused() =>
        Assert.Null(FileTypes.Detect("script.sh", "#!/bin/sh"u8));

    [Fact]
    public void TextInUtf8_IsServedAsUtf8() =>
        Assert.Equal("text/plain; charset=utf-8", FileTypes.WithCharset("text/plain", "食品安全 2026"u8));

    [Fact]
    public void TextInGbk_IsServedAsGb18030_SoBrowsersDecodeIt() =>
        Assert.Equal("text/csv; charset=gb18030", FileTypes.WithCharset("text/csv", [0xCA, 0xB3, 0xC6, 0xB7, 0xB0, 0xB2, 0xC8, 0xAB, 0x2C, 0x31])); // "食品安全,1" in GBK
}
