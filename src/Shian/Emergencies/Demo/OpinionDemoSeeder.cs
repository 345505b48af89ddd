using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Emergencies.Demo;

/// <summary>
/// Demo 舆情 (Demo:Emergencies, Development only): a vendor's push source for 本溪市 and eight weeks of made-up items
/// about 溪湖区's register businesses — complaints of food poisoning, expired goods, hygiene, unlicensed workshops, with
/// reposts — taken in through the real intake (matching, copies, alerts). Alerts older than four days are worked to the
/// end; the newer ones wait for the district, one of them overdue. Deterministic; every story is invented.
/// </summary>
internal sealed class OpinionDemoSeeder(ShianDb db, IOptions<DemoOptions> demo, OpinionIntake intake, IBusinessDirectory directory, WorkingDayCalendarProvider calendar,
    IOptions<EmergenciesOptions> options, TimeProvider clock) : IDemoDataSeeder
{
    private const string City = "210500000000";

    private static readonly string[] Templates =
    [
        "网友反映：在{0}就餐后，一家三口当晚腹泻呕吐，怀疑饭菜不新鲜，已就医。",
        "{0}被曝销售过期面包，生产日期被篡改，有顾客拍照发到本地论坛。",
        "短视频显示{0}后厨有老鼠出没，引发网友热议，要求监管部门介入。",
        "有市民称在{0}买到的熟食有异味，疑似变质，商家拒绝退换。",
        "记者暗访：{0}附近有黑作坊无证生产豆制品，卫生条件堪忧。",
        "{0}外卖吃出头发，网友发帖吐槽。",
        "多名学生在{0}就餐后出现呕吐腹痛，已送医观察，家长群里议论纷纷。",
        "网友爆料{0}疑似使用地沟油炸制食品，称油色发黑、气味刺鼻。",
        "{0}冬季食品安全检查合格，明厨亮灶改造完成，获网友点赞。",
        "本溪市马拉松比赛周日开跑，沿途设置补给站，提醒市民注意交通管制。",
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!demo.Value.Emergencies || await db.OpinionFeeds.IgnoreQueryFilters().AnyAsync(ct))
        {
            return;
        }

        var names = new List<string>();
        await foreach (var b in directory.StreamAsync("210503000000", ct))
        {
            if (b.Status == BusinessStatus.Operating && b.Name.Length is > 4 and < 20 && names.Count < 40)
            {
                names.Add(b.Name);
            }
        }

        if (names.Count < 8)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var feed = new OpinionFeed
        {
            RegionCode = City, Name = "某舆情监测服务（演示）", Kind = OpinionFeedKind.Push, KeyPrefix = "op_demo000", KeyHash = OpinionFeeds.Hash("op_demo_" + Guid.NewGuid().ToString("N")),
            CreatedBy = "system", CreatedAtUtc = now.AddDays(-60),
        };
        db.OpinionFeeds.Add(feed);
        await db.SaveChangesAsync(ct);

        var n = 0;
        for (var week = 8; week >= 0; week--)
        {
            var at = now.AddDays(-7 * week).AddHours(-2 - week);
            var batch = new List<OpinionEntry>();
            var perWeek = 3 + (week % 3);
            for (var k = 0; k < perWeek; k++, n++)
            {
                var template = Templates[(n * 7 + week) % Templates.Length];
                var name = names[(n * 5) % names.Count];
                var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, name);
                var source = (n % 4) switch { 0 => "本溪论坛", 1 => "微博", 2 => "本地生活公众号", _ => "短视频平台" };
                batch.Add(new OpinionEntry(body.Length > 28 ? body[..28] : body, body, source, $"https://demo.example.cn/{source.Length}/{n}", null, new DateTimeOffset(at.AddHours(-3), TimeSpan.Zero)));
                if (n % 4 == 1)
                {
                    batch.Add(new OpinionEntry(null, "转发：" + body, "微信群", null, null, new DateTimeOffset(at.AddHours(-1), TimeSpan.Zero)));
                }
            }

            await intake.IngestAsync(feed, batch, "第 {0} 条", $"舆情推送:{feed.Name}", ct, collectedAtUtc: at);
        }

        // Alerts older than four days were worked to the end (on time); the newest wait for the district.
        var limits = options.Value.Opinion;
        foreach (var a in await db.OpinionAlerts.Where(a => a.RaisedAtUtc < now.AddDays(-4)).ToListAsync(ct))
        {
            a.VerifiedAtUtc = a.RaisedAtUtc.AddHours(6);
            a.VerifiedBy = "officer@210503";
            a.Finding = a.Severity == OpinionSeverity.High ? OpinionFinding.PartlyTrue : OpinionFinding.False;
            a.FindingText = "执法人员到现场核查，查看进货查验记录和后厨卫生，已责令整改。（演示）";
            a.Status = OpinionAlertStatus.Closed;
            a.RespondedAtUtc = a.RaisedAtUtc.AddHours(20);
            a.Response = a.Finding == OpinionFinding.False ? OpinionResponse.NotNeeded : OpinionResponse.Statement;
            a.ResponseText = a.Response == OpinionResponse.NotNeeded ? "小范围传播，已向发帖人说明核实情况。（演示）" : "区市场监管局政务微博发布核查情况。（演示）";
            if (a.Response != OpinionResponse.NotNeeded)
            {
                a.PublishDueUtc = OpinionClock.PublishDue(calendar.Current, a.VerifiedAtUtc.Value, limits).DueUtc;
                a.PublishedAtUtc = a.RaisedAtUtc.AddDays(2);
                a.PublishedText = "门户网站公布处置结果。（演示）";
            }

            a.ClosedAtUtc = a.PublishedAtUtc ?? a.RespondedAtUtc;
            db.OpinionAlertEntries.Add(new OpinionAlertEntry { AlertId = a.Id, RegionCode = a.RegionCode, AtUtc = a.VerifiedAtUtc.Value, Author = "officer@210503", Text = $"核实：{OpinionDesk.FindingLabel(a.Finding.Value)}。{a.FindingText}" });
        }

        await db.SaveChangesAsync(ct);
    }
}
