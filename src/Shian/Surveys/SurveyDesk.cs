using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Messaging;
using Shian.Kernel.Privacy;
using Shian.Kernel.Regions;
using Shian.Surveys.Domain;
using Shian.Surveys.Rules;

namespace Shian.Surveys;

/// <summary>
/// The office's side of a survey (问卷调查): write the questionnaire, see the design (sample size for the margin of error,
/// quotas by district population), open it, hand out invitation codes by district, follow the responses against the
/// quotas, read the estimate with its 95 % interval, close it. Every input validated whole before one save, in a region
/// the caller may write to; reads through the region filter.
/// </summary>
public sealed class SurveyDesk(ShianDb db, TimeProvider clock, PersonalData personal, ISmsSender sms)
{
    // Chinese kept as text in the stored JSON (readable in the database); it is never written into markup unencoded.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static readonly IReadOnlyDictionary<SurveyPurpose, string> PurposeNames = new Dictionary<SurveyPurpose, string>
    {
        [SurveyPurpose.Awareness] = "食品安全知识知晓率",
        [SurveyPurpose.Satisfaction] = "公众食品安全满意度",
    };

    public static readonly IReadOnlyDictionary<SurveyAccess, string> AccessNames = new Dictionary<SurveyAccess, string>
    {
        [SurveyAccess.Invitation] = "邀请码（按区县发放，每码一份）",
        [SurveyAccess.Phone] = "公开链接 + 手机验证（每个手机号一份）",
    };

    public static readonly IReadOnlyDictionary<SurveyStatus, string> StatusNames = new Dictionary<SurveyStatus, string>
    {
        [SurveyStatus.Draft] = "设计中",
        [SurveyStatus.Open] = "调查中",
        [SurveyStatus.Closed] = "已结束",
    };

    public sealed record Input(string? RegionCode, string? Title, string? Intro, SurveyPurpose? Purpose, SurveyAccess? Access, int? Year, decimal? MarginOfError, int? MinPerDistrict);

    public sealed record QuestionInput(QuestionKind? Kind, string? Text, string? Options, string? Correct, bool Scored, bool Required);

    /// <summary>The design: sample size, each district's quota, and the districts whose population is missing (they block opening).</summary>
    public sealed record Design(int SampleSize, IReadOnlyList<SurveyQuota> Quotas, IReadOnlyList<string> MissingPopulation);

    /// <summary>A district's progress and estimate.</summary>
    public sealed record DistrictResult(SurveyQuota Quota, int Responses, int InvitationsIssued, int InvitationsUsed, SurveyDesign.Estimate? Estimate);

    public sealed record Results(SurveyDesign.Estimate? Overall, IReadOnlyList<DistrictResult> Districts, IReadOnlyList<string> Missing, int Responses, IReadOnlyDictionary<ResponseChannel, int> ByChannel);

    public static IReadOnlyList<SurveyQuestion> Questions(Survey s) => JsonSerializer.Deserialize<List<SurveyQuestion>>(s.QuestionsJson, Json) ?? [];

    public static IReadOnlyList<SurveyQuota> Quotas(Survey s) => JsonSerializer.Deserialize<List<SurveyQuota>>(s.QuotasJson, Json) ?? [];

    public async Task<IReadOnlyList<Survey>> ListAsync(CancellationToken ct) =>
        await db.Surveys.AsNoTracking().OrderByDescending(s => s.Year).ThenByDescending(s => s.CreatedAtUtc).Take(200).ToListAsync(ct);

