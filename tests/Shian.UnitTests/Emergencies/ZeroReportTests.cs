using DocumentFormat.OpenXml.Packaging;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Calendar;
using Shian.UnitTests.Kernel.Calendar;

namespace Shian.UnitTests.Emergencies;

/// <summary>
/// 零报告 periods and due times with literal Beijing times on the shipped 2026 calendar (中秋·国庆: 1–7 Oct off, Sat 10 Oct
/// worked): daily, working-day daily, weekly and monthly rules; the states of a point's period.
/// </summary>
public sealed class ZeroReportClockTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendarTests.Shipped();

    private static DateTime B(string s) => TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), ChinaTime.Zone);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Daily_EveryDay_IsDueTheSameDayAtTheHour_HolidaysIncluded()
    {
        var rule = new ZeroReportRule(ZeroReportFrequency.Daily, 16, 0, WorkingDaysOnly: false);
        var p = ZeroReportClock.PeriodOf(rule, D("2026-10-03"), Cal)!;
        Assert.Equal((D("2026-10-03"), D("2026-10-03")), (p.Start, p.End));
        Assert.Equal(B("2026-10-03 16:00"), p.DueUtc);
        Assert.Equal("10月3日", p.Label);
    }

    [Fact]
    public void Daily_AtHour24_IsDueAtMidnight_TheNextDay()
    {
        var p = ZeroReportClock.PeriodOf(new ZeroReportRule(ZeroReportFrequency.Daily, 24, 0, false), D("2026-11-28"), Cal)!;
        Assert.Equal(B("2026-11-29 00:00"), p.DueUtc);
    }

    [Fact]
    public void Daily_OnWorkingDaysOnly_SkipsTheHoliday_AndCountsTheMakeUpSaturday()
    {
        var rule = new ZeroReportRule(ZeroReportFrequency.Daily, 16, 0, WorkingDaysOnly: true);
        Assert.Null(ZeroReportClock.PeriodOf(rule, D("2026-10-03"), Cal));
        Assert.Null(ZeroReportClock.PeriodOf(rule, D("2026-11-29"), Cal));
        Assert.Equal(B("2026-10-10 16:00"), ZeroReportClock.PeriodOf(rule, D("2026-10-10"), Cal)!.DueUtc);

        // 30 Sep to 12 Oct: 30 Sep, 8, 9, 10 (Sat, worked) and 12 Oct.
        var periods = ZeroReportClock.Periods(rule, D("2026-09-30"), D("2026-10-12"), Cal);
        Assert.Equal([D("2026-09-30"), D("2026-10-08"), D("2026-10-09"), D("2026-10-10"), D("2026-10-12")], periods.Select(x => x.Start));
    }

    [Fact]
    public void Weekly_DueTheFirstWorkingDayAfterTheWeek_MovesPastTheNationalDayHoliday()
    {
        var rule = new ZeroReportRule(ZeroReportFrequency.Weekly, 10, 1, WorkingDaysOnly: true);
        var p = ZeroReportClock.PeriodOf(rule, D("2026-10-01"), Cal)!;
        Assert.Equal((D("2026-09-28"), D("2026-10-04")), (p.Start, p.End));
        Assert.Equal("9月28日–10月4日", p.Label);
        Assert.Equal(B("2026-10-08 10:00"), p.DueUtc);

        // An ordinary week: due Monday 10:00.
        Assert.Equal(B("2026-11-30 10:00"), ZeroReportClock.PeriodOf(rule, D("2026-11-28"), Cal)!.DueUtc);

        // Counted in calendar days, the same week is due on the holiday Monday.
        Assert.Equal(B("2026-10-05 10:00"), ZeroReportClock.PeriodOf(rule with { WorkingDaysOnly = false }, D("2026-10-01"), Cal)!.DueUtc);
    }

    [Fact]
    public void Monthly_FiveWorkingDaysAfterTheMonth_CountsTheWorkedSaturday()
    {
        // September 2026: 1–7 Oct off; 8 (1), 9 (2), Sat 10 worked (3), 12 (4), 13 Oct (5).
        var p = ZeroReportClock.PeriodOf(new ZeroReportRule(ZeroReportFrequency.Monthly, 17, 5, true), D("2026-09-15"), Cal)!;
        Assert.Equal((D("2026-09-01"), D("2026-09-30")), (p.Start, p.End));
        Assert.Equal("2026年9月", p.Label);
        Assert.Equal(B("2026-10-13 17:00"), p.DueUtc);
    }

    [Fact]
    public void DueBetween_GivesThePeriodsThatFellDueSinceTheLastCheck()
    {
        var rule = new ZeroReportRule(ZeroReportFrequency.Daily, 16, 0, false);
        var due = ZeroReportClock.DueBetween(rule, D("2026-11-20"), null, B("2026-11-25 17:00"), B("2026-11-27 17:00"), Cal);
        Assert.Equal([D("2026-11-26"), D("2026-11-27")], due.Select(x => x.Start));

        // Not before the schedule starts, nor after it ends.
        Assert.Empty(ZeroReportClock.DueBetween(rule, D("2026-11-27"), null, B("2026-11-25 17:00"), B("2026-11-27 15:59"), Cal));
        Assert.Equal([D("2026-11-26")], ZeroReportClock.DueBetween(rule, D("2026-11-20"), D("2026-11-26"), B("2026-11-25 17:00"), B("2026-11-28 17:00"), Cal).Select(x => x.Start));
    }

    [Fact]
    public void Recent_GivesTheLastPeriodsThatHaveStarted_NewestFirst_WithinTheSchedule()
    {
        var weekly = new ZeroReportRule(ZeroReportFrequency.Weekly, 10, 1, true);
        Assert.Equal([D("2026-11-23"), D("2026-11-16"), D("2026-11-09")], ZeroReportClock.Recent(weekly, D("2026-11-01"), null, B("2026-11-28 12:00"), 3, Cal).Select(x => x.Start));

        // A schedule from 18 Nov: the week of 16 Nov began before it and is not owed.
        Assert.Equal([D("2026-11-23")], ZeroReportClock.Recent(weekly, D("2026-11-18"), null, B("2026-11-28 12:00"), 6, Cal).Select(x => x.Start));
        Assert.Empty(ZeroReportClock.Recent(weekly, D("2026-12-01"), null, B("2026-11-28 12:00"), 6, Cal));
    }

    [Fact]
    public void State_OnTime_Late_Incident_Missing_Open()
    {
        var p = ZeroReportClock.PeriodOf(new ZeroReportRule(ZeroReportFrequency.Daily, 16, 0, false), D("2026-11-28"), Cal)!;
        Assert.Equal(ZeroReportState.OnTime, ZeroReportClock.State(p, B("2026-11-28 16:00"), false, B("2026-11-28 18:00")));
        Assert.Equal(ZeroReportState.Late, ZeroReportClock.State(p, B("2026-11-28 16:01"), false, B("2026-11-28 18:00")));
        Assert.Equal(ZeroReportState.Incident, ZeroReportClock.State(p, null, true, B("2026-11-28 18:00")));
        Assert.Equal(ZeroReportState.Missing, ZeroReportClock.State(p, null, false, B("2026-11-28 16:01")));
        Assert.Equal(ZeroReportState.Open, ZeroReportClock.State(p, null, false, B("2026-11-28 15:59")));
    }

    [Fact]
    public void Rule_OutsideItsRanges_IsRefused()
    {
        Assert.NotEmpty(new ZeroReportRule(ZeroReportFrequency.Daily, 0, 0, false).Problems());
        Assert.NotEmpty(new ZeroReportRule(ZeroReportFrequency.Weekly, 10, 16, false).Problems());
        Assert.NotEmpty(new ZeroReportRule((ZeroReportFrequency)9, 10, 1, false).Problems());
        Assert.Empty(new ZeroReportRule(ZeroReportFrequency.Monthly, 24, 15, true).Problems());
    }
}

