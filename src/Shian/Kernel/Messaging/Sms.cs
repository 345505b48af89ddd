using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Shian.Kernel.Errors;

namespace Shian.Kernel.Messaging;

/// <summary>
/// The short-message gateway (<c>Sms</c> section). Chinese SMS providers (阿里云, 腾讯云, 运营商 gateways) each sign
/// requests their own way and need a registered signature and template; the office runs or buys a relay for its
/// provider and Shian posts one JSON document to it (docs/operations.md). Unconfigured, nothing is sent and every
/// feature that needs a text message says so in Chinese (e.g. business self-registration).
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary><c>""</c> (none, the default), <c>http</c> (the relay at <see cref="Url"/>) or <c>log</c> (the text goes to the
    /// server log: development and the demo only; refused at start-up elsewhere).</summary>
    public string Gateway { get; set; } = "";

    /// <summary>The relay's address (https in production).</summary>
    public string? Url { get; set; }

    /// <summary>The header carrying <see cref="ApiKey"/> (default <c>Authorization</c> with <c>Bearer</c>).</summary>
    public string? ApiKeyHeader { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The 短信签名 the relay puts before the text, e.g. 【某市市场监管局】.</summary>
    public string? Signature { get; set; }

    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>One text message: the mainland mobile number, the provider template's name, its parameters and the full text.</summary>
public sealed record SmsMessage(string Phone, string Template, IReadOnlyDictionary<string, string> Parameters, string Text);

/// <summary>Sends text messages; <see cref="IsConfigured"/> is false when no gateway is set (callers refuse in Chinese).</summary>
public interface ISmsSender
{
    bool IsConfigured { get; }

    /// <summary>Sends the message; a gateway failure is a 503 ProblemDetails (<c>sms.failed</c>) in Chinese.</summary>
    Task SendAsync(SmsMessage message, CancellationToken ct);
}

internal sealed class NoSmsGateway : ISmsSender
{
    public bool IsConfigured => false;

    public Task SendAsync(SmsMessage message, CancellationToken ct) => throw NotConfigured();

    public static ShianProblemException NotConfigured() =>
        new(StatusCodes.Status503ServiceUnavailable, "sms.not-configured", "短信服务未配置", "本平台未配置短信网关，不能发送短信验证码（管理员：见运维文档 Sms 配置）");
}

/// <summary>Development and the demo: the message is written to the server log (the console of <c>dotnet run</c>).</summary>
internal sealed class LogSmsGateway(ILogger<LogSmsGateway> log) : ISmsSender
{
    public bool IsConfigured => true;

    public Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        log.LogWarning("演示短信（未真实发送）SMS not sent, demo gateway: to {Phone}: {Text}", message.Phone, message.Text);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Posts <c>{"phone","template","params","text","signature"}</c> to the configured relay; any 2xx is success. No retry:
/// a verification code that arrives twice or late confuses more than it helps, and the user can ask again.
/// </summary>
internal sealed class HttpSmsGateway(IHttpClientFactory clients, IOptions<SmsOptions> options, ILogger<HttpSmsGateway> log) : ISmsSender
{
    public const string HttpClientName = "sms";

    public bool IsConfigured => true;

    public async Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url)
        {
            Content = JsonContent.Create(new { phone = message.Phone, template = message.Template, @params = message.Parameters, text = message.Text, signature = o.Signature }),
        };
        if (!string.IsNullOrEmpty(o.ApiKey))
        {
            if (string.IsNullOrEmpty(o.ApiKeyHeader) || o.ApiKeyHeader.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", o.ApiKey);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(o.ApiKeyHeader, o.ApiKey);
            }
        }

        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            log.LogError("SMS gateway answered {Status} for a {Template} message", (int)response.StatusCode, message.Template);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogError(e, "SMS gateway unreachable for a {Template} message", message.Template);
        }

        throw new ShianProblemException(StatusCodes.Status503ServiceUnavailable, "sms.failed", "短信发送失败", "短信网关暂时不可用，验证码未发出：请稍后再试");
    }
}

public static class SmsSetup
{
    /// <summary>Registers the configured <see cref="ISmsSender"/>; a gateway that cannot work stops the start with the reason.</summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SmsOptions.Section);
        services.Configure<SmsOptions>(section);
        var o = section.Get<SmsOptions>() ?? new SmsOptions();
        switch (Choose(o, environment.IsDevelopment() || environment.IsEnvironment("Testing") || configuration.GetValue("Demo:Seed", false)))
        {
            case "http":
                services.AddHttpClient(HttpSmsGateway.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(Math.Clamp(o.TimeoutSeconds, 1, 60)));
                services.AddSingleton<ISmsSender, HttpSmsGateway>();
                break;
            case "log":
                services.AddSingleton<ISmsSender, LogSmsGateway>();
                break;
            default:
                services.AddSingleton<ISmsSender, NoSmsGateway>();
                break;
        }

        return services;
    }

    /// <summary>The gateway to use for <paramref name="o"/>: "", "http" or "log"; throws with the reason when the setting cannot work.</summary>
    public static string Choose(SmsOptions o, bool developmentOrDemo)
    {
        var gateway = (o.Gateway ?? "").Trim().ToLowerInvariant();
        switch (gateway)
        {
            case "":
            case "none":
                return "";
            case "http":
                if (!Uri.TryCreate(o.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                {
                    throw new InvalidOperationException("Sms:Gateway 为 http 时须配置 Sms:Url（短信中继的 http(s) 地址） Sms:Url must be an absolute http(s) URL");
                }

                if (url.Scheme == Uri.UriSchemeHttp && !developmentOrDemo && !url.IsLoopback)
                {
                    throw new InvalidOperationException("生产环境的短信中继须使用 https（验证码不得明文传输） Sms:Url must use https outside development");
                }

                return "http";
            case "log":
                if (!developmentOrDemo)
                {
                    throw new InvalidOperationException("Sms:Gateway=log 只用于开发和演示：验证码会写入日志 Sms:Gateway=log is for development and the demo only");
                }

                return "log";
            default:
                throw new InvalidOperationException($"Sms:Gateway 只能为空、http 或 log，而不是“{o.Gateway}” Sms:Gateway must be empty, http or log");
        }
    }
}
