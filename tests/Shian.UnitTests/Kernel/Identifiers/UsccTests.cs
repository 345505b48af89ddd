using Shian.Kernel.Identifiers;

namespace Shian.UnitTests.Kernel.Identifiers;

public sealed class UsccTests
{
    [Theory]
    [InlineData("91110000600037341L")] // 中国石油天然气股份有限公司 (published on its licence)
    [InlineData("91350100M000100Y43")] // the worked example of GB 32100-2015
    public void IsValid_RealCodes_AreValid(string code) => Assert.True(Uscc.IsValid(code));

    [Theory]
    [InlineData("91110000600037341A")] // wrong check character
    [InlineData("9111000060003734")] // too short
    [InlineData("91110000600037341I")] // I is not in the alphabet
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_Otherwise_IsInvalid(string? code) => Assert.False(Uscc.IsValid(code));

    [Fact]
    public void CheckCharacter_Zero_WhenTheRemainderIsZero()
    {
        // Whatever the first 17, appending the computed check character gives a valid code.
        foreach (var first in new[] { "91210503MA0Y00001", "12100000400000624", "52210000MJ0000000" })
        {
            Assert.True(Uscc.IsValid(first + Uscc.CheckCharacter(first)));
        }
    }
}
