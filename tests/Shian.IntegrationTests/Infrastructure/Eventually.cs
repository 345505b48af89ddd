namespace Shian.IntegrationTests.Infrastructure;

/// <summary>Waits (real time, polling every 100 ms, at most 30 s) for something a background worker of the app does.</summary>
internal static class Eventually
{
    public static Task TrueAsync(Func<Task<bool>> condition, string what) => TrueAsync(condition, what, TimeSpan.FromSeconds(30));

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan within)
    {
        for (var i = 0; i < within.TotalMilliseconds / 100; i++)
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
