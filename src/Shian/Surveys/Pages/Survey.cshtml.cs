using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Shian.Kernel.Documents;
using Shian.Kernel.Users;
using Shian.Surveys.Contracts;
using Shian.Surveys.Domain;
using Shian.Web;

namespace Shian.Surveys.Pages;

/// <summary>
/// One survey: while designed, its questions (add, remove), the sample size and quotas by district, and 开始调查; once
/// open, the public link with its QR code, invitation codes by district (downloaded once as a workbook), each district's
/// responses against its quota and the estimate with its 95 % interval (table and chart), 结束调查.
/// </summary>
[Requires(SurveysPermissions.Read)]
public sealed class SurveyModel(SurveyDesk desk) : PageModel
{
    public Survey Survey { get; private set; } = null!;

    public IReadOnlyList<SurveyQuestion> Questions { get; private set; } = [];

    public SurveyDesk.Design? Design { get; private set; }

    public SurveyDesk.Results Results { get; private set; } = null!;

    public string PublicUrl { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public bool CanManage => User.Grants(SurveysPermissions.Manage);

    public bool CanInterview => User.Grants(SurveysPermissions.Interview);

    public string Posted(string name, string fallback = "") => Request.HasFormContentType && Request.Form.ContainsKey(name) ? Request.Form[name].ToString() : fallback;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await desk.FindAsync(id, ct) is not { } s)
        {
            return false;
        }

        Survey = s;
        Questions = SurveyDesk.Questions(s);
        Design = s.Status == SurveyStatus.Draft ? await desk.DesignAsync(s, ct) : null;
        Results = await desk.ResultsAsync(s, ct, Design); // a draft's design once, not twice
        PublicUrl = $"{Request.Scheme}://{Request.Host}/public/surveys/{s.PublicCode}";
        if (s.Status == SurveyStatus.Open)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(PublicUrl, QRCodeGenerator.ECCLevel.M);
            QrSvg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(180, 180), "#000000", "#ffffff", drawQuietZones: true);
        }

        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(SurveysPermissions.Manage)]
    public Task<IActionResult> OnPostQuestionAsync(Guid id, string? kind, string? text, string? options, string? correct, bool scored, bool required, CancellationToken ct) =>
        ActAsync(id, () => desk.AddQuestionAsync(id, new SurveyDesk.QuestionInput(FormValues.Choice<QuestionKind>(kind), text, options, correct, scored, required), ct), "question", ct);

    [Requires(SurveysPermissions.Manage)]
    public Task<IActionResult> OnPostRemoveAsync(Guid id, int number, CancellationToken ct) =>
        ActAsync(id, () => desk.RemoveQuestionAsync(id, number, ct), "removed", ct);

    [Requires(SurveysPermissions.Manage)]
    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) => ActAsync(id, () => desk.OpenAsync(id, ct), "opened", ct);

    [Requires(SurveysPermissions.Manage)]
    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => ActAsync(id, () => desk.CloseAsync(id, ct), "closed", ct);

    /// <summary>New invitation codes for a district, downloaded at once as a workbook (code, link); they are not shown again.</summary>
    [Requires(SurveysPermissions.Manage)]
    public async Task<IActionResult> OnPostInviteAsync(Guid id, string? regionCode, int? count, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            var codes = await desk.InviteAsync(id, regionCode, count ?? 0, ct);
            var district = SurveyDesk.Quotas(Survey).First(q => q.RegionCode == regionCode).Name;
            var sheet = new Sheet(["邀请码", "区县", "答卷地址"], [.. codes.Select(c => (IReadOnlyList<string>)[c, district, $"{PublicUrl}?c={c.Replace("-", "", StringComparison.Ordinal)}"])]);
            Response.Headers.CacheControl = "no-store";
            return await sheet.FileAsync("xlsx", $"邀请码-{district}-{codes.Count}", ct);
        }, () => LoadAsync(id, ct));
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> act, string done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            await act();
            return Redirect($"/surveys/{id}?saved={done}");
        }, () => LoadAsync(id, ct));
    }
}
