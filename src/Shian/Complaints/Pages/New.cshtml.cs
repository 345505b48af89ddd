using Microsoft.AspNetCore.Mvc;
using Shian.Complaints;
using Shian.Complaints.Contracts;
using Shian.Complaints.Domain;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;
using Shian.Web;

namespace Shian.Complaints.Pages;

/// <summary>The hotline operator's form (12315/12345/12331 calls, the counter): the same record as every channel, with the ticket id.</summary>
[Requires(ComplaintsPermissions.Intake)]
public sealed class NewModel(Intake intake, ShianDb db, IPublicRegister register) : ComplaintFormPage(register)
{
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "来电渠道")] public ComplaintChannel Channel { get; set; } = ComplaintChannel.Hotline12345;
    [BindProperty] public string? TicketId { get; set; }

    public static readonly ComplaintChannel[] Channels = [ComplaintChannel.Hotline12345, ComplaintChannel.Hotline12315, ComplaintChannel.Hotline12331, ComplaintChannel.Counter];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await this.TryAsync(async () =>
    {
        if (!Channels.Contains(Channel))
        {
            throw Kernel.Errors.ShianProblemException.Invalid("complaints.channel", "请选择来电渠道", new Dictionary<string, string[]> { ["channel"] = ["请选择 12345、12315、12331 或窗口"] });
        }

        var receipt = await intake.FileAsync(Channel, new Intake.Filing(Kind, Category, Description, OccurredOn, BusinessId, BusinessName, Address, null, null,
            string.IsNullOrEmpty(RegionCode) ? null : RegionCode, Anonymous, Name, Phone, TicketId), ct);
        TempData["ComplaintReceipt"] = receipt.FollowUpKey is null
            ? $"已登记，查询码 {Rules.TrackingCodes.Display(receipt.TrackingCode)}，请告知来电人。"
            : $"已登记，查询码 {Rules.TrackingCodes.Display(receipt.TrackingCode)}，匿名查询密钥 {receipt.FollowUpKey}（只显示这一次），请告知来电人。";
        return Redirect($"/complaints/{receipt.Id}");
    }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct) => Places = await OfficeRegions.ForAsync(db, [RegionLevel.County, RegionLevel.Town], 300, ct);
}
