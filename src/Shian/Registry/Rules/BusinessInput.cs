using Shian.Kernel.Identifiers;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;

namespace Shian.Registry.Rules;

/// <summary>A business (and optionally its licence) as a form, the API or an import row gives it; validated without the database.</summary>
public sealed record BusinessInput(
    string? Name, string? Uscc, string? Kind, string? RegionCode, string? Address, string? LegalRepresentative, string? ResponsiblePerson,
    string? ResponsiblePersonId, string? Phone, decimal? FloorArea, int? Employees, bool ServesSpecialPopulation, string? Status,
    string? LicenceKind, string? LicenceNumber, string? LicenceIssuer, DateOnly? LicenceIssuedOn, DateOnly? LicenceValidTo, string? LicenceScope,
    string? Places = null, string? Certification = null, DateOnly? CertifiedUntil = null);

/// <summary>The validated, normalised business and licence.</summary>
public sealed record ValidBusiness(string Name, string? Uscc, BusinessKind Kind, string RegionCode, string Address, string? LegalRepresentative,
    string? ResponsiblePerson, string? ResponsiblePersonId, string? Phone, decimal? FloorArea, int? Employees, bool ServesSpecialPopulation, BusinessStatus Status,
    ValidLicence? Licence, BusinessPlace Places = BusinessPlace.None, string? Certification = null, DateOnly? CertifiedUntil = null);

public sealed record ValidLicence(LicenceKind Kind, string Number, string? Issuer, DateOnly? IssuedOn, DateOnly? ValidTo, string? Scope);

/// <summary>
/// Field-by-field checks with Chinese messages keyed by the field's Chinese column name (the import names row and
/// column with them; the API and forms show them under the field). Pure: the caller says which region codes exist.
/// </summary>
public static class BusinessValidation
{
    public static readonly IReadOnlyList<(string Field, string Column)> Columns =
    [
        ("name", "名称"), ("uscc", "统一社会信用代码"), ("kind", "主体类型"), ("regionCode", "区划代码"), ("address", "经营地址"),
        ("legalRepresentative", "法定代表人"), ("responsiblePerson", "食品安全管理员"), ("responsiblePersonId", "管理员身份证号"), ("phone", "联系电话"),
        ("floorArea", "经营面积（㎡）"), ("employees", "从业人数"), ("servesSpecialPopulation", "服务特殊人群"), ("status", "经营状态"),
        ("licenceKind", "许可证类型"), ("licenceNumber", "许可证编号"), ("licenceIssuer", "发证机关"), ("licenceIssuedOn", "发证日期"),
        ("licenceValidTo", "有效期至"), ("licenceScope", "经营项目"), ("places", "场所标签"),
        ("certification", "体系认证"), ("certifiedUntil", "认证到期日"),
    ];

    public static string ColumnOf(string field) => Columns.FirstOrDefault(c => c.Field == field).Column ?? field;

    public static (ValidBusiness? Value, Dictionary<string, string[]> Errors) Validate(BusinessInput input, Func<string, bool> regionExists)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        var name = Clean(input.Name);
        if (name is null)
        {
            Error("name", "请填写名称");
        }
        else if (name.Length > 200)
        {
            Error("name", "名称不能超过 200 字");
        }

        var uscc = Clean(input.Uscc)?.ToUpperInvariant();
        if (uscc is not null && !Uscc.IsValid(uscc))
        {
            Error("uscc", $"“{uscc}”不是有效的统一社会信用代码（GB 32100，18 位，末位校验）");
        }

        if (!RegistryLabels.TryKind(input.Kind, out var kind))
        {
            Error("kind", string.IsNullOrWhiteSpace(input.Kind) ? "请填写主体类型" : $"主体类型“{input.Kind?.Trim()}”不在名录中（如：{string.Join("、", RegistryLabels.Kinds.Values.Take(5))}…）");
        }
        else if (uscc is null && kind is not (BusinessKind.Vendor or BusinessKind.Farm or BusinessKind.SmallWorkshop or BusinessKind.SmallRestaurant))
        {
            Error("uscc", "该类主体应填写统一社会信用代码（摊贩、小作坊、小餐饮、种养殖户可不填）");
        }

