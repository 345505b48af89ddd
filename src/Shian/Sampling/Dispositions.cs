using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>The steps after a non-conforming sample, each checked against its statutory date; overdue steps are flagged on read.</summary>
public sealed class Dispositions(ShianDb db, WorkingDayCalendarProvider calendar, Kernel.Events.DomainEvents events, BusinessNotices notices, TimeProvider clock)
{
    public sealed record DateBody(DateOnly On);

    /// <summary>An 异议 received on <paramref name="On"/> on its <paramref name="Ground"/> (the window depends on it).</summary>
    public sealed record ObjectionBody(DateOnly On, string? Reason, ObjectionGround? Ground = null);

    /// <summary>受理 (<paramref name="Accepted"/>) or 不予受理 with the reason, within 5 working days of receipt.</summary>
    public sealed record ObjectionAcceptanceBody(DateOnly On, bool Accepted, string? Note);

    public sealed record ObjectionDecisionBody(DateOnly On, bool Upheld, string? Note);

    public sealed record ActionBody(bool RemovedFromSale, bool Recalled, string? Cause, string? Note, DateOnly? CompletedOn);

    /// <summary>A step's state on a day: done (when), due (by when), overdue; <paramref name="Ours"/> false for a step another module carries out (立案).</summary>

    public async Task<Disposition> NotifiedAsync(Guid sampleId, DateOnly on, CancellationToken ct)
    {
        var d = await OpenAsync(sampleId, ct);
        if (on < d.ConcludedOn || on > ChinaTime.Today(clock))
        {
            throw Invalid("on", $"送达日期应在检验结论日（{d.ConcludedOn:yyyy-MM-dd}）与今天之间");
        }

        d.NotifiedOn = on;
        d.RetestApplyBy = d.Kind == SampleKind.Supervision ? SamplingClock.RetestApplyBy(calendar.Current, on) : null;
        d.Closed = d.Closed || DispositionSteps.IsComplete(d, ChinaTime.Today(clock));
        await notices.ToBusinessAsync(sampleId, "检验结论已送达", d.RetestApplyBy is DateOnly by
            ? $"送达日期 {on:yyyy-MM-dd}。如对检验数据有异议，可在 {by:yyyy-MM-dd} 前申请复检；对样品真实性、检验方法或标准适用有异议的，同期提出异议。"
            : $"送达日期 {on:yyyy-MM-dd}。", ct);
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>The business's 复检 application: only within 7 working days of its receipt of the conclusion (食品安全法 第八十八条).</summary>
    public async Task<Disposition> RetestRequestedAsync(Guid sampleId, DateOnly on, CancellationToken ct)
    {
        var d = await OpenAsync(sampleId, ct);
        if (d.NotifiedOn is null)
        {
            throw ShianProblemException.Conflict("sampling.retest-too-early", "尚未登记检验结论送达，不能受理复检申请");
        }

        if (d.RetestRequestedOn is not null)
        {
            throw ShianProblemException.Conflict("sampling.retest-exists", "已受理复检申请");
        }

        EnsureWithinApplicationWindow(d, on, "申请", "复检申请");
        var sample = await db.Samples.AsNoTracking().FirstAsync(s => s.Id == sampleId, ct);
        var failed = await db.SampleResults.AsNoTracking().Where(r => r.SampleId == sampleId && !r.Retest && r.Verdict == ItemVerdict.NonConforming)
            .Select(r => r.AnalyteCode).ToListAsync(ct);
        var groups = await db.Analytes.AsNoTracking().Where(a => failed.Contains(a.Code)).Select(a => a.Group).ToListAsync(ct);
        if (RetestRules.Refusal(sample.Kind == SampleKind.Supervision, groups, sample.BestBefore, on) is { } refusal)
        {
            throw ShianProblemException.Conflict("sampling.retest-excluded", refusal);
        }

        d.RetestRequestedOn = on;
        d.RetestAcceptBy = SamplingClock.RetestAcceptBy(calendar.Current, on);
        d.Closed = d.Closed || DispositionSteps.IsComplete(d, ChinaTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return d;
    }

    public enum RetestStep
    {
        /// <summary>复检受理.</summary>
        Accepted,

        /// <summary>确定复检机构.</summary>
        LabChosen,

        /// <summary>移交复检备份样品.</summary>
        BackupHandedOver,
    }

    /// <param name="Lab">The 复检机构 (for <see cref="RetestStep.LabChosen"/>).</param>
    /// <param name="Extended">The 5 extra working days for objective reasons were used (for <see cref="RetestStep.LabChosen"/>).</param>
    /// <param name="Extended">For <see cref="RetestStep.LabChosen"/>: the 5 working days extended by 5; for <see cref="RetestStep.BackupHandedOver"/>: the 3 extended by 3 (objective reasons, 第三十二条).</param>
    public sealed record RetestStepBody(RetestStep Step, DateOnly On, string? Lab = null, bool Extended = false);

    /// <summary>
    /// The department's and labs' steps of a 复检 on their clocks (抽检办法 第三十二条、第三十五条): 受理, the 复检机构 fixed,
    /// the backup sample handed over; each in order, dated, not before the previous one nor after today. The conclusion
    /// comes with the 复检 results.
    /// </summary>
    public async Task<Disposition> RetestStepAsync(Guid sampleId, RetestStepBody body, CancellationToken ct)
    {
        if (!Enum.IsDefined(body.Step))
        {
            throw ShianProblemException.Invalid("sampling.retest-step-invalid", "复检步骤无效", new Dictionary<string, string[]> { ["step"] = ["复检步骤应为 Accepted、LabChosen 或 BackupHandedOver"] });
        }

        var d = await OpenAsync(sampleId, ct);
        if (d.RetestRequestedOn is not DateOnly applied)
        {
            throw ShianProblemException.Conflict("sampling.retest-not-requested", "该样品没有复检申请");
        }

        if (d.RetestConforming is not null)
        {
            throw ShianProblemException.Conflict("sampling.retest-concluded", "复检已出结论");
        }

        var today = ChinaTime.Today(clock);
        var (previous, done, label) = body.Step switch
        {
            RetestStep.Accepted => ((DateOnly?)applied, d.RetestAcceptedOn, "复检受理"),
            RetestStep.LabChosen => (d.RetestAcceptedOn, d.RetestLabChosenOn, "确定复检机构"),
            _ => (d.RetestLabChosenOn, d.BackupHandedOverOn, "移交复检备份样品"),
        };
        if (previous is not DateOnly after)
        {
            throw ShianProblemException.Conflict("sampling.retest-step-order", $"请先完成上一步，再登记“{label}”");
        }

        if (done is not null)
        {
            throw ShianProblemException.Conflict("sampling.retest-step-done", $"“{label}”已登记");
        }

        if (body.On < after || body.On > today)
        {
            throw ShianProblemException.Invalid("sampling.retest-step-invalid", $"{label}日期应在上一步（{after:yyyy-MM-dd}）之后且不晚于今天",
                new Dictionary<string, string[]> { ["on"] = [$"{label}日期应在 {after:yyyy-MM-dd} 至今天之间"] });
        }

        var cal = calendar.Current;
        switch (body.Step)
        {
            case RetestStep.Accepted:
                d.RetestAcceptedOn = body.On;
                d.RetestLabBy = SamplingClock.RetestLabBy(cal, body.On, false);
                break;
            case RetestStep.LabChosen:
                var lab = body.Lab?.Trim();
                if (string.IsNullOrEmpty(lab) || lab.Length > 200)
                {
                    throw ShianProblemException.Invalid("sampling.retest-step-invalid", "请填写复检机构名称（不超过 200 字）", new Dictionary<string, string[]> { ["lab"] = ["请填写复检机构名称（不超过 200 字）"] });
                }

                d.RetestLab = lab;
                d.RetestLabExtended = body.Extended;
                d.RetestLabBy = SamplingClock.RetestLabBy(cal, d.RetestAcceptedOn!.Value, body.Extended);
                d.RetestLabChosenOn = body.On;
                d.BackupHandOverBy = SamplingClock.BackupHandOverBy(cal, body.On);
                break;
            default:
                d.BackupHandOverExtended = body.Extended;
                d.BackupHandOverBy = SamplingClock.BackupHandOverBy(cal, d.RetestLabChosenOn!.Value, body.Extended);
                d.BackupHandedOverOn = body.On;
                d.RetestConclusionBy = SamplingClock.RetestConclusionBy(cal, body.On);
                break;
        }

        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>
    /// 异议 received: on the sampling procedure within 7 working days after sampling, no notice needed (第三十七条第二款);
    /// on authenticity, method or standard within 7 working days of the notice (第三款). 受理 is due 5 working days later.
    /// </summary>
    public async Task<Disposition> ObjectionAsync(Guid sampleId, ObjectionBody body, CancellationToken ct)
    {
        var d = await OpenAsync(sampleId, ct);
        if (d.ObjectionFiledOn is not null)
        {
            throw ShianProblemException.Conflict("sampling.objection-exists", "已收到异议");
        }

        if (body.Ground is not ObjectionGround ground)
        {
            throw Invalid("ground", "请选择异议的事由：抽样过程、样品真实性、检验方法或标准适用（对检验数值有异议的应申请复检）");
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            throw Invalid("reason", "请写明异议的具体内容");
        }

        var sample = await db.Samples.AsNoTracking().FirstAsync(s => s.Id == sampleId, ct);
        if (sample.Kind != SampleKind.Supervision)
        {
            throw ShianProblemException.Conflict("sampling.objection-excluded", "风险监测、评价性抽检的结果不适用异议程序（《食品安全抽样检验管理办法》第三十七条针对监督抽检结论）");
        }

        if (ground == ObjectionGround.Procedure)
        {
            var by = SamplingClock.ProcedureObjectionBy(calendar.Current, sample.SampledOn);
            if (body.On < sample.SampledOn || body.On > ChinaTime.Today(clock))
            {
                throw Invalid("on", "收到日期应不早于抽样日期且不晚于今天");
            }

            if (body.On > by)
            {
                throw Invalid("on", $"对抽样过程的异议应在抽样完成后 7 个工作日内提出（截至 {by:yyyy-MM-dd}，《食品安全抽样检验管理办法》第三十七条第二款），不予受理");
            }
        }
        else
        {
            if (d.NotifiedOn is null)
            {
                throw ShianProblemException.Conflict("sampling.objection-too-early", "尚未登记检验结论送达：对样品真实性、检验方法、标准适用的异议自收到结论之日起计算");
            }

            EnsureWithinApplicationWindow(d, body.On, "收到", "异议");
        }

        d.ObjectionFiledOn = body.On;
        d.ObjectionGround = ground;
        d.ObjectionReason = body.Reason.Trim();
        d.ObjectionAcceptBy = SamplingClock.ObjectionAcceptBy(calendar.Current, body.On);
        d.Closed = d.Closed || DispositionSteps.IsComplete(d, ChinaTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>受理 (the 20-working-day review starts) or 不予受理 (the objection ends, with its reason).</summary>
    public async Task<Disposition> ObjectionAcceptanceAsync(Guid sampleId, ObjectionAcceptanceBody body, CancellationToken ct)
    {
        var d = await OpenAsync(sampleId, ct);
        if (d.ObjectionFiledOn is null || d.ObjectionAcceptedOn is not null || d.ObjectionDecidedOn is not null)
        {
            throw ShianProblemException.Conflict("sampling.objection-none", d.ObjectionFiledOn is null ? "没有收到异议" : "异议已受理或已处理");
        }

        if (body.On < d.ObjectionFiledOn || body.On > ChinaTime.Today(clock))
        {
            throw Invalid("on", "受理日期应在收到异议之后且不晚于今天");
        }

        if (!body.Accepted && string.IsNullOrWhiteSpace(body.Note))
        {
            throw Invalid("note", "不予受理的，请写明理由");
        }

        if (body.Accepted)
        {
            d.ObjectionAcceptedOn = body.On;
            d.ObjectionDecisionDue = SamplingClock.ObjectionDecisionDue(calendar.Current, body.On);
        }
        else
        {
            d.ObjectionDecidedOn = body.On;
            d.ObjectionUpheld = false;
            d.ActionNote = $"异议不予受理：{body.Note!.Trim()}";
        }

        d.Closed = d.Closed || DispositionSteps.IsComplete(d, ChinaTime.Today(clock));
        await notices.ToBusinessAsync(sampleId, body.Accepted ? "异议已受理" : "异议不予受理", body.Accepted
            ? $"受理日期 {body.On:yyyy-MM-dd}，将在 {d.ObjectionDecisionDue:yyyy-MM-dd} 前作出审核结论。" : $"理由：{body.Note!.Trim()}", ct);
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>The objection's decision: upheld → the conclusion is withdrawn (the sample becomes 待判定) and the disposition closes; rejected → it goes on.</summary>
    public async Task<Disposition> ObjectionDecisionAsync(Guid sampleId, ObjectionDecisionBody body, CancellationToken ct)
    {
        var d = await OpenAsync(sampleId, ct);
        if (d.ObjectionFiledOn is null || d.ObjectionDecidedOn is not null)
        {
            throw ShianProblemException.Conflict("sampling.objection-none", d.ObjectionFiledOn is null ? "没有待审核的异议" : "异议已审核");
        }

        if (d.ObjectionAcceptedOn is null && d.ObjectionDecisionDue is null)
        {
            throw ShianProblemException.Conflict("sampling.objection-not-accepted", "异议尚未受理：请先作出受理或不予受理的决定");
        }

        if (body.On < (d.ObjectionAcceptedOn ?? d.ObjectionFiledOn) || body.On > ChinaTime.Today(clock))
        {
            throw Invalid("on", "审核日期应在受理之后且不晚于今天");
        }

        d.ObjectionDecidedOn = body.On;
        d.ObjectionUpheld = body.Upheld;
        if (body.Upheld)
        {
            var sample = await db.Samples.FirstAsync(s => s.Id == sampleId, ct);
            sample.Verdict = Rules.SampleVerdict.Undetermined;
            d.ActionNote = $"异议成立，检验结论撤销：{body.Note?.Trim()}";
        }

        if (body.Upheld)
        {
            events.Raise(new Risk.Contracts.RiskEvidenceChanged(d.BusinessId)); // the failure no longer counts
        }

        d.Closed = d.Closed || DispositionSteps.IsComplete(d, ChinaTime.Today(clock));
        await notices.ToBusinessAsync(sampleId, body.Upheld ? "异议成立" : "异议不成立", body.Upheld ? "检验结论撤销。" : "维持原检验结论。", ct);
        await db.SaveChangesAsync(ct);

        return d;
    }

    /// <summary>核查处置: removal from sale, recall, cause found; completing it closes the disposition.</summary>
    public async Task<Disposition> ActionsAsync(Guid sampleId, ActionBody body, CancellationToken ct)
    {
        var d = await OpenAsync(sampleId, ct);
        var today = ChinaTime.Today(clock);
        if (body.CompletedOn is DateOnly done && (done < d.ConcludedOn || done > today))
        {
            throw Invalid("completedOn", "完成日期应在检验结论之后且不晚于今天");
        }

        if (body.CompletedOn is not null && string.IsNullOrWhiteSpace(body.Cause))
        {
            throw Invalid("cause", "完成核查处置时请写明不合格原因排查情况");
        }

        if (d.RetestRequestedOn is not null && d.RetestConforming is null && body.CompletedOn is not null)
        {
            throw ShianProblemException.Conflict("sampling.retest-pending", "复检结论尚未作出，暂不能完成核查处置");
        }

        if (d.ObjectionFiledOn is not null && d.ObjectionDecidedOn is null && body.CompletedOn is not null)
        {
            throw ShianProblemException.Conflict("sampling.objection-pending", "异议尚在审核，暂不能完成核查处置");
        }

        d.RemovedFromSale = body.RemovedFromSale;
        d.Recalled = body.Recalled;
        d.Cause = body.Cause?.Trim();
        d.ActionNote = body.Note?.Trim();
        if (body.CompletedOn is DateOnly completed)
        {
            d.ActionCompletedOn = completed;
        }

        d.Closed = d.Closed || DispositionSteps.IsComplete(d, ChinaTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>处置率 (seed 002: 100 %): closed dispositions of the non-conforming samples concluded in the period.</summary>
    /// <summary>处置率 of a region (its code prefix) and period: dispositions concluded in it, closed, overdue (usability finding 7: scoped like the rest of the dashboard).</summary>
    public async Task<(int Total, int Closed, int Overdue)> RateAsync(string regionCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var prefix = Kernel.Regions.RegionCode.Prefix(regionCode);
        var rows = await db.Dispositions.AsNoTracking().Where(d => d.RegionCode.StartsWith(prefix) && d.ConcludedOn >= from && d.ConcludedOn <= to).ToListAsync(ct);
        return (rows.Count, rows.Count(d => Rules.DispositionSteps.IsClosed(d, today)), rows.Count(d => Rules.DispositionSteps.IsOverdue(d, today)));
    }

    /// <summary>复检 and 异议 share one window: from the notice's receipt to 7 working days after it (食品安全法 第八十八条; 第三十七条).</summary>
    private void EnsureWithinApplicationWindow(Disposition d, DateOnly on, string dateNoun, string what)
    {
        if (on < d.NotifiedOn || on > ChinaTime.Today(clock))
        {
            throw Invalid("on", $"{dateNoun}日期应在送达之后且不晚于今天");
        }

        if (on > d.RetestApplyBy)
        {
            throw Invalid("on", $"{what}已超过期限（收到检验结论之日起 7 个工作日，截至 {d.RetestApplyBy:yyyy-MM-dd}），不予受理");
        }
    }

    private async Task<Disposition> OpenAsync(Guid sampleId, CancellationToken ct)
    {
        var d = await db.Dispositions.FirstOrDefaultAsync(x => x.SampleId == sampleId, ct)
            ?? throw ShianProblemException.NotFound("sampling.disposition-not-found", "该样品没有不合格处置记录");
        if (DispositionSteps.IsClosed(d, ChinaTime.Today(clock)))
        {
            throw ShianProblemException.Conflict("sampling.disposition-closed", "处置已完成");
        }

        return d;
    }

    private static ShianProblemException Invalid(string field, string message) =>
        ShianProblemException.Invalid("sampling.disposition-invalid", message, new Dictionary<string, string[]> { [field] = [message] });
}
