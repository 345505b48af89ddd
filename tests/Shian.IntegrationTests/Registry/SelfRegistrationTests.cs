using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Registry;

/// <summary>
/// A food business opens its own account (#19): the USCC and a valid licence number of the register, then the code the
/// SMS gateway sent to the register's phone. Bound to that USCC; the business's other accounts are told; the code is
/// one use, expires, dies after five wrong tries and is limited per minute and per day; a landline, a wrong licence or
/// a gateway outage gets a Chinese answer and stores nothing. Part of <see cref="BusinessPortalTests"/>.
/// </summary>
public abstract partial class BusinessPortalTests
{
    private const string Verification = "/api/v1/public/business-accounts/verification";

    private static int _phones;

    /// <summary>A mobile number no other test uses (the limits are per phone).</summary>
    private static string NextMobile() => "1390" + (Environment.ProcessId % 1000).ToString("D3") + Interlocked.Increment(ref _phones).ToString("D4");

    /// <summary>A business in 溪湖区 whose register entry has <paramref name="phone"/>; its USCC and licence number.</summary>
    private async Task<(string Uscc, string Licence)> BusinessWithPhoneAsync(string phone)
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var ids = RegistryTests.NextIds();
        var body = JsonSerializer.SerializeToElement(RegistryTests.Business("210503001000", "自助注册餐馆" + ids.Uscc[^4..], ids));
        var withPhone = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        withPhone["phone"] = phone;
        (await officer.PostAsJsonAsync("/api/v1/businesses", withPhone, Ct)).EnsureSuccessStatusCode();
        return ids;
    }

    private async Task<JsonElement> ProblemAsync(HttpResponseMessage res, HttpStatusCode status, string code)
    {
        Assert.Equal(status, res.StatusCode);
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    [Fact]
    public async Task ABusinessRegistersItsOwnAccount_WithTheCodeSentToTheRegistersPhone()
    {
        var mobile = NextMobile();
        var (uscc, licence) = await BusinessWithPhoneAsync($"{mobile[..3]} {mobile[3..7]} {mobile[7..]}");
        var colleague = await BusinessAccountAsync(uscc);
        var anonymous = factory.CreateClient();
        var before = factory.Sms.Sent.Count;

        // A licence number not of this business: refused under the field, nothing sent.
        var wrong = await anonymous.PostAsJsonAsync(Verification, new { uscc, licenceNumber = "JY22105039999997" }, Ct);
        var problem = await ProblemAsync(wrong, HttpStatusCode.BadRequest, "registration.not-in-register");
        Assert.Contains("许可证编号", problem.GetProperty("errors").GetProperty("licenceNumber")[0].GetString());
        var badUscc = await ProblemAsync(await anonymous.PostAsJsonAsync(Verification, new { uscc = uscc[..17] + "X", licenceNumber = licence }, Ct), HttpStatusCode.BadRequest, "registration.invalid");
        Assert.Contains("校验位", badUscc.GetProperty("errors").GetProperty("uscc")[0].GetString());
        Assert.Equal(before, factory.Sms.Sent.Count);

        // The right pair (lower case and spaces forgiven): a code to the register's phone, shown masked.
        var sent = await anonymous.PostAsJsonAsync(Verification, new { uscc = uscc.ToLowerInvariant(), licenceNumber = " " + licence + " " }, Ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var started = await sent.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(mobile[..3] + "****" + mobile[7..], started.GetProperty("phone").GetString());
        Assert.StartsWith("自助注册餐馆", started.GetProperty("businessName").GetString());
        var challenge = started.GetProperty("challengeId").GetString()!;
        var message = factory.Sms.Sent[^1];
        Assert.Equal(mobile, message.GetProperty("phone").GetString());
        var code = factory.Sms.LastCode(mobile);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Contains(code, message.GetProperty("text").GetString());
        Assert.Contains("10分钟内有效", message.GetProperty("text").GetString());
        Assert.Equal("Bearer relay-key", factory.Sms.LastAuthorization);
        Assert.DoesNotContain(mobile, await sent.Content.ReadAsStringAsync(Ct));

        // Asking again at once: 429 with the wait.
        var again = await ProblemAsync(await anonymous.PostAsJsonAsync(Verification, new { uscc, licenceNumber = licence }, Ct), HttpStatusCode.TooManyRequests, "sms.too-soon");
        Assert.InRange(again.GetProperty("retryAfterSeconds").GetInt32(), 1, 60);

        // A wrong code counts; a weak password or a taken name is refused by field and leaves the code usable.
        var wrongCode = code == "000000" ? "111111" : "000000";
        var userName = "shop-self-" + Guid.NewGuid().ToString("N")[..6];
        var refused = await ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/public/business-accounts",
            new { challengeId = challenge, code = wrongCode, userName, displayName = "周掌柜", password = "Shian-Self-2026" }, Ct), HttpStatusCode.BadRequest, "sms.code-invalid");
        Assert.Contains("还可尝试 4 次", refused.GetProperty("errors").GetProperty("code")[0].GetString());
        var weak = await ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/public/business-accounts",
            new { challengeId = challenge, code, userName = colleague, displayName = "", password = "short" }, Ct), HttpStatusCode.BadRequest, "account.invalid");
        var errors = weak.GetProperty("errors");
        Assert.Contains("已被使用", errors.GetProperty("userName")[0].GetString());
        Assert.True(errors.TryGetProperty("password", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));

        var created = await anonymous.PostAsJsonAsync("/api/v1/public/business-accounts",
            new { challengeId = challenge, code, userName, displayName = "周掌柜", password = "Shian-Self-2026" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // One use only.
        await ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/public/business-accounts",
            new { challengeId = challenge, code, userName = userName + "x", displayName = "周掌柜", password = "Shian-Self-2026" }, Ct), HttpStatusCode.BadRequest, "sms.code-expired");

        // The new account signs in, is a business bound to this USCC with no region grants, and sees 我的企业.
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Shian-Self-2026" }, Ct);
        token.EnsureSuccessStatusCode();
        var own = factory.CreateClient();
        own.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<AccessTokenResponse>(Ct))!.AccessToken);
        var me = await own.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.Equal(uscc, me.GetProperty("businessUscc").GetString());
        Assert.Equal(Shian.Kernel.Users.ShianRoles.Business, Assert.Single(me.GetProperty("roles").EnumerateArray()).GetString());
        Assert.Equal(0, me.GetProperty("regions").GetArrayLength());

        // The business's other account is told, with the masked phone; the security audit has the event.
        var inbox = await (await factory.ClientAsAsync(colleague)).GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct);
        var note = Assert.Single(inbox.EnumerateArray(), n => n.GetProperty("title").GetString() == "本企业新增了一个账号");
        Assert.Contains(userName, note.GetProperty("body").GetString());
        Assert.Contains(mobile[..3] + "****", note.GetProperty("body").GetString());
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "account-self-register" && a.EntityId == userName && a.RegionCode == "210503001000", Ct));
    }

    [Fact]
    public async Task ACode_ExpiresAfterTenMinutes_DiesAfterFiveWrongTries_AndIsLimitedFiveADay()
    {
        var mobile = NextMobile();
        var (uscc, licence) = await BusinessWithPhoneAsync(mobile);
        var anonymous = factory.CreateClient();
        async Task<(string Challenge, string Code)> SendAsync()
        {
            var res = await anonymous.PostAsJsonAsync(Verification, new { uscc, licenceNumber = licence }, Ct);
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            return ((await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("challengeId").GetString()!, factory.Sms.LastCode(mobile));
        }

        Task<HttpResponseMessage> CompleteAsync(string challenge, string code) => anonymous.PostAsJsonAsync("/api/v1/public/business-accounts",
            new { challengeId = challenge, code, userName = "late-" + Guid.NewGuid().ToString("N")[..6], displayName = "迟到者", password = "Shian-Late-2026" }, Ct);

        // Expired: eleven minutes later the right code no longer works.
        var (first, firstCode) = await SendAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await ProblemAsync(await CompleteAsync(first, firstCode), HttpStatusCode.BadRequest, "sms.code-expired");

        // Five wrong tries void it: the right code is then refused too.
        var (second, secondCode) = await SendAsync();
        var wrong = secondCode == "000000" ? "999999" : "000000";
        for (var i = 0; i < 4; i++)
        {
            await ProblemAsync(await CompleteAsync(second, wrong), HttpStatusCode.BadRequest, "sms.code-invalid");
        }

        await ProblemAsync(await CompleteAsync(second, wrong), HttpStatusCode.BadRequest, "sms.code-void");
        await ProblemAsync(await CompleteAsync(second, secondCode), HttpStatusCode.BadRequest, "sms.code-void");

        // Five codes a day for one business (and phone): the sixth is refused, whatever the wait.
        for (var i = 0; i < 3; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(61));
            await SendAsync();
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var sixth = await ProblemAsync(await anonymous.PostAsJsonAsync(Verification, new { uscc, licenceNumber = licence }, Ct), HttpStatusCode.TooManyRequests, "sms.daily-limit");
        Assert.Contains("已达上限", sixth.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ALandlineAFullBusinessOrAGatewayOutage_GetAChineseAnswer_AndStoreNothing()
    {
        var anonymous = factory.CreateClient();
        var (landlineUscc, landlineLicence) = await BusinessWithPhoneAsync("024-42881234");
        var landline = await ProblemAsync(await anonymous.PostAsJsonAsync(Verification, new { uscc = landlineUscc, licenceNumber = landlineLicence }, Ct), HttpStatusCode.Conflict, "registration.no-mobile");
        Assert.Contains("溪湖区市场监管部门", landline.GetProperty("detail").GetString());

        // The gateway is down: 503, and the failed send does not count (asking again at once works once it is back).
        var mobile = NextMobile();
        var (uscc, licence) = await BusinessWithPhoneAsync(mobile);
        factory.Sms.Failing = true;
        try
        {
            await ProblemAsync(await anonymous.PostAsJsonAsync(Verification, new { uscc, licenceNumber = licence }, Ct), HttpStatusCode.ServiceUnavailable, "sms.failed");
        }
        finally
        {
            factory.Sms.Failing = false;
        }

        await using (var scope = factory.Scope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<ShianDb>().PhoneChallenges.AnyAsync(c => c.Subject == uscc, Ct));
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync(Verification, new { uscc, licenceNumber = licence }, Ct)).StatusCode);

        // A business with five accounts already: no more by self-registration.
        var (fullUscc, fullLicence) = await BusinessWithPhoneAsync(NextMobile());
        for (var i = 0; i < 5; i++)
        {
            await BusinessAccountAsync(fullUscc);
        }

        var full = await ProblemAsync(await anonymous.PostAsJsonAsync(Verification, new { uscc = fullUscc, licenceNumber = fullLicence }, Ct), HttpStatusCode.Conflict, "registration.too-many-accounts");
        Assert.Contains("5 个账号", full.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheRegistrationPage_SendsTheCode_CreatesTheAccount_AndSignsInTo我的企业()
    {
        var mobile = NextMobile();
        var (uscc, licence) = await BusinessWithPhoneAsync(mobile);
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await browser.GetStringAsync("/account/signin", Ct);
        Assert.Contains("href=\"/account/register\"", signIn);
        var page = await browser.GetStringAsync("/account/register", Ct);
        Assert.Contains("获取短信验证码", page);
        var token = ShianFactory.AntiforgeryToken(page);

        var step2 = await browser.PostAsync("/account/register?handler=Send", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Uscc"] = uscc, ["LicenceNumber"] = licence, ["__RequestVerificationToken"] = token,
        }), Ct);
        var html = await step2.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, step2.StatusCode);
        Assert.Contains("data-step=\"2\"", html);
        Assert.Contains(mobile[..3] + "****" + mobile[7..], html);
        var challenge = System.Text.RegularExpressions.Regex.Match(html, "name=\"ChallengeId\" value=\"([^\"]+)\"").Groups[1].Value;
        var code = factory.Sms.LastCode(mobile);

        // Passwords that differ: the form again, under the field, still on step two.
        var form = new Dictionary<string, string>
        {
            ["ChallengeId"] = challenge, ["Uscc"] = uscc, ["LicenceNumber"] = licence, ["businessName"] = "x", ["phoneMasked"] = "y",
            ["Code"] = code, ["DisplayName"] = "钱店长", ["UserName"] = "page-" + Guid.NewGuid().ToString("N")[..6],
            ["Password"] = "Shian-Page-2026", ["ConfirmPassword"] = "Shian-Page-2025", ["__RequestVerificationToken"] = ShianFactory.AntiforgeryToken(html),
        };
        var mismatch = await (await browser.PostAsync("/account/register?handler=Create", new FormUrlEncodedContent(form), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("两次输入的密码不一致", mismatch);
        Assert.Contains("data-step=\"2\"", mismatch);

        form["ConfirmPassword"] = "Shian-Page-2026";
        var done = await browser.PostAsync("/account/register?handler=Create", new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/business?registered=1", done.Headers.Location?.OriginalString);
        var portal = await browser.GetStringAsync("/business?registered=1", Ct);
        Assert.Contains("注册成功", portal);
        Assert.Contains(uscc, portal);
    }
}
