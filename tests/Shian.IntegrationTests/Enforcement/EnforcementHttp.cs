using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Enforcement;

/// <summary>What the enforcement tests ask of a response: its JSON with the expected status (the server's last errors on a 500), a .docx's text, a clue's arrival.</summary>
internal static class EnforcementHttp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> JsonAsync(ShianFactory factory, HttpResponseMessage res, HttpStatusCode expected)
    {
        var text = await res.Content.ReadAsStringAsync(Ct);
        Assert.True(res.StatusCode == expected, $"{(int)res.StatusCode}: {text}"
            + ((int)res.StatusCode == 500 ? "\n" + string.Join("\n", factory.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(3)) : ""));
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The body text of a .docx answer.</summary>
    public static async Task<string> DocxTextAsync(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await res.Content.ReadAsByteArrayAsync(Ct)), false);
        return word.MainDocumentPart!.Document!.Body!.InnerText;
    }

    /// <summary>The id of the open clue whose business name starts with <paramref name="name"/>, once the raising module's event has arrived.</summary>
    public static async Task<string> ArrivedClueAsync(HttpClient officer, string name)
    {
        string? clueId = null;
        await Eventually.TrueAsync(async () =>
        {
            var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/clues?open=true", Ct);
            clueId = list.GetProperty("items").EnumerateArray().FirstOrDefault(c => c.GetProperty("businessName").GetString()!.StartsWith(name, StringComparison.Ordinal)) is { ValueKind: JsonValueKind.Object } c
                ? c.GetProperty("id").GetString() : null;
            return clueId is not null;
        }, "the clue in the enforcement module");
        return clueId!;
    }
}
