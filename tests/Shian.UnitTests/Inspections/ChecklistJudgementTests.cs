using Shian.Inspections.Domain;
using Shian.Inspections.Rules;

namespace Shian.UnitTests.Inspections;

/// <summary>The inspection result from the officer's "影响食品安全" judgement (Order 49 第三十二、三十三条; review D-13).</summary>
public sealed class ChecklistJudgementTests
{
    private static readonly Checklist List = Checklists.All[0];

    private static Dictionary<string, ItemResult> AllYes() => List.Items.ToDictionary(i => i.Code, _ => ItemResult.Yes);

    [Fact]
    public void NothingFailed_IsConforming() => Assert.Equal(InspectionResult.Conforming, Checklists.Judge(List, AllYes()));

    [Fact]
    public void AFailedKeyItem_AffectsSafetyByDefault_AndIsNonConforming()
    {
        var answers = AllYes();
        answers[List.Items.First(i => i.Key).Code] = ItemResult.No;
        Assert.Equal(InspectionResult.NonConforming, Checklists.Judge(List, answers));
    }

    [Fact]
    public void AFailedKeyItem_TheOfficerJudgesHarmless_IsBasicallyConforming()
    {
        var answers = AllYes();
        var key = List.Items.First(i => i.Key).Code;
        answers[key] = ItemResult.No;
        Assert.Equal(InspectionResult.BasicallyConforming, Checklists.Judge(List, answers, new Dictionary<string, bool> { [key] = false }));
    }

    [Fact]
    public void AFailedGeneralItem_ThatAffectsSafety_IsNonConforming_NotOnlyRectified()
    {
        var answers = AllYes();
        var general = List.Items.First(i => !i.Key).Code;
        answers[general] = ItemResult.No;
        Assert.Equal(InspectionResult.BasicallyConforming, Checklists.Judge(List, answers));
        Assert.Equal(InspectionResult.NonConforming, Checklists.Judge(List, answers, new Dictionary<string, bool> { [general] = true }));
    }
}
