using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Surveys.Domain;
using Shian.Surveys.Rules;

namespace Shian.Surveys.Demo;

/// <summary>
/// Demo surveys (Demo:Surveys, Development only): 溪湖区's 食品安全知识知晓率 survey in progress (five knowledge questions
/// written for the demo from the 食品安全法's everyday rules, invitation codes, 160 interviewers' responses drawn with a
/// fixed seed) and the city's 满意度 survey being designed (its design shows the districts whose population is missing).
/// </summary>
internal sealed class SurveysDemoSeeder(ShianDb db, IOptions<DemoOptions> demo, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly SurveyQuestion[] Knowledge =
    [
        new("购买预包装食品时，应当查看哪些信息？", QuestionKind.Multiple, ["生产日期和保质期", "生产者名称和地址", "食品生产许可证编号", "包装颜色"], [0, 1, 2], false, true),
        new("发现食品安全问题，可以拨打哪个电话投诉举报？", QuestionKind.Single, ["12315", "12306", "12121"], [0], false, true),
        new("野生蘑菇能否凭经验辨别有毒无毒？", QuestionKind.Single, ["能，颜色鲜艳的才有毒", "不能，不采不买不吃野生蘑菇"], [1], false, true),
        new("餐饮单位“明厨亮灶”是指什么？", QuestionKind.Single, ["厨房装修明亮", "后厨加工过程向消费者公开展示", "灶台使用明火"], [1], false, true),
        new("超过保质期的食品能否降价销售？", QuestionKind.Single, ["可以，打折即可", "不可以，应当下架处理"], [1], false, true),
        new("您从哪里了解食品安全知识？", QuestionKind.Multiple, ["电视广播", "网络和手机", "社区宣传", "学校"], null, false, false),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!demo.Value.Surveys || await db.Surveys.IgnoreQueryFilters().AnyAsync(ct) || !await db.Regions.AnyAsync(r => r.Code == "210503000000", ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var year = Kernel.Calendar.ChinaTime.Today(clock).Year;
        var population = await db.PopulationFigures.Where(f => f.RegionCode == "210503000000").OrderByDescending(f => f.Year).Select(f => (long?)f.Population).FirstOrDefaultAsync(ct);
        var size = SurveyDesign.SampleSize(0.05, population);
        var awareness = new Survey
        {
            RegionCode = "210503000000", Title = $"{year}年溪湖区食品安全知识知晓率调查", Intro = "本调查不记录姓名和手机号，约需 3 分钟。感谢您的参与！",
            Purpose = SurveyPurpose.Awareness, Access = SurveyAccess.Invitation, Year = year, Status = SurveyStatus.Open,
            QuestionsJson = JsonSerializer.Serialize(Knowledge, SurveyDesk.Json),
            QuotasJson = JsonSerializer.Serialize(new[] { new SurveyQuota("210503000000", "溪湖区", population ?? 0, size) }, SurveyDesk.Json),
            SampleSize = size, PublicCode = "DEMOXH2026", CreatedBy = "system", CreatedAtUtc = now.AddDays(-30), OpenedAtUtc = now.AddDays(-28),
        };
        db.Surveys.Add(awareness);

        // 160 interviews over four weeks: each knowledge question known by 55–85 % of people (a fixed seed).
        var rng = new Random(2026);
        double[] known = [0.62, 0.85, 0.7, 0.55, 0.8];
        for (var i = 0; i < 160; i++)
        {
            var answers = new List<SurveyForms.Answer>();
            for (var q = 0; q < Knowledge.Length; q++)
            {
                var right = Knowledge[q].Correct;
                var choices = right is not null && rng.NextDouble() < known[q] ? right : [rng.Next(Knowledge[q].Options.Count)];
                answers.Add(new SurveyForms.Answer(q, [.. choices], null, null));
            }

            var (score, clean, _) = SurveyForms.Check(SurveyPurpose.Awareness, Knowledge, answers);
            db.SurveyResponses.Add(new SurveyResponse
            {
                SurveyId = awareness.Id, RegionCode = "210503000000", Channel = ResponseChannel.Interviewer, Interviewer = "officer@210503",
                AnswersJson = JsonSerializer.Serialize(clean, SurveyDesk.Json), Score = score, SubmittedAtUtc = now.AddDays(-28).AddMinutes(i * 240),
            });
        }

        if (await db.Regions.AnyAsync(r => r.Code == "210500000000", ct))
        {
            db.Surveys.Add(new Survey
            {
                RegionCode = "210500000000", Title = $"{year}年本溪市公众食品安全满意度调查", Purpose = SurveyPurpose.Satisfaction, Access = SurveyAccess.Phone, Year = year,
                Status = SurveyStatus.Draft, PublicCode = "DEMOBX2026", CreatedBy = "system", CreatedAtUtc = now.AddDays(-3),
                QuestionsJson = JsonSerializer.Serialize(new[]
                {
                    new SurveyQuestion("您对本市食品安全状况的总体评价", QuestionKind.Rating, [], null, true, true),
                    new SurveyQuestion("您对政府食品安全监管工作的评价", QuestionKind.Rating, [], null, true, true),
                    new SurveyQuestion("您对食品安全工作有什么建议？", QuestionKind.Text, [], null, false, false),
                }, SurveyDesk.Json),
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
