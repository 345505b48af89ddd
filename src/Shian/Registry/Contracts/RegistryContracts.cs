namespace Shian.Registry.Contracts;

/// <summary>What other modules may know of a business: the facts that grade its risk and plan its inspections.</summary>
public sealed record BusinessFacts(Guid Id, string RegionCode, string Name, BusinessKind Kind, BusinessStatus Status, decimal? FloorArea, int? Employees, bool ServesSpecialPopulation,
    BusinessPlace Places = BusinessPlace.None, DateOnly? CertifiedUntil = null);

/// <summary>Read access to the register for other modules (region-filtered like every regulated read).</summary>
public interface IBusinessDirectory
{
    /// <summary>Businesses in a region subtree (all visible ones when null), streamed in id order.</summary>
    IAsyncEnumerable<BusinessFacts> StreamAsync(string? regionCode, CancellationToken ct);

    Task<IReadOnlyList<BusinessFacts>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    Task<IReadOnlyList<Guid>> OfImportAsync(Guid importId, CancellationToken ct);

    /// <summary>Who and where a business is, for records that name it (a sample's 被抽样单位, an announcement).</summary>
    Task<IReadOnlyList<BusinessIdentity>> IdentitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>The registered sites of one USCC that the caller may see (a business user sees its own).</summary>
    Task<IReadOnlyList<BusinessIdentity>> WithUsccAsync(string uscc, CancellationToken ct);
}

/// <summary>A business's name, USCC and address as other modules' records must carry them.</summary>
public sealed record BusinessIdentity(Guid Id, string Name, string? Uscc, string Address, string RegionCode);

/// <summary>Raised after a business was registered or its facts changed (and committed).</summary>
public sealed record BusinessChanged(Guid BusinessId);

/// <summary>Raised after a bulk import committed.</summary>
public sealed record RegisterImported(Guid ImportId, int Count);

/// <summary>What the public may see of a business (name, kind, place, licence): the public lookup.</summary>
public sealed record PublicBusiness(Guid Id, string Name, BusinessKind Kind, string RegionCode, string Address, string? LicenceNumber, DateOnly? LicenceValidTo, BusinessStatus Status);

/// <summary>The public lookup by name or licence number (reads past the region filter: public fields only).</summary>
public interface IPublicRegister
{
    Task<IReadOnlyList<PublicBusiness>> SearchAsync(string query, int max, CancellationToken ct);

    Task<PublicBusiness?> FindAsync(Guid id, CancellationToken ct);
}

/// <summary>
/// A part of a business's profile page (<c>/registry/{id}</c>) that another module contributes — its inspections, its
/// samples, its risk grade — so that the register's page knows nothing of those modules (ADR 0004). The section's
/// partial view lives in the contributing module's <c>Pages</c> folder.
/// </summary>
public interface IBusinessProfileSection
{
    /// <summary>Where the section stands on the page (lower first).</summary>
    int Order { get; }

    /// <summary>The partial view's absolute path, e.g. <c>/Risk/Pages/Shared/_BusinessRisk.cshtml</c>.</summary>
    string PartialView { get; }

    /// <summary>
    /// The partial's model for a business the caller can see (the register already checked the region scope), or null
    /// to leave the section out.
    /// </summary>
    Task<object?> LoadAsync(Guid businessId, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct);
}

/// <summary>A loaded profile section: the partial and its model.</summary>
public sealed record BusinessProfilePart(string PartialView, object Model);

/// <summary>
/// A part of a business's public page (<c>/public/businesses/{id}</c>) that a module contributes — its published
/// inspection results, announced samples, penalties within their publication period, recalls — so that the register's
/// public page reads none of those modules' tables. The section reads past the region filter: published records only.
/// </summary>
public interface IPublicBusinessSection
{
    /// <summary>Where the section stands on the page (lower first).</summary>
    int Order { get; }

    /// <summary>The section's name in the open-data JSON (<c>GET /api/v1/public/businesses/{id}</c>), e.g. <c>inspections</c>.</summary>
    string Key { get; }

    /// <summary>The partial view's absolute path in the contributing module's <c>Pages</c> folder.</summary>
    string PartialView { get; }

    /// <summary>
    /// The partial's model for a business the public may see, or null to leave the section out. The model is also the
    /// section's JSON: public fields only.
    /// </summary>
    Task<object?> LoadAsync(PublicBusiness business, CancellationToken ct);
}

/// <summary>
/// Something the business itself must do, by when (its 我的企业 "需要您处理" list): file a 复检 application, reply to a
/// rectification order, make a 陈述申辩, pay a fine, report a recall's progress. <paramref name="DueBy"/> null: no deadline.
/// </summary>
public sealed record PortalAction(string Title, string? Detail, DateOnly? DueBy, string Href);

/// <summary>Whom 我的企业 is for: the account's USCC, its registered sites (the register's identities), today.</summary>
public sealed record BusinessPortalContext(string Uscc, IReadOnlyList<BusinessIdentity> Sites, DateOnly Today);

/// <summary>A loaded 我的企业 section: the partial, its model, and the actions it asks of the business.</summary>
public sealed record BusinessPortalPart(string PartialView, object Model, IReadOnlyList<PortalAction> Actions);

/// <summary>
/// A part of a food business's own portal (<c>/business</c>, 我的企业) that a module contributes — its inspection results and
/// rectifications, its samples with their 复检 and 异议 windows, its cases and fines, its credit records, its trace capture —
/// so that the register's page reads none of those modules' tables. Sections read through the region filter: a business
/// account sees only the records that carry its USCC.
/// </summary>
public interface IBusinessPortalSection
{
    /// <summary>Where the section stands on the page (lower first).</summary>
    int Order { get; }

    /// <summary>The section's model and actions, or null to leave it out (nothing of this kind concerns the business).</summary>
    Task<BusinessPortalPart?> LoadAsync(BusinessPortalContext context, CancellationToken ct);
}
