using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Service = Shian.Governance.AssessmentService;
using Shian.Data;
using Shian.Governance.Contracts;
using Shian.Governance.Domain;
using Shian.Governance.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Governance.Pages.Assessments;

/// <summary>
/// One 考核方案: items and weights, assessors' scores, 一票否决, the live ranking (frozen once published) and
/// publication. The form fields are read from Request.Form by name (weight-{item} …) because their number varies.
/// </summary>
[Requires(GovernancePermissions.Results)]
public sealed class SchemeModel(Service assessments, Shian.Governance.AssessmentRanking ranking, Shian.Governance.AssessmentPublication publication, ShianDb db) : PageModel
{
    public Shian.Governance.AssessmentRanking.SchemeView View { get; private set; } = null!;

    public string OfficeName { get; private set; } = "";

    /// <summary>Plans of the office (for task-completion items) and their targets with a value (for target items).</summary>
    public IReadOnlyList<(Guid Id, string Title)> Plans { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Text)> Targets { get; private set; } = [];

    public bool CanManage => View.Scheme.Status == AssessmentStatus.Draft
        && User.Grants(GovernancePermissions.Assess);

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(GovernancePermissions.Assess)]
    public Task<IActionResult> OnPostWeightsAsync(Guid id, CancellationToken ct) => RunAsync(id, "已保存项目分值", async () =>
    {
        var view = await ranking.ViewAsync(id, ct) ?? throw ShianProblemException.NotFound("governance.assessment-not-found", "考核方案不存在");
        var updates = new Dictionary<Guid, Service.ItemUpdate>();
        var errors = new Dictionary<string, string[]>();
        foreach (var item in view.Items)
        {
            var weight = Number($"weight-{item.Id}", $"第 {item.Ordinal} 项分值", errors);
            var deduction = item.Kind == AssessmentItemKind.IncognitoChecks ? Number($"deduct-{item.Id}", $"第 {item.Ordinal} 项每个问题扣分", errors) : null;
            var applies = Request.Form[$"applies-{item.Id}"].ToString();
            updates[item.Id] = new Service.ItemUpdate(null, weight, StrictEnums.TryParse<AssesseeKind>(applies, out var k) ? k : null, applies.Length == 0, deduction);
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-item-invalid", "考核项目有误，未保存", errors);
        }

        await assessments.UpdateItemsAsync(id, updates, ct);
    }, ct);

    [Requires(GovernancePermissions.Assess)]
    public Task<IActionResult> OnPostAddItemAsync(Guid id, CancellationToken ct) => RunAsync(id, "已添加考核项目", async () =>
    {
        var errors = new Dictionary<string, string[]>();
        var weight = Number("weight", "分值", errors) ?? 0;
        if (!StrictEnums.TryParse<AssessmentItemKind>(Request.Form["kind"], out var kind))
        {
            errors["kind"] = [$"项目类型“{Request.Form["kind"]}”无效，请重新选择"];
        }

        var appliesText = Request.Form["appliesTo"].ToString();
        if (!StrictEnums.TryParse<AssesseeKind>(appliesText, out var applies) && appliesText.Length > 0)
        {
            errors["appliesTo"] = [$"适用对象“{appliesText}”无效，请重新选择"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-item-invalid", "考核项目有误，未保存", errors);
        }

        Guid? Ref(string name) => Guid.TryParse(Request.Form[name], out var g) ? g : null;
        var target = Ref("targetId");
        var plan = Ref("planId");
        var name = Request.Form["name"].ToString();
        if (name.Length == 0 && kind == AssessmentItemKind.Target && target is Guid t)
        {
            name = Targets.FirstOrDefault(x => x.Id == t).Text ?? "";
        }

        await assessments.AddItemAsync(id, new Service.ItemRequest(name, kind, weight, Request.Form["appliesTo"].ToString().Length == 0 ? null : applies,
            target, plan, null), ct);
    }, ct);

    [Requires(GovernancePermissions.Assess)]
    public Task<IActionResult> OnPostDeleteItemAsync(Guid id, Guid itemId, CancellationToken ct) =>
        RunAsync(id, "已删除考核项目", () => assessments.DeleteItemAsync(id, itemId, ct), ct);

    [Requires(GovernancePermissions.Assess)]
    public Task<IActionResult> OnPostScoreAsync(Guid id, Guid itemId, CancellationToken ct) => RunAsync(id, "已保存评分", async () =>
    {
        var errors = new Dictionary<string, string[]>();
        var points = Number("points", "得分", errors);
        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.assessment-score-invalid", "评分有误，未保存", errors);
        }

        await assessments.SetScoreAsync(id, itemId, new Service.ScoreRequest(Request.Form["assesseeKey"].ToString(), points, Request.Form["note"].ToString()), ct);
    }, ct);

    [Requires(GovernancePermissions.Assess)]
    public Task<IActionResult> OnPostVetoAsync(Guid id, CancellationToken ct) => RunAsync(id, "已记录一票否决", async () =>
    {
        _ = DateOnly.TryParse(Request.Form["occurredOn"], CultureInfo.InvariantCulture, out var on);
        await assessments.VetoAsync(id, new Service.VetoRequest(Request.Form["assesseeKey"].ToString(), Request.Form["reason"].ToString(), on), ct);
    }, ct);

    [Requires(GovernancePermissions.Assess)]
    public Task<IActionResult> OnPostRemoveVetoAsync(Guid id, Guid vetoId, CancellationToken ct) =>
        RunAsync(id, "已撤销一票否决", () => assessments.RemoveVetoAsync(id, vetoId, ct), ct);

    [Requires(GovernancePermissions.Assess)]
    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "考核结果已公布", () => publication.PublishAsync(id, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, string done, Func<Task> action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            await action();
            TempData["Saved"] = done;
            return Redirect($"/governance/assessments/{id}");
        }, () => LoadAsync(id, ct), underFields: false);
    }

    private decimal? Number(string field, string label, Dictionary<string, string[]> errors)
    {
        var raw = Request.Form[field].ToString().Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = [$"{label}：“{raw}”不是数字"];
        return null;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await ranking.ViewAsync(id, ct);

        // A draft ranking is the office's working material: those who only read results see a scheme once published.
        if (view is null || (view.Scheme.Status != AssessmentStatus.Published && !User.Grants(GovernancePermissions.Assess)))
        {
            return false;
        }

        View = view;
        Saved = TempData["Saved"] as string;
        OfficeName = await db.Regions.AsNoTracking().Where(r => r.Code == view.Scheme.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? view.Scheme.RegionCode;
        var plans = await db.Plans.AsNoTracking().Where(p => p.RegionCode == view.Scheme.RegionCode && p.Year >= view.Scheme.Year - 2 && p.Year <= view.Scheme.Year)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Title).Select(p => new { p.Id, p.Title, p.Year }).ToListAsync(ct);
        Plans = [.. plans.Select(p => (p.Id, $"{p.Year} {p.Title}"))];
        var planIds = plans.Select(p => p.Id).ToList();
        var targets = await (from t in db.Targets.AsNoTracking()
                             join task in db.PlanTasks.AsNoTracking() on t.TaskId equals task.Id
                             where planIds.Contains(task.PlanId) && t.Value != null
                             orderby task.PlanId, task.Ordinal, t.Ordinal
                             select new { t.Id, t.Text, task.Number }).ToListAsync(ct);
        Targets = [.. targets.Select(t => (t.Id, $"{t.Number} {t.Text}"))];
        return true;
    }

    public static string Grade(AssessmentGrade grade) => AssessmentScoring.Label(grade);
}
