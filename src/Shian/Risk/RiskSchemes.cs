using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Risk.Domain;
using Shian.Risk.Rules;

namespace Shian.Risk;

/// <summary>
/// Versions of the risk grading scheme (风险分级方案): a new version is checked whole (code, province, the definition's
/// own rules) and added; versions are never edited, so a grade can always be traced to the version that gave it.
/// </summary>
public sealed class RiskSchemes(ShianDb db, TimeProvider clock)
{
    public sealed record Request(string Code, int Version, string? Name, string Province, DateOnly EffectiveFrom, RiskSchemeDefinition? Definition, string? Basis);

    /// <summary>Strict reading of a definition typed by a person: an unknown or misspelt field is an error, not ignored.</summary>
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerOptions.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static readonly JsonSerializerOptions Pretty = new(JsonSerializerOptions.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<RiskScheme>> ListAsync(CancellationToken ct) =>
        await db.RiskSchemes.AsNoTracking().OrderBy(s => s.Province).ThenBy(s => s.Code).ThenByDescending(s => s.Version).ToListAsync(ct);

    /// <summary>Reads a definition from JSON text, naming the line of a syntax error.</summary>
    public static RiskSchemeDefinition Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw Invalid("definition", "请填写方案内容（JSON）");
        }

        try
        {
            return JsonSerializer.Deserialize<RiskSchemeDefinition>(json, Strict) ?? throw Invalid("definition", "请填写方案内容（JSON）");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long line ? $"第 {line + 1} 行：" : "";
            var what = e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? $"有未知的字段 {e.Path}" : "不是有效的 JSON";
            throw Invalid("definition", $"方案内容{where}{what}");
        }
    }

    public async Task<RiskScheme> AddAsync(Request request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Trim().Length > 40)
        {
            errors["code"] = ["请填写方案代码（不超过 40 字符）"];
        }

        if (request.Version is < 1 or > 1000)
        {
            errors["version"] = ["版本号应为 1–1000 的整数"];
        }

        if (request.Name?.Trim().Length > 200)
        {
            errors["name"] = ["方案名称不超过 200 字"];
        }

        if (request.Basis?.Trim().Length > 1000)
        {
            errors["basis"] = ["依据不超过 1000 字"];
        }

        if (request.Province is not { Length: 2 } || !request.Province.All(char.IsAsciiDigit))
        {
            errors["province"] = ["省级代码应为 2 位数字（全国默认为 00）"];
        }

        if (request.Definition is null)
        {
            errors["definition"] = ["请提供方案内容"];
        }
        else if (request.Definition.Problems() is { Count: > 0 } problems)
        {
            errors["definition"] = [.. problems];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("risk.scheme-invalid", "风险分级方案有误，未保存", errors);
        }

        var code = request.Code.Trim();
        if (await db.RiskSchemes.AnyAsync(s => s.Code == code && s.Version == request.Version, ct))
        {
            throw ShianProblemException.Conflict("risk.scheme-exists", $"方案 {code} 第 {request.Version} 版已存在；请递增版本号。");
        }

        var scheme = new RiskScheme
        {
            Code = code, Version = request.Version, Name = string.IsNullOrWhiteSpace(request.Name) ? code : request.Name.Trim(), Province = request.Province,
            EffectiveFrom = request.EffectiveFrom, DefinitionJson = JsonSerializer.Serialize(request.Definition, JsonSerializerOptions.Web),
            Basis = request.Basis?.Trim() ?? "", CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.RiskSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        return scheme;
    }

    private static ShianProblemException Invalid(string field, string message) =>
        ShianProblemException.Invalid("risk.scheme-invalid", "风险分级方案有误，未保存", new Dictionary<string, string[]> { [field] = [message] });
}
