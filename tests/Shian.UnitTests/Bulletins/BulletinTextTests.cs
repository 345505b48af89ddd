using Shian.Bulletins;

namespace Shian.UnitTests.Bulletins;

/// <summary>A bulletin's body is plain text: line breaks unified, blank runs collapsed, paragraphs split at blank lines.</summary>
public sealed class BulletinTextTests
{
    [Fact]
    public void TheBody_IsNormalised_AndSplitIntoParagraphsAtBlankLines()
    {
        var body = BulletinDesk.Normalise("\r\n第一段第一行  \r\n第一段第二行\r\n\r\n\r\n\r\n第二段\r\n\r\n");
        Assert.Equal("第一段第一行\n第一段第二行\n\n第二段", body);
        Assert.Equal(["第一段第一行\n第一段第二行", "第二段"], BulletinDesk.Paragraphs(body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n \n ")]
    public void ABlankBody_IsEmpty(string? body) => Assert.Equal("", BulletinDesk.Normalise(body));

    [Fact]
    public void MarkupStaysText_ItIsNeverInterpreted() =>
        Assert.Equal(["<script>alert(1)</script> 提示"], BulletinDesk.Paragraphs(BulletinDesk.Normalise("<script>alert(1)</script> 提示")));
}
