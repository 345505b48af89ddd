using Shian.Registry.Rules;

namespace Shian.UnitTests.Registry;

public sealed class NameGramsTests
{
    [Fact]
    public void AName_IsCutIntoItsDistinctTwoCharacterPieces_InOrder() =>
        Assert.Equal(["溪湖", "湖酒", "酒店"], NameGrams.Of("溪湖酒店"));

    [Fact]
    public void AsciiLetters_AreFoldedToLowerCase_OtherCharactersKept() =>
        Assert.Equal(["kf", "fc", "c肯", "肯德", "德基", "基Ａ"], NameGrams.Of("KFC肯德基Ａ"));

    [Fact]
    public void ARepeatedPiece_IsKeptOnce() =>
        Assert.Equal(["好好"], NameGrams.Of("好好好"));

    [Fact]
    public void OneCharacter_HasNoPiece()
    {
        Assert.Empty(NameGrams.Of("店"));
        Assert.Empty(NameGrams.ForQuery(" 店 "));
    }

    [Fact]
    public void CharactersOutsideTheBasicPlane_AreOneCharacterEach() =>
        Assert.Equal(["𠀀𠀁", "𠀁饭", "饭店"], NameGrams.Of("𠀀𠀁饭店"));

    [Fact]
    public void AShortQuery_IsLookedUpByAllItsPieces_ALongOneByFourSpreadOverIt()
    {
        Assert.Equal(["福源"], NameGrams.ForQuery(" 福源 "));
        Assert.Equal(["鑫盛", "盛小", "小吃"], NameGrams.ForQuery("鑫盛小吃"));
        // 本溪市溪湖区鑫盛小吃店: 10 pieces; the first, the last, and two between.
        Assert.Equal(["本溪", "吃店", "溪湖", "鑫盛"], NameGrams.ForQuery("本溪市溪湖区鑫盛小吃店"));
    }
}
