using Shian.Emergencies.Domain;
using Shian.Kernel.Documents;

namespace Shian.Emergencies.Rules;

/// <summary>
/// The situation report (事故情况报告) written from the command record: what happened (time, place, numbers, symptoms,
/// suspected food and business), the grade and why, the places involved, what has been done (tasks, samples, recalls),
/// the reports already sent, and what is still open. The sections follow what 国家食品安全事故应急预案 4.2.3 asks a report
/// to contain (事故发生单位、时间、地点、危害程度、伤亡人数、报告单位、联系方式、已采取的措施、事故初步原因). Pure: the
/// same record gives the same text, used as the draft of an upward report and as the .docx.
/// </summary>
public static class SituationReport
{
    public sealed record Input(Incident Incident, string RegionName, IReadOnlyList<UpwardReport> Reports, IReadOnlyList<IncidentTask> Tasks, IReadOnlyList<IncidentLink> Links,
        IReadOnlyList<IncidentPlace> Places, IReadOnlyDictionary<string, string> PlaceRegions, GradeResult Computed, UpwardReportKind Kind, int Sequence, DateTime NowUtc);

    public sealed record Section(string Heading, IReadOnlyList<string> Paragraphs);

    public sealed record Document(string Title, IReadOnlyList<Section> Sections, IReadOnlyList<IReadOnlyList<string>> PlaceRows)
    {
        /// <summary>The plain text (the draft of an upward report's content).</summary>
        public string Text() => string.Join("\n", Sections.Select(s => s.Heading + "\n" + string.Join("\n", s.Paragraphs)));

        public byte[] Docx(string sender, DateOnly date)
        {
            var doc = new OfficialDocx().Centered(Title, title: true);
            foreach (var s in Sections)
            {
                doc.Heading(s.Heading);
                foreach (var p in s.Paragraphs)
                {
                    doc.Paragraph(p);
                }

                if (s.Heading.StartsWith("三、", StringComparison.Ordinal) && PlaceRows.Count > 0)
                {
                    doc.Table(["类型", "场所", "所在地", "人数"], PlaceRows, [1800, 3600, 2400, 900]);
                }
            }

            return doc.Right(sender).Right(OfficialDocx.Date(date)).Build();
        }
    }

    public static string KindName(UpwardReportKind kind, int sequence) => kind switch
    {
        UpwardReportKind.Initial => "首报",
        UpwardReportKind.Progress => $"续报（第 {sequence} 次）",
        UpwardReportKind.Escalation => "核报",
        _ => "终报",
    };

    public static Document Build(Input x)
    {
        var i = x.Incident;
        static string At(DateTime utc) => $"{Kernel.Calendar.ChinaTime.FromUtc(utc):yyyy年M月d日 HH:mm}";
        var facts = new List<string>
        {
            $"{At(i.LearnedAtUtc)}，{i.ReporterUnit ?? "报告人"}获知{x.RegionName}{(i.Place is null ? "" : i.Place)}{(i.BusinessName is null ? "" : $"（涉事单位：{i.BusinessName}）")}发生疑似食品安全事故，{At(i.ReceivedAtUtc)}报至本部门"
            + (i.ReportedLate ? "（获知后超过规定时限报告，已记为迟报）" : "") + "。",
            $"截至 {At(x.NowUtc)}，累计发病 {i.Harmed} 人，其中住院 {i.Hospitalised} 人，死亡 {i.Deaths} 人"
            + (i.OnsetAtUtc is { } onset ? $"；首例发病时间 {At(onset)}" : "") + "。",
        };
        if (i.Symptoms is not null)
        {
            facts.Add($"主要症状：{i.Symptoms}。");
        }

        if (i.SuspectedFood is not null)
        {
            facts.Add($"可疑食品：{i.SuspectedFood}。");
        }

        facts.Add($"事件经过：{i.Description}");
        var grade = new List<string>
        {
            i.GradeDeterminedBy is not null
                ? $"事故级别：{IncidentGrading.Label(i.Grade)}（由{i.GradeDeterminedBy}认定）。"
                : $"事故级别：{IncidentGrading.Label(i.Grade)}（依据：{x.Computed.Reason}）。",
        };
        if (i.SpecialPopulation)
        {
            grade.Add("涉及学生、幼儿、老年人等特殊人群。");
        }

        var places = x.Places.Count == 0
            ? ["尚未登记涉及场所。"]
            : new List<string>
            {
                $"共涉及 {x.Places.Count} 处场所，其中发病场所分布于 {x.Places.Where(p => p.Kind == AffectedPlaceKind.Onset).Select(p => p.PlaceRegionCode).Distinct().Count()} 个乡镇（街道）。",
            };
        var placeRows = x.Places.Select(p => (IReadOnlyList<string>)[Label(p.Kind), p.Name + (p.Address is null ? "" : $"（{p.Address}）"),
            x.PlaceRegions.GetValueOrDefault(p.PlaceRegionCode, p.PlaceRegionCode), p.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToList();

        var done = new List<string>();
        foreach (var t in x.Tasks)
        {
            done.Add($"{Incidents.DepartmentLabel(t.Department)}：{t.Text}" + (t.DoneAtUtc is { } d ? $"（{At(d)} 完成{(t.DoneNote is null ? "" : $"：{t.DoneNote}")}）" : "（进行中）"));
        }

        foreach (var l in x.Links)
        {
            done.Add($"{(l.Kind == IncidentLinkKind.Sample ? "抽样检验" : "召回")} {l.Reference}：{l.Summary}。");
        }

        if (done.Count == 0)
        {
            done.Add("已启动核查处置，具体措施待续报。");
        }

        var sent = x.Reports.Where(r => r.SubmittedAtUtc is not null).OrderBy(r => r.SubmittedAtUtc)
            .Select(r => $"{KindName(r.Kind, r.Sequence)}：{At(r.SubmittedAtUtc!.Value)} 报{r.Recipients}" + (r.SubmittedAtUtc > r.DueAtUtc ? "（超过时限）" : "") + "。").ToList();
        if (sent.Count == 0)
        {
            sent.Add("本报告为首次报告。");
        }

        var next = x.Tasks.Where(t => t.DoneAtUtc is null).Select(t => $"{Incidents.DepartmentLabel(t.Department)}继续{t.Text}" + (t.DueAtUtc is { } due ? $"（{At(due)} 前）" : "") + "。").ToList();
        if (i.Status is IncidentStatus.Closed or IncidentStatus.Dismissed)
        {
            next = [i.Conclusion is null ? "应急处置已结束。" : $"处置结论：{i.Conclusion}"];
        }
        else if (next.Count == 0)
        {
            next.Add("继续做好病人救治、流行病学调查和可疑食品控制，有新情况及时续报。");
        }

        var sections = new List<Section>
        {
            new("一、基本情况", facts),
            new("二、事故级别", grade),
            new("三、涉及场所", places),
            new("四、已采取的措施", done),
            new("五、报告情况", sent),
            new("六、下一步工作", next),
        };
        return new Document($"关于{i.Title}的{KindName(x.Kind, x.Sequence)}", sections, placeRows);
    }

    public static string Label(AffectedPlaceKind k) => k switch
    {
        AffectedPlaceKind.Onset => "就餐或发病场所",
        AffectedPlaceKind.Treatment => "救治医疗机构",
        AffectedPlaceKind.Source => "可疑食品来源",
        _ => "可疑食品流向",
    };
}
