using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Traceability;

/// <summary>
/// A business's machine key (#19 我的企业, #18 capture): issued by its user and shown once, it captures and reads the
/// business's own trace data without anyone signing in — and nothing else (not its cases, not a page, not another
/// business's data); revoked, it stops. Part of <see cref="TraceabilityTests"/> (one app per database).
/// </summary>
public abstract partial class TraceabilityTests
{
    private HttpClient KeyClient(string key)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task AnApiKey_CapturesTheBusinesssOwnTraceData_AndNothingElse_UntilRevoked()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var (_, uscc, cp) = await BusinessWithPrefixAsync(officer);
        var owner = await factory.ClientAsAsync(await RegistryTests.BusinessAccountAsync(factory, uscc));

        // Officers do not issue keys; a name is required; the key is shown once.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/account/api-keys", new { name = "监管人员的密钥" }, Ct)).StatusCode);
        var unnamed = await owner.PostAsJsonAsync("/api/v1/account/api-keys", new { name = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("name", await unnamed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var issued = await owner.PostAsJsonAsync("/api/v1/account/api-keys", new { name = "仓储管理系统" }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var key = body.GetProperty("key").GetString()!;
        var keyId = body.GetProperty("id").GetString()!;
        Assert.StartsWith("shk_", key, StringComparison.Ordinal);
        var listed = await owner.GetStringAsync("/api/v1/account/api-keys", Ct);
        Assert.Contains("仓储管理系统", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);

        // The key captures the business's own document and reads it back.
        var machine = KeyClient(key);
        var captured = await machine.PostAsync("/api/v1/epcis/capture", Ld(Document(uscc, cp, lot: "KEY-1")), Ct);
        Assert.True(captured.StatusCode == HttpStatusCode.Accepted, await captured.Content.ReadAsStringAsync(Ct));
        // Read through the business's own scope: its one shipping event, nobody else's.
        var events = Events(await JsonAsync(await machine.GetAsync("/api/v1/epcis/events?EQ_bizStep=shipping", Ct), HttpStatusCode.OK));
        Assert.Equal(1, events.GetArrayLength());
        Assert.Contains("仓储管理系统", await owner.GetStringAsync("/api/v1/account/api-keys", Ct), StringComparison.Ordinal);

        // Nothing beyond its scopes: not the business's cases, not its complaints, not issuing more keys, not a page.
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.GetAsync("/api/v1/complaints/mine/requests", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.GetAsync("/api/v1/credit/mine", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.PostAsJsonAsync("/api/v1/account/api-keys", new { name = "再签一个" }, Ct)).StatusCode);
        var page = await machine.GetAsync("/business", Ct);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);

        // Another business's document is refused as it would be for the business's own user.
        var (_, otherUscc, otherCp) = await BusinessWithPrefixAsync(officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.PostAsync("/api/v1/epcis/capture", Ld(Document(otherUscc, otherCp, lot: "KEY-2")), Ct)).StatusCode);

        // Another business cannot revoke it; its owner can, and then it stops.
        var stranger = await factory.ClientAsAsync(await RegistryTests.BusinessAccountAsync(factory, RegistryTests.NextIds().Uscc));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/account/api-keys/{keyId}/revocation", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/api/v1/account/api-keys/{keyId}/revocation", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await machine.GetAsync("/api/v1/epcis/events", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await KeyClient("shk_" + new string('0', 40)).GetAsync("/api/v1/epcis/events", Ct)).StatusCode);
    }
}
