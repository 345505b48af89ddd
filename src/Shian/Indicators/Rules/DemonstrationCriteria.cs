namespace Shian.Indicators.Rules;

/// <summary>The parts of seed 004 (2024年创建食品安全示范城市工作实施方案): its 工作目标 and the five groups of 工作任务.</summary>
public enum CriterionGroup
{
    /// <summary>二、工作目标.</summary>
    Goals = 0,

    /// <summary>（一）组织管理体系完善.</summary>
    Organisation = 1,

    /// <summary>（二）监督执法坚决有力.</summary>
    Enforcement = 2,

    /// <summary>（三）企业主体责任落实.</summary>
    BusinessDuty = 3,

    /// <summary>（四）应急管理有序高效.</summary>
    Emergency = 4,

    /// <summary>（五）实现社会共建共治.</summary>
    CoGovernance = 5,
}

/// <summary>A person's judgement of a criterion against its evidence (自查).</summary>
public enum Verdict
{
    /// <summary>符合.</summary>
    Met = 1,

    /// <summary>基本符合 (counts half).</summary>
    PartlyMet = 2,

    /// <summary>不符合 (a rectification is recorded with it).</summary>
    NotMet = 3,
}

/// <summary>Where a criterion stands.</summary>
public enum CriterionStatus
{
    /// <summary>待评定: a figure is missing (no data, or the city has not filled its x), or no judgement yet.</summary>
    Pending = 0,

    /// <summary>达标.</summary>
    Met = 1,

    /// <summary>基本达标.</summary>
    PartlyMet = 2,

    /// <summary>未达标.</summary>
    NotMet = 3,
}

/// <summary>
/// One of seed 004's x-placeholders ("培训时间不少于xx小时", "检验经费至少支持x份/千人"): the city fills it once for its
/// 创建 and the criterion then compares the indicator's live value with it. <see cref="Min"/>–<see cref="Max"/>: what a
/// sensible figure may be (a percentage up to 100).
/// </summary>
public sealed record DemonstrationParameter(string Key, string Label, string Placeholder, string Unit, decimal Min, decimal Max, string IndicatorKey, string Comparator = "≥");

/// <summary>A figure a criterion requires: an indicator compared with a parameter the city fills, or with a fixed value the seed states.</summary>
public sealed record CriterionMeasure(string IndicatorKey, string Comparator, string? Parameter = null, decimal? Fixed = null);

/// <summary>
/// One criterion of the demonstration-city self-assessment. <see cref="Measures"/> are judged by the system from live
/// indicators; <see cref="NeedsJudgement"/>: the wording asks for more than figures (机构、制度、机制), so a person
/// judges it against evidence as well. <see cref="Veto"/>: 一票否决 (a major incident fails the whole 创建).
/// <see cref="References"/>: indicators shown beside it to inform the judgement, not compared.
/// </summary>
public sealed record DemonstrationCriterion(
    string Code, CriterionGroup Group, string Title, string Requirement, IReadOnlyList<CriterionMeasure> Measures, bool NeedsJudgement = true,
    bool Veto = false, IReadOnlyList<string>? References = null)
{
    public IReadOnlyList<string> ReferenceKeys => References ?? [];
}

/// <summary>A measure's outcome: the threshold (null while its x is not filled), the live value (null: no data) and whether it is met.</summary>
public sealed record MeasureResult(CriterionMeasure Measure, decimal? Threshold, decimal? Value, bool? Met);

public sealed record CriterionResult(DemonstrationCriterion Criterion, CriterionStatus Status, IReadOnlyList<MeasureResult> Measures, Verdict? Verdict, string Reason);

/// <summary>The whole assessment: each criterion, the score (达标 1, 基本达标 ½, of 100) and the veto.</summary>
public sealed record AssessmentResult(IReadOnlyList<CriterionResult> Criteria, decimal Score, bool Vetoed)
{
    public int Count(CriterionStatus status) => Criteria.Count(c => c.Status == status);
}

/// <summary>
/// The criteria of seed 004 as a scored checklist, and how a criterion is judged. The seed gives no points (the national
/// 评价细则 is not among the seeds), so every criterion weighs the same: 达标 counts 1, 基本达标 ½, 未达标 and 待评定 0,
/// and the score is their share of 100 (GB/T 8170 rounding to one decimal). A criterion marked 一票否决 that is not met
/// fails the whole assessment whatever the score (seed 004: "对发生重大食品安全事故实行‘一票否决’").
/// </summary>
public static class DemonstrationCriteria
{
    public const string Source = "2024年创建食品安全示范城市工作实施方案（种子文件 004）";

