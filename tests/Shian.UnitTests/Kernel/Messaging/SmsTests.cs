using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shian.Kernel.Errors;
using Shian.Kernel.Messaging;

namespace Shian.UnitTests.Kernel.Messaging;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("13800001234", "13800001234")]
    [InlineData("138 0000 1234", "13800001234")]
    [InlineData("138-0000-1234", "13800001234")]
    [InlineData("+86 138 0000 1234", "13800001234")]
    [InlineData("8613800001234", "13800001234")]
    [InlineData("0086-13800001234", "13800001234")]
    [InlineData("19912345678", "19912345678")]
    [InlineData("024-42881234", null)]   // a landline (本溪)
    [InlineData("12345678901", null)]    // 12x is not a mobile block
    [InlineData("1380000123", null)]     // ten digits
    [InlineData("138000012345", null)]   // twelve digits
    [InlineData("138O0001234", null)]    // a letter O
    [InlineData("12345", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void AMobileNumber_IsFoundInWhatTheRegisterHolds(string? text, string? expected) => Assert.Equal(expected, PhoneNumbers.Mobile(text));

    [Fact]
    public void AMobileNumber_IsShownMasked() => Assert.Equal("138****1234", PhoneNumbers.Masked("13800001234"));
}

public sealed class CodeThrottleTests
{
    // 2026-11-25 10:00 Beijing.
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheFirstCode_IsSent() => Assert.Equal((CodeThrottle.Verdict.Send, 0), CodeThrottle.Decide([], Now));

    [Fact]
    public void ACodeWithinAMinuteOfTheLast_WaitsTheRest() =>
        Assert.Equal((CodeThrottle.Verdict.TooSoon, 45), CodeThrottle.Decide([Now.AddSeconds(-15)], Now));

    [Fact]
    public void AfterAMinute_AnotherIsSent() => Assert.Equal(CodeThrottle.Verdict.Send, CodeThrottle.Decide([Now.AddSeconds(-60)], Now).Verdict);

    [Fact]
    public void FiveCodesTheSameBeijingDay_AreTheLimit() =>
        Assert.Equal(CodeThrottle.Verdict.DailyLimit, CodeThrottle.Decide([.. Enumerable.Range(1, 5).Select(i => Now.AddMinutes(-i * 10))], Now).Verdict);

    [Fact]
    public void YesterdaysCodes_InBeijing_DoNotCount()
    {
        // 2026-11-25 00:30 Beijing is 16:30 UTC the day before; five codes at 23:00–23:40 Beijing on the 24th.
        var justAfterMidnight = new DateTime(2026, 11, 24, 16, 30, 0, DateTimeKind.Utc);
        var lateYesterday = Enumerable.Range(0, 5).Select(i => new DateTime(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc).AddMinutes(i * 10));
        Assert.Equal(CodeThrottle.Verdict.Send, CodeThrottle.Decide(lateYesterday, justAfterMidnight).Verdict);
        // The same five, seen at 23:50 Beijing the same evening, are the limit.
        Assert.Equal(CodeThrottle.Verdict.DailyLimit, CodeThrottle.Decide(lateYesterday, new DateTime(2026, 11, 24, 15, 50, 0, DateTimeKind.Utc)).Verdict);
    }
}

public sealed class SmsGatewayTests
{
    [Theory]
    [InlineData("", null, false, "")]
    [InlineData("none", null, false, "")]
    [InlineData("http", "https://sms.example.gov.cn/send", false, "http")]
    [InlineData("HTTP", "http://127.0.0.1:8080/send", false, "http")]   // a relay on the same machine
    [InlineData("http", "http://relay.test/send", true, "http")]
    [InlineData("log", null, true, "log")]
    public void TheGateway_IsChosenFromTheSettings(string gateway, string? url, bool development, string expected) =>
        Assert.Equal(expected, SmsSetup.Choose(new SmsOptions { Gateway = gateway, Url = url }, development));

    [Theory]
    [InlineData("log", null, false, "只用于开发和演示")]           // codes in a production log
    [InlineData("http", null, false, "Sms:Url")]
    [InlineData("http", "ftp://x/y", false, "Sms:Url")]
    [InlineData("http", "http://sms.example.gov.cn/send", false, "https")] // codes in clear over the network
    [InlineData("aliyun", null, false, "只能为空、http 或 log")]
    public void AGatewayThatCannotWork_StopsTheStartWithTheReason(string gateway, string? url, bool development, string reason) =>
        Assert.Contains(reason, Assert.Throws<InvalidOperationException>(() => SmsSetup.Choose(new SmsOptions { Gateway = gateway, Url = url }, development)).Message);

    private sealed class Relay(HttpStatusCode status) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status);
        }
    }

    private static (ISmsSender Sender, Relay Relay) Gateway(HttpStatusCode status, SmsOptions options)
    {
        var relay = new Relay(status);
        var services = new ServiceCollection();
        services.AddHttpClient("sms").ConfigurePrimaryHttpMessageHandler(() => relay);
        var clients = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var type = typeof(ISmsSender).Assembly.GetType("Shian.Kernel.Messaging.HttpSmsGateway")!;
        var logger = Activator.CreateInstance(typeof(NullLogger<>).MakeGenericType(type))!;
        return ((ISmsSender)Activator.CreateInstance(type, clients, Options.Create(options), logger)!, relay);
    }

    private static readonly SmsMessage Message = new("13800001234", "business-registration", new Dictionary<string, string> { ["code"] = "123456" }, "验证码123456");

    [Fact]
    public async Task TheRelay_GetsOneJsonDocument_WithTheKeyInTheChosenHeader()
    {
        var (sender, relay) = Gateway(HttpStatusCode.OK, new SmsOptions { Gateway = "http", Url = "https://relay.test/send", ApiKeyHeader = "X-Relay-Key", ApiKey = "k1", Signature = "【本溪市市场监管局】" });
        await sender.SendAsync(Message, CancellationToken.None);
        Assert.Equal("https://relay.test/send", relay.Request!.RequestUri!.ToString());
        Assert.Equal("k1", Assert.Single(relay.Request.Headers.GetValues("X-Relay-Key")));
        var body = JsonDocument.Parse(relay.Body!).RootElement;
        Assert.Equal("13800001234", body.GetProperty("phone").GetString());
        Assert.Equal("business-registration", body.GetProperty("template").GetString());
        Assert.Equal("123456", body.GetProperty("params").GetProperty("code").GetString());
        Assert.Equal("验证码123456", body.GetProperty("text").GetString());
        Assert.Equal("【本溪市市场监管局】", body.GetProperty("signature").GetString());
    }

    [Fact]
    public async Task ARelayThatRefuses_IsAChinese503()
    {
        var (sender, _) = Gateway(HttpStatusCode.BadGateway, new SmsOptions { Gateway = "http", Url = "https://relay.test/send", ApiKey = "k1" });
        var e = await Assert.ThrowsAsync<ShianProblemException>(() => sender.SendAsync(Message, CancellationToken.None));
        Assert.Equal(503, e.Status);
        Assert.Equal("sms.failed", e.Code);
        Assert.Contains("验证码未发出", e.Message);
    }
}
