using System.Text.Json.Nodes;
using Shian.Traceability.Domain;

namespace Shian.Traceability.Rules;

/// <summary>A master-data element as read from a vocabulary list, before it is stored.</summary>
public sealed record MasterDataElement(int Vocabulary, int Index, string VocabularyType, MasterDataKind Kind, string ElementId, string? Gs1Key, string? Name, string? Address,
    JsonArray Attributes, JsonArray? Children);

/// <summary>
/// Reads EPCIS 2.0 master data (§7.2; JSON binding <c>epcisMasterData.vocabularyList</c>, XML
/// <c>EPCISMasterData/VocabularyList</c>): each vocabulary element with its kind, its GS1 key, and the name and address
/// the CBV 2.0 master-data attributes give (<c>cbvmda:name</c>, <c>descriptionShort</c>, <c>streetAddressOne</c> …, in
/// any of their written forms — <c>urn:epcglobal:cbv:mda#name</c>, <c>cbvmda:name</c>, <c>gs1:name</c>). Errors name
/// the vocabulary and element by position and field, in Chinese.
/// </summary>
public static class MasterDataRules
{
    public const int MaxElements = 10_000;

    public const int MaxAttributesChars = 64 * 1024;

    private static readonly string[] NameFields = ["name", "descriptionShort", "tradeItemDescription", "regulatedProductName", "productName", "organizationName", "vesselName"];

    private static readonly string[] AddressFields = ["countryCode", "state", "city", "streetAddressOne", "streetAddressTwo", "streetAddressThree", "postalCode"];

    /// <summary>The kind of a vocabulary type: its last word, case aside (GDST writes <c>vtype:epcclass</c>, the standard <c>vtype:EPCClass</c>).</summary>
    public static MasterDataKind KindOf(string vocabularyType) =>
        LastWord(vocabularyType).ToLowerInvariant() switch
        {
            "businesslocation" or "readpoint" or "location" => MasterDataKind.Location,
            "epcclass" => MasterDataKind.Product,
            "party" => MasterDataKind.Party,
            _ => MasterDataKind.Other,
        };

    public static (List<MasterDataElement> Elements, List<EpcisError> Errors) Read(JsonNode? vocabularyList, string path)
    {
        var elements = new List<MasterDataElement>();
        var errors = new List<EpcisError>();
        if (vocabularyList is null)
        {
            return (elements, errors);
        }

        if (vocabularyList is not JsonArray vocabularies)
        {
            errors.Add(new EpcisError(null, path, "主数据 vocabularyList 须为数组", "vocabularyList must be an array."));
            return (elements, errors);
        }

        for (var v = 0; v < vocabularies.Count; v++)
        {
            var vPath = $"{path}/{v}";
            if (vocabularies[v] is not JsonObject vocabulary || EpcisJson.Text(vocabulary["type"]) is not { Length: > 0 } type || !type.Contains(':', StringComparison.Ordinal))
            {
                errors.Add(new EpcisError(null, vPath + "/type", $"第 {v + 1} 个主数据词汇缺少类型 type（如 urn:epcglobal:epcis:vtype:BusinessLocation）", "A vocabulary needs a type URI."));
                continue;
            }

            if (type.Length > 300)
            {
                errors.Add(new EpcisError(null, vPath + "/type", $"第 {v + 1} 个主数据词汇的类型超过 300 个字符", "The vocabulary type is too long."));
                continue;
            }

            var list = vocabulary["vocabularyElementList"] as JsonArray ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var ePath = $"{vPath}/vocabularyElementList/{i}";
                var where = $"第 {v + 1} 个主数据词汇的第 {i + 1} 个元素";
                if (list[i] is not JsonObject element || EpcisJson.Text(element["id"])?.Trim() is not { Length: > 0 } rawId)
                {
                    errors.Add(new EpcisError(null, ePath + "/id", $"{where}缺少标识 id", "A vocabulary element needs an id."));
                    continue;
                }

                if (rawId.Length > 400)
                {
                    errors.Add(new EpcisError(null, ePath + "/id", $"{where}的标识超过 400 个字符", "The element id is too long."));
                    continue;
                }

                var attributes = element["attributes"] as JsonArray ?? [];
                var badAttribute = -1;
                for (var k = 0; k < attributes.Count && badAttribute < 0; k++)
                {
                    if (attributes[k] is not JsonObject o || EpcisJson.Text(o["id"]) is not { Length: > 0 })
                    {
                        badAttribute = k;
                    }
                }

                if (badAttribute >= 0)
                {
                    errors.Add(new EpcisError(null, $"{ePath}/attributes/{badAttribute}/id", $"{where}的第 {badAttribute + 1} 个属性缺少属性标识 id", "Each attribute needs an id."));
                    continue;
                }

                var attributesJson = attributes.ToJsonString();
                if (attributesJson.Length > MaxAttributesChars)
                {
                    errors.Add(new EpcisError(null, ePath + "/attributes", $"{where}的属性过多（超过 {MaxAttributesChars / 1024} KB）", "The attributes are too large."));
                    continue;
                }

                var kind = KindOf(type);
                var id = EventFacts.Id(rawId);
                var gs1Key = kind switch
                {
                    MasterDataKind.Product => EventFacts.Gtin(id),
                    MasterDataKind.Location or MasterDataKind.Party => EventFacts.Gln(id),
                    _ => null,
                };
                elements.Add(new MasterDataElement(v, i, type, kind, id, gs1Key, Field(attributes, NameFields, 300), Address(attributes),
                    (JsonArray)attributes.DeepClone(), element["children"] is JsonArray children ? (JsonArray)children.DeepClone() : null));
                if (elements.Count > MaxElements)
                {
                    errors.Add(new EpcisError(null, path, $"一次最多 {MaxElements} 个主数据元素，请分批提交", "Too many master-data elements."));
                    return (elements, errors);
                }
            }
        }

