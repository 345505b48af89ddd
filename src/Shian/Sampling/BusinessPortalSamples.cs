using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Registry.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// 我的企业: the samples taken at the business in the last year and, for each failure still open, what the business may and
/// must do: apply for 复检 or raise an 异议 inside the 7-working-day window (监督抽检 only; 食品安全法 第八十八条), and take the
/// product off sale, recall it and find the cause before the office's 核查处置 date. Only the records carrying its USCC.
/// </summary>
internal sealed class BusinessPortalSamples(ShianDb db) : IBusinessPortalSection
{
    public sealed record Model(IReadOnlyList<Sample> Samples, IReadOnlyDictionary<Guid, Disposition> Open, int Failed, DateOnly Today);

    public int Order => 20;

    public async Task<BusinessPortalPart?> LoadAsync(BusinessPortalContext context, CancellationToken ct)
    {
        var since = context.Today.AddYears(-1);
        var samples = await db.Samples.AsNoTracking().Where(s => s.BusinessUscc == context.Uscc && s.SampledOn >= since)
            .OrderByDescending(s => s.SampledOn).ThenByDescending(s => s.Code).Take(50).ToListAsync(ct);
        var open = (await db.Dispositions.AsNoTracking().Where(d => d.BusinessUscc == context.Uscc && !d.Closed).ToListAsync(ct))
            .Where(d => !DispositionSteps.IsClosed(d, context.Today)).ToList();
        if (samples.Count == 0 && open.Count == 0)
        {
            return null;
        }

        var names = await db.Samples.AsNoTracking().Where(s => open.Select(d => d.SampleId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ProductName, ct);
        var actions = new List<PortalAction>();
        foreach (var d in open)
        {
            var product = names.GetValueOrDefault(d.SampleId) ?? "";
            var href = $"/sampling/mine/{d.SampleId}";
            if (d.Kind == SampleKind.Supervision && d.NotifiedOn is not null && d.RetestRequestedOn is null && d.ObjectionFiledOn is null
                && d.RetestApplyBy is DateOnly by && context.Today <= by)
            {
                actions.Add(new PortalAction($"可申请复检或提出异议：{product}", "对检验结论有异议的，可在期限内在线申请复检（微生物等法定不予复检的情形除外）或对抽样程序、检验方法等提出异议。", by, href));
            }

            if (d.ActionCompletedOn is null && d.ObjectionUpheld != true && d.RetestConforming != true)
            {
                actions.Add(new PortalAction($"不合格产品处置：{product}", "立即停止经营、下架、召回不合格产品，查明原因并整改；监管部门将在期限内核查处置情况。", d.ActionBy, href));
            }
        }

        return new BusinessPortalPart("/Sampling/Pages/Shared/_PortalSamples.cshtml",
            new Model(samples, open.ToDictionary(d => d.SampleId), samples.Count(s => s.Verdict == SampleVerdict.NonConforming), context.Today), actions);
    }
}
