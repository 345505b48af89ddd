using Shian.Complaints.Domain;
using Shian.Registry.Contracts;

namespace Shian.Complaints;

/// <summary>我的企业: consumer complaints passed to the business for its answer, with the answer's date as its action.</summary>
internal sealed class BusinessPortalComplaints(RespondentDesk desk) : IBusinessPortalSection
{
    public sealed record Model(IReadOnlyList<RespondentRequest> Requests);

    public int Order => 25;

    public async Task<BusinessPortalPart?> LoadAsync(BusinessPortalContext context, CancellationToken ct)
    {
        var requests = await desk.MineAsync(context.Uscc, ct);
        if (requests.Count == 0)
        {
            return null;
        }

        var actions = requests.Where(r => r.Status == RespondentRequestStatus.Waiting)
            .Select(r => new PortalAction($"答复消费者投诉：{r.BusinessName}", r.Summary.Length <= 80 ? r.Summary : r.Summary[..80] + "…", r.ReplyBy, $"/complaints/mine#request-{r.Id}"));
        return new BusinessPortalPart("/Complaints/Pages/Shared/_PortalComplaints.cshtml", new Model([.. requests.Take(10)]), [.. actions]);
    }
}
