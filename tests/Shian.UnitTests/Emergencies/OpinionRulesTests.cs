using System.Net;
using System.Text;
using Shian.Emergencies;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Calendar;
using Shian.UnitTests.Kernel.Calendar;

namespace Shian.UnitTests.Emergencies;

/// <summary>The 舆情 alert clocks (国办发〔2016〕61号, 80号; local 核实 and 发布), copy detection, and reading feeds.</summary>
public sealed class OpinionClockTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendarTests.Shipped();

    private static readonly OpinionLimits Limits = new();

    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void AHighAlert_IsVerifiedIn24Hours_AnsweredIn48_OverMidnightAndTheWeekend()
    {
        // Raised Fri 2026-11-27 22:30 Beijing (14:30 UTC): 核实 by Sat 22:30, 回应 by Sun 22:30 — hours run through the weekend.
        var raised = Utc(2026, 11, 27, 14, 30);
        Assert.Equal(Utc(2026, 11, 28, 14, 30), OpinionClock.VerifyDue(raised, OpinionSeverity.High, Limits));
        Assert.Equal(Utc(2026, 11, 29, 14, 30), OpinionClock.RespondDue(raised, false, Limits));
        Assert.Null(OpinionClock.PressDue(raised, false, Limits));
    }

    [Fact]
    public void AnOrdinaryAlert_IsVerifiedIn72Hours()
    {
        var raised = Utc(2026, 11, 25, 2, 0);
        Assert.Equal(Utc(2026, 11, 28, 2, 0), OpinionClock.VerifyDue(raised, OpinionSeverity.Medium, Limits));
        Assert.Equal(Utc(2026, 11, 28, 2, 0), OpinionClock.VerifyDue(raised, OpinionSeverity.Low, Limits));
    }

    [Fact]
    public void AMajorIncidentsOpinion_RunsOnFiveHoursForInformation_And24ForThePressConference()
    {
        // Raised Thu 2026-12-31 21:00 Beijing (13:00 UTC): information by 02:00 on New Year's Day, press conference by 21:00 that day.
        var raised = Utc(2026, 12, 31, 13, 0);
        Assert.Equal(Utc(2026, 12, 31, 18, 0), OpinionClock.RespondDue(raised, true, Limits));
        Assert.Equal(Utc(2027, 1, 1, 13, 0), OpinionClock.PressDue(raised, true, Limits));
    }

    [Fact]
    public void RecognisedAsMajorLater_TheResponseIsBroughtForward_NeverPushedBack()
    {
        var raised = Utc(2026, 11, 25, 2, 0);
        var ordinary = OpinionClock.RespondDue(raised, false, Limits);
        Assert.Equal(Utc(2026, 11, 25, 7, 0), OpinionClock.Earlier(ordinary, OpinionClock.RespondDue(raised, true, Limits)));
    }

    [Fact]
    public void Publishing_CountsFiveWorkingDays_FromTheBeijingDateOfVerification_OverTheNationalDayHoliday()
    {
        // Verified Wed 2026-09-30 23:30 Beijing (15:30 UTC). 10-01…07 off, Sat 10-10 a working day (调休, 国办发明电〔2025〕7号):
        // Oct 8, 9, 10, 12, 13 → Tue 2026-10-13, end of day.
        var (due, provisional) = OpinionClock.PublishDue(Cal, Utc(2026, 9, 30, 15, 30), Limits);
        Assert.Equal(Utc(2026, 10, 13, 15, 59) + TimeSpan.FromSeconds(59), due);
        Assert.False(provisional);

        // Verified at 00:30 Beijing on Thu 2026-11-26 (16:30 UTC the day before): counted from the Beijing date, Thu → Thu 2026-12-03.
        (due, _) = OpinionClock.PublishDue(Cal, Utc(2026, 11, 25, 16, 30), Limits);
        Assert.Equal(Utc(2026, 12, 3, 15, 59) + TimeSpan.FromSeconds(59), due);
    }

    [Fact]
    public void AnAlertsSteps_ArePendingInOrder_AndLateOnesStayLateOnceDone()
    {
        var raised = Utc(2026, 11, 25, 2, 0);
        var a = new OpinionAlert
        {
            RegionCode = "210503000000", Title = "t", RaisedBy = "system", RaisedAtUtc = raised, Severity = OpinionSeverity.High, Major = true,
            VerifyDueUtc = OpinionClock.VerifyDue(raised, OpinionSeverity.High, Limits), RespondDueUtc = OpinionClock.RespondDue(raised, true, Limits),
            PressDueUtc = OpinionClock.PressDue(raised, true, Limits),
        };
        Assert.Equal([OpinionStep.Respond, OpinionStep.Verify, OpinionStep.Press], a.PendingSteps().Select(s => s.Step).ToArray());
        a.RespondedAtUtc = raised.AddHours(6);
        a.VerifiedAtUtc = raised.AddHours(2);
        Assert.Equal([OpinionStep.Respond], a.LateSteps(raised.AddHours(7)).ToArray());
        Assert.Equal([OpinionStep.Respond, OpinionStep.Press], a.LateSteps(raised.AddHours(25)).ToArray());
    }

    [Fact]
    public void BadLimits_AreNamed()
    {
        Assert.Empty(new OpinionLimits().Problems());
        Assert.NotEmpty(new OpinionLimits { RespondHours = 0 }.Problems());
        Assert.NotEmpty(new OpinionLimits { PublishWorkingDays = 0 }.Problems());
        Assert.NotEmpty(new OpinionLimits { AlertFrom = OpinionSeverity.None }.Problems());
        Assert.NotEmpty(new OpinionLimits { AlertFrom = (OpinionSeverity)9 }.Problems());
    }
}

