using Shian.Governance.Rules;

namespace Shian.UnitTests.Governance;

public sealed class UnitGroupNamesTests
{
    [Theory]
    [InlineData("市政府食安委有关成员单位", true)]
    [InlineData("各相关部门", true)]
    [InlineData("各区县（市）人民政府", true)]
    [InlineData("县直有关单位", true)]
    [InlineData("市场监管、卫生健康等部门", true)]
    [InlineData("市市场监督管理局", false)]
    [InlineData("县发展改革局（县粮食和物资储备局）", false)]
    public void ANameMeaningSeveralUnits_IsAGroup(string name, bool group) => Assert.Equal(group, UnitGroupNames.IsGroup(name));
}
