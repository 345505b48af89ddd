using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;
using Shian.Risk.Contracts;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// Lab samples: taken from a registered business (its region decides who may), sent, received, results entered once
/// and judged automatically against the edition in force on the sampling date; a non-conforming verdict starts the
/// disposition clock, raises the case clue and re-grades the business. Every change is validated first and written in
/// one transaction.
/// </summary>
public sealed class Samples(ShianDb db, IBusinessDirectory directory, Standards standards, WorkingDayCalendarProvider calendar, DomainEvents events,
    IConfiguration configuration, BusinessNotices notices, TimeProvider clock)
{
    public sealed record SampleRequest(Guid? PlanId, SampleKind Kind, string? ProductName, string? CategoryCode, string? Brand, string? Specification, string? Batch,
        DateOnly? ProductionDate, string? LabelledProducer, string? LabelledProducerAddress, string? Quantity, DateOnly SampledOn, IReadOnlyList<string>? Samplers,
        string? Lab, IReadOnlyList<string>? Analytes, Guid? RapidTestId, DateOnly? BestBefore = null, string? Gtin = null, bool Prepackaged = false);

    /// <param name="SignificantDigits">Reporting precision in significant figures, where the method standard gives those (instead of <paramref name="Decimals"/>).</param>
    /// <param name="Values">A microbiological plan's n results (null = 未检出); <paramref name="Value"/> is then left empty.</param>
    public sealed record ResultItem(string? Analyte, decimal? Value, string? Unit, decimal? Lod, int? Decimals, decimal? Density, string? Method,
        int? SignificantDigits = null, IReadOnlyList<decimal?>? Values = null);

    public sealed record OverrideRequest(ItemVerdict Verdict, string? Reason);

    /// <summary>Days for 核查处置 (第四十五条, U): 90 by default.</summary>
    private int ActionDays => configuration.GetValue("Sampling:DispositionDays", 90);

    private int PublishWorkingDays => configuration.GetValue("Sampling:PublishWorkingDays", 20);

    public async Task<Sample> CreateAsync(Guid businessId, SampleRequest r, CancellationToken ct)
    {
        var business = (await directory.FindAsync([businessId], ct)).SingleOrDefault()
            ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
        if (!db.Request.Scope.AllowsCreateIn(business.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只有经营者所在辖区可以对其抽样。");
        }

        var library = await standards.LibraryAsync(ct);
        var today = ChinaTime.Today(clock);
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        if (string.IsNullOrWhiteSpace(r.ProductName) || r.ProductName.Trim().Length > 200)
        {
            Error("productName", "请填写样品名称（200 字以内）");
        }

        if (r.CategoryCode is null || !library.Categories.ContainsKey(r.CategoryCode))
        {
            Error("categoryCode", r.CategoryCode is null ? "请选择食品类别" : $"食品类别“{r.CategoryCode}”不在标准库中");
        }

        var gtin = Kernel.Identifiers.Gtin.Normalize(r.Gtin);
        if (!string.IsNullOrWhiteSpace(r.Gtin) && gtin is null)
        {
            Error("gtin", $"商品条码“{r.Gtin.Trim()}”不是有效的 GTIN（8、12、13 或 14 位数字，末位校验码正确）");
        }

        if (r.SampledOn > today || r.SampledOn < today.AddDays(-365))
        {
            Error("sampledOn", "抽样日期应在近一年内且不晚于今天");
        }

        if (r.ProductionDate is DateOnly made && made > r.SampledOn)
        {
            Error("productionDate", "生产日期不能晚于抽样日期");
        }

        if (r.BestBefore is DateOnly best && r.ProductionDate is DateOnly produced && best < produced)
        {
            Error("bestBefore", "保质期至不能早于生产日期");
        }

        if (string.IsNullOrWhiteSpace(r.Quantity))
        {
            Error("quantity", "请填写抽样数量（如 2 kg，含复检备份样品）");
        }

        var samplers = (r.Samplers ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (!Kernel.Law.FieldStaff.IsEnough(samplers.Count))
        {
            Error("samplers", Kernel.Law.FieldStaff.SamplersMessage);
        }

        if (string.IsNullOrWhiteSpace(r.Lab))
        {
            Error("lab", "请填写承检机构");
        }

        var analytes = (r.Analytes ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (analytes.Count == 0)
        {
            Error("analytes", "请选择检测项目");
        }
        else if (analytes.FirstOrDefault(a => !library.Analytes.ContainsKey(a)) is { } unknown)
        {
            Error("analytes", $"检测项目“{unknown}”不在标准库中");
        }

        if (r.PlanId is Guid pid)
        {
            var plan = await db.SamplingPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct);
            if (plan is null || !RegionCode.IsWithin(business.RegionCode, plan.RegionCode))
            {
                Error("planId", "抽检计划不存在或不包含该经营者所在区划");
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("sampling.sample-invalid", "抽样单有误，未保存", errors);
        }

        var identity = (await directory.IdentitiesAsync([business.Id], ct)).Single();
        var cal = calendar.Current;
        var county = RegionCode.CountyOf(business.RegionCode) ?? business.RegionCode;
        var prefix = $"SJ{county[..6]}{r.SampledOn.Year}";
        var residue = analytes.Any(a => library.Analytes[a].Group is AnalyteGroup.Pesticide or AnalyteGroup.VeterinaryDrug);
        for (var attempt = 0; ; attempt++)
        {
            // 抽样单编号: SJ + county + year + serial; the unique index settles two samplers at once (retry once).
            var last = await db.Samples.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).Where(s => s.Code.StartsWith(prefix)).OrderByDescending(s => s.Code).Select(s => s.Code).FirstOrDefaultAsync(ct);
            var serial = last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
            var sample = new Sample
            {
                Code = $"{prefix}{serial:D6}", PlanId = r.PlanId, Kind = r.Kind, BusinessId = business.Id, BusinessName = business.Name, BusinessUscc = identity.Uscc,
                RegionCode = business.RegionCode, BusinessAddress = identity.Address, BusinessKind = business.Kind, ProductName = r.ProductName!.Trim(), CategoryCode = r.CategoryCode!,
                Brand = Clean(r.Brand), Specification = Clean(r.Specification), Gtin = gtin, Batch = Clean(r.Batch), ProductionDate = r.ProductionDate, Prepackaged = r.Prepackaged, BestBefore = r.BestBefore, LabelledProducer = Clean(r.LabelledProducer),
                LabelledProducerAddress = Clean(r.LabelledProducerAddress), Quantity = r.Quantity!.Trim(), SampledOn = r.SampledOn, Samplers = string.Join('、', samplers), Lab = r.Lab!.Trim(),
                Analytes = string.Join(',', analytes), Status = SampleStatus.Taken, SendBy = SamplingClock.SendBy(cal, r.SampledOn), Residue = residue, RapidTestId = r.RapidTestId,
                CreatedBy = db.Request.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Samples.Add(sample);
            if (r.RapidTestId is Guid rid && await db.RapidTests.FirstOrDefaultAsync(t => t.Id == rid, ct) is { } rapid)
            {
                rapid.FollowUpSampleId = sample.Id;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return sample;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Chain of custody: 寄送 then 接收 (the lab's receipt starts its 20-working-day clock).</summary>
    public async Task<Sample> AdvanceAsync(Guid id, SampleStatus to, DateOnly on, CancellationToken ct)
    {
        var sample = await db.Samples.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw ShianProblemException.NotFound("sampling.sample-not-found", "样品不存在");
        var today = ChinaTime.Today(clock);
        var (expected, label) = to switch
        {
            SampleStatus.Sent => (SampleStatus.Taken, "寄送"),
            SampleStatus.Received => (SampleStatus.Sent, "接收"),
            _ => throw ShianProblemException.Invalid("sampling.custody-invalid", "只能登记寄送或接收"),
        };
        if (sample.Status != expected)
        {
            throw ShianProblemException.Conflict("sampling.custody-order", $"样品当前状态为“{StatusLabel(sample.Status)}”，不能登记{label}");
        }

        var previous = to == SampleStatus.Sent ? sample.SampledOn : sample.SentOn!.Value;
        if (on > today || on < previous)
        {
            throw ShianProblemException.Invalid("sampling.custody-invalid", $"{label}日期应在 {previous:yyyy-MM-dd} 与今天之间", new Dictionary<string, string[]> { ["on"] = [$"{label}日期应在 {previous:yyyy-MM-dd} 与今天之间"] });
        }

        sample.Status = to;
        if (to == SampleStatus.Sent)
        {
            sample.SentOn = on;
        }
        else
        {
            sample.ReceivedOn = on;
            sample.ReportDueBy = SamplingClock.ReportDueBy(calendar.Current, on);
        }

        await db.SaveChangesAsync(ct);
        return sample;
    }

    /// <summary>The lab's results: every item validated and judged first; then results, verdict and (if 不合格) the disposition in one transaction.</summary>
    /// <param name="concludedOn">The date the lab's report was issued (default today): the lab's reporting clock runs from it.</param>
    public async Task<Sample> EnterResultsAsync(Guid id, IReadOnlyList<ResultItem>? items, bool retest, CancellationToken ct, DateOnly? concludedOn = null)
    {
        var sample = await db.Samples.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw ShianProblemException.NotFound("sampling.sample-not-found", "样品不存在");
        var today = ChinaTime.Today(clock);
        if (concludedOn is DateOnly c && (c > today || c < (sample.ReceivedOn ?? sample.SampledOn)))
        {
            throw ShianProblemException.Invalid("sampling.results-invalid", "检验报告日期有误，未保存",
                new Dictionary<string, string[]> { ["concludedOn"] = [$"检验报告日期应在接收样品之日（{(sample.ReceivedOn ?? sample.SampledOn):yyyy-MM-dd}）至今天之间"] });
        }

        var disposition = await db.Dispositions.FirstOrDefaultAsync(d => d.SampleId == id, ct);
        if (retest)
        {
            if (disposition?.RetestRequestedOn is null)
            {
                throw ShianProblemException.Conflict("sampling.retest-not-requested", "该样品没有受理的复检申请");
            }

            if (disposition.RetestConforming is not null)
            {
                throw ShianProblemException.Conflict("sampling.results-exist", "复检结论已录入（复检结论为最终结论）");
            }
        }
        else if (sample.Status == SampleStatus.Reported || await db.SampleResults.AnyAsync(x => x.SampleId == id && !x.Retest, ct))
        {
            throw ShianProblemException.Conflict("sampling.results-exist", "检验结果已录入，不能重复录入；如判定有误，请对该项目进行人工判定并说明理由");
        }
        else if (sample.Status != SampleStatus.Received)
        {
            throw ShianProblemException.Conflict("sampling.custody-order", "检验机构接收样品后才能录入结果");
        }

        var library = await standards.LibraryAsync(ct);
        var requested = sample.Analytes.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var list = items ?? [];
        var errors = new Dictionary<string, string[]>();
        var judged = new List<(ResultItem Item, ItemJudgement Judgement, ResolvedLimit? Limit)>();
        var judgedOn = LimitBook.LimitDate(sample.Prepackaged, sample.ProductionDate, sample.SampledOn);
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var row = $"第 {i + 1} 项";
            if (item.Analyte is null || !library.Analytes.ContainsKey(item.Analyte))
            {
                errors[$"items[{i}].analyte"] = [$"{row}：检测项目“{item.Analyte}”不在标准库中"];
                continue;
            }

            if (!requested.Contains(item.Analyte))
            {
                errors[$"items[{i}].analyte"] = [$"{row}：{library.Analytes[item.Analyte].Name} 不在抽样单的检测项目中"];
                continue;
            }

            if (list.Take(i).Any(x => x.Analyte == item.Analyte))
            {
                errors[$"items[{i}].analyte"] = [$"{row}：{library.Analytes[item.Analyte].Name} 重复"];
                continue;
            }

            // A prepackaged food is judged by the edition in force when it was made (review D-9); where that differs from the
            // edition in force on the sampling date, the explanation names both.
            var limit = library.Book.Resolve(sample.CategoryCode, item.Analyte, judgedOn);
            try
            {
                var j = Judgement.Judge(new ItemResult(item.Value, item.Unit ?? "", item.Lod, item.Decimals, item.Density, item.SignificantDigits, item.Values), limit);
                if (judgedOn != sample.SampledOn && library.Book.Resolve(sample.CategoryCode, item.Analyte, sample.SampledOn) is var current && current?.Rule.Id != limit?.Rule.Id)
                {
                    j = j with { Explanation = $"{j.Explanation}。按生产日期 {judgedOn:yyyy-MM-dd} 适用{(limit is null ? "（无限量）" : limit.Rule.StandardEdition)}；抽样日 {sample.SampledOn:yyyy-MM-dd} 现行{(current is null ? "无限量规定" : $"{current.Rule.StandardEdition} {LimitText(current.Rule)}")}" };
                }

                judged.Add((item, j, limit));
            }
            catch (JudgementRefused e)
            {
                errors[$"items[{i}].{e.Field}"] = [$"{row}（{library.Analytes[item.Analyte].Name}）：{e.Message}"];
            }
        }

        var missing = requested.Where(a => list.All(x => x.Analyte != a)).ToList();
        if (missing.Count > 0)
        {
            errors["items"] = [$"缺少检测项目：{string.Join("、", missing.Select(a => library.Analytes.TryGetValue(a, out var x) ? x.Name : a))}"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("sampling.results-invalid", "检验结果有误，未保存", errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (item, j, limit) in judged)
        {
            db.SampleResults.Add(new SampleResult
            {
                SampleId = sample.Id, RegionCode = sample.RegionCode, BusinessUscc = sample.BusinessUscc, AnalyteCode = item.Analyte!, SampledOn = sample.SampledOn, Value = item.Values is { Count: > 0 } ? j.ComparedValue : item.Value, Unit = item.Unit!.Trim(),
                Lod = item.Lod, Decimals = item.Decimals, SignificantDigits = item.SignificantDigits, Density = item.Density, Method = Clean(item.Method),
                Values = item.Values is { Count: > 0 } vs ? SampleResult.JoinValues(vs) : null, JudgedOn = judgedOn, AutoVerdict = j.Verdict, Verdict = j.Verdict, Explanation = j.Explanation,
                LimitId = limit?.Rule.Id, LimitText = limit is null ? null : LimitText(limit.Rule), Retest = retest, EnteredBy = db.Request.UserName, EnteredAtUtc = now,
            });
        }

        var verdict = Judgement.Overall(judged.Select(x => x.Judgement.Verdict));
        Disposition? started = null;
        if (retest)
        {
            // 食品安全法 第八十八条: the 复检 conclusion is final.
            disposition!.RetestConforming = verdict != SampleVerdict.NonConforming;
            disposition.RetestConcludedOn = concludedOn ?? today;
            if (disposition.RetestConforming == true)
            {
                disposition.Closed = true;
                disposition.ActionNote = "复检合格，原检验结论撤销";
                sample.Verdict = SampleVerdict.Conforming;
            }
        }
        else
        {
            sample.Status = SampleStatus.Reported;
            sample.ReportedOn = today;
            sample.Verdict = verdict;
            sample.ConcludedOn = concludedOn ?? today;
            sample.LabReportBy = SamplingClock.LabReportBy(calendar.Current, sample.ConcludedOn.Value, verdict == SampleVerdict.NonConforming);
            started = await StartDispositionAsync(sample, today, ct);
        }

        RaiseVerdictEvents(sample, started);
        if (started is not null)
        {
            await notices.ToBusinessAsync(sample.Id, "抽检不合格", started.Kind == SampleKind.Supervision
                ? "检验结论为不合格。请立即查清原因，对同批次产品采取停止经营等措施并整改。收到正式送达的检验结论后 7 个工作日内可申请复检或提出异议。"
                : "风险监测（评价性抽检）发现不合格项目，监管部门将进行核查，请配合查清原因、整改。", ct);
        }
        else if (retest)
        {
            await notices.ToBusinessAsync(sample.Id, "复检结论", disposition!.RetestConforming == true
                ? "复检合格，原检验结论撤销。" : "复检仍不合格，复检结论为最终检验结论（食品安全法 第八十八条）。", ct);
        }

        await db.SaveChangesAsync(ct);
        return sample;
    }

    /// <summary>人工判定: changes one item's verdict with a reason (audited; the automatic verdict stays beside it) and re-derives the sample's.</summary>
    public async Task<Sample> OverrideAsync(Guid sampleId, Guid resultId, OverrideRequest r, CancellationToken ct)
    {
        var sample = await db.Samples.FirstOrDefaultAsync(s => s.Id == sampleId, ct) ?? throw ShianProblemException.NotFound("sampling.sample-not-found", "样品不存在");
        var result = await db.SampleResults.FirstOrDefaultAsync(x => x.Id == resultId && x.SampleId == sampleId, ct) ?? throw ShianProblemException.NotFound("sampling.result-not-found", "检验结果不存在");
        if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Trim().Length < 5)
        {
            throw ShianProblemException.Invalid("sampling.override-invalid", "人工判定必须说明理由（不少于 5 个字）", new Dictionary<string, string[]> { ["reason"] = ["请说明人工判定的理由（不少于 5 个字），该理由将记入审计日志"] });
        }

        if (result.Retest)
        {
            throw ShianProblemException.Conflict("sampling.override-invalid", "复检结论为最终结论，不能人工更改");
        }

        result.Verdict = r.Verdict;
        result.OverrideReason = r.Reason.Trim();
        result.OverriddenBy = db.Request.UserName;
        result.OverriddenAtUtc = clock.GetUtcNow().UtcDateTime;
        var verdicts = await db.SampleResults.Where(x => x.SampleId == sampleId && !x.Retest && x.Id != resultId).Select(x => x.Verdict).ToListAsync(ct);
        var previous = sample.Verdict;
        sample.Verdict = Judgement.Overall(verdicts.Append(r.Verdict));
        var today = ChinaTime.Today(clock);
        var started = sample.Verdict == SampleVerdict.NonConforming && previous != SampleVerdict.NonConforming ? await StartDispositionAsync(sample, today, ct) : null;
        if (previous == SampleVerdict.NonConforming && sample.Verdict != SampleVerdict.NonConforming && await db.Dispositions.FirstOrDefaultAsync(d => d.SampleId == sampleId, ct) is { Closed: false } open)
        {
            open.Closed = true;
            open.ActionNote = $"人工判定改为{Judgement.Label(sample.Verdict.Value)}：{result.OverrideReason}";
        }

        RaiseVerdictEvents(sample, started);
        await db.SaveChangesAsync(ct);
        return sample;
    }

    private async Task<Disposition?> StartDispositionAsync(Sample sample, DateOnly concludedOn, CancellationToken ct)
    {
        if (sample.Verdict != SampleVerdict.NonConforming || await db.Dispositions.AnyAsync(d => d.SampleId == sample.Id, ct))
        {
            return null;
        }

        var cal = calendar.Current;
        var supervision = sample.Kind == SampleKind.Supervision;
        var d = new Disposition
        {
            SampleId = sample.Id, Kind = sample.Kind, RegionCode = sample.RegionCode, BusinessUscc = sample.BusinessUscc, BusinessId = sample.BusinessId, ConcludedOn = concludedOn,
            NotifyBy = SamplingClock.NotifyBy(cal, concludedOn), ActionBy = SamplingClock.ActionBy(concludedOn, ActionDays),
            CaseDecisionDue = SamplingClock.CaseDecisionDue(cal, concludedOn),

            // Review D-2: a 监督抽检 failure is a case clue and is published; 风险监测/评价性 are notified and 核查 (an officer may raise a clue by hand).
            PublishBy = SamplingClock.PublishBy(cal, concludedOn, PublishWorkingDays), CaseClueRaised = supervision,
        };
        db.Dispositions.Add(d);
        return d;
    }

    /// <summary>With the verdict's commit: Risk re-grades the business; a newly started disposition sends its case clue to enforcement.</summary>
    private void RaiseVerdictEvents(Sample sample, Disposition? started)
    {
        events.Raise(new RiskEvidenceChanged(sample.BusinessId));
        if (started is { CaseClueRaised: true })
        {
            events.Raise(new CaseClueRaised(CaseClueSource.Sampling, sample.Id, sample.BusinessId, sample.BusinessName, sample.RegionCode, sample.ReportedOn ?? ChinaTime.Today(clock),
                started.CaseDecisionDue, $"抽检不合格：{sample.ProductName}（{sample.Code}）"));

            // The lot may have to be recalled (食品安全法 第六十三条): traceability proposes a recall for the officers to grade.
            var failures = string.Join("、", db.SampleResults.Local.Where(r => r.SampleId == sample.Id && r.Verdict == ItemVerdict.NonConforming).Select(r => r.AnalyteCode).Distinct());
            events.Raise(new SupervisionSampleFailed(sample.Id, sample.Code, sample.BusinessId, sample.BusinessName, sample.RegionCode, sample.ProductName, sample.Gtin, sample.Batch,
                sample.ProductionDate, sample.LabelledProducer, started.ConcludedOn, failures));
        }
    }

    /// <summary>An officer refers a 风险监测/评价性抽检 failure to enforcement by hand (the automatic clue is for 监督抽检 only).</summary>
    public async Task<Disposition> RaiseCaseClueAsync(Guid sampleId, CancellationToken ct)
    {
        var sample = await db.Samples.FirstOrDefaultAsync(s => s.Id == sampleId, ct) ?? throw ShianProblemException.NotFound("sampling.sample-not-found", "样品不存在");
        var d = await db.Dispositions.FirstOrDefaultAsync(x => x.SampleId == sampleId, ct)
            ?? throw ShianProblemException.NotFound("sampling.disposition-not-found", "该样品没有不合格处置记录");
        if (d.CaseClueRaised)
        {
            throw ShianProblemException.Conflict("sampling.clue-exists", "已移送执法（案件线索）");
        }

        d.CaseClueRaised = true;
        events.Raise(new CaseClueRaised(CaseClueSource.Sampling, sample.Id, sample.BusinessId, sample.BusinessName, sample.RegionCode, ChinaTime.Today(clock),
            SamplingClock.CaseDecisionDue(calendar.Current, ChinaTime.Today(clock)), $"{KindLabels[sample.Kind]}发现问题，人工移送：{sample.ProductName}（{sample.Code}）"));
        await db.SaveChangesAsync(ct);
        return d;
    }

    public static string LimitText(LimitRule rule)
    {
        static string F(decimal? d) => d?.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return rule.Plan is { } plan
            ? plan.ThreeClass ? $"n={plan.N}, c={plan.C}, m={F(rule.Limit)}, M={F(plan.UpperLimit)} {rule.Unit}" : $"n={plan.N}, c={plan.C}, m={F(rule.Limit)}{(rule.Unit?.StartsWith('/') == true ? "" : " ")}{rule.Unit}"
            : rule.NotDetectable ? rule.DecisionValue is decimal dv ? $"不得检出（判定值 {F(dv)} {rule.Unit}）" : "不得检出"
            : $"≤{F(rule.Limit)} {rule.Unit}";
    }

    public static string StatusLabel(SampleStatus s) => s switch
    {
        SampleStatus.Taken => "已抽样",
        SampleStatus.Sent => "已寄送",
        SampleStatus.Received => "检验中",
        _ => "已出结论",
    };

    public static IReadOnlyDictionary<SampleKind, string> KindLabels { get; } = new Dictionary<SampleKind, string>
    {
        [SampleKind.Supervision] = "监督抽检", [SampleKind.RiskMonitoring] = "风险监测", [SampleKind.Evaluation] = "评价性抽检",
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
