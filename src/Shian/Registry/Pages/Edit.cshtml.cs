using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Registry.Rules;
using Shian.Web;

namespace Shian.Registry.Pages;

/// <summary>登记经营者 / 更正登记信息: one business by hand (with its licence when new), checked by the import's rules.</summary>
[Requires(RegistryPermissions.Register)]
public sealed class EditModel(RegistryService registry, ShianDb db) : PageModel
{
    /// <summary>The form: text as typed, so that the rules name what is wrong in Chinese.</summary>
    public sealed class Form
    {
        [Display(Name = "名称")] public string? Name { get; set; }
        [Display(Name = "统一社会信用代码")] public string? Uscc { get; set; }
        [Display(Name = "主体类型")] public string? Kind { get; set; }
        [Display(Name = "区划")] public string? RegionCode { get; set; }
        [Display(Name = "经营地址")] public string? Address { get; set; }
        [Display(Name = "法定代表人")] public string? LegalRepresentative { get; set; }
        [Display(Name = "食品安全管理员")] public string? ResponsiblePerson { get; set; }
        [Display(Name = "管理员身份证号")] public string? ResponsiblePersonId { get; set; }
        [Display(Name = "联系电话")] public string? Phone { get; set; }
        [Display(Name = "经营面积（㎡）")] public decimal? FloorArea { get; set; }
        [Display(Name = "从业人数")] public int? Employees { get; set; }
        [Display(Name = "服务特殊人群")] public bool ServesSpecialPopulation { get; set; }
        [Display(Name = "场所标签")] public List<string> Places { get; set; } = [];
        [Display(Name = "体系认证")] public string? Certification { get; set; }
        [Display(Name = "认证到期日")] public DateOnly? CertifiedUntil { get; set; }
        [Display(Name = "许可证类型")] public string? LicenceKind { get; set; }
        [Display(Name = "许可证编号")] public string? LicenceNumber { get; set; }
        [Display(Name = "发证机关")] public string? LicenceIssuer { get; set; }
        [Display(Name = "发证日期")] public DateOnly? LicenceIssuedOn { get; set; }
        [Display(Name = "有效期至")] public DateOnly? LicenceValidTo { get; set; }
        [Display(Name = "经营项目")] public string? LicenceScope { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public string? MaskedPersonId { get; private set; }

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is Guid id)
        {
            if (await registry.ProfileAsync(id, ct) is not { } profile)
            {
                return NotFound();
            }

            var b = profile.Business;
            Input = new Form
            {
                Name = b.Name, Uscc = b.Uscc, Kind = b.Kind.ToString(), RegionCode = b.RegionCode, Address = b.Address, LegalRepresentative = b.LegalRepresentative,
                ResponsiblePerson = b.ResponsiblePerson, Phone = b.Phone, FloorArea = b.FloorArea, Employees = b.Employees, ServesSpecialPopulation = b.ServesSpecialPopulation,
                Places = [.. RegistryLabels.Places.Keys.Where(p => b.Places.HasFlag(p)).Select(p => p.ToString())],
                Certification = b.Certification, CertifiedUntil = b.CertifiedUntil,
            };
            MaskedPersonId = b.ResponsiblePersonIdMasked;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var input = new BusinessInput(Input.Name, Input.Uscc, Input.Kind, Input.RegionCode, Input.Address, Input.LegalRepresentative, Input.ResponsiblePerson,
                Input.ResponsiblePersonId, Input.Phone, Input.FloorArea, Input.Employees, Input.ServesSpecialPopulation, null,
                IsNew ? Input.LicenceKind : null, IsNew ? Input.LicenceNumber : null, Input.LicenceIssuer, Input.LicenceIssuedOn, Input.LicenceValidTo, Input.LicenceScope,
                string.Join("、", Input.Places), Input.Certification, Input.CertifiedUntil);
            try
            {
                var business = Id is Guid id ? await registry.UpdateAsync(id, input, ct) : await registry.CreateAsync(input, ct);
                return Redirect($"/registry/{business.Id}?saved=1");
            }
            catch (Kernel.Errors.ShianProblemException e) when (e.Status != StatusCodes.Status404NotFound)
            {
                PageErrors.Add(ModelState, e, property => typeof(Form).GetProperty(property) is not null);
                MoveErrorsUnderInput();
            }
        }

        if (Id is Guid existing)
        {
            if (await registry.ProfileAsync(existing, ct) is not { } profile)
            {
                return NotFound();
            }

            MaskedPersonId = profile.Business.ResponsiblePersonIdMasked;
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The rules name fields as the API does (name, licenceNumber); the form's fields are Input.Name, Input.LicenceNumber.</summary>
    private void MoveErrorsUnderInput()
    {
        foreach (var key in ModelState.Keys.Where(k => k.Length > 0 && !k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            if (typeof(Form).GetProperty(key) is not null)
            {
                foreach (var e in ModelState[key]!.Errors)
                {
                    ModelState.AddModelError("Input." + key, e.ErrorMessage);
                }

                ModelState.Remove(key);
            }
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Regions = await OfficeRegions.ForAsync(db, [RegionLevel.County, RegionLevel.Zone, RegionLevel.Town], 2000, ct);
    }
}
