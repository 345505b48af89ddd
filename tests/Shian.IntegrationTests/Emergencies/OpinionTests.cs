using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Emergencies;

/// <summary>
/// 舆情 through HTTP on the fixed test clock (Wed 2026-11-25 10:00 Beijing): a vendor pushes items with its feed's key,
/// a story naming a register business becomes an alert for its district (its repost collapsed onto it, an unrelated item
/// kept without one); the district verifies, responds and publishes on the clocks, raises a case clue and opens an
/// incident; another district sees none of it. A major incident's 舆情 runs on 5 and 24 hours. A monitoring export is
/// imported whole or not at all; an officer enters an item by hand and raises an alert on it.
/// </summary>
public abstract class OpinionTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Town = "210503001000"; // 河东街道, 溪湖区

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res)
    {
        Assert.True(res.IsSuccessStatusCode, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");
        return await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task OkAsync(HttpResponseMessage res) =>
        Assert.True(res.IsSuccessStatusCode, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");

    private async Task<string> PushKeyAsync(string name)
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210500");
        var feed = await JsonAsync(await coordinator.PostAsJsonAsync("/api/v1/opinion/feeds", new { kind = "Push", regionCode = "210500000000", name }, Ct));
        return feed.GetProperty("key").GetString()!;
    }

    private HttpClient Vendor(string? key)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    [Fact]
    public async Task APushedStory_NamingABusiness_BecomesTheDistrictsAlert_VerifiedRespondedPublished()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var businessId = await RegistryTests.RegisterAsync(officer, Town, "溪湖区味香居饭店");
        var key = await PushKeyAsync("某舆情监测服务");
        var itemsBefore = (await JsonAsync(await officer.GetAsync("/api/v1/opinion/items?copies=true", Ct))).GetProperty("total").GetInt32();

        // No key, a wrong key: refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Vendor(null).PostAsJsonAsync("/api/v1/opinion/push", new { items = new[] { new { title = "x" } } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Vendor("op_wrong").PostAsJsonAsync("/api/v1/opinion/push", new { items = new[] { new { title = "x" } } }, Ct)).StatusCode);

        // A batch with a bad item is refused whole, the item named.
        var vendor = Vendor(key);
        var bad = await vendor.PostAsJsonAsync("/api/v1/opinion/push", new
        {
            items = new object[] { new { title = "正常条目", body = "本溪市食品安全宣传周启动" }, new { title = "", body = "", url = "ftp://x" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var message = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("items[1]")[0].GetString()!;
        Assert.Contains("第 2 条", message, StringComparison.Ordinal);
        Assert.Contains("标题和正文不能都为空", message, StringComparison.Ordinal);
        Assert.Contains("链接", message, StringComparison.Ordinal);
        Assert.Equal(itemsBefore, (await JsonAsync(await officer.GetAsync("/api/v1/opinion/items?copies=true", Ct))).GetProperty("total").GetInt32());

        // The story, its repost (a source line added, another link), and an unrelated item.
        var story = "网友爆料：11月24日晚在溪湖区味香居饭店聚餐的8名顾客，饭后陆续出现腹泻、呕吐症状，其中3人送医治疗，怀疑与凉拌菜有关。";
        var pushed = await JsonAsync(await vendor.PostAsJsonAsync("/api/v1/opinion/push", new
        {
            items = new object[]
            {
                new { title = "味香居饭店聚餐后多人送医", body = story, source = "本溪论坛", url = "https://bbs.example.cn/t/1001?utm_source=wx", publishedAt = "2026-11-25T08:30:00+08:00" },
                new { title = "味香居饭店聚餐后多人送医！", body = "转自本溪论坛。" + story, source = "微博", url = "https://weibo.example.cn/p/77" },
                new { title = "本溪市马拉松周日开跑", body = "本溪市马拉松比赛将于周日上午开跑，沿途设补给站。", source = "本溪日报" },
            },
        }, Ct));
        Assert.Equal(2, pushed.GetProperty("added").GetInt32());
        Assert.Equal(1, pushed.GetProperty("copies").GetInt32());
        Assert.Equal(1, pushed.GetProperty("alerts").GetInt32());
        Assert.Equal(1, pushed.GetProperty("unrelated").GetInt32());

        // The same page again (tracking parameter dropped): a copy, no new alert.
        var again = await JsonAsync(await vendor.PostAsJsonAsync("/api/v1/opinion/push", new
        {
            items = new object[] { new { title = "聚餐送医", body = "另一种写法的正文", url = "https://bbs.example.cn/t/1001" } },
        }, Ct));
        Assert.Equal(1, again.GetProperty("copies").GetInt32());
        Assert.Equal(0, again.GetProperty("alerts").GetInt32());

        // 溪湖区 sees the alert on its business, with the clocks from the alert: 核实 24 h (harm to people), 回应 48 h. (Other tests
        // of the class move the shared clock by at most 6 hours: every Beijing date below holds in any order.)
        var list = await JsonAsync(await officer.GetAsync("/api/v1/opinion/alerts", Ct));
        var alert = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("businessId").GetString() == businessId);
        var id = alert.GetProperty("id").GetString()!;
        Assert.Equal("High", alert.GetProperty("severity").GetString());
        Assert.Equal("210503001000", alert.GetProperty("regionCode").GetString());
        var raisedAt = alert.GetProperty("raisedAtUtc").GetDateTime();
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, raisedAt, TimeSpan.FromSeconds(1));
        Assert.Equal(raisedAt.AddHours(24), alert.GetProperty("verifyDueUtc").GetDateTime());
        Assert.Equal(raisedAt.AddHours(48), alert.GetProperty("respondDueUtc").GetDateTime());
        var detail = await JsonAsync(await officer.GetAsync($"/api/v1/opinion/alerts/{id}", Ct));
        Assert.Equal(2, detail.GetProperty("item").GetProperty("copies").GetInt32());
        Assert.Equal(2, detail.GetProperty("copies").GetArrayLength());
        Assert.Contains("食物中毒", detail.GetProperty("item").GetProperty("topics").EnumerateArray().Select(t => t.GetString()));

        // Another district neither lists nor opens it.
        var other = await factory.ClientAsAsync("officer@210504");
        Assert.DoesNotContain((await JsonAsync(await other.GetAsync("/api/v1/opinion/alerts", Ct))).GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/opinion/alerts/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/verify", new { finding = "False", text = "x" }, Ct)).StatusCode);

        // A clue before verification is refused; a verification without its text is refused by field.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/clue", new { text = "涉嫌经营不符合食品安全标准的食品" }, Ct)).StatusCode);
        var noText = await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/verify", new { finding = "True", text = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        Assert.True((await noText.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/verify", new { finding = 9, text = "x" }, Ct)).StatusCode);

        // Three hours later (still Wed 2026-11-25 in Beijing) the district verifies: 发布 due 5 working days on, Wed 2026-12-02 at the end of the day.
        factory.Clock.Advance(TimeSpan.FromHours(3));
        officer = await factory.ClientAsAsync("officer@210503");
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/verify", new { finding = "True", text = "执法人员到店检查，凉拌菜加工间未按规定消毒，已责令停业整改并抽样送检。", major = false }, Ct));
        alert = (await JsonAsync(await officer.GetAsync($"/api/v1/opinion/alerts/{id}", Ct))).GetProperty("alert");
        Assert.Equal("Verified", alert.GetProperty("status").GetString());
        Assert.Equal(new DateTime(2026, 12, 2, 15, 59, 59, DateTimeKind.Utc), alert.GetProperty("publishDueUtc").GetDateTime());
        Assert.Equal(0, alert.GetProperty("late").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/verify", new { finding = "False", text = "再次" }, Ct)).StatusCode);

        // The case clue goes to enforcement (once); an incident is opened from the alert and linked.
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/clue", new { text = "涉嫌违反食品安全法第五十五条（加工过程卫生要求）" }, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/clue", new { text = "再次" }, Ct)).StatusCode);
        var incident = await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/incident", new { setting = "Restaurant", harmed = 8, hospitalised = 3, deaths = 0, symptoms = "腹泻、呕吐" }, Ct));
        var incidentId = incident.GetProperty("id").GetString()!;
        var shown = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/incidents/{incidentId}", Ct));
        Assert.Contains("味香居", shown.ToString(), StringComparison.Ordinal);

        // Respond an hour later (in time), publish: closed, with the timeline of every step.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        officer = await factory.ClientAsAsync("officer@210503");
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/respond", new { response = "Statement", text = "" }, Ct)).StatusCode);
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/respond", new { response = "Statement", text = "溪湖区市场监管局官方微博发布情况通报" }, Ct));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/publish", new { text = "门户网站公布处置结果：责令整改，抽检结果待出" }, Ct));
        detail = await JsonAsync(await officer.GetAsync($"/api/v1/opinion/alerts/{id}", Ct));
        Assert.Equal("Closed", detail.GetProperty("alert").GetProperty("status").GetString());
        Assert.Equal(incidentId, detail.GetProperty("alert").GetProperty("incidentId").GetString());
        var timeline = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        Assert.Contains(timeline, t => t.StartsWith("自动预警", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("核实：属实", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("移送案件线索（立案决定期限 2026-12-16）", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("转为食品安全事故处置", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("回应：发布权威信息", StringComparison.Ordinal));

        // The head decides the clue (不予立案 here): the decision comes back onto the alert's timeline as a durable event.
        string? clueId = null;
        await Eventually.TrueAsync(async () =>
        {
            var clues = await JsonAsync(await officer.GetAsync("/api/v1/enforcement/clues?open=true", Ct));
            clueId = clues.GetProperty("items").EnumerateArray().FirstOrDefault(c => c.GetProperty("source").GetString() == "PublicOpinion"
                && c.GetProperty("summary").GetString()!.Contains("加工过程卫生要求", StringComparison.Ordinal)) is { ValueKind: JsonValueKind.Object } c ? c.GetProperty("id").GetString() : null;
            return clueId is not null;
        }, "the alert's clue in the enforcement module");
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new { open = false, reason = "经核查，涉事单位已停业整改，证据不足" }, Ct));
        await OkAsync(await (await factory.ClientAsAsync("coordinator@210503")).PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/approve", new { approve = true }, Ct));
        await Eventually.TrueAsync(async () =>
            (await JsonAsync(await officer.GetAsync($"/api/v1/opinion/alerts/{id}", Ct))).GetProperty("timeline").EnumerateArray()
                .Any(e => e.GetProperty("text").GetString()!.StartsWith("案件线索决定不予立案", StringComparison.Ordinal)), "the clue's decision on the alert");

        var rates = await JsonAsync(await officer.GetAsync("/api/v1/opinion/alerts/rates?year=2026", Ct));
        var xihu = rates.EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "210503000000");
        Assert.True(xihu.GetProperty("verifiedOnTime").GetInt32() >= 1);
        Assert.True(xihu.GetProperty("closed").GetInt32() >= 1);

        // The trend counts the story once (its copies apart), under its topic and business.
        var trends = await JsonAsync(await officer.GetAsync("/api/v1/opinion/trends?weeks=4", Ct));
        Assert.Contains(trends.GetProperty("businesses").EnumerateArray(), b => b.GetProperty("id").GetString() == businessId && b.GetProperty("items").GetInt32() == 1);
        Assert.True(trends.GetProperty("copies").GetInt32() >= 2);
    }

    [Fact]
    public async Task AMajorIncidentsOpinion_RunsOnFiveAndTwentyFourHours_AndMustBeAnswered()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        await RegistryTests.RegisterAsync(officer, Town, "溪湖区福满园酒店");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var raisedAt = factory.Clock.GetUtcNow().UtcDateTime;
        var key = await PushKeyAsync("重大舆情测试来源");
        var pushed = await JsonAsync(await Vendor(key).PostAsJsonAsync("/api/v1/opinion/push", new
        {
            items = new object[] { new { title = "福满园酒店婚宴食物中毒", body = "溪湖区福满园酒店婚宴发生食物中毒，已有2人身亡、40余人住院。" } },
        }, Ct));
        Assert.Equal(1, pushed.GetProperty("alerts").GetInt32());
        var itemId = pushed.GetProperty("itemIds")[0].GetString()!;
        var id = (await JsonAsync(await officer.GetAsync($"/api/v1/opinion/items/{itemId}", Ct))).GetProperty("alertId").GetString()!;

        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/verify", new { finding = "True", text = "经核实，确为较大食物中毒事故", major = true }, Ct));
        var alert = (await JsonAsync(await officer.GetAsync($"/api/v1/opinion/alerts/{id}", Ct))).GetProperty("alert");
        Assert.True(alert.GetProperty("major").GetBoolean());
        Assert.Equal(raisedAt.AddHours(5), alert.GetProperty("respondDueUtc").GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(raisedAt.AddHours(24), alert.GetProperty("pressDueUtc").GetDateTime(), TimeSpan.FromSeconds(1));
        var refused = await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/respond", new { response = "NotNeeded", text = "不回应" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("opinion.major-needs-response", await refused.ProblemCodeAsync(Ct));

        // Six hours on the statement is late; the press conference follows; the result published: closed, with the late step kept.
        factory.Clock.Advance(TimeSpan.FromHours(6));
        officer = await factory.ClientAsAsync("officer@210503");
        Assert.Contains("Respond", (await JsonAsync(await officer.GetAsync($"/api/v1/opinion/alerts/{id}", Ct))).GetProperty("alert").GetProperty("late").EnumerateArray().Select(s => s.GetString()));
        var overdue = await JsonAsync(await officer.GetAsync("/api/v1/opinion/alerts?overdue=true", Ct));
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/respond", new { response = "Statement", text = "区政府发布权威信息" }, Ct));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/respond", new { response = "PressConference", text = "区政府新闻办召开新闻发布会" }, Ct));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{id}/publish", new { text = "通报调查处置结果" }, Ct));
        alert = (await JsonAsync(await officer.GetAsync($"/api/v1/opinion/alerts/{id}", Ct))).GetProperty("alert");
        Assert.Equal("Closed", alert.GetProperty("status").GetString());
        Assert.Equal(["Respond"], alert.GetProperty("late").EnumerateArray().Select(s => s.GetString()!).ToArray());
    }

    [Fact]
    public async Task AMonitoringExport_IsImportedWholeOrNotAtAll_AndAnOfficersItem_CanBeRaisedByHand()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        await RegistryTests.RegisterAsync(officer, Town, "溪湖区百味鲜超市", kind: "食品销售经营者");
        var before = (await JsonAsync(await officer.GetAsync("/api/v1/opinion/items?copies=true", Ct))).GetProperty("total").GetInt32();

        static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
        {
            using var ms = new MemoryStream();
            ms.SaveAs(rows);
            return ms.ToArray();
        }

        static MultipartFormDataContent Form(byte[] file, string name)
        {
            var form = new MultipartFormDataContent { { new StringContent("210503000000"), "regionCode" }, { new StringContent("某监测平台"), "source" } };
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            form.Add(content, "file", name);
            return form;
        }

        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["文章标题"] = "百味鲜超市被曝销售过期酸奶", ["内容"] = "有市民反映溪湖区百味鲜超市货架上的酸奶已过期三天仍在销售。", ["站点"] = "本溪生活圈", ["原文链接"] = "https://news.example.cn/a/1", ["发布时间"] = "2026-11-24 20:15" },
            new() { ["文章标题"] = "本溪冬季供暖开始", ["内容"] = "本溪市今冬供暖正式开始。", ["站点"] = "本溪日报", ["原文链接"] = "https://news.example.cn/a/2", ["发布时间"] = "昨天晚上" },
        };
        var bad = await officer.PostAsync("/api/v1/opinion/uploads", Form(Xlsx(rows), "export.xlsx"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("第 3 行", (await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(before, (await JsonAsync(await officer.GetAsync("/api/v1/opinion/items?copies=true", Ct))).GetProperty("total").GetInt32());

        rows[1]["发布时间"] = "2026年11月24日 21:00";
        var imported = await JsonAsync(await officer.PostAsync("/api/v1/opinion/uploads", Form(Xlsx(rows), "export.xlsx"), Ct));
        Assert.Equal(2, imported.GetProperty("added").GetInt32());
        Assert.Equal(1, imported.GetProperty("alerts").GetInt32());
        var items = await JsonAsync(await officer.GetAsync("/api/v1/opinion/items?topic=过期变质", Ct));
        var expired = items.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == "百味鲜超市被曝销售过期酸奶");
        Assert.Equal("本溪生活圈", expired.GetProperty("source").GetString());
        Assert.Equal(new DateTime(2026, 11, 24, 12, 15, 0, DateTimeKind.Utc), expired.GetProperty("publishedAtUtc").GetDateTime());

        // A wrong file type and a sheet without a title column are refused in Chinese.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync("/api/v1/opinion/uploads", Form([1, 2, 3], "export.pdf"), Ct)).StatusCode);
        var noTitle = await officer.PostAsync("/api/v1/opinion/uploads", Form(Xlsx([new() { ["列1"] = "x" }, new() { ["列1"] = "y" }]), "x.xlsx"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        Assert.Contains("标题", await noTitle.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // An item entered by hand about hygiene (low severity): kept without an alert, until the officer raises one.
        var entered = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/opinion/items", new
        {
            regionCode = "210503000000", title = "网友称百味鲜超市熟食区有苍蝇", body = "微信群里有人发视频称溪湖区百味鲜超市熟食区有苍蝇。", source = "微信群",
        }, Ct));
        Assert.Equal(0, entered.GetProperty("alerts").GetInt32());
        var itemId = entered.GetProperty("itemIds")[0].GetString()!;
        var raised = await JsonAsync(await officer.PostAsync($"/api/v1/opinion/items/{itemId}/alert", null, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/v1/opinion/items/{itemId}/alert", null, Ct)).StatusCode);
        var alert = (await JsonAsync(await officer.GetAsync($"/api/v1/opinion/alerts/{raised.GetProperty("id").GetString()}", Ct))).GetProperty("alert");
        Assert.Equal("Low", alert.GetProperty("severity").GetString());

        // Judged not to need a public answer: closed without 发布.
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{alert.GetProperty("id").GetString()}/verify", new { finding = "False", text = "到店查看，熟食区有防蝇设施，未见苍蝇" }, Ct));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/opinion/alerts/{alert.GetProperty("id").GetString()}/respond", new { response = "NotNeeded", text = "仅在小范围微信群传播，已向发布者说明核实情况" }, Ct));
        alert = (await JsonAsync(await officer.GetAsync($"/api/v1/opinion/alerts/{alert.GetProperty("id").GetString()}", Ct))).GetProperty("alert");
        Assert.Equal("Closed", alert.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("publishDueUtc").ValueKind);

        // An inspector may not read 舆情; a coordinator of another city cannot enter items for this one.
        var inspector = await factory.ClientAsAsync("inspector@210503");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync("/api/v1/opinion/alerts", Ct)).StatusCode);
        var stranger = await factory.ClientAsAsync("coordinator@330300");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync("/api/v1/opinion/items", new { regionCode = "210503000000", title = "x", body = "y" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task AStoryNamingBusinessesOfTwoDistricts_AlertsEach_ForItsOwnBusiness()
    {
        var xihu = await factory.ClientAsAsync("officer@210503");
        var mingshan = await factory.ClientAsAsync("officer@210504");
        var a = await RegistryTests.RegisterAsync(xihu, Town, "溪湖区鸿运来烧烤");
        var b = await RegistryTests.RegisterAsync(mingshan, "210504002000", "明山区鸿运来烧烤分店");
        var vendor = Vendor(await PushKeyAsync("跨区监测服务"));
        var pushed = await JsonAsync(await vendor.PostAsJsonAsync("/api/v1/opinion/push", new
        {
            items = new object[]
            {
                new
                {
                    title = "连锁烧烤店被曝使用过期肉串", source = "本溪论坛",
                    body = "网友爆料：溪湖区鸿运来烧烤和明山区鸿运来烧烤分店两家店后厨冰柜里的肉串已过期多日仍在售卖，多名顾客食用后腹泻。",
                },
            },
        }, Ct));
        Assert.Equal(2, pushed.GetProperty("alerts").GetInt32());

        // Each district sees its own alert, on its own business, and can open it (the story is kept under the first).
        var mine = (await JsonAsync(await xihu.GetAsync("/api/v1/opinion/alerts", Ct))).GetProperty("items").EnumerateArray().Single(x => x.GetProperty("businessId").GetString() == a);
        var theirs = (await JsonAsync(await mingshan.GetAsync("/api/v1/opinion/alerts", Ct))).GetProperty("items").EnumerateArray().Single(x => x.GetProperty("businessId").GetString() == b);
        Assert.Equal(mine.GetProperty("itemId").GetString(), theirs.GetProperty("itemId").GetString());
        Assert.DoesNotContain((await JsonAsync(await xihu.GetAsync("/api/v1/opinion/alerts", Ct))).GetProperty("items").EnumerateArray(), x => x.GetProperty("businessId").GetString() == b);
        var detail = await JsonAsync(await mingshan.GetAsync($"/api/v1/opinion/alerts/{theirs.GetProperty("id").GetString()}", Ct));
        Assert.Contains("过期多日", detail.GetProperty("item").GetProperty("body").GetString(), StringComparison.Ordinal);
        var other = await JsonAsync(await xihu.GetAsync($"/api/v1/opinion/alerts/{mine.GetProperty("id").GetString()}", Ct));
        static bool Noted(JsonElement d) => d.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("text").GetString()!.Contains("各区县分别核实", StringComparison.Ordinal));
        Assert.True(Noted(detail) ^ Noted(other), "the second district's alert says the story spans districts");
        await OkAsync(await mingshan.PostAsJsonAsync($"/api/v1/opinion/alerts/{theirs.GetProperty("id").GetString()}/verify", new { finding = "True", text = "现场检查发现过期肉串 3 公斤，已责令下架" }, Ct));
        Assert.Equal(HttpStatusCode.OK, (await mingshan.GetAsync($"/opinion/alerts/{theirs.GetProperty("id").GetString()}", Ct)).StatusCode);
    }
}

public sealed class OpinionSqliteTests(SqliteShianFactory factory) : OpinionTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class OpinionPostgresTests(PostgresShianFactory factory) : OpinionTests(factory), IClassFixture<PostgresShianFactory>;
