using Shian.Kernel.Law;

namespace Shian.UnitTests.Kernel.Law;

public sealed class FieldStaffTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void IsEnough_TwoOfficersOrMore(int people, bool expected) => Assert.Equal(expected, FieldStaff.IsEnough(people));
}
