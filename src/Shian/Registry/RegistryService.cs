using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;

namespace Shian.Registry;

/// <summary>The register of food businesses: create, read, search, licences (with renewal history) and status.</summary>
public sealed class RegistryService(ShianDb db, Kernel.Events.DomainEvents events, TimeProvider clock, Kernel.Privacy.PersonalData personal, Credit.Contracts.IBarredPersons barred)
{
    /// <summary>
    /// A 食品安全管理员 barred by 《食品安全法》第一百三十五条 (5 years after a revoked licence, life after a food crime) cannot be
    /// named: the refusal names the field and the bar.
    /// </summary>
    private async Task EnsureNotBarredAsync(string? residentId, CancellationToken ct)
    {
        if (residentId is not null && await barred.FindAsync(residentId, Kernel.Calendar.ChinaTime.Today(clock), ct) is { } m)
        {
            throw ShianProblemException.Invalid("registry.person-barred", "食品安全管理员属于禁业人员，未保存",
                new Dictionary<string, string[]> { ["responsiblePersonId"] = [m.Refusal] });
        }
    }

    public sealed record Query(string? Q, string? RegionCode, BusinessKind? Kind, BusinessStatus? Status, bool? LicenceExpiring, int Page = 1, int PageSize = 50);

    public sealed record Row(Guid Id, string Name, string? Uscc, BusinessKind Kind, BusinessStatus Status, string RegionCode, string Address, string? LicenceNumber, DateOnly? LicenceValidTo);

    public sealed record PageOf(IReadOnlyList<Row> Rows, int Total, int Page, int PageSize)
    {
        /// <summary>More matches exist than were counted (<see cref="CountCap"/>).</summary>
        public bool TotalIsCapped => Total > CountCap;
    }

    public const int CountCap = 10_000;

    public sealed record Profile(Business Business, IReadOnlyList<Licence> Licences);

    public sealed record LicenceRequest(string? Kind, string? Number, string? Issuer, DateOnly? IssuedOn, DateOnly? ValidTo, string? Scope, Guid? Supersedes);

    public const int MaxPageSize = 200;

    /// <summary>Calendar days before a licence's expiry when the register lists it as expiring (a view filter; the renewal windows are <see cref="Rules.RenewalWindows"/>).</summary>
    public const int ExpiringWithinDays = 90;