/// <summary>The situation report drafted from a command record: its sections, the places table, and a .docx that opens.</summary>
public sealed class SituationReportTests
{
    private static DateTime B(string s) => TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), ChinaTime.Zone);

    private static SituationReport.Input Input(IncidentStatus status = IncidentStatus.Responding)
    {
        var incident = new Incident
        {
            RegionCode = "210503001000", Title = "某小学食堂疑似食源性疾病事件（12 人）", Description = "午餐后陆续有学生腹痛、呕吐。", Setting = IncidentSetting.School,
            Place = "某小学食堂", BusinessName = "某小学", SuspectedFood = "午餐凉拌菜", Symptoms = "腹痛、呕吐", LearnedAtUtc = B("2026-11-25 13:20"), ReceivedAtUtc = B("2026-11-25 14:00"),
            Harmed = 12, Hospitalised = 3, Deaths = 0, SpecialPopulation = true, Grade = IncidentGrade.General, ReportedBy = "reporter", ReporterUnit = "某小学", Status = status,
        };
        var reports = new List<UpwardReport>
        {
            new() { IncidentId = incident.Id, RegionCode = incident.RegionCode, Kind = UpwardReportKind.Initial, Sequence = 1, DueAtUtc = B("2026-11-25 16:00"),
                SubmittedAtUtc = B("2026-11-25 15:10"), Recipients = "区人民政府", Content = "首报" },
        };
        var tasks = new List<IncidentTask>
        {
            new() { IncidentId = incident.Id, RegionCode = incident.RegionCode, Department = ResponseDepartment.Cdc, Text = "流行病学调查并采样", AssignedBy = "o",
                AssignedAtUtc = B("2026-11-25 14:30"), DoneAtUtc = B("2026-11-25 20:00"), DoneNote = "已采样 8 份" },
            new() { IncidentId = incident.Id, RegionCode = incident.RegionCode, Department = ResponseDepartment.MarketRegulation, Text = "封存留样和剩余食品", AssignedBy = "o",
                AssignedAtUtc = B("2026-11-25 14:30"), DueAtUtc = B("2026-11-26 12:00") },
        };
        var places = new List<IncidentPlace>
        {
            new() { IncidentId = incident.Id, RegionCode = incident.RegionCode, PlaceRegionCode = "210503001000", Kind = AffectedPlaceKind.Onset, Name = "某小学食堂", Cases = 12, AddedBy = "o" },
            new() { IncidentId = incident.Id, RegionCode = incident.RegionCode, PlaceRegionCode = "210503002000", Kind = AffectedPlaceKind.Treatment, Name = "区人民医院", Cases = 3, AddedBy = "o" },
        };
        var regions = new Dictionary<string, string> { ["210503001000"] = "站前街道", ["210503002000"] = "东兴街道" };
        return new SituationReport.Input(incident, "站前街道", reports, tasks, [], places, regions, new GradeResult(IncidentGrade.General, "发病 12 人；学校"),
            UpwardReportKind.Progress, 1, B("2026-11-26 09:00"));
    }

    [Fact]
    public void TheDraft_TellsWhatHappened_WhatWasDone_AndWhatIsOpen()
    {
        var doc = SituationReport.Build(Input());
        Assert.Equal("关于某小学食堂疑似食源性疾病事件（12 人）的续报（第 1 次）", doc.Title);
        var text = doc.Text();
        Assert.Contains("2026年11月25日 13:20，某小学获知站前街道某小学食堂（涉事单位：某小学）发生疑似食品安全事故，2026年11月25日 14:00报至本部门。", text);
        Assert.Contains("截至 2026年11月26日 09:00，累计发病 12 人，其中住院 3 人，死亡 0 人。", text);
        Assert.Contains("事故级别：Ⅳ级（一般）（依据：发病 12 人；学校）。", text);
        Assert.Contains("共涉及 2 处场所，其中发病场所分布于 1 个乡镇（街道）。", text);
        Assert.Contains("疾控机构：流行病学调查并采样（2026年11月25日 20:00 完成：已采样 8 份）", text);
        Assert.Contains("首报：2026年11月25日 15:10 报区人民政府。", text);
        Assert.Contains("市场监管部门继续封存留样和剩余食品（2026年11月26日 12:00 前）。", text);
        Assert.Equal(["救治医疗机构", "区人民医院", "东兴街道", "3"], doc.PlaceRows[1]);
    }

    [Fact]
    public void AClosedIncident_EndsWithItsConclusion()
    {
        var input = Input(IncidentStatus.Closed);
        input.Incident.Conclusion = "诺如病毒感染，凉拌菜为可疑食品";
        var text = SituationReport.Build(input with { Kind = UpwardReportKind.Final }).Text();
        Assert.Contains("处置结论：诺如病毒感染，凉拌菜为可疑食品", text);
        Assert.DoesNotContain("继续封存", text);
    }

    [Fact]
    public void TheDocx_Opens_WithTheTitle_TheTable_AndTheSender()
    {
        var bytes = SituationReport.Build(Input()).Docx("某区食品安全事故应急指挥部办公室", new DateOnly(2026, 11, 26));
        using var ms = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(ms, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var all = body.InnerText;
        Assert.StartsWith("关于某小学食堂疑似食源性疾病事件（12 人）的续报（第 1 次）", all, StringComparison.Ordinal);
        Assert.Single(body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>());
        Assert.Contains("区人民医院", body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Single().InnerText, StringComparison.Ordinal);
        Assert.EndsWith("某区食品安全事故应急指挥部办公室2026年11月26日", all, StringComparison.Ordinal);
    }
}
