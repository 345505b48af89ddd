using Shian.Credit.Domain;
using Shian.Kernel.Calendar;

namespace Shian.Credit.Rules;

/// <summary>
/// The publication of penalty decisions, 《市场监督管理行政处罚信息公示规定》(SAMR Order 45, 2021): what is published, by when,
/// for how long, withdrawal and the earliest early stop.
/// </summary>
public static class PublicationRules
{
    public const int PublishWorkingDays = 20;

    public const int WithdrawWorkingDays = 3;

    /// <summary>Heavy measures named in words: they make a penalty 较重 (Order 44 第二条) and bar an early stop (Order 45 第十四条).</summary>
    public static readonly string[] HeavyMeasureWords = ["吊销", "停产停业", "责令关闭", "限制从业", "限制开展生产经营", "限制生产经营", "降低资质"];

    /// <summary>A warning alone is not published (第二条).</summary>
    public static bool Published(bool warning, decimal fine, decimal confiscated, string? otherMeasures) =>
        fine > 0 || confiscated > 0 || !string.IsNullOrWhiteSpace(otherMeasures) || !warning;

    /// <summary>Published within 20 working days of the decision (第九条).</summary>
    public static DateOnly PublishBy(WorkingDayCalendar calendar, DateOnly decidedOn) => calendar.AddWorkingDays(decidedOn, PublishWorkingDays).Date;

    /// <summary>Withdrawn within 3 working days of the revocation or change (第十一条).</summary>
    public static DateOnly WithdrawBy(WorkingDayCalendar calendar, DateOnly revokedOn) => calendar.AddWorkingDays(revokedOn, WithdrawWorkingDays).Date;

    /// <summary>Whether the measures include one of the heavy ones.</summary>
    public static bool HasHeavyMeasure(string? otherMeasures) => otherMeasures is not null && HeavyMeasureWords.Any(otherMeasures.Contains);

    /// <summary>
    /// The publication period in months (第十三条): 3 when the penalty is only a 较低数额罚款 (below the province's threshold for a
    /// person or an organisation; a warning beside it does not lengthen it), 36 otherwise.
    /// </summary>
    public static int PeriodMonths(decimal fine, decimal confiscated, string? otherMeasures, bool partyIsPerson, CreditOptions options) =>
        confiscated == 0 && string.IsNullOrWhiteSpace(otherMeasures) && fine > 0 && fine < (partyIsPerson ? options.LowFinePerson : options.LowFineOrganisation) ? 3 : 36;

    /// <summary>The last day shown: the period counted from the day of publication.</summary>
    public static DateOnly ShowUntil(DateOnly publishedOn, int months) => publishedOn.AddMonths(months).AddDays(-1);

    /// <summary>
    /// The earliest day an early stop may be applied for: food penalties after 1 year of publication (《市场监督管理信用修复管理办法》
    /// 第六条); a 3-month publication simply ends.
    /// </summary>
    public static DateOnly RepairFrom(DateOnly publishedOn) => publishedOn.AddYears(1);

    /// <summary>A natural person's name as published: the surname and a mark per other character (个人信息保护).</summary>
    public static string Mask(string name) => name.Length <= 1 ? name : name[0] + new string('*', name.Length - 1);
}

/// <summary>
/// The serious-dishonesty list, 《市场监督管理严重违法失信名单管理办法》(SAMR Order 44, 2021). The text was not at hand: the
/// tests and periods follow the domain notes (M/L confidence) and are marked so in docs/rules.md.
/// </summary>
public static class ListingRules
{
    public const int Years = 3;

    public const int RepairAfterYears = 1;

    public const int StopPublicationWorkingDays = 3;

    /// <summary>A 较重行政处罚 (第二条): a fine in the 从重 band of the discretion benchmark, or 吊销、停产停业、关闭、限制从业 ….</summary>
    public static bool Heavy(string? discretionLevel, string? otherMeasures) => discretionLevel == "从重" || PublicationRules.HasHeavyMeasure(otherMeasures);

