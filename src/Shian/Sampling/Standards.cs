using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Reference;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// The standards library as the app uses it: the <see cref="LimitBook"/> built from the database (cached until the
/// library changes), categories and analytes by code, and judgement of result items on a sampling date.
/// </summary>
public sealed class Standards(ShianDb db, StandardsCache cache)
{
    public sealed record Library(LimitBook Book, IReadOnlyDictionary<string, FoodCategory> Categories, IReadOnlyDictionary<string, Analyte> Analytes);

    public async Task<Library> LibraryAsync(CancellationToken ct)
    {
        // Another instance may have changed the library: its stamp says so (one indexed read).
        var stamp = await Kernel.Caching.CacheStamps.ReadAsync(db, Kernel.Caching.CacheStamps.Standards, ct);
        if (cache.Current is { } cached && cache.Stamp == stamp)
        {
            return cached;
        }

        var categories = await db.FoodCategories.AsNoTracking().ToListAsync(ct);
        var analytes = await db.Analytes.AsNoTracking().ToListAsync(ct);
        var limits = await db.Limits.AsNoTracking().ToListAsync(ct);
        var placements = await db.CategoryPlacements.AsNoTracking().ToListAsync(ct);
        var library = new Library(new LimitBook(categories.Select(c => (c.Code, c.ParentCode)), limits.Select(l => l.ToRule()), categories.ToDictionary(c => c.Code, c => c.Name),
            placements.Select(p => new CategoryPlacement(p.Standard, p.CategoryCode, p.ParentCode))),
            categories.ToDictionary(c => c.Code, StringComparer.Ordinal), analytes.ToDictionary(a => a.Code, StringComparer.Ordinal));
        cache.Set(library, stamp);
        return library;
    }

    /// <summary>The category's name with its ancestors, "动物性食品 › 肉及肉制品 › 猪肉".</summary>
    public static string Path(Library library, string code) =>
        string.Join(" › ", library.Book.Lineage(code).Reverse().Select(c => library.Categories.TryGetValue(c, out var x) ? x.Name : c));
}

/// <summary>Holds the built library between requests; cleared whenever a limit, category or analyte changes.</summary>
public sealed class StandardsCache
{
    private volatile Entry? _entry;

    private sealed record Entry(Standards.Library Library, Guid? Stamp);

    public Standards.Library? Current => _entry?.Library;

    /// <summary>The database stamp (kernel_cache_stamps) the held library was built at.</summary>
    public Guid? Stamp => _entry?.Stamp;

    public void Set(Standards.Library library, Guid? stamp) => _entry = new Entry(library, stamp);

    public void Invalidate() => _entry = null;
}

/// <summary>Loads the shipped development library (data/reference food-categories, analytes, limits, per-standard placements): missing rows, and corrections of shipped limit rows.</summary>
internal sealed partial class StandardsSeeder(ShianDb db, StandardsCache cache, TimeProvider clock, ILogger<StandardsSeeder> logger) : IReferenceDataSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var categories = await db.FoodCategories.Select(c => c.Code).ToHashSetAsync(ct);
        db.FoodCategories.AddRange(StandardsReference.ReadCategories().Where(c => !categories.Contains(c.Code))
            .Select(c => new FoodCategory { Code = c.Code, ParentCode = c.Parent, Name = c.Name, Note = c.Note }));
        var analytes = await db.Analytes.Select(a => a.Code).ToHashSetAsync(ct);
        db.Analytes.AddRange(StandardsReference.ReadAnalytes().Where(a => !analytes.Contains(a.Code))
            .Select(a => new Analyte { Code = a.Code, Name = a.Name, Group = a.Group, Note = a.Note }));
        var placed = (await db.CategoryPlacements.Select(p => new { p.Standard, p.CategoryCode }).ToListAsync(ct)).Select(p => (p.Standard, p.CategoryCode)).ToHashSet();
        db.CategoryPlacements.AddRange(StandardsReference.ReadPlacements().Where(p => !placed.Contains((p.Placement.Standard, p.Placement.Category)))
            .Select(p => new CategoryPlacementRow { Standard = p.Placement.Standard, CategoryCode = p.Placement.Category, ParentCode = p.Placement.Parent, Note = p.Note }));
        var shipped = StandardsReference.ReadLimits();
        var limits = await db.Limits.Select(l => l.Id).ToHashSetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // A correction of a shipped row (dates in force, note, basis, confidence: review D-12 moved the 2292 ban to its
        // in-force date) reaches installations that loaded the row before; rows an administrator imported are not touched.
        var byId = shipped.ToDictionary(l => l.Rule.Id);
        foreach (var row in await db.Limits.Where(l => l.Source == LimitSource.Seed).ToListAsync(ct))
        {
            if (byId.TryGetValue(row.Id, out var l) && (row.EffectiveFrom != l.Rule.EffectiveFrom || row.EffectiveTo != l.Rule.EffectiveTo || row.Note != l.Note
                || row.Basis != l.Rule.Basis || row.Confidence != l.Confidence || row.Unit != l.Rule.Unit || row.Comparison != l.Rule.Comparison
                || row.DecisionValue != l.Rule.DecisionValue || row.PlanN != l.Rule.Plan?.N || row.PlanC != l.Rule.Plan?.C || row.UpperLimit != l.Rule.Plan?.UpperLimit))
            {
                (row.EffectiveFrom, row.EffectiveTo, row.Note, row.Basis, row.Confidence) = (l.Rule.EffectiveFrom, l.Rule.EffectiveTo, l.Note, l.Rule.Basis, l.Confidence);
                (row.Unit, row.Comparison, row.DecisionValue) = (l.Rule.Unit, l.Rule.Comparison, l.Rule.DecisionValue);
                (row.PlanN, row.PlanC, row.UpperLimit) = (l.Rule.Plan?.N, l.Rule.Plan?.C, l.Rule.Plan?.UpperLimit);
            }
        }

        db.Limits.AddRange(shipped.Where(l => !limits.Contains(l.Rule.Id)).Select(l => new Limit
        {
            Id = l.Rule.Id, CategoryCode = l.Rule.Category, AnalyteCode = l.Rule.Analyte, Value = l.Rule.Limit, Unit = l.Rule.Unit, NotDetectable = l.Rule.NotDetectable,
            Standard = l.Rule.Standard, Edition = l.Rule.Edition, EffectiveFrom = l.Rule.EffectiveFrom, EffectiveTo = l.Rule.EffectiveTo,
            Excludes = l.Rule.Excludes.Count == 0 ? null : string.Join(';', l.Rule.Excludes), Basis = l.Rule.Basis, Confidence = l.Confidence, Note = l.Note,
            Comparison = l.Rule.Comparison, DecisionValue = l.Rule.DecisionValue, PlanN = l.Rule.Plan?.N, PlanC = l.Rule.Plan?.C, UpperLimit = l.Rule.Plan?.UpperLimit,
            SourceRow = l.SourceRow, Source = LimitSource.Seed, CreatedAtUtc = now,
        }));
        if (db.ChangeTracker.HasChanges())
        {
            await Kernel.Caching.CacheStamps.TouchAsync(db, Kernel.Caching.CacheStamps.Standards, now, ct);
        }

        var added = await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            cache.Invalidate();
            LogSeeded(logger, added);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Standards library: {Rows} rows added or corrected")]
    private static partial void LogSeeded(ILogger logger, int rows);
}