    public async Task<Survey?> FindAsync(Guid id, CancellationToken ct) => await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>
    /// A survey the caller may interview for: one of its regions, or a city survey covering its district (a district's
    /// officers interview for the city's survey). Reviewed filter bypass: only the survey itself is read, and only when it
    /// covers one of the caller's regions; what is entered is checked against the caller's regions again.
    /// </summary>
    public async Task<Survey?> FindForInterviewAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Surveys.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is not null && Covers(s.RegionCode) ? s : null;
    }

    /// <summary>Open surveys of the regions above the caller's (a city's surveys for a district's officers), to interview for.</summary>
    public async Task<IReadOnlyList<Survey>> AboveAsync(CancellationToken ct)
    {
        var scope = db.Request.Scope;
        if (scope.Unrestricted || scope.Prefixes.Count == 0)
        {
            return [];
        }

        var open = await db.Surveys.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AsNoTracking().Where(s => s.Status == SurveyStatus.Open).ToListAsync(ct);
        return [.. open.Where(s => !scope.Allows(s.RegionCode) && Covers(s.RegionCode))];
    }

    private bool Covers(string surveyRegion)
    {
        var scope = db.Request.Scope;
        var prefix = RegionCode.Prefix(surveyRegion);
        return scope.Unrestricted || scope.Allows(surveyRegion) || scope.Prefixes.Any(p => p.StartsWith(prefix, StringComparison.Ordinal));
    }

    public async Task<Survey> CreateAsync(Input input, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, create: true, ct);
        Refuse(errors);
        Writable(input.RegionCode!);
        var survey = new Survey
        {
            RegionCode = input.RegionCode!, Title = input.Title!.Trim(), Intro = Clean(input.Intro), Purpose = input.Purpose!.Value, Access = input.Access!.Value,
            Year = input.Year!.Value, MarginOfError = input.MarginOfError ?? 0.05m, MinPerDistrict = input.MinPerDistrict ?? 30, Status = SurveyStatus.Draft,
            PublicCode = NewCode(10), CreatedBy = db.Request.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey;
    }

    /// <summary>Edits a draft's title, introduction, access, year and design parameters (the region and purpose stay).</summary>
    public async Task<Survey> EditAsync(Guid id, Input input, CancellationToken ct)
    {
        var s = await DraftAsync(id, ct);
        Refuse(await ValidateAsync(input with { RegionCode = s.RegionCode, Purpose = s.Purpose }, create: false, ct));
        s.Title = input.Title!.Trim();
        s.Intro = Clean(input.Intro);
        s.Access = input.Access!.Value;
        s.Year = input.Year!.Value;
        s.MarginOfError = input.MarginOfError ?? s.MarginOfError;
        s.MinPerDistrict = input.MinPerDistrict ?? s.MinPerDistrict;
        await db.SaveChangesAsync(ct);
        return s;
    }

    public async Task<Survey> AddQuestionAsync(Guid id, QuestionInput input, CancellationToken ct)
    {
        var s = await DraftAsync(id, ct);
        var (question, errors) = SurveyForms.Question(s.Purpose, input.Kind, input.Text, input.Options, input.Correct, input.Scored, input.Required);
        var questions = Questions(s).ToList();
        if (questions.Count >= SurveyForms.MaxQuestions)
        {
            errors["text"] = [$"一份问卷最多 {SurveyForms.MaxQuestions} 题"];
        }

        Refuse(errors, "题目有误，未添加：");
        questions.Add(question!);
        s.QuestionsJson = JsonSerializer.Serialize(questions, Json);
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>Removes question <paramref name="number"/> (1-based) of a draft.</summary>
    public async Task<Survey> RemoveQuestionAsync(Guid id, int number, CancellationToken ct)
    {
        var s = await DraftAsync(id, ct);
        var questions = Questions(s).ToList();
        if (number < 1 || number > questions.Count)
        {
            throw ShianProblemException.Invalid("surveys.question-missing", $"问卷没有第 {number} 题");
        }

        questions.RemoveAt(number - 1);
        s.QuestionsJson = JsonSerializer.Serialize(questions, Json);
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>
    /// The design for the survey's region: a city's strata are its counties (weighted by their latest population figure),
    /// a county is one stratum; the total sample for the margin of error with the finite population correction, shared
    /// by population with at least the minimum per district.
    /// </summary>
    public async Task<Design> DesignAsync(Survey s, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == s.RegionCode, ct);
        var strata = region.Level == RegionLevel.City
            ? await db.Regions.AsNoTracking().Where(r => r.ParentCode == s.RegionCode && r.Level == RegionLevel.County).OrderBy(r => r.Code).ToListAsync(ct)
            : [region];
        var codes = strata.Select(r => r.Code).Append(s.RegionCode).ToList();
        var figures = (await db.PopulationFigures.AsNoTracking().Where(f => codes.Contains(f.RegionCode)).ToListAsync(ct))
            .GroupBy(f => f.RegionCode).ToDictionary(g => g.Key, g => (g.Where(f => f.Year <= s.Year).MaxBy(f => f.Year) ?? g.MaxBy(f => f.Year)!).Population);
        var missing = strata.Where(r => !figures.ContainsKey(r.Code)).Select(r => r.Name).ToList();
        var known = strata.Select(r => figures.GetValueOrDefault(r.Code)).ToList();
        var total = region.Level == RegionLevel.City ? (missing.Count == 0 ? known.Sum() : (long?)null) : figures.TryGetValue(region.Code, out var p) ? p : null;
        var n = SurveyDesign.SampleSize((double)s.MarginOfError, total);
        // One stratum (a county): its quota is the whole sample (the minimum applies to a city's districts).
        var quotas = strata.Count == 1
            ? [n]
            : missing.Count > 0 ? strata.Select(_ => 0).ToList() : SurveyDesign.Allocate(n, known, s.MinPerDistrict);
        var list = strata.Select((r, i) => new SurveyQuota(r.Code, r.Name, known[i], quotas[i])).ToList();
        return new Design(quotas.Sum(), list, region.Level == RegionLevel.City ? missing : []);
    }

    public async Task<Survey> OpenAsync(Guid id, CancellationToken ct)
    {
        var s = await DraftAsync(id, ct);
        if (SurveyForms.ReadyToOpen(s.Purpose, Questions(s)) is { } why)
        {
            throw ShianProblemException.Conflict("surveys.not-ready", why);
        }

        var design = await DesignAsync(s, ct);
        if (design.MissingPopulation.Count > 0)
        {
            throw ShianProblemException.Conflict("surveys.population-missing",
                $"以下区县没有常住人口数，无法按人口分配配额和加权：{string.Join("、", design.MissingPopulation)}。请系统管理员在“区划与人口”中填写后再开始");
        }

        if (s.Access == SurveyAccess.Phone && !sms.IsConfigured)
        {
            throw ShianProblemException.Conflict("surveys.sms-unavailable", "本平台未配置短信网关，不能使用“手机验证”方式；请改用邀请码方式");
        }

        s.Status = SurveyStatus.Open;
        s.SampleSize = design.SampleSize;
        s.QuotasJson = JsonSerializer.Serialize(design.Quotas, Json);
        s.OpenedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return s;
    }

    public async Task<Survey> CloseAsync(Guid id, CancellationToken ct)
    {
        var s = await LoadAsync(id, ct);
        if (s.Status != SurveyStatus.Open)
        {
            throw ShianProblemException.Conflict("surveys.not-open", "只有调查中的问卷可以结束");
        }

        Writable(s.RegionCode);
        s.Status = SurveyStatus.Closed;
        s.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>
    /// <paramref name="count"/> new one-time codes for district <paramref name="regionCode"/> of an open invitation survey:
    /// returned once (to print or send), kept only as keyed digests.
    /// </summary>
    public async Task<IReadOnlyList<string>> InviteAsync(Guid id, string? regionCode, int count, CancellationToken ct)
    {
        var s = await LoadAsync(id, ct);
        if (s.Status != SurveyStatus.Open || s.Access != SurveyAccess.Invitation)
        {
            throw ShianProblemException.Conflict("surveys.no-invitations", "只有调查中、采用邀请码方式的问卷可以发放邀请码");
        }

        var errors = new Dictionary<string, string[]>();
        var quota = Quotas(s).FirstOrDefault(q => q.RegionCode == regionCode);
        if (quota is null)
        {
            errors["regionCode"] = ["请选择本次调查的一个区县"];
        }

        if (count is < 1 or > 5000)
        {
            errors["count"] = ["每次生成 1 到 5000 个邀请码"];
        }

        Refuse(errors, "未生成邀请码：");
        Writable(quota!.RegionCode);
        var batch = await db.SurveyInvitations.Where(i => i.SurveyId == id).Select(i => (int?)i.Batch).MaxAsync(ct) ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var codes = new HashSet<string>(count, StringComparer.Ordinal);
        while (codes.Count < count)
        {
            codes.Add(NewCode(8));
        }

        db.SurveyInvitations.AddRange(codes.Select(c => new SurveyInvitation
        {
            SurveyId = id, RegionCode = quota.RegionCode, CodeDigest = InvitationDigest(id, c), Batch = batch + 1, CreatedAtUtc = now,
        }));
        await db.SaveChangesAsync(ct);
        return [.. codes.Select(Display)];
    }

    /// <summary>Progress and estimates; a draft's quotas come from <paramref name="design"/> when the caller has it already.</summary>
    public async Task<Results> ResultsAsync(Survey s, CancellationToken ct, Design? design = null)
    {
        var quotas = s.Status == SurveyStatus.Draft ? (design ?? await DesignAsync(s, ct)).Quotas : Quotas(s);
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == s.Id).Select(r => new { r.RegionCode, r.Score, r.Channel }).ToListAsync(ct);
        var invitations = await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == s.Id)
            .GroupBy(i => i.RegionCode).Select(g => new { g.Key, Issued = g.Count(), Used = g.Count(i => i.UsedAtUtc != null) }).ToListAsync(ct);
        var strata = quotas.Select(q => new SurveyDesign.Stratum(q.RegionCode, q.Population, [.. responses.Where(r => r.RegionCode == q.RegionCode).Select(r => (double)r.Score)])).ToList();
        var result = SurveyDesign.Stratified(strata);
        return new Results(result.Overall,
            [.. quotas.Select(q => new DistrictResult(q, responses.Count(r => r.RegionCode == q.RegionCode),
                invitations.FirstOrDefault(i => i.Key == q.RegionCode)?.Issued ?? 0, invitations.FirstOrDefault(i => i.Key == q.RegionCode)?.Used ?? 0,
                result.ByStratum.GetValueOrDefault(q.RegionCode)))],
            [.. quotas.Where(q => result.Incomplete.Contains(q.RegionCode)).Select(q => q.Name)],
            responses.Count,
            responses.GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.Count()));
    }

    internal string InvitationDigest(Guid surveyId, string code) => personal.Digest($"survey-invitation:{surveyId:N}:{Normalise(code)}");

    /// <summary>An invitation code as typed: case, spaces and hyphens ignored.</summary>
    internal static string Normalise(string? code) => new((code ?? "").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    private static string Display(string code) => code.Length == 8 ? code[..4] + "-" + code[4..] : code;

    // No 0/O, 1/I/L: codes are read off paper and typed on phones.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private static string NewCode(int length) => new([.. Enumerable.Range(0, length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)])]);

    private async Task<Survey> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw ShianProblemException.NotFound("surveys.not-found", "调查不存在或不在您的辖区");

    private async Task<Survey> DraftAsync(Guid id, CancellationToken ct)
    {
        var s = await LoadAsync(id, ct);
        Writable(s.RegionCode);
        return s.Status == SurveyStatus.Draft ? s : throw ShianProblemException.Conflict("surveys.not-draft", "调查已开始，题目和设计不能再改（改了会使已收答卷不可比）");
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(Input input, bool create, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (create && (input.RegionCode is not { } code || !RegionCode.IsValid(code)
            || !await db.Regions.AnyAsync(r => r.Code == code && (r.Level == RegionLevel.City || r.Level == RegionLevel.County), ct)))
        {
            errors["regionCode"] = ["请选择开展调查的市或区县（12 位区划代码）"];
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length is < 4 or > 100 || title.Contains('\n', StringComparison.Ordinal))
        {
            errors["title"] = ["请填写调查名称（4 到 100 字，一行）"];
        }

        if (input.Intro?.Trim().Length > 1000)
        {
            errors["intro"] = ["说明不超过 1000 字"];
        }

        if (create && (input.Purpose is not { } purpose || !Enum.IsDefined(purpose)))
        {
            errors["purpose"] = ["请选择调查内容：食品安全知识知晓率或公众食品安全满意度"];
        }

        if (input.Access is not { } access || !Enum.IsDefined(access))
        {
            errors["access"] = ["请选择答卷方式：邀请码或手机验证"];
        }

        if (input.Year is not (>= 2000 and <= 2100))
        {
            errors["year"] = ["请填写调查所属年度（如 2026）"];
        }

        if (input.MarginOfError is { } e && e is < 0.01m or > 0.2m)
        {
            errors["marginOfError"] = ["允许误差在 0.01 到 0.20 之间（0.05 即 ±5 个百分点）"];
        }

        if (input.MinPerDistrict is { } m && m is < 0 or > 1000)
        {
            errors["minPerDistrict"] = ["每个区县的最少样本在 0 到 1000 之间"];
        }

        return errors;
    }

    private static void Refuse(Dictionary<string, string[]> errors, string prefix = "调查信息有误，未保存：")
    {
        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("surveys.invalid", prefix + string.Join("；", errors.Values.SelectMany(x => x)), errors);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Writable(string regionCode)
    {
        if (!db.Request.Scope.AllowsCreateIn(regionCode))
        {
            throw ShianProblemException.RegionForbidden($"您无权管理区划 {regionCode} 的调查。");
        }
    }
}
