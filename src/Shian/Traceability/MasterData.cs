using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Registry.Contracts;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>
/// EPCIS master data (§7.2): the names, addresses and descriptions behind the identifiers a business's events use,
/// declared in a captured document's header or through <c>/api/v1/epcis/master-data</c>. Checked whole before anything
/// is written (shape, duplicates, a GS1 key only by its registered owner); a later declaration of the same element by
/// the same business replaces it. Read through the region filter like the events.
/// </summary>
public sealed class MasterData(ShianDb db, TimeProvider clock)
{
    /// <summary>The elements of a vocabulary list for <paramref name="business"/>, refused with every error named when any is wrong.</summary>
    public async Task<List<MasterDataElement>> CheckAsync(JsonNode? vocabularyList, string path, BusinessIdentity business, CancellationToken ct)
    {
        var (elements, errors) = MasterDataRules.Read(vocabularyList, path);
        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("trace.master-data-invalid", $"主数据有 {errors.Count} 处问题，未保存：{errors[0].Message}",
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        if (elements.Any(e => e.Gs1Key is not null))
        {
            var prefixes = await db.Gs1Prefixes.AsNoTracking().Where(p => p.BusinessId == business.Id).Select(p => p.Prefix).ToListAsync(ct);
            var foreign = MasterDataRules.OwnershipErrors(elements, prefixes, path);
            if (foreign.Count > 0)
            {
                throw new ShianProblemException(StatusCodes.Status403Forbidden, "trace.master-data-not-own", "无权操作",
                    $"{business.Name} 只能申报本企业 GS1 代码下的位置、产品和主体：{foreign[0].Message}",
                    foreign.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
            }
        }

        return elements;
    }

    /// <summary>Adds or replaces the elements on the context (the caller saves, inside its own transaction): (added, replaced).</summary>
    public async Task<(int Added, int Replaced)> StageAsync(IReadOnlyList<MasterDataElement> elements, BusinessIdentity business, Guid? captureId, CancellationToken ct)
    {
        var existing = new Dictionary<(string, string), TraceMasterData>();
        foreach (var chunk in elements.Select(e => e.ElementId).Distinct().Chunk(500))
        {
            foreach (var row in await db.TraceMasterData.Where(m => m.BusinessId == business.Id && chunk.Contains(m.ElementId)).ToListAsync(ct))
            {
                existing[(row.VocabularyType, row.ElementId)] = row;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (added, replaced) = (0, 0);
        foreach (var e in elements)
        {
            if (!existing.TryGetValue((e.VocabularyType, e.ElementId), out var row))
            {
                row = new TraceMasterData
                {
                    RegionCode = business.RegionCode, BusinessId = business.Id, BusinessUscc = business.Uscc, VocabularyType = e.VocabularyType, ElementId = e.ElementId,
                    AttributesJson = "[]", UpdatedBy = db.Request.UserName,
                };
                db.TraceMasterData.Add(row);
                existing[(e.VocabularyType, e.ElementId)] = row;
                added++;
            }
            else
            {
                replaced++;
            }

            row.Kind = e.Kind;
            row.Gs1Key = e.Gs1Key;
            row.Name = e.Name;
            row.Address = e.Address;
            row.AttributesJson = e.Attributes.ToJsonString();
            row.ChildrenJson = e.Children?.ToJsonString();
            row.CaptureId = captureId;
            row.UpdatedBy = db.Request.UserName;
            row.UpdatedAtUtc = now;
        }

        return (added, replaced);
    }

    /// <summary>Declared through the API: checked, then written in one transaction.</summary>
    public async Task<(int Added, int Replaced)> DeclareAsync(JsonNode? vocabularyList, BusinessIdentity business, CancellationToken ct)
    {
        if (!db.Request.Scope.Allows(business.RegionCode, business.Uscc))
        {
            throw ShianProblemException.RegionForbidden("只能为本辖区（或本企业）的经营主体申报主数据");
        }

        if (vocabularyList is not JsonArray { Count: > 0 })
        {
            throw ShianProblemException.Invalid("trace.master-data-invalid", "请提交主数据：vocabularyList 须为非空数组（EPCIS 2.0 epcisMasterData 的格式）",
                new Dictionary<string, string[]> { ["/vocabularyList"] = ["须为非空数组"] });
        }

        var elements = await CheckAsync(vocabularyList, "/vocabularyList", business, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await StageAsync(elements, business, null, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    public async Task<IReadOnlyList<TraceMasterData>> ListAsync(MasterDataKind? kind, string? q, Guid? businessId, int take, CancellationToken ct)
    {
        var query = db.TraceMasterData.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(m => m.Kind == k);
        }

        if (businessId is { } b)
        {
            query = query.Where(m => m.BusinessId == b);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var id = EventFacts.Id(text);
            query = query.Where(m => m.ElementId == id || m.Gs1Key == text || (m.Name != null && m.Name.Contains(text)));
        }

        return await query.OrderBy(m => m.Kind).ThenBy(m => m.Name).ThenBy(m => m.ElementId).Take(take).ToListAsync(ct);
    }

    public async Task<TraceMasterData> OneAsync(Guid id, CancellationToken ct) =>
        await db.TraceMasterData.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct)
        ?? throw ShianProblemException.NotFound("trace.master-data-not-found", "主数据不存在或不在您的辖区");

    /// <summary>
    /// The declared names of locations (by GLN) and products (by GTIN) the caller may read: a trace names its places and
    /// goods with them. A GS1-keyed element is only ever declared by its owner, so there is one name per key.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, string> Places, IReadOnlyDictionary<string, string> Products)> NamesAsync(
        IEnumerable<string> glns, IEnumerable<string> gtins, CancellationToken ct)
    {
        var keys = glns.Concat(gtins).Distinct(StringComparer.Ordinal).ToList();
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        var products = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            var rows = await db.TraceMasterData.AsNoTracking().Where(m => m.Gs1Key != null && chunk.Contains(m.Gs1Key) && m.Name != null)
                .Select(m => new { m.Gs1Key, m.Kind, m.Name, m.VocabularyType }).ToListAsync(ct);
            foreach (var r in rows.OrderBy(r => r.VocabularyType.EndsWith("BusinessLocation", StringComparison.OrdinalIgnoreCase) ? 0 : 1))
            {
                var target = r.Kind == MasterDataKind.Product ? products : places;
                target.TryAdd(r.Gs1Key!, r.Name!);
            }
        }

        return (places, products);
    }
}
