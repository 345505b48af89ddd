using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// Usability finding 15: every page fits a 375 px phone. Each role opens every page without route parameters that it
/// may open (and a record page of each kind from its list), and the page must not scroll sideways or fail.
/// </summary>
public sealed class PhoneLayoutJourneys(BrowserFixture fixture)
{
    [Fact]
    public async Task EveryPage_FitsA375PxPhone_ForEveryRole()
    {
        var routes = fixture.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .Select(p => "/" + (p.AttributeRouteInfo?.Template ?? p.ViewEnginePath.TrimStart('/')))
            .Where(r => !r.Contains('{', StringComparison.Ordinal) && r is not "/start" and not "/account/signout" and not "/account/signin")
            .Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var checkedPages = 0;

        async Task CheckAsync(IPage page, string who, string url)
        {
            var res = await page.GotoAsync(url);
            if (page.Url.Contains("/account/denied", StringComparison.Ordinal))
            {
                return; // not this role's page
            }

            checkedPages++;
            if (res is { Status: >= 500 })
            {
                failures.Add($"{who} {url}: {res.Status}");
                return;
            }

            var (scroll, width) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
            if (scroll > width)
            {
                var wide = await page.EvaluateAsync<string>("""
                    () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                        .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')).join(', ')
                    """);
                failures.Add($"{who} {url}: {scroll}px wide ({wide})");
            }
        }

        foreach (var user in new[] { "admin", "officer@210503", "inspector@210503", "lab@210500", "business@210503" })
        {
            var page = await fixture.SignedInAsync(user, 375, 740);
            foreach (var route in routes)
            {
                await CheckAsync(page, user, route);
            }

            // A record of each kind the role lists: the first link of its list.
            foreach (var (list, link) in new[] { ("/registry", "a[href^='/registry/'][href*='-']"), ("/sampling", "a[href^='/sampling/samples/']"), ("/inspections/draws", "a[href^='/inspections/draws/']"), ("/inspections/plans", "a[href^='/inspections/plans/']"), ("/complaints", "ul.task-cards a[href^='/complaints/']"), ("/enforcement", "ul.task-cards a[href^='/enforcement/clues/']"), ("/enforcement/cases", "ul.task-cards a[href^='/enforcement/cases/']"), ("/credit", "ul.task-cards a[href^='/credit/publications/']"), ("/credit/listings", "ul.task-cards a[href^='/credit/listings/']") })
            {
                await page.GotoAsync(list);
                if (!page.Url.Contains("/account/denied", StringComparison.Ordinal) && await page.Locator(link).CountAsync() > 0)
                {
                    var href = (await page.Locator(link).First.GetAttributeAsync("href"))!;
                    await CheckAsync(page, user, href);
                    if (list == "/sampling")
                    {
                        await CheckAsync(page, user, href.Split('?')[0] + "/label"); // the printable sample label
                    }
                }
            }

            await page.Context.CloseAsync();
        }

        var open = await fixture.NewPageAsync(375, 740);
        foreach (var route in routes.Where(r => r.StartsWith("/public", StringComparison.Ordinal)).Append("/account/signin"))
        {
            await CheckAsync(open, "anonymous", route);
        }

        foreach (var (list, link) in new[] { ("/public/sampling", "a[href^='/public/sampling/']"), ("/public/draws", "a[href^='/public/draws/']"), ("/public/assessments", "a[href^='/public/assessments/']") })
        {
            await open.GotoAsync(list);
            if (await open.Locator(link).CountAsync() > 0)
            {
                await CheckAsync(open, "anonymous", (await open.Locator(link).First.GetAttributeAsync("href"))!);
            }
        }

        await open.Context.CloseAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedPages > 60, $"only {checkedPages} pages checked");
    }
}
