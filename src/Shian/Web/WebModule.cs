using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Shian.Web;

/// <summary>The UI shell (Razor Pages + htmx), languages, and the OpenAPI reference.</summary>
internal static class WebModule
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];
    public const string CultureCookie = ".Shian.Culture";

    public static WebApplicationBuilder AddShianWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Emit Chinese as characters, not &#x…; entities (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Pages live in their module's folder (`Registry/Pages/…`, ADR 0004), so the Razor Pages root is the project
        // itself; every page declares an absolute route (`@page "/registry"`). Host pages, layouts and shared partials
        // are in `Web/Pages`. Anonymous pages say so with [AllowAnonymous] on their model; every other page names its
        // permissions with [Requires] on the model and on handlers (PermissionPageFilter).
        services.AddPublicLimits(builder.Configuration);
        services.AddRazorPages(o => o.RootDirectory = "/")
            .AddMvcOptions(o =>
            {
                o.Filters.Add<PermissionPageFilter>();
                o.ModelMetadataDetailsProviders.Add(new ChineseValidationMessages());

                // The framework's binding messages are English; a Chinese page shows Chinese (a forged "99" for a choice too).
                var m = o.ModelBindingMessageProvider;
                m.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是“{field}”的有效取值");
                m.SetMissingBindRequiredValueAccessor(field => $"缺少“{field}”");
                m.SetMissingKeyOrValueAccessor(() => "缺少取值");
                m.SetMissingRequestBodyRequiredValueAccessor(() => "缺少请求内容");
                m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的取值");
                m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "取值无效");
                m.SetNonPropertyValueMustBeANumberAccessor(() => "须为数字");
                m.SetUnknownValueIsInvalidAccessor(field => $"“{field}”的取值无效");
                m.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的取值");
                m.SetValueMustBeANumberAccessor(field => $"“{field}”须为数字");
                m.SetValueMustNotBeNullAccessor(value => $"“{value}”不能为空");
            })
            .AddRazorOptions(o => o.PageViewLocationFormats.Add("/Web/Pages/Shared/{0}" + RazorViewEngine.ViewExtension))
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false) // validation is the server's; no data-val-* (English) attributes
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;

            // zh-CN first: the language follows the user's explicit choice (cookie), not the browser.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider { CookieName = CultureCookie }];
        });
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "食安云 Shian API",
                    Version = "v1",
                    Description = "食品安全治理平台接口。使用 POST /api/v1/auth/token 获取令牌，在请求头中发送 Authorization: Bearer <token>。" +
                        "错误以 ProblemDetails（RFC 9457）返回：title/detail 为中文，code 为稳定的错误代码。",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "POST /api/v1/auth/token 返回的 accessToken",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapShianWeb(this WebApplication app)
    {
        app.MapRazorPages();
        // The API description is public while developing; in Production it needs a signed-in user (finding 10).
        var openApi = app.MapOpenApi("/openapi/{documentName}.json");
        var scalar = app.MapScalarApiReference(o => o.WithTitle("食安云 Shian API"));
        if (!app.Environment.IsProduction())
        {
            openApi.AllowAnonymous();
            scalar.AllowAnonymous();
        }

        // The language switch: remembered in a cookie for a year, then back to the page the user was on.
        app.MapPost("/culture", (HttpContext http, string culture, string? returnUrl) =>
        {
            if (!Cultures.Any(c => c.Name == culture))
            {
                return Results.BadRequest();
            }

            http.Response.Cookies.Append(CultureCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            // Only a path of this site: not "//host" nor "/\host" (browsers read both as another host).
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\')) && !returnUrl.Any(char.IsControl) ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();

        return app;
    }
}
