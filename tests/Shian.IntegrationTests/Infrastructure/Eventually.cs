namespace Shian.IntegrationTests.Infrastructure;

/// <summary>Waits (real time, polling every 100 ms, at most 30 s) for something a background worker of the app does.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail("Timed out waiting for: " + what);
    }
}