    public static IReadOnlyList<DemonstrationParameter> Parameters { get; } =
    [
        new("regulator-hours", "监管人员（特别是基层执法人员）每人每年培训时间不少于", "xx", "小时", 1, 500, "training.regulator-hours"),
        new("samples-per-thousand", "检验经费至少支持的检测样本量（不含快速检测）", "x", "份/千人", 0.1m, 100, "sampling.per-thousand"),
        new("sentinel-hospitals", "市级设置食源性疾病监测哨点医院（下限）", "x-x", "所", 1, 100, "programme.sentinel-hospitals"),
        new("assessment-weight", "食品安全工作在政府绩效考核中所占权重不低于", "x", "%", 0.1m, 100, "programme.assessment-weight"),
        new("recall-rate", "应召回食品召回率达到", "xxx", "%", 1, 100, "recall.rate"),
        new("business-hours", "负责人、食品安全管理人员等主要从业人员每人每年集中培训不少于", "xx", "小时", 1, 500, "training.business-hours"),
        new("rating-share", "参加量化分级管理的餐饮服务单位不低于持证单位数的", "xx", "%", 1, 100, "duty.quantified-rating"),
        new("rating-publicity", "参加量化分级评定单位的公示率达", "xxx", "%", 1, 100, "programme.rating-publicity"),
        new("emergency-disposal", "食品安全事故及事件应急处置率达", "xxx", "%", 1, 100, "emergencies.disposal-rate"),
        new("publicity-events", "每月面向基层群众的科普宣传教育活动不少于", "x", "场/月", 1, 1000, "programme.publicity-events"),
        new("publicity-coverage", "食品安全科普宣传活动社区覆盖率", "xx", "%", 1, 100, "programme.publicity-coverage"),
        new("tv-ads", "市电视台播放食品安全公益广告平均每周不少于", "x", "次", 1, 1000, "programme.tv-ads"),
        new("student-hours", "中小学生食品安全知识课程培训每年不少于", "xx", "小时", 1, 500, "training.student-hours"),
        new("complaint-hours", "不间断受理食品安全投诉举报", "xx", "小时", 1, 24, "programme.complaint-hours"),
        new("complaint-reply", "投诉举报核查回复率达", "xxx", "%", 1, 100, "complaints.reply-rate"),
        new("satisfaction", "群众对食品安全现状满意度在", "xx", "%", 1, 100, "survey.satisfaction"),
    ];

    private static CriterionMeasure P(string parameter)
    {
        var p = ParameterByKey[parameter];
        return new(p.IndicatorKey, p.Comparator, parameter);
    }

