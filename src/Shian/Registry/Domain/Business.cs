using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;

namespace Shian.Registry.Domain;

/// <summary>A food business in the register (食品生产经营者名录), in the region (town or county) where it operates.</summary>
public sealed class Business : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    public required string Name { get; set; }

    /// <summary>统一社会信用代码; absent for vendors and some farms.</summary>
    public string? Uscc { get; set; }

    public BusinessKind Kind { get; set; }

    public BusinessStatus Status { get; set; }

    public required string Address { get; set; }

    public string? LegalRepresentative { get; set; }

    /// <summary>食品安全管理员/负责人.</summary>
    public string? ResponsiblePerson { get; set; }

    /// <summary>The responsible person's 身份证号 (GB 11643), masked (e.g. 210503********1235): what pages, exports and the audit show.</summary>
    public string? ResponsiblePersonIdMasked { get; set; }

    /// <summary>The same 身份证号 sealed by <see cref="Kernel.Privacy.PersonalData"/>; revealed only with its own, audited permission.</summary>
    [Kernel.Audit.NotAudited]
    public string? ResponsiblePersonIdSealed { get; set; }

    public string? Phone { get; set; }

    /// <summary>经营场所面积 (m²): scale for risk and for targets such as 1000 m² caterers.</summary>
    public decimal? FloorArea { get; set; }

    public int? Employees { get; set; }

    /// <summary>Serves special populations (students, children, the elderly, patients): a static risk factor.</summary>
    public bool ServesSpecialPopulation { get; set; }

    /// <summary>Places it operates in (校园周边, 农批市场, 夜市 …), which special campaigns target.</summary>
    public BusinessPlace Places { get; set; }

    /// <summary>体系认证 (HACCP, ISO 22000, GMP …) and the last day it is valid; a risk scheme may lower the grade for it (2016 办法).</summary>
    public string? Certification { get; set; }

    public DateOnly? CertifiedUntil { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The import that created it, if any.</summary>
    public Guid? ImportId { get; init; }

    string? IBusinessOwned.BusinessUscc => Uscc;

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>A licence, registration or filing of a business; renewals add a new row and supersede the old one (history kept).</summary>
public sealed class Licence : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BusinessId { get; init; }

    public required string RegionCode { get; set; }

    public string? BusinessUscc { get; set; }

    public LicenceKind Kind { get; init; }

    public required string Number { get; init; }

    public string? Issuer { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public DateOnly? ValidTo { get; init; }

    /// <summary>经营项目/品种明细.</summary>
    public string? Scope { get; init; }

    public LicenceStatus Status { get; set; }

    public Guid? SupersedesId { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