        var region = Clean(input.RegionCode);
        if (region is null || !RegionCode.IsValid(region) || !regionExists(region))
        {
            Error("regionCode", region is null ? "请填写区划代码" : $"区划代码“{region}”不存在（应为 12 位统计用区划代码）");
        }
        else if (RegionCode.LevelOf(region) is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Zone or RegionLevel.Village))
        {
            Error("regionCode", "经营者应登记在县（区）或乡镇（街道）一级");
        }

        var address = Clean(input.Address);
        if (address is null)
        {
            Error("address", "请填写经营地址");
        }

        var personId = Clean(input.ResponsiblePersonId)?.ToUpperInvariant();
        if (personId is not null && !ResidentId.IsValid(personId))
        {
            Error("responsiblePersonId", "身份证号无效（GB 11643，18 位，末位校验）");
        }

        if (input.FloorArea is < 0 or > 10_000_000)
        {
            Error("floorArea", "经营面积应在 0–10000000 ㎡ 之间");
        }

        if (input.Employees is < 0 or > 1_000_000)
        {
            Error("employees", "从业人数应为非负整数");
        }

        var status = BusinessStatus.Operating;
        if (Clean(input.Status) is { } statusText && !RegistryLabels.TryStatus(statusText, out status))
        {
            Error("status", $"经营状态应为 在营、停业 或 注销，“{statusText}”不符合");
        }

        if (!RegistryLabels.TryPlaces(input.Places, out var places, out var unknownPlace))
        {
            Error("places", $"场所标签“{unknownPlace}”无法识别（可填：{string.Join("、", RegistryLabels.Places.Values)}）");
        }

        // 体系认证 (HACCP, ISO 22000, GMP …): the 2016 风险分级办法 lowers the grade of a certified business by one where the
        // scheme says so (review D-14); the name and its validity go together.
        var certification = Clean(input.Certification);
        if (certification is { Length: > 100 })
        {
            Error("certification", "体系认证名称不能超过 100 字");
        }
        else if (certification is not null && input.CertifiedUntil is null)
        {
            Error("certifiedUntil", "请填写体系认证的到期日");
        }
        else if (certification is null && input.CertifiedUntil is not null)
        {
            Error("certification", "填写了认证到期日，请填写认证名称（如 HACCP、ISO 22000）");
        }

        ValidLicence? licence = null;
        var number = Clean(input.LicenceNumber);
        var licenceKindText = Clean(input.LicenceKind);
        if (number is not null || licenceKindText is not null)
        {
            var licenceKind = errors.ContainsKey("kind") ? Contracts.LicenceKind.FoodOperation : RegistryLabels.ExpectedLicence(kind);
            if (licenceKindText is not null && !RegistryLabels.TryLicenceKind(licenceKindText, out licenceKind))
            {
                Error("licenceKind", $"许可证类型“{licenceKindText}”无法识别（如：食品生产许可证、食品经营许可证、备案凭证）");
            }

            var (parsed, numberError) = LicenceNumber.Parse(licenceKind, number);
            if (numberError is not null)
            {
                Error("licenceNumber", numberError);
            }
            else if (parsed is { CountyPrefix.Length: 6 } && !regionExists(parsed.CountyPrefix + "000000"))
            {
                Error("licenceNumber", $"许可证编号中的行政区划代码 {parsed.CountyPrefix} 不存在");
            }

            if (input.LicenceIssuedOn is DateOnly issued && input.LicenceValidTo is DateOnly to && to < issued)
            {
                Error("licenceValidTo", "有效期至不能早于发证日期");
            }

            licence = new ValidLicence(licenceKind, Rules.LicenceNumber.Normalise(number), Clean(input.LicenceIssuer), input.LicenceIssuedOn, input.LicenceValidTo, Clean(input.LicenceScope));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ValidBusiness(name!, uscc, kind, region!, address!, Clean(input.LegalRepresentative), Clean(input.ResponsiblePerson), personId,
            Clean(input.Phone), input.FloorArea, input.Employees, input.ServesSpecialPopulation || IsSpecialPopulation(kind), status, licence, places,
            certification, certification is null ? null : input.CertifiedUntil), errors);
    }

    /// <summary>Canteens of schools, kindergartens and elderly care serve special populations by their nature.</summary>
    public static bool IsSpecialPopulation(BusinessKind kind) => kind is BusinessKind.SchoolCanteen or BusinessKind.KindergartenCanteen or BusinessKind.ElderlyCareCanteen;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
