using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;

namespace Shian.Emergencies.Demo;

/// <summary>
/// Demo direct-reporting network and incidents (Demo:Emergencies, Development only): a street point for every street of
/// 溪湖区 with the district officer as reporter except the last two (so coverage shows gaps), an incident in response at
/// a school (received 3 hours ago, first report sent on time, a progress report pending, one task done and one open),
/// and one ended last month with its final report sent. Deterministic; made up.
/// </summary>
internal sealed class EmergenciesDemoSeeder(ShianDb db, IOptions<DemoOptions> demo, IOptions<EmergenciesOptions> options, WorkingDayCalendarProvider calendar, TimeProvider clock)
    : IDemoDataSeeder
{
    private const string District = "210503000000";
    private const string Officer = "officer@210503";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!demo.Value.Emergencies || await db.ReportingPoints.IgnoreQueryFilters().AnyAsync(ct))
        {
            return;
        }

        var prefix = RegionCode.Prefix(District);
        var towns = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Town && r.Code.StartsWith(prefix)).OrderBy(r => r.Code).ToListAsync(ct);
        if (towns.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var points = new List<(ReportingPoint Point, bool HasReporter)>();
        for (var i = 0; i < towns.Count; i++)
        {
            var point = new ReportingPoint { RegionCode = towns[i].Code, Kind = ReportingPointKind.Street, Name = $"{towns[i].Name}食品安全信息直报点", CreatedAtUtc = now.AddDays(-200) };
            db.ReportingPoints.Add(point);
            points.Add((point, i < towns.Count - 2));
            if (i < towns.Count - 2)
            {
                db.PointReporters.Add(new PointReporter
                {
                    PointId = point.Id, RegionCode = point.RegionCode, UserName = Officer, DisplayName = "溪湖区监管人员", Phone = $"0414-28{i:00}1234", AddedAtUtc = now.AddDays(-200),
                });
            }
        }

        var limits = options.Value.Reporting;
        var town = towns[0];

        // In response: 36 pupils ill after lunch (Ⅳ级 by numbers, raised to Ⅲ级 for a school).
        var received = now.AddHours(-3);
        var open = new Incident
        {
            RegionCode = town.Code, Title = "示范小学食堂疑似食物中毒", Setting = IncidentSetting.School, Place = $"{town.Name}示范小学",
            BusinessName = "示范小学食堂（演示）", Description = "午餐后约 2 小时，陆续有学生出现腹痛、呕吐，已送区医院观察。", SuspectedFood = "午餐凉拌菜", Symptoms = "腹痛、呕吐、腹泻",
            OnsetAtUtc = received.AddHours(-2), LearnedAtUtc = received.AddMinutes(-40), ReceivedAtUtc = received, Harmed = 36, Hospitalised = 12, SpecialPopulation = true,
            Status = IncidentStatus.Responding, ReportedBy = Officer, ReporterUnit = "示范小学", GradedAtUtc = received, UpdatedAtUtc = now.AddMinutes(-30),
        };
        open.Grade = IncidentGrading.Grade(open.Facts, options.Value.Grading).Grade;
        db.Incidents.Add(open);
        var initialDue = IncidentClock.InitialDue(received, open.Grade, limits);
        var sent = received.AddMinutes(50);
        db.UpwardReports.Add(new UpwardReport
        {
            IncidentId = open.Id, RegionCode = open.RegionCode, Kind = UpwardReportKind.Initial, Sequence = 1, DueAtUtc = initialDue, SubmittedAtUtc = sent, SubmittedBy = Officer,
            Recipients = options.Value.DefaultRecipients, Content = "36 名学生午餐后发病，12 人住院观察，无危重病例；已封存留样，疾控已采样。",
        });
        db.UpwardReports.Add(new UpwardReport
        {
            IncidentId = open.Id, RegionCode = open.RegionCode, Kind = UpwardReportKind.Progress, Sequence = 1, DueAtUtc = IncidentClock.NextProgressDue(sent, limits),
        });
        db.IncidentPlaces.Add(new IncidentPlace
        {
            IncidentId = open.Id, RegionCode = open.RegionCode, PlaceRegionCode = town.Code, Kind = AffectedPlaceKind.Onset, Name = $"{town.Name}示范小学食堂", Cases = 36,
            AddedBy = Officer, AddedAtUtc = received.AddMinutes(15),
        });
        db.IncidentPlaces.Add(new IncidentPlace
        {
            IncidentId = open.Id, RegionCode = open.RegionCode, PlaceRegionCode = District, Kind = AffectedPlaceKind.Treatment, Name = "溪湖区人民医院（演示）", Cases = 12,
            AddedBy = Officer, AddedAtUtc = received.AddMinutes(40),
        });
        db.IncidentTasks.Add(new IncidentTask
        {
            IncidentId = open.Id, RegionCode = open.RegionCode, Department = ResponseDepartment.Cdc, Text = "流行病学调查，采集留样和病人样本", AssignedBy = Officer,
            AssignedAtUtc = received.AddMinutes(20), DueAtUtc = received.AddHours(6), DoneAtUtc = received.AddHours(2), DoneBy = Officer, DoneNote = "已采集留样 8 份、病人样本 15 份，送检",
        });
        db.IncidentTasks.Add(new IncidentTask
        {
            IncidentId = open.Id, RegionCode = open.RegionCode, Department = ResponseDepartment.MarketRegulation, Text = "封存食堂剩余食品和原料，责令暂停供餐", AssignedBy = Officer,
            AssignedAtUtc = received.AddMinutes(20), DueAtUtc = now.AddHours(2),
        });
        foreach (var (at, kind, text) in new[]
                 {
                     (received, IncidentEntryKind.Report, "接报：36 人发病、12 人住院、0 人死亡"),
                     (received, IncidentEntryKind.Grade, "初步研判：Ⅲ级（较大）（受害 36 人，无死亡；涉及学校等特殊人群，按地方预案提高一级）"),
                     (received.AddMinutes(20), IncidentEntryKind.Task, "部署疾控机构：流行病学调查，采集留样和病人样本"),
                     (received.AddMinutes(20), IncidentEntryKind.Task, "部署市场监管部门：封存食堂剩余食品和原料，责令暂停供餐"),
                     (sent, IncidentEntryKind.Upward, "已报送首报至本级人民政府、上级市场监督管理部门、同级卫生健康部门，在时限内"),
                     (received.AddHours(2), IncidentEntryKind.Task, "疾控机构完成：流行病学调查，采集留样和病人样本 — 已采集留样 8 份、病人样本 15 份，送检"),
                 })
        {
            db.IncidentEntries.Add(new IncidentEntry { IncidentId = open.Id, RegionCode = open.RegionCode, AtUtc = at, Kind = kind, Author = Officer, Text = text });
        }

        // Ended last month: 6 ill at a rural banquet, below Ⅳ级, first report sent late, final report sent.
        var oldReceived = now.AddDays(-35);
        var ended = oldReceived.AddDays(3);
        var closed = new Incident
        {
            RegionCode = towns[Math.Min(1, towns.Count - 1)].Code, Title = "农村家宴聚餐后腹泻", Setting = IncidentSetting.RuralBanquet, Place = "村民家中",
            Description = "家宴后 6 人腹泻，均门诊治疗后好转。", SuspectedFood = "自制凉菜", Symptoms = "腹泻", LearnedAtUtc = oldReceived.AddHours(-5), ReceivedAtUtc = oldReceived,
            ReportedLate = true, Harmed = 6, Status = IncidentStatus.Closed, ReportedBy = Officer, GradedAtUtc = oldReceived, EndedAtUtc = ended,
            Conclusion = "疾控检出诺如病毒，病例均已康复；对家宴厨师开展培训。", UpdatedAtUtc = ended.AddDays(2),
        };
        db.Incidents.Add(closed);
        var oldInitial = IncidentClock.InitialDue(oldReceived, null, limits);
        db.UpwardReports.Add(new UpwardReport
        {
            IncidentId = closed.Id, RegionCode = closed.RegionCode, Kind = UpwardReportKind.Initial, Sequence = 1, DueAtUtc = oldInitial, SubmittedAtUtc = oldInitial.AddMinutes(40),
            SubmittedBy = Officer, Recipients = options.Value.DefaultRecipients, Content = "家宴后 6 人腹泻，门诊治疗。",
        });
        var (finalDue, provisional) = IncidentClock.FinalDue(calendar.Current, ended, limits);
        db.UpwardReports.Add(new UpwardReport
        {
            IncidentId = closed.Id, RegionCode = closed.RegionCode, Kind = UpwardReportKind.Final, Sequence = 1, DueAtUtc = finalDue, DueProvisional = provisional,
            SubmittedAtUtc = ended.AddDays(2), SubmittedBy = Officer, Recipients = options.Value.DefaultRecipients, Content = "处置总结：诺如病毒感染，已结案。",
        });
        db.IncidentEntries.Add(new IncidentEntry { IncidentId = closed.Id, RegionCode = closed.RegionCode, AtUtc = oldReceived, Kind = IncidentEntryKind.Report, Author = Officer, Text = "接报：6 人发病；获知后超过 2 小时才报告（缓报）" });
        db.IncidentEntries.Add(new IncidentEntry { IncidentId = closed.Id, RegionCode = closed.RegionCode, AtUtc = ended, Kind = IncidentEntryKind.Status, Author = Officer, Text = "应急响应结束：" + closed.Conclusion });

        // 零报告: a weekly schedule for five weeks; the streets with a reporter reported each past week on time but one
        // (late), the two without a reporter never did — the board shows 按时、补报、缺报 and this week 待报.
        var today = ChinaTime.Today(clock);
        var schedule = new ZeroReportSchedule
        {
            RegionCode = District, Title = "学校食品安全每周零报告（演示）", Frequency = ZeroReportFrequency.Weekly, DueHour = 10, DueOffsetDays = 1, WorkingDaysOnly = true,
            From = today.AddDays(-35), Basis = "《溪湖区食品安全事故应急预案》（演示）：各街道信息员每周一 10 时前报告上周情况，无事件实行零报告", CreatedBy = Officer,
            CreatedAtUtc = now.AddDays(-35), CheckedThroughUtc = now,
        };
        db.ZeroReportSchedules.Add(schedule);
        var weeks = ZeroReportClock.Recent(schedule.Rule, schedule.From, null, now, 6, calendar.Current).Where(p => p.DueUtc < now).ToList();
        for (var i = 0; i < points.Count; i++)
        {
            if (!points[i].HasReporter)
            {
                continue;
            }

            for (var w = 0; w < weeks.Count; w++)
            {
                var late = i == 1 && w == 1;
                db.ZeroReports.Add(new ZeroReport
                {
                    ScheduleId = schedule.Id, PointId = points[i].Point.Id, RegionCode = points[i].Point.RegionCode, PeriodStart = weeks[w].Start, SubmittedBy = Officer,
                    SubmittedAtUtc = late ? weeks[w].DueUtc.AddHours(5) : weeks[w].DueUtc.AddHours(-20),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
