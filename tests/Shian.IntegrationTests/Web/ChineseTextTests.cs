using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Web;

/// <summary>
/// Usability finding 13: no framework English in the Chinese UI. Every page without route parameters is opened by an
/// administrator, an officer and the public (what each may open), and its HTML — data-val-* attributes included — is
/// searched for the framework's English validation phrases and for error pages.
/// </summary>
public abstract partial class ChineseTextTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"The \w+ field is required|field is required|is not valid for|The value '[^']*' is invalid|must be a number|The field \w+ must|is invalid\.", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishValidation();

    [Fact]
    public async Task EveryPage_ShowsNoFrameworkEnglish_ToAnyRole()
    {
        var routes = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .Select(p => "/" + (p.AttributeRouteInfo?.Template ?? p.ViewEnginePath.TrimStart('/')))
            .Where(r => !r.Contains('{', StringComparison.Ordinal) && r != "/start" && r != "/account/signout").Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        Assert.Contains("/admin/populations", routes);
        var failures = new List<string>();
        var opened = 0;
        foreach (var user in new[] { "admin", "officer@210503", "inspector@210503", "lab@210500", "business@210503" })
        {
            var (client, _) = await factory.BrowserAsAsync(user);
            foreach (var route in routes)
            {
                var res = await client.GetAsync(route, Ct);
                if (res.StatusCode == HttpStatusCode.Redirect)
                {
                    continue; // not this role's page (the denied page) or a page that moves on
                }

                var html = await res.Content.ReadAsStringAsync(Ct);
                if (res.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{user} {route}: {(int)res.StatusCode}");
                    continue;
                }

                opened++;
                if (EnglishValidation().Match(html) is { Success: true } m)
                {
                    failures.Add($"{user} {route}: “{m.Value}”");
                }
            }
        }

        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var route in routes.Where(r => r.StartsWith("/public", StringComparison.Ordinal) || r == "/account/signin"))
        {
            var html = await anonymous.GetStringAsync(route, Ct);
            opened++;
            if (EnglishValidation().Match(html) is { Success: true } m)
            {
                failures.Add($"anonymous {route}: “{m.Value}”");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(opened > 60, $"only {opened} pages opened");
    }
}

public sealed class ChineseTextSqliteTests(SqliteShianFactory factory) : ChineseTextTests(factory), IClassFixture<SqliteShianFactory>;
