using Shian.Kernel.Identifiers;

namespace Shian.UnitTests.Kernel.Identifiers;

public sealed class ResidentIdTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the example of GB 11643-1999, check character X
    [InlineData("11010519491231002x")]
    [InlineData("210503199001011235")]
    public void ValidNumbers_PassTheMod11Check(string id) => Assert.True(ResidentId.IsValid(id));

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("210503199013011238")] // month 13
    [InlineData("21050319900101123")] // 17 characters
    [InlineData("21050319900101123A")]
    [InlineData(null)]
    public void WrongNumbers_AreRefused(string? id) => Assert.False(ResidentId.IsValid(id));

    [Fact]
    public void Mask_HidesTheBirthDateAndSequence() => Assert.Equal("210503********1235", ResidentId.Mask("210503199001011235"));
}