public sealed class OpinionTextTests
{
    private static long Sim(string text) => OpinionText.SimHash(JiebaWords.Instance.Cut(text));

    private const string Story = "网友爆料：11月24日晚在溪湖区味香居饭店聚餐的8名顾客，饭后陆续出现腹泻、呕吐症状，其中3人送医治疗，怀疑与凉拌菜有关。涉事饭店已暂停营业，区市场监管局已介入调查。";

    [Fact]
    public void Normalising_DropsPunctuationSpacesAndWidth()
    {
        Assert.Equal("abc123食品安全", OpinionText.Normalise(" ＡＢＣ１２３，食品 安全！\n"));
        Assert.Equal(OpinionText.ContentHash("标题", "正文，内容"), OpinionText.ContentHash("标题 ", "正文内容。"));
    }

    [Fact]
    public void ARepost_WithASourceLineAdded_IsACopy_AnotherStoryIsNot()
    {
        var original = Sim(Story);
        var repost = Sim("转自本溪论坛。" + Story);
        var other = Sim("本溪市市场监管局开展冬季食品安全大检查，重点检查学校食堂和农贸市场，共检查经营户120家，责令整改5家。");
        Assert.True(OpinionText.Distance(original, repost) <= new OpinionLimits().NearCopyBits, $"distance {OpinionText.Distance(original, repost)}");
        Assert.True(OpinionText.Distance(original, Sim("【突发】" + Story + "#本溪#")) <= new OpinionLimits().NearCopyBits);
        Assert.True(OpinionText.Distance(original, other) > 10, $"distance {OpinionText.Distance(original, other)}");
        Assert.False(OpinionText.IsCopy("a", 0, "b", 0, 3));
        Assert.True(OpinionText.IsCopy("a", 1, "a", 99, 3));
    }

