using System.Net.Http.Json;
using System.Text.Json;

namespace Shian.IntegrationTests.Infrastructure;

internal static class ProblemAssertions
{
    /// <summary>The stable <c>code</c> of a ProblemDetails response (assert on it, not on the Chinese wording).</summary>
    public static async Task<string?> ProblemCodeAsync(this HttpResponseMessage response, CancellationToken ct)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return json.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
