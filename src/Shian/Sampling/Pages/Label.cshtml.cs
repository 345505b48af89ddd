using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;

namespace Shian.Sampling.Pages;

/// <summary>The bag label (样品标签/封条): the sample code as a QR code (QRCoder, SVG) and in print, with what the sampler signs.</summary>
[Requires(SamplingPermissions.Sample)]
public sealed class LabelModel(ShianDb db) : PageModel
{
    public Sample Item { get; private set; } = null!;

    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var sample = await db.Samples.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sample is null)
        {
            return NotFound();
        }

        Item = sample;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(sample.Code, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(180, 180), "#000000", "#ffffff", drawQuietZones: true);
        return Page();
    }
}