        // One element declared twice in one list: the last declaration would silently win — say so instead.
        foreach (var dup in elements.GroupBy(e => (e.VocabularyType, e.ElementId)).Where(g => g.Count() > 1))
        {
            var second = dup.Skip(1).First();
            errors.Add(new EpcisError(null, $"{path}/{second.Vocabulary}/vocabularyElementList/{second.Index}/id",
                $"主数据元素“{dup.Key.ElementId}”在同一词汇中出现了 {dup.Count()} 次", "The element is declared more than once."));
        }

        return (elements, errors);
    }

    /// <summary>
    /// A GS1-keyed element must be the declaring business's own (within a GS1 company prefix or GLN registered to it);
    /// a private identifier (a URN of its own scheme) is its statement and is accepted.
    /// </summary>
    public static List<EpcisError> OwnershipErrors(IEnumerable<MasterDataElement> elements, IReadOnlyCollection<string> prefixes, string path) =>
        [.. elements.Where(e => e.Gs1Key is { } key && !prefixes.Any(p => (key.Length == 14 ? key[1..] : key).StartsWith(p, StringComparison.Ordinal)))
            .Select(e => new EpcisError(null, $"{path}/{e.Vocabulary}/vocabularyElementList/{e.Index}/id",
                $"主数据元素“{e.ElementId}”的 GS1 代码 {e.Gs1Key} 不属于本企业登记的厂商识别代码或位置码", "The GS1 key is not registered to the declaring business."))];

    private static string? Field(JsonArray attributes, string[] names, int max)
    {
        foreach (var name in names)
        {
            foreach (var a in attributes.OfType<JsonObject>())
            {
                if (string.Equals(LastWord(EpcisJson.Text(a["id"]) ?? ""), name, StringComparison.OrdinalIgnoreCase) && Plain(a["attribute"]) is { Length: > 0 } value)
                {
                    return value.Length <= max ? value : value[..max];
                }
            }
        }

        return null;
    }

    private static string? Address(JsonArray attributes)
    {
        var parts = AddressFields.Select(f => Field(attributes, [f], 200)).OfType<string>().ToList();
        var text = string.Join(" ", parts);
        return text.Length == 0 ? null : text.Length <= 500 ? text : text[..500];
    }

    /// <summary>A value as plain text: a string or number; a localised object (<c>{"@value": …}</c>) by its value; else null.</summary>
    private static string? Plain(JsonNode? value) => value switch
    {
        JsonValue v => EpcisJson.Text(v)?.Trim(),
        JsonObject o when o["@value"] is JsonValue v => EpcisJson.Text(v)?.Trim(),
        JsonArray a when a.Count > 0 => Plain(a[0]),
        _ => null,
    };

    /// <summary>The last word of a URI or CURIE: after its last '#', ':' or '/'.</summary>
    private static string LastWord(string uri)
    {
        var cut = uri.LastIndexOfAny(['#', ':', '/']);
        return cut < 0 ? uri : uri[(cut + 1)..];
    }

    /// <summary>The element's kind in Chinese, for pages.</summary>
    public static string Label(MasterDataKind kind) => kind switch
    {
        MasterDataKind.Location => "位置",
        MasterDataKind.Product => "产品",
        MasterDataKind.Party => "主体",
        _ => "其他",
    };
}
