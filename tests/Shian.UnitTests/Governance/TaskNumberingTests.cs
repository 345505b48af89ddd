using Shian.Governance.Rules;

namespace Shian.UnitTests.Governance;

public sealed class TaskNumberingTests
{
    [Theory]
    [InlineData("三", "（三）推进明厨亮灶。", null)] // prose: the number is in the text
    [InlineData("三", "三、强化监管", null)]
    [InlineData("3", "3. 开展专项整治", null)]
    [InlineData("3", "开展专项整治", "3.")]
    [InlineData("十二", "推进餐厨废弃物治理", "（十二）")]
    [InlineData("（二）", "加强培训", "（二）")]
    [InlineData(null, "加强培训", null)]
    [InlineData("  ", "加强培训", null)]
    public void TheNumber_IsShownOnce_InThePlansOwnForm(string? number, string text, string? expected) =>
        Assert.Equal(expected, TaskNumbering.Prefix(number, text));

    [Fact]
    public void TheHeading_UsesTheTitle_OrTheStartOfTheText()
    {
        Assert.Equal("（三）推进明厨亮灶。", TaskNumbering.Heading("三", null, "（三）推进明厨亮灶。"));
        Assert.Equal("3. 食品安全示范创建", TaskNumbering.Heading("3", "食品安全示范创建", "全面推进…"));
        Assert.Equal("（一）一二三四五六七八九十一二三四五六七八九十一…", TaskNumbering.Heading("一", null, "（一）一二三四五六七八九十一二三四五六七八九十一二三四五六"));
    }
}
