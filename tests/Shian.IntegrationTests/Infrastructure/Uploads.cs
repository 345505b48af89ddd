using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Shian.IntegrationTests.Infrastructure;

internal static class Uploads
{
    public static MultipartFormDataContent Form(string regionCode, string fileName, byte[] content, string? businessUscc = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(regionCode), "regionCode" },
        };
        if (businessUscc is not null)
        {
            form.Add(new StringContent(businessUscc), "businessUscc");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    public static MultipartFormDataContent TextForm(string regionCode, string fileName, string text, string? businessUscc = null) =>
        Form(regionCode, fileName, Encoding.UTF8.GetBytes(text), businessUscc);

    /// <summary>Uploads a text attachment and returns its id.</summary>
    public static async Task<string> UploadTextAsync(HttpClient client, string regionCode, string fileName, string text, CancellationToken ct, string? businessUscc = null)
    {
        var res = await client.PostAsync("/api/v1/attachments", TextForm(regionCode, fileName, text, businessUscc), ct);
        if (!res.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"upload failed {(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(ct)}");
        }

        return (await res.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
    }
}
