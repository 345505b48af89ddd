using Shian.Indicators.Rules;
using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Indicators.Domain;

/// <summary>
/// A region's 创建食品安全示范城市 self-assessment for one year (seed 004): the stages of the 创建, the x-placeholders the
/// city filled (<see cref="DemonstrationThreshold"/>) and the judgements made against evidence. A city's and each of its
/// districts' (各乡镇、各职能部门…逐项进行认真自查) are separate assessments; the city's report reads its districts'.
/// </summary>
public sealed class DemonstrationAssessment : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public int Year { get; init; }

    public required string Title { get; set; }

    /// <summary>创建工作从xxxx年x月开始.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>宣传准备阶段 ends.</summary>
    public DateOnly PreparationEnds { get; set; }

    /// <summary>组织实施阶段 ends.</summary>
    public DateOnly ImplementationEnds { get; set; }

    /// <summary>自查整改阶段 ends: 到xxxx年底基本结束.</summary>
    public DateOnly EndsOn { get; set; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public List<DemonstrationThreshold> Thresholds { get; init; } = [];

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;

    public DemonstrationStage StageOn(DateOnly day) => DemonstrationStages.On(day, StartsOn, PreparationEnds, ImplementationEnds, EndsOn);
}

/// <summary>One x-placeholder filled: "培训时间不少于 <b>40</b> 小时".</summary>
public sealed class DemonstrationThreshold : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AssessmentId { get; init; }

    public required string RegionCode { get; init; }

    public required string ParameterKey { get; init; }

    public decimal Value { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>
/// A judgement of one criterion against its evidence; never edited — a new judgement supersedes (the latest counts, the
/// history stays). 不符合 carries the rectification (整改措施) and its due date.
/// </summary>
public sealed class DemonstrationJudgement : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AssessmentId { get; init; }

    public required string RegionCode { get; init; }

    public required string CriterionCode { get; init; }

    public Verdict Verdict { get; init; }

    /// <summary>What it rests on: documents, their numbers and dates, records checked.</summary>
    public required string Evidence { get; init; }

    public string? Rectification { get; init; }

    public DateOnly? RectifyBy { get; init; }

    public required string JudgedBy { get; init; }

    public DateTime JudgedAtUtc { get; init; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}
