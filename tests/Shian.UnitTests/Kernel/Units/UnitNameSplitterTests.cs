using Shian.Kernel.Units;

namespace Shian.UnitTests.Kernel.Units;

public sealed class UnitNameSplitterTests
{
    private static string[] Texts(string cell) => [.. UnitNameSplitter.Split(cell).Select(p => p.Text)];

    [Fact]
    public void Split_KeepsSeparatorsInsideParentheses() =>
        Assert.Equal(["各县（市、区）政府", "功能区管委会", "市市场监管局"], Texts("各县（市、区）政府、功能区管委会，市市场监管局"));

    [Fact]
    public void Split_DropsTrailingFillersAndPunctuation()
    {
        Assert.Equal(["市公安局", "市市场监管局", "市海洋与渔业局"], Texts("市公安局、市市场监管局、市海洋与渔业局等部门"));
        Assert.Equal(["市农业局", "市林业局"], Texts("市农业局、市林业局、"));
        Assert.Equal(["市城乡规划建设委", "本溪供电公司"], Texts("市城乡规划建设委、本溪供电公司等"));
    }

    [Fact]
    public void Split_DropsAnUnbalancedClosingParenthesisLeftFromATableCell() =>
        Assert.Equal(["各区（市、县）政府", "高新开发区"], Texts("各区（市、县）政府，高新开发区）"));

    [Fact]
    public void Split_NormalizesHalfWidthBrackets() =>
        Assert.Equal(["县（区）级市场监管部门"], Texts("县（区)级市场监管部门"));

    [Fact]
    public void Split_CityAndCountyLevelsPrefix_AppliesToEveryName()
    {
        var parts = UnitNameSplitter.Split("市、县两级食安办、市场监管部门");
        Assert.Equal(["食安办", "市场监管部门"], parts.Select(p => p.Text));
        Assert.All(parts, p => Assert.True(p.CityAndCountyLevels));
    }
}