    public async Task<Business> CreateAsync(BusinessInput input, CancellationToken ct)
    {
        var regions = await RegionSetAsync(input.RegionCode, input.LicenceNumber, ct);
        var (valid, errors) = BusinessValidation.Validate(input, regions.Contains);
        if (valid is null)
        {
            throw ShianProblemException.Invalid("registry.business-invalid", "经营者信息有误，未保存", errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(valid.RegionCode))
        {
            throw ShianProblemException.RegionForbidden($"您无权在区划 {valid.RegionCode} 登记经营者。");
        }

        await EnsureNotRegisteredAsync(valid.Uscc, valid.Licence, ct);
        await EnsureNotBarredAsync(valid.ResponsiblePersonId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var business = NewBusiness(valid, now, null, personal);
        db.Businesses.Add(business);
        db.BusinessNameGrams.AddRange(GramsOf(business));
        if (valid.Licence is { } l)
        {
            db.Licences.Add(NewLicence(business, l, now));
        }

        events.Raise(new Contracts.BusinessChanged(business.Id));
        await db.SaveChangesAsync(ct);
        return business;
    }

    /// <summary>
    /// Corrects a business's registration (name, USCC, kind, region, address, people, scale, places): checked whole by
    /// the same rules as registering, within the caller's regions (the old and the new), and audited. A blank 身份证号
    /// keeps the one on record. Status and licences have their own acts (<see cref="SetStatusAsync"/>, <see cref="AddLicenceAsync"/>).
    /// </summary>
    public async Task<Business> UpdateAsync(Guid id, BusinessInput input, CancellationToken ct)
    {
        var business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == id, ct)
            ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
        EnsureMayChange(business);
        var regions = await RegionSetAsync(input.RegionCode, null, ct);
        var (valid, errors) = BusinessValidation.Validate(input with { Status = null, LicenceKind = null, LicenceNumber = null }, regions.Contains);
        if (valid is null)
        {
            throw ShianProblemException.Invalid("registry.business-invalid", "经营者信息有误，未保存", errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(valid.RegionCode))
        {
            throw ShianProblemException.Invalid("registry.business-invalid", "经营者信息有误，未保存",
                new Dictionary<string, string[]> { ["regionCode"] = ["只能改到您所辖的区划"] });
        }

        if (valid.Uscc is not null && valid.Uscc != business.Uscc
            && await db.Businesses.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(b => b.Uscc == valid.Uscc && b.Id != id, ct))
        {
            throw ShianProblemException.Conflict("registry.business-exists", $"统一社会信用代码 {valid.Uscc} 已登记。");
        }

        await EnsureNotBarredAsync(valid.ResponsiblePersonId, ct);
        if (valid.Name != business.Name)
        {
            // The name's pieces follow it: those it no longer has go, new ones come (a piece both names have stays).
            var pieces = NameGrams.Of(valid.Name).ToHashSet(StringComparer.Ordinal);
            var had = await db.BusinessNameGrams.Where(g => g.BusinessId == id).ToListAsync(ct);
            db.BusinessNameGrams.RemoveRange(had.Where(g => !pieces.Contains(g.Gram)));
            db.BusinessNameGrams.AddRange(pieces.Except(had.Select(g => g.Gram)).Select(g => new BusinessNameGram { Gram = g, BusinessId = id }));
        }

        business.Name = valid.Name;
        business.Uscc = valid.Uscc;
        business.Kind = valid.Kind;
        business.RegionCode = valid.RegionCode;
        business.Address = valid.Address;
        business.LegalRepresentative = valid.LegalRepresentative;
        business.ResponsiblePerson = valid.ResponsiblePerson;
        if (valid.ResponsiblePersonId is not null)
        {
            var sealedId = personal.SealResidentId(valid.ResponsiblePersonId);
            business.ResponsiblePersonIdMasked = sealedId.Masked;
            business.ResponsiblePersonIdSealed = sealedId.Sealed;
        }

        business.Phone = valid.Phone;
        business.FloorArea = valid.FloorArea;
        business.Employees = valid.Employees;
        business.ServesSpecialPopulation = valid.ServesSpecialPopulation;
        business.Places = valid.Places;
        business.Certification = valid.Certification;
        business.CertifiedUntil = valid.CertifiedUntil;
        business.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        foreach (var l in await db.Licences.Where(l => l.BusinessId == id).ToListAsync(ct))
        {
            l.RegionCode = business.RegionCode;
            l.BusinessUscc = business.Uscc;
        }

        events.Raise(new Contracts.BusinessChanged(business.Id));
        await db.SaveChangesAsync(ct);
        return business;
    }

    /// <summary>
    /// Writes many validated businesses (and their licences) in one transaction, saved in 2 000-row chunks with the
    /// change tracker cleared between them to bound memory; <paramref name="progress"/> gets the count written so far.
    /// </summary>
    internal static async Task AddManyAsync(ShianDb db, Kernel.Privacy.PersonalData personal, IReadOnlyList<ValidBusiness> valid, Guid? importId, DateTime now, Action<int>? progress, CancellationToken ct)
    {
        const int chunk = 2000;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < valid.Count; i += chunk)
        {
            foreach (var v in valid.Skip(i).Take(chunk))
            {
                var business = NewBusiness(v, now, importId, personal);
                db.Businesses.Add(business);
                if (importId is null)
                {
                    db.BusinessNameGrams.AddRange(GramsOf(business)); // an import's are written at its end, in SQL
                }
                if (v.Licence is { } l)
                {
                    db.Licences.Add(NewLicence(business, l, now));
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Invoke(Math.Min(i + chunk, valid.Count));
        }

        if (importId is { } import)
        {
            await Data.NameGramFill.ForImportAsync(db, import, ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>The pieces of a new business's name for the name search (<see cref="NameGrams"/>).</summary>
    internal static IEnumerable<BusinessNameGram> GramsOf(Business business) =>
        NameGrams.Of(business.Name).Select(g => new BusinessNameGram { Gram = g, BusinessId = business.Id });

    internal static Business NewBusiness(ValidBusiness v, DateTime now, Guid? importId, Kernel.Privacy.PersonalData personal)
    {
        var personId = personal.SealResidentId(v.ResponsiblePersonId);
        return NewBusiness(v, now, importId, personId);
    }

    internal static Business NewBusiness(ValidBusiness v, DateTime now, Guid? importId, Kernel.Privacy.SealedIdentifier personId) => new()
    {
        RegionCode = v.RegionCode, Name = v.Name, Uscc = v.Uscc, Kind = v.Kind, Status = v.Status, Address = v.Address,
        LegalRepresentative = v.LegalRepresentative, ResponsiblePerson = v.ResponsiblePerson, ResponsiblePersonIdMasked = personId.Masked, ResponsiblePersonIdSealed = personId.Sealed,
        Phone = v.Phone, FloorArea = v.FloorArea, Employees = v.Employees, ServesSpecialPopulation = v.ServesSpecialPopulation,
        Places = v.Places, Certification = v.Certification, CertifiedUntil = v.CertifiedUntil, CreatedAtUtc = now, UpdatedAtUtc = now, ImportId = importId,
    };

    internal static Licence NewLicence(Business b, ValidLicence l, DateTime now, Guid? supersedes = null) => new()
    {
        BusinessId = b.Id, RegionCode = b.RegionCode, BusinessUscc = b.Uscc, Kind = l.Kind, Number = l.Number, Issuer = l.Issuer,
        IssuedOn = l.IssuedOn, ValidTo = l.ValidTo, Scope = l.Scope, Status = LicenceStatus.Valid, SupersedesId = supersedes, CreatedAtUtc = now,
    };

    /// <summary>The region codes an input may name (its own and its licence's county), for the pure validator.</summary>
    private async Task<HashSet<string>> RegionSetAsync(string? regionCode, string? licenceNumber, CancellationToken ct)
    {
        var number = LicenceNumber.Normalise(licenceNumber);
        var county = number.Length == 16 ? number.Substring(number.StartsWith("SC", StringComparison.Ordinal) ? 5 : 3, 6) + "000000" : "";
        var codes = new[] { regionCode?.Trim() ?? "", county };
        return [.. await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)];
    }

    /// <summary>A USCC or licence number is registered once in the whole platform (read past the region filter by name — reviewed: only existence, never the record).</summary>
    private async Task EnsureNotRegisteredAsync(string? uscc, ValidLicence? licence, CancellationToken ct)
    {
        if (uscc is not null && await db.Businesses.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(b => b.Uscc == uscc, ct))
        {
            throw ShianProblemException.Conflict("registry.business-exists", $"统一社会信用代码 {uscc} 已登记。");
        }

        if (licence is not null && await db.Licences.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(l => l.Kind == licence.Kind && l.Number == licence.Number, ct))
        {
            throw ShianProblemException.Conflict("registry.licence-exists", $"许可证编号 {licence.Number} 已登记。");
        }
    }

    /// <summary>The visible businesses matching a query (region subtree, kind, status, name/USCC/licence, expiring licence): the list and the export share it.</summary>
    public IQueryable<Business> Filter(Query query)
    {
        var q = db.Businesses.AsNoTracking();
        if (query.RegionCode is { } region && Kernel.Regions.RegionCode.IsValid(region))
        {
            var prefix = Kernel.Regions.RegionCode.Prefix(region);
            q = q.Where(b => b.RegionCode.StartsWith(prefix));
        }

        if (query.Kind is BusinessKind kind)
        {
            q = q.Where(b => b.Kind == kind);
        }

        if (query.Status is BusinessStatus status)
        {
            q = q.Where(b => b.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // One cheap path per kind of query: a licence number or a USCC is an index lookup; only other text scans names.
            var text = query.Q.Trim();
            var upper = LicenceNumber.Normalise(text);
            if (LooksLikeLicence(upper))
            {
                var ids = db.Licences.Where(l => l.Number == upper).Select(l => l.BusinessId);
                q = q.Where(b => ids.Contains(b.Id));
            }
            else if (Kernel.Identifiers.Uscc.IsValid(upper))
            {
                q = q.Where(b => b.Uscc == upper);
            }
            else
            {
                q = WhereNameContains(db, q, text);
            }
        }

        if (query.LicenceExpiring == true)
        {
            var until = Kernel.Calendar.ChinaTime.Today(clock).AddDays(ExpiringWithinDays);
            var licences = db.Licences; // a local: an expression tree cannot hold an extension property (RegistryTables)
            q = q.Where(b => licences.Any(l => l.BusinessId == b.Id && l.Status == LicenceStatus.Valid && l.ValidTo != null && l.ValidTo <= until));
        }

        return q;
    }

    /// <summary>
    /// Businesses whose name contains <paramref name="text"/>: found by the name's two-character pieces
    /// (<see cref="NameGrams"/>, an index lookup each, so a fragment that matches nothing reads nothing), then checked to
    /// contain the whole text. A one-character text has no piece and is matched by reading names.
    /// </summary>
    internal static IQueryable<Business> WhereNameContains(ShianDb db, IQueryable<Business> q, string text)
    {
        var grams = db.BusinessNameGrams; // a local: an expression tree cannot hold an extension property (RegistryTables)
        foreach (var gram in NameGrams.ForQuery(text))
        {
            q = q.Where(b => grams.Where(g => g.Gram == gram).Select(g => g.BusinessId).Contains(b.Id));
        }

        return q.Where(b => b.Name.Contains(text));
    }

    public async Task<PageOf> SearchAsync(Query query, CancellationToken ct)
    {
        await db.PlanForEachQueryAsync(ct); // how many names a fragment matches decides the plan (ShianDb.PlanForEachQueryAsync)
        var q = Filter(query);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);

        // The newest registrations come first: ids are time-ordered (v7), so the page is read from the key's order with no
        // sort. The total is counted up to a cap (a broad word matches tens of thousands; nobody pages that far) — and only
        // when the first page is full: a rare name, whose search reads the whole table, is then read once, not twice.
        var fetched = await q.OrderByDescending(b => b.Id).Skip((page - 1) * size).Take(size + 1)
            .Select(b => new { b.Id, b.Name, b.Uscc, b.Kind, b.Status, b.RegionCode, b.Address })
            .ToListAsync(ct);
        var total = page == 1 && fetched.Count <= size ? fetched.Count : await q.Take(CountCap + 1).CountAsync(ct);
        var rows = fetched.Take(size).ToList();

        // The page's current licences in one indexed query (a per-row "first licence" projection becomes a window
        // function over the whole licence table on SQLite).
        var pageIds = rows.Select(r => r.Id).ToList();
        var licences = (await db.Licences.AsNoTracking().Where(l => pageIds.Contains(l.BusinessId) && l.Status == LicenceStatus.Valid)
                .Select(l => new { l.BusinessId, l.Number, l.ValidTo }).ToListAsync(ct))
            .GroupBy(l => l.BusinessId).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.ValidTo).First());
        return new PageOf([.. rows.Select(r => new Row(r.Id, r.Name, r.Uscc, r.Kind, r.Status, r.RegionCode, r.Address,
            licences.GetValueOrDefault(r.Id)?.Number, licences.GetValueOrDefault(r.Id)?.ValidTo))], total, page, size);
    }

    /// <summary>SC/JY plus 14 digits, or a provincial registration (a short prefix, then ten or more digits: 小餐2105050000016).</summary>
    public static bool LooksLikeLicence(string normalised) =>
        System.Text.RegularExpressions.Regex.IsMatch(normalised, @"^(SC|JY)\d{14}$|^\D{1,6}\d{10,}$");

    public async Task<Profile?> ProfileAsync(Guid id, CancellationToken ct)
    {
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (business is null)
        {
            return null;
        }

        var licences = await db.Licences.AsNoTracking().Where(l => l.BusinessId == id).OrderByDescending(l => l.CreatedAtUtc).ToListAsync(ct);
        return new Profile(business, licences);
    }

    /// <summary>
    /// The responsible person's clear 身份证号 (null when none was recorded), for one who holds
    /// <see cref="Contracts.RegistryPermissions.RevealPersonal"/>; each reveal is a security event in the business's chain,
    /// shown in its timeline. Null business (404) outside the caller's regions.
    /// </summary>
    public async Task<(Business Business, string? Clear)?> RevealResponsiblePersonIdAsync(Guid id, Kernel.Audit.SecurityAudit audit, CancellationToken ct)
    {
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (business is null)
        {
            return null;
        }

        var clear = personal.Reveal(business.ResponsiblePersonIdSealed);
        await audit.RecordAsync(new Kernel.Audit.SecurityEvent(Kernel.Audit.SecurityActions.ReadPersonal, nameof(Business), business.Id.ToString(), business.RegionCode,
            Kernel.Audit.SecurityAudit.Details(new { field = "responsiblePersonId", masked = business.ResponsiblePersonIdMasked })), ct);
        return (business, clear);
    }

    /// <summary>Adds a licence; naming the one it replaces (换证/延续) supersedes that one, keeping the history.</summary>
    public async Task<Licence> AddLicenceAsync(Guid businessId, LicenceRequest request, CancellationToken ct)
    {
        var business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == businessId, ct)
            ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
        EnsureMayChange(business);
        var input = new BusinessInput(business.Name, business.Uscc, business.Kind.ToString(), business.RegionCode, business.Address, null, null, null, null,
            null, null, false, null, request.Kind ?? RegistryLabels.ExpectedLicence(business.Kind).ToString(), request.Number, request.Issuer, request.IssuedOn, request.ValidTo, request.Scope);
        var (valid, errors) = BusinessValidation.Validate(input, (await RegionSetAsync(business.RegionCode, request.Number, ct)).Contains);
        if (valid?.Licence is not { } licence)
        {
            throw ShianProblemException.Invalid("registry.licence-invalid", "许可证信息有误，未保存",
                errors.Where(e => e.Key.StartsWith("licence", StringComparison.Ordinal)).ToDictionary(e => e.Key, e => e.Value));
        }

        // A licence is not granted while the business's 食品安全管理员 is barred (第一百三十五条); the id is unsealed in memory only.
        await EnsureNotBarredAsync(personal.Reveal(business.ResponsiblePersonIdSealed), ct);

        Licence? old = null;
        if (request.Supersedes is Guid sid)
        {
            old = await db.Licences.FirstOrDefaultAsync(l => l.Id == sid && l.BusinessId == businessId, ct)
                ?? throw ShianProblemException.Invalid("registry.licence-invalid", "要换发的许可证不属于该经营者", new Dictionary<string, string[]> { ["supersedes"] = ["要换发的许可证不属于该经营者"] });
            old.Status = LicenceStatus.Superseded;
        }

        var oldId = old?.Id ?? Guid.Empty;
        if (await db.Licences.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(l => l.Kind == licence.Kind && l.Number == licence.Number && l.Id != oldId, ct))
        {
            throw ShianProblemException.Conflict("registry.licence-exists", $"许可证编号 {licence.Number} 已登记。");
        }

        var added = NewLicence(business, licence, clock.GetUtcNow().UtcDateTime, old?.Id);
        db.Licences.Add(added);
        business.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task<Business> SetStatusAsync(Guid businessId, BusinessStatus status, CancellationToken ct)
    {
        var business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == businessId, ct)
            ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
        EnsureMayChange(business);
        business.Status = status;
        business.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        if (status == BusinessStatus.Closed)
        {
            foreach (var l in await db.Licences.Where(l => l.BusinessId == businessId && l.Status == LicenceStatus.Valid).ToListAsync(ct))
            {
                l.Status = LicenceStatus.Cancelled;
            }
        }

        events.Raise(new Contracts.BusinessChanged(business.Id));
        await db.SaveChangesAsync(ct);
        return business;
    }

    /// <summary>A business's own users read their record; only officers of its region change it.</summary>
    private void EnsureMayChange(Business business)
    {
        if (!db.Request.Scope.AllowsCreateIn(business.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只有经营者所在辖区的监管人员可以修改登记信息。");
        }
    }
}
