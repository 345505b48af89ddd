using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;
using Shian.Inspections.Rules;
using Shian.Registry.Contracts;

namespace Shian.Inspections;

/// <summary>
/// 我的企业: the business's inspection results (published or awaiting the officer's review), its open rectification orders
/// with where its reply stands, and the actions they ask: a rectification report by the order's date, a new one after a
/// rejected reply. Read through the region filter: only the records that carry the account's USCC.
/// </summary>
internal sealed class BusinessPortalInspections(ShianDb db) : IBusinessPortalSection
{
    public sealed record Row(InspectionRecord Record, InspectionReply? LatestReply, bool OpenRectification);

    public sealed record Model(IReadOnlyList<Row> Rows, DateOnly? LastInspectedOn);

    public int Order => 10;

    public async Task<BusinessPortalPart?> LoadAsync(BusinessPortalContext context, CancellationToken ct)
    {
        var records = await db.InspectionRecords.AsNoTracking().Where(r => r.BusinessUscc == context.Uscc)
            .OrderByDescending(r => r.InspectedOn).ThenByDescending(r => r.Id).Take(20).ToListAsync(ct);
        if (records.Count == 0)
        {
            return null;
        }

        var ids = records.Select(r => r.Id).ToList();
        var replies = (await db.InspectionReplies.AsNoTracking().Where(x => ids.Contains(x.RecordId)).ToListAsync(ct))
            .GroupBy(x => x.RecordId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.SubmittedAtUtc).First());
        var rows = new List<Row>();
        var actions = new List<PortalAction>();
        foreach (var r in records)
        {
            var latest = replies.GetValueOrDefault(r.Id);
            var open = r.RectifyBy is not null && r.Rectified != true && r.RectificationCheckedOn is null && latest?.Status != ReplyStatus.Accepted;
            rows.Add(new Row(r, latest, open));
            if (!open || latest?.Status == ReplyStatus.Submitted)
            {
                continue;
            }

            var what = $"{r.BusinessName}，{r.InspectedOn:yyyy年M月d日}检查结果为“{Checklists.Label(r.Result)}”";
            actions.Add(latest?.Status == ReplyStatus.Rejected
                ? new PortalAction("整改回复未获认可，请补充后重新提交", $"{what}。监管部门意见：{latest.ReviewNote}", r.RectifyBy, $"/inspections/records/{r.Id}#replies")
                : new PortalAction("提交整改情况报告", $"{what}，请按期整改并上传整改照片和说明。", r.RectifyBy, $"/inspections/records/{r.Id}#replies"));
        }

        return new BusinessPortalPart("/Inspections/Pages/Shared/_PortalInspections.cshtml", new Model(rows, records.Max(r => r.InspectedOn)), actions);
    }
}
