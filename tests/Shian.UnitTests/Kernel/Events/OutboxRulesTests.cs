using Shian.Kernel.Events;

namespace Shian.UnitTests.Kernel.Events;

public sealed class OutboxRulesTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(8, 1280)]
    [InlineData(9, 2560)]
    [InlineData(10, 3600)] // capped at an hour
    [InlineData(30, 3600)]
    public void Backoff_DoublesFromTenSeconds_UpToAnHour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxOptions.Backoff(attempts));

    [Theory]
    [InlineData("Shian.Registry.Contracts.BusinessChanged, Shian", "Registry.BusinessChanged")]
    [InlineData("Shian.Enforcement.Contracts.CaseClueRaised, Shian", "Enforcement.CaseClueRaised")]
    [InlineData("Other.Probe, Tests", "Probe")]
    public void ShortType_NamesTheModuleAndTheEvent(string type, string expected) =>
        Assert.Equal(expected, OutboxAdmin.ShortType(type));
}