    /// <summary>The food items of the list mirror 《食品安全法》第一百二十二至一百二十四条.</summary>
    public static bool FoodListArticle(string? article) => article is "Art122" or "Art123" or "Art124";

    /// <summary>Whether a penalty should be weighed for listing: heavy, under a listed food article.</summary>
    public static bool Suggest(string? article, string? discretionLevel, string? otherMeasures) => FoodListArticle(article) && Heavy(discretionLevel, otherMeasures);

    /// <summary>The ground the article suggests (the officer confirms or changes it).</summary>
    public static ListingGround? DefaultGround(string? article) => article switch
    {
        "Art122" => ListingGround.Unlicensed,
        "Art123" => ListingGround.NonFoodSubstance,
        "Art124" => ListingGround.Contaminants,
        _ => null,
    };

    public static DateOnly StatementBy(WorkingDayCalendar calendar, DateOnly noticeServedOn, int workingDays) => calendar.AddWorkingDays(noticeServedOn, workingDays).Date;

    /// <summary>3 years on the list from the listing decision, then removed; the last listed day.</summary>
    public static DateOnly ExpiresOn(DateOnly listedOn) => listedOn.AddYears(Years).AddDays(-1);

    /// <summary>Early removal may be applied for after at least a year on the list.</summary>
    public static DateOnly RepairFrom(DateOnly listedOn) => listedOn.AddYears(RepairAfterYears);

    public static DateOnly DecideBy(WorkingDayCalendar calendar, DateOnly appliedOn, int workingDays) => calendar.AddWorkingDays(appliedOn, workingDays).Date;

    /// <summary>On the list on a day.</summary>
    public static bool OnList(SeriousListing l, DateOnly on) => l.Status == ListingStatus.Listed && l.ListedOn <= on && on <= l.ExpiresOn;
}

/// <summary>A credit grade with its score and the lines that made it.</summary>
public sealed record CreditGrade(string Grade, int Score, IReadOnlyList<(string Text, int Points)> Lines);

/// <summary>The credit grade of a business by the configured scheme (<see cref="CreditScheme"/>).</summary>
public static class CreditGrading
{
    public static string Label(string grade) => grade switch
    {
        "A" => "守信",
        "B" => "基本守信",
        "C" => "失信",
        _ => "严重失信",
    };

    public static CreditGrade Grade(IEnumerable<CreditRecord> records, bool listed, DateOnly today, CreditScheme s)
    {
        var lines = new List<(string, int)>();
        var score = 100;
        foreach (var r in records.Where(r => r.RevokedOn is null && r.OccurredOn <= today).OrderBy(r => r.OccurredOn))
        {
            var (points, months) = r.Kind switch
            {
                CreditRecordKind.Penalty => (-s.PenaltyPoints, s.PenaltyMonths),
                CreditRecordKind.InspectionFailure => (-s.InspectionFailurePoints, s.FailureMonths),
                CreditRecordKind.SamplingFailure => (-s.SamplingFailurePoints, s.FailureMonths),
                CreditRecordKind.Complaint => (-s.ComplaintPoints, s.FailureMonths),
                CreditRecordKind.Honour or CreditRecordKind.Evaluation => (s.HonourPoints, s.HonourMonths),
                _ => (0, 0),
            };
            if (points != 0 && r.OccurredOn > today.AddMonths(-months))
            {
                score += points;
                lines.Add(($"{r.OccurredOn:yyyy-MM-dd} {r.Summary}", points));
            }
        }

        score = Math.Clamp(score, 0, 100);
        var grade = listed ? "D" : score >= s.A ? "A" : score >= s.B ? "B" : "C";
        if (listed)
        {
            lines.Insert(0, ("列入严重违法失信名单", 0));
        }

        return new CreditGrade(grade, score, lines);
    }
}
