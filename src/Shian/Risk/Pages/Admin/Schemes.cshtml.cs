using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Risk.Domain;
using Shian.Risk.Rules;
using Shian.Web;

namespace Shian.Risk.Pages.Admin;

/// <summary>风险分级方案: every version with its definition; a new version starts from the latest one's, is checked whole and added.</summary>
[Requires(KernelPermissions.AdminReference)]
public sealed class SchemesModel(RiskSchemes schemes, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RiskScheme> Schemes { get; private set; } = [];

    [BindProperty, Display(Name = "方案代码")]
    public string? Code { get; set; }

    [BindProperty, Display(Name = "版本")]
    public int? Version { get; set; }

    [BindProperty, Display(Name = "方案名称")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "省级代码")]
    public string? Province { get; set; }

    [BindProperty, Display(Name = "生效日期")]
    public DateOnly? EffectiveFrom { get; set; }

    [BindProperty, Display(Name = "依据")]
    public string? Basis { get; set; }

    [BindProperty, Display(Name = "方案内容")]
    public string? Definition { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public static string PrettyJson(string json) => JsonSerializer.Serialize(JsonSerializer.Deserialize<RiskSchemeDefinition>(json, JsonSerializerOptions.Web), RiskSchemes.Pretty);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Schemes.FirstOrDefault() is { } latest)
        {
            var newest = Schemes.Where(s => s.Code == latest.Code).MaxBy(s => s.Version)!;
            Code = newest.Code;
            Version = newest.Version + 1;
            Name = newest.Name;
            Province = newest.Province;
            Basis = newest.Basis;
            Definition = PrettyJson(newest.DefinitionJson);
        }

        EffectiveFrom = ChinaTime.Today(clock).AddDays(1);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => this.TryAsync(async () =>
    {
        var definition = RiskSchemes.Parse(Definition);
        var scheme = await schemes.AddAsync(new RiskSchemes.Request(Code ?? "", Version ?? 0, Name, Province ?? "", EffectiveFrom ?? default, definition, Basis), ct);
        Saved = $"已新增方案 {scheme.Code} 第 {scheme.Version} 版，自 {scheme.EffectiveFrom:yyyy年M月d日} 起用于重新评定。";
        return RedirectToPage();
    }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct) => Schemes = await schemes.ListAsync(ct);
}
