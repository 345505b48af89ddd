using Shian.Registry.Contracts;
using Shian.Registry.Rules;

namespace Shian.UnitTests.Registry;

public sealed class RenewalWindowsTests
{
    [Theory]
    [InlineData(LicenceKind.FoodOperation, 120, null)] // before the window opens
    [InlineData(LicenceKind.FoodOperation, 90, 90)] // the window opens: 90 working days before expiry
    [InlineData(LicenceKind.FoodOperation, 40, 90)]
    [InlineData(LicenceKind.FoodOperation, 15, 15)] // the window is about to close
    [InlineData(LicenceKind.FoodProduction, 31, null)]
    [InlineData(LicenceKind.FoodProduction, 30, 30)] // production: at least 30 working days before expiry
    public void TheReminderDue_DependsOnTheLicenceKind(LicenceKind kind, int left, int? expected) =>
        Assert.Equal(expected, RenewalWindows.Mark(RenewalWindows.Defaults(kind), left));
}