    [Fact]
    public void ARepost_QuotingTheWholeStory_IsRecognised_AShortTextIsNot()
    {
        var story = OpinionText.Normalise(Story);
        Assert.True(OpinionText.Quotes(OpinionText.Normalise("转自本溪论坛。" + Story + " #本溪#"), story));
        Assert.True(OpinionText.Quotes(story, OpinionText.Normalise("转发：" + Story)));
        Assert.False(OpinionText.Quotes(OpinionText.Normalise("转发：食物中毒了"), OpinionText.Normalise("食物中毒了")));
        Assert.False(OpinionText.Quotes(story, OpinionText.Normalise("本溪市马拉松比赛将于周日上午开跑，沿途设补给站，提醒市民注意交通管制和出行安全。")));
    }

    [Theory]
    [InlineData("https://Bbs.Example.cn/t/1001/?utm_source=wx&b=2&a=1#top", "https://bbs.example.cn/t/1001?a=1&b=2")]
    [InlineData("http://news.example.cn:8080/a?spm=1.2&id=7", "http://news.example.cn:8080/a?id=7")]
    [InlineData("ftp://x.example.cn/a", null)]
    [InlineData("not a link", null)]
    public void Links_AreComparedWithoutTrackingParameters(string url, string? expected) => Assert.Equal(expected, OpinionText.CanonicalUrl(url));
}

