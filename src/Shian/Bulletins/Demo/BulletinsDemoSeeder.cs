using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Bulletins.Domain;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;

namespace Shian.Bulletins.Demo;

/// <summary>
/// Demo 信息发布 (Demo:Bulletins, Development only): three published items of the demo city — a seasonal consumer tip,
/// a risk alert, a notice — and a district's draft, so the public home, the list, the feed and the office's page have
/// something to show. The wording is written for the demo, in the style of real 消费提示; no real product is named.
/// </summary>
internal sealed class BulletinsDemoSeeder(ShianDb db, IOptions<DemoOptions> demo, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly (int DaysAgo, string Region, BulletinKind Kind, string Title, string Body)[] Items =
    [
        (20, "210500000000", BulletinKind.Notice, "关于公布食品安全投诉举报渠道的通告",
            "为方便群众反映食品安全问题，现将投诉举报渠道公布如下：\n\n一、拨打 12315 或 12345 热线，24 小时受理。\n\n二、通过本平台“投诉举报”页面在线提交，可上传照片，凭查询码和手机号后四位查询办理进度。\n\n三、食品生产经营单位内部人员可通过“内部人员举报”通道匿名举报，我们依法为举报人保密。"),
        (9, "210500000000", BulletinKind.RiskAlert, "警惕采食野生蘑菇中毒的风险警示",
            "近期气温、湿度适宜野生蘑菇生长。有毒蘑菇与可食用蘑菇外观相似，难以凭经验辨别，目前尚无特效解毒药物。\n\n请不采摘、不购买、不加工、不食用野生蘑菇。餐饮单位不得采购和加工来源不明的野生蘑菇。\n\n如食用后出现恶心、呕吐、腹痛、腹泻等症状，请立即就医，并保留剩余样品。"),
        (2, "210500000000", BulletinKind.ConsumerTip, "冬季食品安全消费提示",
            "冬季是火锅、腊味和自制腌菜消费的高峰。提醒广大消费者：\n\n一、购买预包装食品要查看生产日期、保质期和生产许可证编号，索要购物凭证。\n\n二、自制腌菜应腌足 20 天以上再食用，减少亚硝酸盐风险。\n\n三、在外就餐选择证照齐全、明厨亮灶的餐饮单位，可在本平台查询其检查结果和量化分级。"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!demo.Value.Bulletins || await db.Bulletins.IgnoreQueryFilters().AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        foreach (var (days, region, kind, title, body) in Items)
        {
            if (!await db.Regions.AnyAsync(r => r.Code == region, ct))
            {
                continue;
            }

            db.Bulletins.Add(new Bulletin
            {
                RegionCode = region, Kind = kind, Title = title, Body = body, Status = BulletinStatus.Published, CreatedBy = "system", CreatedAtUtc = now.AddDays(-days - 1),
                PublishedBy = "system", PublishedAtUtc = now.AddDays(-days), PublishedOn = today.AddDays(-days),
            });
        }

        if (await db.Regions.AnyAsync(r => r.Code == "210503000000", ct))
        {
            db.Bulletins.Add(new Bulletin
            {
                RegionCode = "210503000000", Kind = BulletinKind.WorkNews, Title = "溪湖区开展校园周边食品安全专项检查（草稿）",
                Body = "近日，溪湖区市场监管局对辖区中小学校周边食品经营店开展专项检查。\n\n（待补充检查户数和发现的问题）", Status = BulletinStatus.Draft,
                CreatedBy = "system", CreatedAtUtc = now,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
