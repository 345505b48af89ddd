using Shian.Inspections.Rules;
using Shian.Registry.Contracts;

namespace Shian.UnitTests.Inspections;

public sealed class ChecklistsTests
{
    private static Dictionary<string, ItemResult> All(Checklist c, ItemResult r) => c.Items.ToDictionary(i => i.Code, _ => r);

    [Fact]
    public void EveryItemMet_IsConforming_AndNotApplicableItemsDoNotCount()
    {
        var answers = All(Checklists.Catering, ItemResult.Yes);
        answers["C12"] = ItemResult.NotApplicable; // 留样 applies to canteens
        Assert.Equal(InspectionResult.Conforming, Checklists.Judge(Checklists.Catering, answers));
    }

    [Fact]
    public void OnlyGeneralItemsNotMet_IsBasicallyConforming()
    {
        var answers = All(Checklists.Catering, ItemResult.Yes);
        answers["C02"] = ItemResult.No;
        Assert.Equal(InspectionResult.BasicallyConforming, Checklists.Judge(Checklists.Catering, answers));
    }

    [Fact]
    public void AKeyItemNotMet_IsNonConforming_Order49Article32()
    {
        var answers = All(Checklists.Sales, ItemResult.Yes);
        answers["S04"] = ItemResult.No;
        Assert.Equal(InspectionResult.NonConforming, Checklists.Judge(Checklists.Sales, answers));
    }

    [Fact]
    public void AnUnansweredItem_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Checklists.Judge(Checklists.Farm, new Dictionary<string, ItemResult> { ["F01"] = ItemResult.Yes }));

    [Theory]
    [InlineData(BusinessKind.SchoolCanteen, "CATERING-v1")]
    [InlineData(BusinessKind.Vendor, "SALES-v1")]
    [InlineData(BusinessKind.SmallWorkshop, "PRODUCTION-v1")]
    [InlineData(BusinessKind.Cooperative, "FARM-v1")]
    public void EachKind_GetsItsChecklist(BusinessKind kind, string code) => Assert.Equal(code, Checklists.For(kind).Code);

    [Fact]
    public void EveryChecklist_HasKeyItems_AndUniqueCodes() =>
        Assert.All(Checklists.All, c =>
        {
            Assert.Contains(c.Items, i => i.Key);
            Assert.Equal(c.Items.Count, c.Items.Select(i => i.Code).Distinct().Count());
        });
}
