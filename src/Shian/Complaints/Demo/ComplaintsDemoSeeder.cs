using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Privacy;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Complaints.Demo;

/// <summary>
/// Demo complaints and reports over the demo register (Demo:Complaints, Development only), received over the last 180
/// days through every channel, each as far along as its age makes likely — older ones accepted, verified, replied,
/// closed and rated, some substantiated; recent ones waiting, a few overdue — so the list, the clocks, 工作台 and the
/// statistics have something true to show. Deterministic (fixed seed); the names are made up and sealed like real ones.
/// </summary>
internal sealed class ComplaintsDemoSeeder(ShianDb db, IOptions<DemoOptions> demo, IBusinessDirectory directory, WorkingDayCalendarProvider calendar, PersonalData personal,
    TimeProvider clock, ILogger<ComplaintsDemoSeeder> logger) : IDemoDataSeeder
{
    private const int Seed = 20261127;

    private static readonly (ComplaintCategory Category, string Text)[] Texts =
    [
        (ComplaintCategory.ExpiredOrSpoiled, "买到的酸奶已过保质期两天，要求退货赔偿"), (ComplaintCategory.ExpiredOrSpoiled, "外卖盒饭有馊味，吃后腹泻"),
        (ComplaintCategory.Hygiene, "后厨地面污水横流，有苍蝇"), (ComplaintCategory.Hygiene, "服务员没有健康证，徒手拿熟食"),
        (ComplaintCategory.IllegalAdditive, "卤肉颜色异常鲜艳，怀疑加了非食用色素"), (ComplaintCategory.AdditiveOveruse, "馒头特别白，怀疑使用增白剂"),
        (ComplaintCategory.Unlicensed, "居民楼里有无证加工点，每天往外送熟食"), (ComplaintCategory.KitchenWaste, "夜里有人到后门收泔水，疑似回收地沟油"),
        (ComplaintCategory.IllegalSlaughter, "郊区院子里私宰生猪，没有检疫章"), (ComplaintCategory.FalseAdvertising, "宣称保健品能治高血压"),
        (ComplaintCategory.SchoolArea, "学校门口小卖部卖三无辣条"), (ComplaintCategory.Labelling, "进口饼干没有中文标签"),
        (ComplaintCategory.Other, "菜市场的秤不准，缺斤少两"),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    private static readonly ComplaintChannel[] Channels =
        [ComplaintChannel.Hotline12345, ComplaintChannel.Hotline12345, ComplaintChannel.Hotline12315, ComplaintChannel.Web, ComplaintChannel.Web, ComplaintChannel.Hotline12331, ComplaintChannel.Whistleblower];

    public async Task SeedAsync(CancellationToken ct)
    {
        var count = demo.Value.Complaints;
        if (count <= 0 || await db.Complaints.IgnoreQueryFilters().AnyAsync(ct))
        {
            return;
        }

        var businesses = new List<BusinessFacts>();
        await foreach (var b in directory.StreamAsync(null, ct))
        {
            if (b.Status == BusinessStatus.Operating)
            {
                businesses.Add(b);
            }
        }

        if (businesses.Count == 0)
        {
            return;
        }

        var cal = calendar.Current;
        var today = ChinaTime.Today(clock);
        var rng = new Random(Seed);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var n = 0; n < count; n++)
        {
            var b = businesses[rng.Next(businesses.Count)];
            var (category, text) = Texts[rng.Next(Texts.Length)];
            var channel = Channels[rng.Next(Channels.Length)];
            var kind = channel == ComplaintChannel.Whistleblower || category is ComplaintCategory.Unlicensed or ComplaintCategory.KitchenWaste or ComplaintCategory.IllegalSlaughter
                or ComplaintCategory.IllegalAdditive || rng.Next(3) == 0
                ? ComplaintKind.Report : ComplaintKind.Complaint;
            var anonymous = kind == ComplaintKind.Report && rng.Next(3) == 0 || channel == ComplaintChannel.Whistleblower;
            var received = today.AddDays(-(int)(Math.Pow(rng.NextDouble(), 1.5) * 180)); // more recent than old
            var receivedAt = received.ToDateTime(new TimeOnly(8 + rng.Next(10), rng.Next(60)), DateTimeKind.Unspecified);
            var receivedUtc = TimeZoneInfo.ConvertTimeToUtc(receivedAt, ChinaTime.Zone);
            var name = anonymous ? null : Surnames[rng.Next(Surnames.Length)] + (rng.Next(2) == 0 ? "先生" : "女士");
            var phone = anonymous ? null : $"139{rng.Next(10_000_000, 99_999_999)}";
            var c = new Complaint
            {
                TrackingCode = TrackingCodes.New(), RegionCode = b.RegionCode, Kind = kind, Channel = channel, Category = category,
                TicketId = channel is ComplaintChannel.Hotline12345 or ComplaintChannel.Hotline12315 or ComplaintChannel.Hotline12331 ? $"{channel.ToString()[^5..]}-{received:yyyyMMdd}-{n:D5}" : null,
                Description = text, BusinessId = b.Id, BusinessName = b.Name, ReceivedAtUtc = receivedUtc, ReceivedOn = received, Anonymous = anonymous,
                Insider = channel == ComplaintChannel.Whistleblower, NameMasked = name is null ? null : Contacts.MaskName(name), NameSealed = personal.Seal(name),
                PhoneMasked = phone is null ? null : Contacts.MaskPhone(phone), PhoneSealed = personal.Seal(phone), PhoneDigest = phone is null ? null : personal.Digest(phone),
                Status = ComplaintStatus.Received, AcceptBy = ComplaintClock.AcceptBy(cal, received),
                VerifyBy = kind == ComplaintKind.Report ? ComplaintClock.VerifyBy(cal, received) : null, VerifyFrom = kind == ComplaintKind.Report ? received : null,
                LocalReplyBy = ComplaintClock.LocalReplyBy(cal, received, 5), UpdatedAtUtc = receivedUtc,
            };
            Entry(c, receivedUtc, $"已收到（{Intake.ChannelText(channel)}{(c.TicketId is null ? "" : $"，工单 {c.TicketId}")}）");
            var age = today.DayNumber - received.DayNumber;
            // Most are accepted within a few working days; one in twelve of the recent ones is left overdue.
            if (age > 2 && rng.Next(12) != 0)
            {
                var accepted = cal.AddWorkingDays(received, 1 + rng.Next(5)).Date;
                if (accepted <= today)
                {
                    c.Status = ComplaintStatus.InProgress;
                    c.AcceptedOn = accepted;
                    c.Handler = $"officer@{b.RegionCode[..6]}";
                    if (kind == ComplaintKind.Complaint)
                    {
                        c.MediationConsented = true;
                        c.MediationEndsBy = ComplaintClock.MediationEndsBy(cal, accepted);
                    }

                    Entry(c, At(accepted), kind == ComplaintKind.Complaint ? $"已受理，双方同意调解（调解期限 {c.MediationEndsBy:yyyy-MM-dd}）" : "已受理，正在核查");
                    // Most are settled within days (the local 5-working-day reply), some take weeks.
                    var done = cal.AddWorkingDays(accepted, rng.Next(4) == 0 ? 5 + rng.Next(15) : 1 + rng.Next(3)).Date;
                    if (done <= today)
                    {
                        if (kind == ComplaintKind.Report)
                        {
                            c.Substantiated = rng.Next(5) < 2;
                            c.VerifiedOn = done;
                            Entry(c, At(done), c.Substantiated == true ? "经核查，反映问题属实" : "经核查，反映问题不属实");
                        }
                        else
                        {
                            c.Mediation = rng.Next(4) == 0 ? MediationOutcome.Failed : MediationOutcome.Agreed;
                            c.AmountRecovered = c.Mediation == MediationOutcome.Agreed ? 20 + rng.Next(50) * 10 : null;
                            c.MediationEndedOn = done;
                            Entry(c, At(done), c.Mediation == MediationOutcome.Agreed ? $"调解达成协议，挽回经济损失 {c.AmountRecovered} 元" : "调解不成，终止调解");
                        }

                        if (!anonymous || channel == ComplaintChannel.Whistleblower)
                        {
                            c.Reply = c.Substantiated == true ? "经核查属实，已责令整改并依法处理。" : kind == ComplaintKind.Report ? "经现场核查，未发现所反映的问题。" : "已组织调解，结果如上。";
                            c.ReplyChannel = "电话";
                            c.RepliedOn = done;
                            Entry(c, At(done), $"答复（电话）：{c.Reply}");
                        }

                        if (done.AddDays(3) <= today)
                        {
                            c.Status = ComplaintStatus.Closed;
                            c.ClosedOn = done.AddDays(1);
                            c.Satisfaction = rng.Next(10) < 7 ? 4 + rng.Next(2) : 1 + rng.Next(3);
                            Entry(c, At(c.ClosedOn.Value), "已办结");
                        }
                    }
                }
            }

            db.Complaints.Add(c);
            if (n % 500 == 499)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await tx.CommitAsync(ct);
        logger.LogInformation("Demo complaints: {Count} generated over the demo register", count);
    }

    private static DateTime At(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Unspecified), ChinaTime.Zone);

    private void Entry(Complaint c, DateTime atUtc, string text) =>
        db.AddHistory(c, atUtc, ComplaintEntryKind.Step, text, isPublic: true, c.Handler);
}