public sealed class OpinionFeedParsingTests
{
    private static Stream Utf8(string s) => new MemoryStream(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void AnRssFeed_GivesItsItems_WithTextNotMarkup()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>本溪新闻网</title><link>https://news.example.cn/</link><description>本地新闻</description>
              <item><title>某饭店被曝使用地沟油</title><link>https://news.example.cn/a/1</link>
                <description><![CDATA[<p>记者暗访发现，<b>某饭店</b>后厨使用&amp;回收油。</p>]]></description>
                <pubDate>Tue, 24 Nov 2026 12:15:00 GMT</pubDate><author>reporter@example.cn (李记者)</author></item>
              <item><title>第二条</title><link>https://news.example.cn/a/2</link><description>正文</description></item>
            </channel></rss>
            """;
        var items = OpinionFeedParsing.Syndication(Utf8(rss));
        Assert.Equal(2, items.Count);
        Assert.Equal("某饭店被曝使用地沟油", items[0].Title);
        Assert.Equal("记者暗访发现， 某饭店 后厨使用&回收油。", items[0].Body);
        Assert.Equal("本溪新闻网", items[0].Source);
        Assert.Equal("https://news.example.cn/a/1", items[0].Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 15, 0, TimeSpan.Zero), items[0].PublishedAt);
    }

    [Fact]
    public void AnAtomFeed_IsReadToo()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>市场监管局</title><id>urn:x</id><updated>2026-11-25T08:00:00+08:00</updated>
              <entry><title>抽检不合格食品核查处置情况通告</title><id>urn:x:1</id><updated>2026-11-25T08:00:00+08:00</updated>
                <link href="https://samr.example.cn/t/1"/><summary>近期抽检发现3批次食品不合格。</summary><author><name>办公室</name></author></entry>
            </feed>
            """;
        var item = Assert.Single(OpinionFeedParsing.Syndication(Utf8(atom)));
        Assert.Equal("抽检不合格食品核查处置情况通告", item.Title);
        Assert.Equal("https://samr.example.cn/t/1", item.Url);
        Assert.Equal("办公室", item.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), item.PublishedAt!.Value.ToUniversalTime());
    }

    [Fact]
    public void ADocumentWithADtd_OrNotAFeed_IsRefused()
    {
        const string xxe = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>""";
        Assert.Throws<FormatException>(() => OpinionFeedParsing.Syndication(Utf8(xxe)));
        Assert.Throws<FormatException>(() => OpinionFeedParsing.Syndication(Utf8("<html><body>not a feed</body></html>")));
        Assert.Throws<FormatException>(() => OpinionFeedParsing.Syndication(Utf8("not xml")));
    }

    [Fact]
    public void AWorkbooksColumns_AreFoundBySynonyms()
    {
        var (map, error) = OpinionFeedParsing.MapHeader(["序号", "文章标题", "摘要", "媒体名称", "原文链接", "发文时间"]);
        Assert.Null(error);
        Assert.Equal("文章标题", map["title"]);
        Assert.Equal("摘要", map["body"]);
        Assert.Equal("媒体名称", map["source"]);
        Assert.Equal("原文链接", map["url"]);
        Assert.Equal("发文时间", map["published"]);
        Assert.NotNull(OpinionFeedParsing.MapHeader(["序号", "备注"]).Error);
    }

    [Theory]
    [InlineData("2026-11-24 20:15", "2026-11-24T12:15:00Z")]
    [InlineData("2026/11/24 20:15:30", "2026-11-24T12:15:30Z")]
    [InlineData("2026年11月24日 8:05", "2026-11-24T00:05:00Z")]
    [InlineData("2026-11-24", "2026-11-23T16:00:00Z")]
    [InlineData("2026-11-24T20:15:00+08:00", "2026-11-24T12:15:00Z")]
    [InlineData("2026-11-24T12:15:00Z", "2026-11-24T12:15:00Z")]
    public void Times_AreReadAsBeijingUnlessAnOffsetIsGiven(string text, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), OpinionFeedParsing.ParseTime(text));

    [Fact]
    public void AnUnreadableTime_IsReportedForItsRow()
    {
        var (map, _) = OpinionFeedParsing.MapHeader(["标题", "时间"]);
        var (entry, error) = OpinionFeedParsing.Row(map, new Dictionary<string, string?> { ["标题"] = "x", ["时间"] = "昨天" });
        Assert.Equal("x", entry.Title);
        Assert.Contains("昨天", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("202.108.22.5", true)]
    [InlineData("2400:da00::6666", true)]
    public void AFeedAddress_OnThisMachineOrAPrivateNetwork_IsRefused(string address, bool allowed) =>
        Assert.Equal(allowed, OpinionFeeds.IsPublic(IPAddress.Parse(address)));
}

/// <summary>The preparedness cycle (seed 004: a drill at least every 2 years, training yearly; plans evaluated every 3).</summary>
public sealed class PreparednessClockTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void WithAPlanAndNoDrill_TheFirstDrillIsDueTwoYearsAfterApproval()
    {
        var s = PreparednessClock.Status(D("2026-11-25"), D("2024-11-20"), null, null, new PreparednessCycle());
        Assert.Equal(D("2026-11-20"), s.DrillDue);
        Assert.True(s.DrillOverdue);
        Assert.Equal(D("2025-11-20"), s.TrainingDue);
        Assert.True(s.TrainingOverdue);
        Assert.Equal(D("2027-11-20"), s.PlanReviewDue);
        Assert.False(s.PlanReviewOverdue);
        Assert.False(s.NoPlan);
    }

    [Fact]
    public void TheNextDrill_CountsFromTheLastOne_AndTheDueDayItselfIsNotOverdue()
    {
        var s = PreparednessClock.Status(D("2026-11-25"), D("2020-03-01"), D("2024-11-25"), D("2026-03-10"), new PreparednessCycle());
        Assert.Equal(D("2026-11-25"), s.DrillDue);
        Assert.False(s.DrillOverdue);
        Assert.Equal(D("2027-03-10"), s.TrainingDue);
        Assert.True(s.PlanReviewOverdue);
        Assert.True(s.AnyOverdue);
    }

    [Fact]
    public void LeapDay_FallsToThe28th_AndNoPlanIsItselfOverdue()
    {
        Assert.Equal(D("2026-02-28"), PreparednessClock.Status(D("2026-01-01"), null, D("2024-02-29"), null, new PreparednessCycle()).DrillDue);
        var none = PreparednessClock.Status(D("2026-11-25"), null, null, null, new PreparednessCycle());
        Assert.True(none.NoPlan);
        Assert.Null(none.DrillDue);
        Assert.True(none.AnyOverdue);
        Assert.NotEmpty(new PreparednessCycle { DrillEveryYears = 0 }.Problems());
    }
}
