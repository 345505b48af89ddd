using Shian.Inspections.Rules;

namespace Shian.UnitTests.Inspections;

public sealed class ChecklistTextTests
{
    [Fact]
    public void EachLine_IsCodeWeightAndText_AndFormatReadsBack()
    {
        var (items, errors) = ChecklistText.Parse("C01 重点 持有有效食品经营许可证\r\n\r\nc02\t一般\t公示许可证和监督检查结果记录表\nC03　一般项　配备食品安全管理人员 （含培训）");
        Assert.Empty(errors);
        Assert.Equal(["C01", "C02", "C03"], items.Select(i => i.Code));
        Assert.Equal([true, false, false], items.Select(i => i.Key));
        Assert.Equal("配备食品安全管理人员 （含培训）", items[2].Text);
        Assert.Equal(items, ChecklistText.Parse(ChecklistText.Format(items)).Items);
    }

    [Fact]
    public void BadLines_AreNamedByNumber_AndNothingIsHalfRead()
    {
        var (_, errors) = ChecklistText.Parse("C01 重点 许可证\nC01 一般 重复的编号\nC02 必查 称重\nC-3 一般 编号有横线\n只有一段");
        Assert.Equal(
            ["第 2 行：编号 C01 重复", "第 3 行：第二项应为“重点”或“一般”，“必查”不符合", "第 4 行：编号“C-3”应为不超过 10 位的字母或数字",
             "第 5 行：应为“编号 重点/一般 内容”，如“C01 重点 持有有效食品经营许可证”"],
            errors);
    }

    [Fact]
    public void AnEmptyChecklist_IsRefused()
    {
        Assert.Equal(["请至少填写一个检查项目"], ChecklistText.Parse("  \n ").Errors);
    }

    [Theory]
    [InlineData(Shian.Registry.Contracts.BusinessKind.SchoolCanteen, "CATERING")]
    [InlineData(Shian.Registry.Contracts.BusinessKind.SmallWorkshop, "PRODUCTION")]
    [InlineData(Shian.Registry.Contracts.BusinessKind.Vendor, "SALES")]
    [InlineData(Shian.Registry.Contracts.BusinessKind.Cooperative, "FARM")]
    public void EachKindOfBusiness_HasOneChecklistFamily(Shian.Registry.Contracts.BusinessKind kind, string family)
    {
        Assert.Equal(family, Checklists.FamilyOf(kind));
    }
}
