using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Surveys.Domain;

/// <summary>What a survey measures: each feeds one indicator.</summary>
public enum SurveyPurpose
{
    /// <summary>食品安全知识知晓率 (seed 000: 20 % by 2016, 70 % by 2020): the share of knowledge questions answered right.</summary>
    Awareness = 1,

    /// <summary>公众食品安全满意度 (seed 004: xx %): the ratings, 非常不满意 0 … 非常满意 100.</summary>
    Satisfaction = 2,
}

/// <summary>How a respondent reaches the survey; each allows one response per person without collecting who they are.</summary>
public enum SurveyAccess
{
    /// <summary>邀请码: one-time codes handed out by district to a drawn sample (the code fixes the district).</summary>
    Invitation = 1,

    /// <summary>手机验证: an open link or QR code; the respondent proves a mobile by a texted code, and only a keyed digest is kept.</summary>
    Phone = 2,
}

public enum SurveyStatus
{
    Draft,
    Open,
    Closed,
}

public enum QuestionKind
{
    /// <summary>单选.</summary>
    Single = 1,

    /// <summary>多选.</summary>
    Multiple = 2,

    /// <summary>五级评价 (非常不满意 … 非常满意).</summary>
    Rating = 3,

    /// <summary>简答 (not scored).</summary>
    Text = 4,
}

/// <summary>
/// One question. <paramref name="Correct"/>: for a knowledge question the right options (0-based; a multiple choice is right
/// only when exactly those are chosen), null when not scored. <paramref name="Scored"/>: a rating that counts towards 满意度.
/// </summary>
public sealed record SurveyQuestion(string Text, QuestionKind Kind, IReadOnlyList<string> Options, IReadOnlyList<int>? Correct, bool Scored, bool Required);

/// <summary>A stratum's share of the sample: the district, its population (the weight) and how many responses it needs.</summary>
public sealed record SurveyQuota(string RegionCode, string Name, long Population, int Quota);

/// <summary>
/// A questionnaire of a city's or county's office (问卷调查), answered on a phone by the public or entered by interviewers;
/// its design (sample size for the margin of error at 95 % confidence, quotas by district population) is fixed when it
/// opens. Questions and quotas are kept as JSON: they are read and written whole, never queried.
/// </summary>
public sealed class Survey : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public required string Title { get; set; }

    public string? Intro { get; set; }

    public SurveyPurpose Purpose { get; init; }

    public SurveyAccess Access { get; set; }

    /// <summary>The year whose indicator it measures.</summary>
    public int Year { get; set; }

    /// <summary>The margin of error aimed at (0.05 = ±5 percentage points) at 95 % confidence.</summary>
    public decimal MarginOfError { get; set; } = 0.05m;

    /// <summary>The fewest responses a district needs for its own figure.</summary>
    public int MinPerDistrict { get; set; } = 30;

    public SurveyStatus Status { get; set; }

    public string QuestionsJson { get; set; } = "[]";

    public string QuotasJson { get; set; } = "[]";

    public int SampleSize { get; set; }

    /// <summary>The code in the public link (/public/surveys/{code}).</summary>
    public required string PublicCode { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? OpenedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>A one-time invitation code for a district (only its keyed digest is stored; the code is printed once).</summary>
public sealed class SurveyInvitation : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SurveyId { get; init; }

    public required string RegionCode { get; init; }

    public required string CodeDigest { get; init; }

    public int Batch { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? UsedAtUtc { get; set; }
}

public enum ResponseChannel
{
    Invitation = 1,
    Phone = 2,
    Interviewer = 3,
}

/// <summary>
/// One person's answers, in their district, with its score (0–1). <see cref="PersonDigest"/> is unique per survey: the
/// invitation or the keyed digest of the verified phone — never a name, number or address.
/// </summary>
public sealed class SurveyResponse : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SurveyId { get; init; }

    public required string RegionCode { get; init; }

    public ResponseChannel Channel { get; init; }

    public string? PersonDigest { get; init; }

    public string? Interviewer { get; init; }

    public required string AnswersJson { get; init; }

    public decimal Score { get; init; }

    public DateTime SubmittedAtUtc { get; init; }
}