    private static readonly Dictionary<string, DemonstrationParameter> ParameterByKey = Parameters.ToDictionary(p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyList<DemonstrationCriterion> All { get; } =
    [
        new("0.1", CriterionGroup.Goals, "无重大食品安全事故",
            "创建期间，不发生重大食品安全事故或影响恶劣的食品安全事件（对发生重大食品安全事故实行“一票否决”）。",
            [new("emergencies.major-incidents", "≤", Fixed: 0)], Veto: true),
        new("0.2", CriterionGroup.Goals, "群众满意度",
            "群众及社会各界对政府及有关部门的食品安全工作措施认可度高，对食品安全现状满意度在xx%以上。",
            [P("satisfaction")], NeedsJudgement: false),

        new("1.1", CriterionGroup.Organisation, "纳入规划，成立食品安全委员会",
            "将食品安全工作纳入国民经济和社会发展规划；成立由政府主管市长牵头的食品安全委员会；层层建立食品安全目标管理责任制，签订责任状并严格落实。",
            [], References: ["governance.completion"]),
        new("1.2", CriterionGroup.Organisation, "监管工作体系与人员培训",
            "在乡镇设立监管派出机构，配齐配强监管人员；食品安全监管人员，特别是基层执法人员，每人每年培训时间不少于xx小时；执法装备按标准化要求配备。",
            [P("regulator-hours")]),
        new("1.3", CriterionGroup.Organisation, "监管投入与检验经费",
            "监管经费纳入财政预算并稳定增长；检验经费至少支持x份/千人的检测样本量（不含快速检测）。",
            [P("samples-per-thousand")], References: ["sampling.residue-per-thousand"]),
        new("1.4", CriterionGroup.Organisation, "检验检测技术支撑",
            "检验机构仪器设施、人员配置到位，具备主要食品种类的实验室检验及快检能力；支持农产品批发市场检测室（站）建设；在市级设置x-x所食源性疾病监测哨点医院。",
            [P("sentinel-hospitals")], References: ["programme.market-test-rooms", "programme.rapid-test-labs"]),
        new("1.5", CriterionGroup.Organisation, "评议考核",
            "将食品安全纳入地方政府绩效考核、领导干部综合考核评价，所占权重不低于x%，对发生重大食品安全事故实行“一票否决”。",
            [P("assessment-weight")]),
        new("1.6", CriterionGroup.Organisation, "地方规章和制度建设", "加强食品安全地方规章和制度建设，健全全程监管机制。", []),
        new("1.7", CriterionGroup.Organisation, "产业发展政策",
            "落实食品产业发展政策，培育食品品牌，推进批发市场升级改造，引导小作坊、摊贩进入集中交易市场。", [], References: ["programme.workshops"]),

        new("2.1", CriterionGroup.Enforcement, "严惩重处与行刑衔接",
            "对发现的食品安全问题及时立案查办，依法从严从重处罚；及时移送涉刑案件，未出现有案不移、有案不立、以罚代刑。", [],
            References: ["enforcement.clue-decision-rate"]),
        new("2.2", CriterionGroup.Enforcement, "过程监管全覆盖",
            "全面摸清监管对象底数，按照风险分类等级进行现场检查，做到依法监管全覆盖、巡查全覆盖。",
            [new("inspection.coverage", "≥", Fixed: 100)], References: ["risk.graded-rate", "inspection.random-coverage"]),
        new("2.3", CriterionGroup.Enforcement, "风险监测、隐患排查与协查",
            "开展风险监测和隐患排查，建立通报和处置机制；落实跨部门、跨区域案件协查，违法信息向上、下游通报到位。", [],
            References: ["sampling.monitoring-per-thousand", "programme.case-assistance"]),
        new("2.4", CriterionGroup.Enforcement, "问题食品后处理",
            "建立并严格执行问题食品后处理机制，发现的问题食品得到及时依法处置，行政处罚、责任追究到位。",
            [new("sampling.disposal-rate", "≥", Fixed: 100)]),
        new("2.5", CriterionGroup.Enforcement, "检验检测力度", "扩大抽检范围，增加抽检频次；通过日常监督抽检及时发现问题食品。", [],
            References: ["sampling.per-thousand", "sampling.pass-rate"]),
        new("2.6", CriterionGroup.Enforcement, "产地准出与市场准入",
            "批发市场、农贸市场、农产品集散中心和超市建立并实施食用农产品市场准入制度。", [], References: ["sampling.agri-pass-rate"]),
        new("2.7", CriterionGroup.Enforcement, "信用档案与黑名单",
            "建立健全食品生产经营者信用档案，及时发布违法违规企业和个人“黑名单”，失信行为予以惩戒。", []),
        new("2.8", CriterionGroup.Enforcement, "“四小”综合治理", "综合治理小作坊、小食品店、小餐饮、小摊贩，乡镇政府出台管理办法和引导规划。", []),
        new("2.9", CriterionGroup.Enforcement, "餐厨废弃物与私屠滥宰",
            "建立餐厨废弃物集中收集、资源化利用和无害化处理体系；严打“地沟油”；整治私屠滥宰。", [], References: ["duty.kitchen-waste"]),
        new("2.10", CriterionGroup.Enforcement, "依法行政", "监管部门在政风行风评议中排名中上，不出现吃拿卡要等不文明执法行为。", []),

        new("3.1", CriterionGroup.BusinessDuty, "依法持证与责任制度",
            "食品生产经营者依法持有有效许可证或纳入备案管理，并持续符合条件；建立以法定代表人负首要责任的食品安全责任制度。", [],
            References: ["duty.self-report"]),
        new("3.2", CriterionGroup.BusinessDuty, "过程控制与管理制度",
            "落实进货查验、索证索票、生产经营记录、出厂检验、产品追溯召回、员工健康、培训教育等制度；市场开办者履行连带责任。", []),
        new("3.3", CriterionGroup.BusinessDuty, "追溯体系",
            "建立食品安全追溯机制，食品生产经营企业实现有效追溯，婴幼儿配方乳粉生产经营者实现电子信息化管理。", [], References: ["duty.traceability"]),
        new("3.4", CriterionGroup.BusinessDuty, "应急管理与召回",
            "食品生产企业建立应急管理机制，及时召回问题食品，应召回食品召回率达到xxx%。", [P("recall-rate")]),
        new("3.5", CriterionGroup.BusinessDuty, "从业人员培训与管理机构",
            "负责人、食品安全管理人员等主要从业人员每人每年集中培训不少于xx小时；规模以上单位设置食品安全管理机构。",
            [P("business-hours")], References: ["duty.safety-manager"]),
        new("3.6", CriterionGroup.BusinessDuty, "量化分级管理",
            "乡镇政府所在地参加量化分级管理的餐饮服务单位不低于持证单位数的xx%，参加量化分级评定单位的公示率达xxx%。",
            [P("rating-share"), P("rating-publicity")], NeedsJudgement: false),
        new("3.7", CriterionGroup.BusinessDuty, "良好生产规范", "规模以上食品生产企业普遍推行良好生产规范。", []),

        new("4.1", CriterionGroup.Emergency, "应急体系与预案", "建立健全食品安全应急体系，制定应急预案，编制应急操作手册。", []),
        new("4.2", CriterionGroup.Emergency, "应急培训与演练",
            "开展应急预案培训演练，每年至少培训一次，每两年至少开展一次应急演练；完善应急装备物资，严格事故信息报送。",
            [new("emergencies.trainings", "≥", Fixed: 1)], References: ["emergencies.drills"]),
        new("4.3", CriterionGroup.Emergency, "事故处置",
            "有效处置食品安全事故和事件，应急处置率达xxx%；无隐瞒、谎报、缓报；未发生影响恶劣的食品安全事件。", [P("emergency-disposal")]),
        new("4.4", CriterionGroup.Emergency, "信息平台与舆情", "建立信息平台，促进信息互通共享；建立新闻发言人制度和舆情监测处置机制。", []),

        new("5.1", CriterionGroup.CoGovernance, "科普宣教与宣传周", "开展“全国食品安全宣传周”等宣传活动，加强风险交流。", []),
        new("5.2", CriterionGroup.CoGovernance, "科普宣传与知识教育",
            "每月举办基层科普宣传教育活动不少于x场；开设科普专栏；社区覆盖率xx%以上；公益广告平均每周不少于x次；中小学生课程每年不少于xx小时。",
            [P("publicity-events"), P("publicity-coverage"), P("tv-ads"), P("student-hours")], References: ["survey.awareness"]),
        new("5.3", CriterionGroup.CoGovernance, "信息发布制度", "通过包括新媒体在内的多种媒介，使公众获知时效性强、内容全面的食品安全信息。", []),
        new("5.4", CriterionGroup.CoGovernance, "网格化监管", "将食品安全监管服务融入社会网格化管理，建立快速联动监管机制。", []),
        new("5.5", CriterionGroup.CoGovernance, "投诉举报",
            "全面推行有奖举报，统一投诉举报电话；xx小时不间断受理食品安全投诉举报，投诉举报核查回复率达xxx%。",
            [P("complaint-hours"), P("complaint-reply")], References: ["complaints.on-time-rate"]),
        new("5.6", CriterionGroup.CoGovernance, "社会监督", "支持媒体监督，发挥人大代表、政协委员、专家学者、行业协会等各方监督作用。", []),
    ];

    private static readonly Dictionary<string, DemonstrationCriterion> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static DemonstrationCriterion? Find(string code) => ByCode.GetValueOrDefault(code);

    public static DemonstrationParameter? FindParameter(string key) => ParameterByKey.GetValueOrDefault(key);

    /// <summary>Every indicator the assessment reads: compared ones and references.</summary>
    public static IReadOnlyList<string> IndicatorKeys { get; } =
        [.. All.SelectMany(c => c.Measures.Select(m => m.IndicatorKey).Concat(c.ReferenceKeys)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Judges one criterion: a figure below its threshold, or a 不符合 judgement, makes it 未达标; otherwise a missing
    /// figure (no data, or an x not filled) or a missing judgement leaves it 待评定; a 基本符合 judgement makes it 基本达标.
    /// </summary>
    public static CriterionResult Evaluate(DemonstrationCriterion c, IReadOnlyDictionary<string, decimal> thresholds, IReadOnlyDictionary<string, decimal?> values, Verdict? verdict)
    {
        var measures = c.Measures.Select(m =>
        {
            var threshold = m.Fixed ?? (m.Parameter is not null && thresholds.TryGetValue(m.Parameter, out var t) ? t : null);
            var value = values.GetValueOrDefault(m.IndicatorKey);
            return new MeasureResult(m, threshold, value, IndicatorMath.Meets(m.Comparator, threshold, value));
        }).ToList();

        (CriterionStatus, string) Judge()
        {
            if (measures.Any(m => m.Met == false))
            {
                return (CriterionStatus.NotMet, "指标未达到要求");
            }

            if (verdict == Verdict.NotMet)
            {
                return (CriterionStatus.NotMet, "自查评定为不符合");
            }

            if (measures.Any(m => m.Threshold is null))
            {
                return (CriterionStatus.Pending, "尚未设定创建指标值（x）");
            }

            if (measures.Any(m => m.Value is null))
            {
                return (CriterionStatus.Pending, "指标暂无数据");
            }

            if (c.NeedsJudgement && verdict is null)
            {
                return (CriterionStatus.Pending, "尚未自查评定");
            }

            return verdict == Verdict.PartlyMet ? (CriterionStatus.PartlyMet, "自查评定为基本符合") : (CriterionStatus.Met, "达到要求");
        }

        var (status, reason) = Judge();
        return new CriterionResult(c, status, measures, verdict, reason);
    }

    public static AssessmentResult Assess(IReadOnlyDictionary<string, decimal> thresholds, IReadOnlyDictionary<string, decimal?> values, IReadOnlyDictionary<string, Verdict> verdicts)
    {
        var results = All.Select(c => Evaluate(c, thresholds, values, verdicts.TryGetValue(c.Code, out var v) ? v : null)).ToList();
        var points = results.Sum(r => r.Status switch { CriterionStatus.Met => 1m, CriterionStatus.PartlyMet => 0.5m, _ => 0m });
        var score = Math.Round(points * 100m / results.Count, 1, MidpointRounding.ToEven);
        return new AssessmentResult(results, score, results.Any(r => r.Criterion.Veto && r.Status == CriterionStatus.NotMet));
    }
}

/// <summary>The three stages of seed 004's 五、实施步骤 (宣传准备, 组织实施, 自查整改), from the month the 创建 begins to its end.</summary>
public enum DemonstrationStage
{
    /// <summary>未开始.</summary>
    NotStarted = 0,

    /// <summary>宣传准备阶段.</summary>
    Preparation = 1,

    /// <summary>组织实施阶段.</summary>
    Implementation = 2,

    /// <summary>自查整改阶段.</summary>
    SelfCheck = 3,

    /// <summary>已结束.</summary>
    Ended = 4,
}

public static class DemonstrationStages
{
    /// <summary>Errors in the stage dates (each stage ends after it begins, in order; the whole within five years), by field.</summary>
    public static Dictionary<string, string[]> Validate(DateOnly? start, DateOnly? preparationEnds, DateOnly? implementationEnds, DateOnly? end)
    {
        var errors = new Dictionary<string, string[]>();
        if (start is null)
        {
            errors["startsOn"] = ["请填写创建工作开始日期（方案：从xxxx年x月开始）"];
        }

        if (preparationEnds is null)
        {
            errors["preparationEnds"] = ["请填写宣传准备阶段结束日期"];
        }

        if (implementationEnds is null)
        {
            errors["implementationEnds"] = ["请填写组织实施阶段结束日期"];
        }

        if (end is null)
        {
            errors["endsOn"] = ["请填写自查整改阶段（创建工作）结束日期（方案：到xxxx年底基本结束）"];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (preparationEnds < start)
        {
            errors["preparationEnds"] = ["宣传准备阶段的结束日期不能早于开始日期"];
        }
        else if (implementationEnds <= preparationEnds)
        {
            errors["implementationEnds"] = ["组织实施阶段应在宣传准备阶段之后结束"];
        }
        else if (end <= implementationEnds)
        {
            errors["endsOn"] = ["自查整改阶段应在组织实施阶段之后结束"];
        }
        else if (end!.Value.DayNumber - start!.Value.DayNumber > 5 * 366)
        {
            errors["endsOn"] = ["创建周期不应超过 5 年"];
        }

        return errors;
    }

    /// <summary>The stage a day falls in (each stage's end date belongs to it).</summary>
    public static DemonstrationStage On(DateOnly day, DateOnly start, DateOnly preparationEnds, DateOnly implementationEnds, DateOnly end) =>
        day < start ? DemonstrationStage.NotStarted
        : day <= preparationEnds ? DemonstrationStage.Preparation
        : day <= implementationEnds ? DemonstrationStage.Implementation
        : day <= end ? DemonstrationStage.SelfCheck
        : DemonstrationStage.Ended;
}
