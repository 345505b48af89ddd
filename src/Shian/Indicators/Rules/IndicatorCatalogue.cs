namespace Shian.Indicators.Rules;

public enum IndicatorUnit
{
    /// <summary>numerator / denominator × 100.</summary>
    Percent,

    /// <summary>numerator / population × 1000 (份/千人, 件/千人).</summary>
    PerThousand,

    /// <summary>A count (家, 个, 名, 批次 …).</summary>
    Count,

    /// <summary>Hours (小时, 学时).</summary>
    Hours,

    /// <summary>numerator / months of the period begun (场/月): a monthly average over the year so far.</summary>
    PerMonth,
}

/// <summary>
/// One indicator: what it counts (numerator and denominator are measure keys of a module's <c>IMeasureSource</c>;
/// <see cref="IndicatorCatalogue.Population"/> divides by the region's population), or — when the system holds no
/// such records — a value entered with its evidence. <see cref="Version"/> changes when the definition does, so a
/// figure is always read with the definition it was computed by. <see cref="Match"/>: phrases of a target's wording
/// that suggest it ("随机+检查": all words of one phrase present).
/// </summary>
public sealed record IndicatorDefinition(
    string Key, int Version, string Name, IndicatorUnit Unit, string DisplayUnit, string Module, string? Numerator, string? Denominator,
    string Serves, string Method, IReadOnlyList<string> Match)
{
    public bool Computed => Numerator is not null;

    /// <summary>
    /// A computed indicator that also takes entered values with evidence, used where the records give no figure (a
    /// satisfaction survey run by a third party: its report is entered; the platform's own survey computes).
    /// </summary>
    public bool AcceptsEntries { get; init; }

    /// <summary>A rate can be re-derived from summed parts; a percentage entered without its parts cannot be summed up a level.</summary>
    public bool Additive => Unit is IndicatorUnit.Count;
}

/// <summary>
/// The catalogue of indicators: every quantitative target of the five seed plans is served by one (docs/indicators.md
/// lists each target with its seed and wording, generated and checked by a unit test). Computed ones come first.
/// </summary>
public static class IndicatorCatalogue
{
    public const string Population = "population";

    /// <summary>The denominator of a monthly average: the months of the period begun (January to the current month).</summary>
    public const string Months = "months";

    private static IndicatorDefinition C(string key, string name, IndicatorUnit unit, string display, string module, string num, string? den, string serves, string method, params string[] match) =>
        new(key, 1, name, unit, display, module, num, den, serves, method, match);

    private static IndicatorDefinition E(string key, string name, IndicatorUnit unit, string display, string serves, string method, params string[] match) =>
        new(key, 1, name, unit, display, "录入", null, null, serves, method, match);

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        // — computed from the modules' records —
        C("inspection.random-coverage", "双随机抽查覆盖率", IndicatorUnit.Percent, "%", "监督检查", "inspections.random-businesses", "registry.operating",
            "000 每年对辖区内20%的食品生产经营单位进行随机的食品安全监督检查", "年内经随机抽取并完成检查的经营者数 ÷ 在营经营者数",
            "随机+检查", "随机+抽查", "随机+监督"),
        C("inspection.coverage", "监督检查覆盖率", IndicatorUnit.Percent, "%", "监督检查", "inspections.businesses", "registry.operating",
            "004 依法监管全覆盖、巡查全覆盖；000 每5年全部覆盖一次", "年内至少检查一次的经营者数 ÷ 在营经营者数",
            "全覆盖+检查", "全覆盖+巡查", "全部覆盖", "监管全覆盖"),
        C("sampling.per-thousand", "食品检验量", IndicatorUnit.PerThousand, "份/千人", "抽检监测", "sampling.samples", Population,
            "002 4.5份/千人；004 检验经费支持 x 份/千人（不含快速检测）", "年内抽样的检验样品数（不含快检）÷ 常住人口 × 1000",
            "份/千人", "检验量", "检测样本量"),
        C("sampling.residue-per-thousand", "农药兽药残留检验量", IndicatorUnit.PerThousand, "份/千人", "抽检监测", "sampling.residue-samples", Population,
            "002 主要针对农药兽药残留的食品检验量不低于每年2份/千人", "年内含农药兽药残留检验项目的样品数 ÷ 常住人口 × 1000",
            "农药+千人", "兽药残留+千人", "残留+检验量"),
        C("sampling.monitoring-per-thousand", "风险监测样本量", IndicatorUnit.PerThousand, "件/千人", "抽检监测", "sampling.monitoring-samples", Population,
            "002 年风险监测食品样本量达到1件/千人口", "年内风险监测样品数 ÷ 常住人口 × 1000",
            "风险监测+千人", "监测+样本量"),
        C("sampling.pass-rate", "抽检合格率", IndicatorUnit.Percent, "%", "抽检监测", "sampling.conforming", "sampling.concluded",
            "SYSTEM 抽检监测统计", "年内抽样、已出结论的样品中合格的比例",
            "抽检+合格率", "检验+合格率"),
        C("sampling.agri-pass-rate", "食用农产品抽检合格率", IndicatorUnit.Percent, "%", "抽检监测", "sampling.agri-conforming", "sampling.agri-concluded",
            "002 全年食用农产品监测总体合格率稳定在98%以上", "年内抽样、已出结论的食用农产品（蔬菜、水果、鲜肉、水产品、鲜蛋）样品中合格的比例",
            "农产品+合格率"),
        C("sampling.disposal-rate", "不合格产品核查处置率", IndicatorUnit.Percent, "%", "抽检监测", "sampling.dispositions-done", "sampling.dispositions",
            "002 监督抽检不合格产品处置率达100%", "年内得出结论的监督抽检不合格样品中已完成核查处置（控制、召回、原因排查）的比例",
            "处置率+不合格", "不合格+处置"),
        C("complaints.reply-rate", "投诉举报核查回复率", IndicatorUnit.Percent, "%", "投诉举报", "complaints.replied", "complaints.received",
            "004 投诉举报核查回复率达xxx%；001 5个工作日办理回复", "年内收到的投诉举报（不含合并的重复件）中已答复或已告知不予受理的比例",
            "回复率", "核查回复", "答复率"),
        C("complaints.on-time-rate", "投诉举报按时答复率", IndicatorUnit.Percent, "%", "投诉举报", "complaints.replied-on-time", "complaints.replied",
            "001 投诉举报5个工作日办理回复；004 24小时受理", "已答复的投诉举报中在期限内答复的比例（期限按法定工作日计，含调休）",
            "按时+答复", "按时+回复", "及时+回复"),
        C("emergencies.disposal-rate", "食品安全事故及事件应急处置率", IndicatorUnit.Percent, "%", "应急", "emergencies.closed", "emergencies.incidents",
            "004 食品安全事故及事件应急处置率达xxx%", "年内报告的事故（不含核实不属于事故的）中已处置结束的比例",
            "应急处置率", "事故+处置率", "事件+处置率"),
        C("emergencies.major-incidents", "重大食品安全事故数", IndicatorUnit.Count, "起", "应急", "emergencies.major", null,
            "004 创建期间不发生重大食品安全事故（一票否决）", "年内报告、定为Ⅰ级（特别重大）或Ⅱ级（重大）的食品安全事故数",
            "重大食品安全事故"),
        C("emergencies.trainings", "应急培训次数", IndicatorUnit.Count, "次", "应急", "emergencies.trainings", null,
            "004 应急预案培训每年至少一次", "年内记录的应急培训次数（应急准备）",
            "应急+培训"),
        C("emergencies.drills", "应急演练次数", IndicatorUnit.Count, "次", "应急", "emergencies.drills", null,
            "004 每两年至少开展一次食品安全应急演练", "年内记录的应急演练次数（应急准备）",
            "应急演练"),
        C("recall.rate", "应召回食品召回率", IndicatorUnit.Percent, "%", "追溯召回", "trace.recalled-share", "trace.recalls",
            "004 应召回食品召回率达到xxx%", "年内启动的召回中，各召回已召回（含销毁）数量占应召回数量比例的平均值（各召回计量单位不同，不直接相加）",
            "召回率"),
        C("trace.capture-coverage", "追溯数据报送覆盖率", IndicatorUnit.Percent, "%", "追溯召回", "trace.capturing-key", "registry.duty.Traceability.applicable",
            "000 合作社、龙头企业及重点领域规模以上企业100%实现可追溯", "应追溯的在营经营者（合作社、龙头企业、食品生产企业、中央厨房、集体用餐配送单位）中，期末前 30 日内报送过追溯数据（EPCIS 采集并保存了事件）的比例（时点）",
            "追溯数据", "追溯+报送"),
        C("duty.self-report", "食品生产企业主体责任自查报告率", IndicatorUnit.Percent, "%", "主体责任", "registry.duty.SelfInspectionReport", "registry.duty.SelfInspectionReport.applicable",
            "002 食品生产企业主体责任自查报告率不低于92%", "适用的在营经营者中，自查报告经监管部门确认且在有效期内的比例（时点）",
            "自查报告率", "自查+报告率"),
        C("duty.insurance", "食品安全责任保险投保率", IndicatorUnit.Percent, "%", "主体责任", "registry.duty.LiabilityInsurance", "registry.duty.LiabilityInsurance.applicable",
            "000 重点领域70%规模以上食品生产经营单位投保食品安全责任险", "适用的在营经营者中保单经确认且在保险期内的比例（时点）",
            "投保", "责任险", "责任保险"),
        C("duty.traceability", "追溯体系建立率", IndicatorUnit.Percent, "%", "主体责任", "registry.duty.Traceability", "registry.duty.Traceability.applicable",
            "000 合作社、龙头企业及重点领域规模以上企业100%实现可追溯", "适用的在营经营者中已建立追溯体系（经确认）的比例（时点）",
            "可追溯", "追溯+实现"),
        C("duty.open-kitchen-schools", "学校食堂明厨亮灶覆盖率", IndicatorUnit.Percent, "%", "主体责任", "registry.duty.OpenKitchen.schools", "registry.duty.OpenKitchen.schools.applicable",
            "001 学校（含托幼机构）食堂明厨亮灶改造率100%；003 中小学及幼儿园食堂互联网+明厨亮灶100%", "在营学校、幼儿园食堂中明厨亮灶经确认的比例（时点）",
            "学校+明厨亮灶", "食堂+明厨亮灶"),
        C("duty.open-kitchen-large", "规模以上餐饮单位明厨亮灶改造率", IndicatorUnit.Percent, "%", "主体责任", "registry.duty.OpenKitchen.large", "registry.duty.OpenKitchen.large.applicable",
            "001 规模以上餐饮单位（建筑面积1000㎡以上）明厨亮灶改造率达到60%以上", "经营面积 1000㎡ 以上的在营餐饮单位中明厨亮灶经确认的比例（时点）",
            "规模以上+明厨亮灶", "1000+明厨亮灶"),
        C("duty.open-kitchen", "明厨亮灶覆盖率", IndicatorUnit.Percent, "%", "主体责任", "registry.duty.OpenKitchen", "registry.duty.OpenKitchen.applicable",
            "003 互联网+明厨亮灶覆盖率（校外供餐单位100%）", "在营餐饮服务提供者中明厨亮灶经确认的比例（时点）",
            "明厨亮灶"),
        C("duty.kitchen-waste", "餐厨废弃物集中收运率", IndicatorUnit.Percent, "%", "主体责任", "registry.duty.KitchenWasteContract", "registry.duty.KitchenWasteContract.applicable",
            "002 主城区80%以上大中型餐饮服务单位餐厨废弃物进入集中收集处置体系", "在营餐饮单位中收运合同经确认且在有效期内的比例（时点）",
            "餐厨废弃物", "餐厨垃圾", "地沟油"),
        C("duty.quantified-rating", "量化分级管理参与率", IndicatorUnit.Percent, "%", "主体责任", "registry.duty.QuantifiedRating", "registry.duty.QuantifiedRating.applicable",
            "004 参加量化分级管理的餐饮服务单位不低于持证单位数的xx%", "在营餐饮服务单位中有有效量化分级评定的比例（时点）",
            "量化分级+参加", "量化分级+管理"),
        C("duty.safety-manager", "食品安全管理员培训达标率", IndicatorUnit.Percent, "%", "主体责任", "registry.duty.SafetyManager", "registry.duty.SafetyManager.applicable",
            "001 主要从业人员全年不少于40小时培训；004 主要从业人员每人每年集中培训不少于xx小时", "适用的在营经营者中配备食品安全管理员且年培训学时达标（经确认）的比例（时点）",
            "管理员+培训", "从业人员+培训率"),
        C("risk.graded-rate", "风险分级覆盖率", IndicatorUnit.Percent, "%", "风险分级", "risk.graded", "registry.operating",
            "004 按照风险分类等级进行现场检查", "在营经营者中已评定风险等级的比例（时点）",
            "风险分类等级", "风险分级+覆盖"),
        C("governance.completion", "工作任务完成率", IndicatorUnit.Percent, "%", "工作方案", "governance.completed", "governance.assignments",
            "000–004 各项工作任务按期完成", "当年工作方案各项任务分工中已完成的比例",
            "任务+完成率"),
        C("enforcement.clue-decision-rate", "案件线索核查率", IndicatorUnit.Percent, "%", "案件查办", "enforcement.clues-decided", "enforcement.clues",
            "001 涉假案件100%依法查处；003 行刑衔接、立案查办", "年内收到的案件线索中已作出立案或不予立案决定的比例",
            "依法查处", "立案查办", "查处率"),
        // v2: computed from the 协查 records since the enforcement module keeps them (v1 was entered by hand).
        C("programme.case-assistance", "案件协办率", IndicatorUnit.Percent, "%", "案件查办", "enforcement.assistance-answered", "enforcement.assistance-received",
            "001 案件协办率达到100%", "年内收到的协助调查函（其他区县请求本辖区协助调查）中已回复的比例；按收到协助调查函的区县统计",
            "协办率") with { Version = 2 },
        C("enforcement.police-support", "警力支援到位率", IndicatorUnit.Percent, "%", "案件查办", "enforcement.police-on-time", "enforcement.police-requests",
            "001 24小时警力支撑", "年内办案请求的警力支援中 24 小时内到场的比例",
            "警力"),

        // — entered with evidence: the system holds no such records yet (programmes and surveys will feed several) —
        C("survey.awareness", "食品安全知识知晓率", IndicatorUnit.Percent, "%", "问卷调查", "surveys.awareness-points", "surveys.awareness-respondents",
            "000 知晓率2016年20%、2020年70%", "知晓率调查答卷的平均得分（每份答卷为答对知识题的比例）；按人口配额完成时即加权估计，调查页面给出加权估计与95%置信区间", "知晓率") with { Version = 2, AcceptsEntries = true },
        C("survey.satisfaction", "公众食品安全满意度", IndicatorUnit.Percent, "%", "问卷调查", "surveys.satisfaction-points", "surveys.satisfaction-respondents",
            "004 满意度 xx%", "满意度调查答卷的平均得分（计分的五级评价：非常不满意0…非常满意100）；调查页面给出加权估计与95%置信区间", "满意度") with { Version = 2, AcceptsEntries = true },
        E("training.rate", "食品安全培训率", IndicatorUnit.Percent, "%", "000 专题培训培训率100%；志愿者培训率100%", "应培训人数中已参训的比例，附培训签到与课时记录", "培训率"),
        C("training.regulator-hours", "监管人员人均培训学时", IndicatorUnit.Hours, "小时", "社会共治", "programmes.regulator-training-hours", "programmes.regulators",
            "001 40小时；002 30小时；003 40学时；004 xx小时", "监管人员（监管人员、检查员账号）年度参训学时合计 ÷ 在岗人数（时点），按账号所在区划；培训记录附佐证",
            "监管人员+小时", "工作人员+小时", "监管人员+学时", "业务培训+学时", "集中培训+小时", "执法人员+小时") with { Version = 2, AcceptsEntries = true },
        E("training.business-hours", "从业人员人均培训学时", IndicatorUnit.Hours, "小时", "001 各类食品生产经营单位负责人和主要从业人员全年不少于40小时；004 每人每年不少于xx小时", "从业人员年度集中培训学时合计 ÷ 人数，附培训记录",
            "从业人员+小时", "负责人+小时"),
        E("training.student-hours", "中小学生食品安全课程学时", IndicatorUnit.Hours, "小时", "004 中小学生食品安全知识课程培训每年不少于xx小时", "教育部门课程安排", "中小学生+小时", "课程+小时"),
        C("programme.volunteers", "食品安全志愿者人数", IndicatorUnit.Count, "名", "社会共治", "programmes.volunteers", null,
            "000 建立万名志愿者队伍", "在册志愿者数（时点：已入队、未退出）", "志愿者+名", "志愿者+人") with { Version = 2 },
        C("programme.volunteer-training-rate", "志愿者培训率", IndicatorUnit.Percent, "%", "社会共治", "programmes.volunteers-trained", "programmes.volunteers",
            "000 志愿者培训率100%", "在册志愿者中已登记培训的比例（时点）", "志愿者+培训率"),
        E("programme.experts", "国家级食品安全专家人数（每领域）", IndicatorUnit.Count, "名", "000 每个专业领域至少有2名国家级专家", "专家库名单（领域、级别）", "专家"),
        E("programme.model-restaurants", "放心示范餐饮店数", IndicatorUnit.Count, "家", "002 创建放心示范餐饮店340家", "创建验收名单", "放心示范餐饮店", "示范餐饮"),
        E("programme.sunshine-kitchens", "阳光厨房数", IndicatorUnit.Count, "家", "002 全市新建阳光厨房300家", "建成名单", "阳光厨房"),
        E("programme.model-canteens", "放心示范学校食堂数", IndicatorUnit.Count, "家", "002 建成省级放心示范学校食堂140家", "省级验收名单", "示范学校食堂", "学校食堂+家"),
        E("programme.rural-banquet-kitchens", "农村家宴放心厨房数", IndicatorUnit.Count, "个", "002 改造提升102个农村家宴放心厨房", "改造验收名单", "家宴"),
        E("programme.market-test-rooms", "乡镇农贸市场检测室数", IndicatorUnit.Count, "家", "002 建成15家以上乡镇农贸市场检测室并免费对外开放", "检测室名单与开放情况", "检测室"),
        E("programme.wholesale-markets", "食用农产品批发市场规范化建设数", IndicatorUnit.Count, "家", "002 至少完成2家食用农产品批发市场规范化建设", "验收名单", "批发市场+规范化"),
        E("programme.workshops", "名特优食品作坊数", IndicatorUnit.Count, "家", "002 打造名特优食品作坊61家", "认定名单", "名特优", "作坊+家"),
        E("programme.workshop-parks", "小作坊集聚园区获证覆盖率", IndicatorUnit.Percent, "%", "002 食品小作坊集聚园区覆盖获证企业95%以上", "园区与获证企业名单", "集聚园区", "小作坊+覆盖"),
        E("programme.rapid-test-labs", "农批市场快检室数", IndicatorUnit.Count, "个", "003 “1+5+N” 5个大型农批市场快检室", "快检室名单", "快检室", "检验检测体系"),
        E("programme.sentinel-hospitals", "食源性疾病监测哨点医院数", IndicatorUnit.Count, "所", "004 市级设置x-x所哨点医院", "卫生健康部门哨点名单", "哨点医院"),
        E("programme.publicity-coverage", "科普宣传社区覆盖率", IndicatorUnit.Percent, "%", "004 食品安全科普宣传活动社区覆盖率xx%以上", "宣传活动记录（社区、日期、照片）", "科普+覆盖率", "宣传+社区"),
        C("programme.publicity-events", "每月基层科普宣传活动场次", IndicatorUnit.PerMonth, "场/月", "社会共治", "programmes.publicity-events", Months,
            "004 每月举办面向广大基层群众的食品安全科普宣传教育活动不少于x场", "年内登记的科普宣传活动场数 ÷ 已开始的月数（含当月）",
            "宣传教育活动+场", "科普+场") with { Version = 2 },
        E("agri.tail-water-demos", "养殖尾水治理示范场数", IndicatorUnit.Count, "个", "002 建立40个养殖尾水治理示范场", "农业农村部门验收名单", "尾水+示范场", "尾水"),
        E("programme.tv-ads", "公益广告每周播放次数", IndicatorUnit.Count, "次", "004 市电视台播放食品安全公益广告平均每周不少于x次", "播出记录", "公益广告"),
        E("programme.rating-publicity", "量化分级评定公示率", IndicatorUnit.Percent, "%", "004 参加量化分级评定单位的公示率达xxx%", "公示记录", "公示率"),
        E("programme.township-offices", "乡镇（街道）食安办规范化率", IndicatorUnit.Percent, "%", "002 乡镇（街道）食安办规范化率达到100%", "验收记录", "食安办+规范化"),
        E("programme.review-visits", "“回头看”比例", IndicatorUnit.Percent, "%", "002 按照不低于30%比例开展“回头看”活动", "回头看记录", "回头看"),
        E("programme.app-coverage", "基层移动监管APP覆盖率", IndicatorUnit.Percent, "%", "002 基层食安移动监管APP覆盖率达到60%以上", "开通账号的基层监管人员 ÷ 基层监管人员（可由本系统账号统计核对）", "APP"),
        E("programme.credit-finance", "金融征信体系建设覆盖率", IndicatorUnit.Percent, "%", "002 各县（市、区）金融征信体系建设全覆盖", "人民银行与各县（市、区）共建记录", "金融征信"),
        E("programme.professional-staff", "监管人员专业化比例", IndicatorUnit.Percent, "%", "003 食品安全监管人员的专业化比例达到70%以上", "人事部门学历与专业统计", "专业化"),
        E("programme.monitoring-capacity", "风险监测能力（设备配置）达标率", IndicatorUnit.Percent, "%", "002 市、县级风险监测能力分别达到省定参考品目的80%、70%", "设备清单对照省定参考品目", "监测能力", "设备配置"),
        E("programme.assessment-weight", "食品安全工作考核权重", IndicatorUnit.Percent, "%", "004 食品安全工作所占权重不低于x%", "政府绩效考核办法", "权重"),
        E("programme.complaint-hours", "投诉举报受理时长", IndicatorUnit.Hours, "小时", "004 xx小时不间断受理食品安全投诉举报", "热线值守安排", "不间断受理", "受理+小时"),
        E("programme.hotline-answer-rate", "12315热线接通率", IndicatorUnit.Percent, "%", "003 12315热线接通率达到85%以上", "热线平台月度统计", "接通率"),
        E("programme.responsibility-standard", "主体责任达标率", IndicatorUnit.Percent, "%", "000 全市食品生产经营者100%达到主体责任标准", "主体责任各项（本系统“主体责任”各率）综合评定", "主体责任标准"),
        E("agri.vet-drug-monitoring", "兽药定量监测批次", IndicatorUnit.Count, "批次", "002 全年市本级定量监测1400批次以上", "农业农村部门监测报告", "定量监测", "批次"),
        E("agri.standard-uptake", "农产品生产操作规程入社率", IndicatorUnit.Percent, "%", "002 主要农产品入社（场、企）率达90%以上", "农业农村部门统计", "入社"),
        E("agri.standardisation", "农业标准化程度", IndicatorUnit.Percent, "%", "002 农业标准化程度达到63%以上", "农业农村部门统计", "农业标准化"),
        E("agri.forestry-standardisation", "林业标准化生产程度", IndicatorUnit.Percent, "%", "002 林业标准化生产程度63%以上", "林业部门统计", "林业标准化"),
        E("agri.forestry-brands", "新增省市级林业品牌数", IndicatorUnit.Count, "个", "002 新增省市级林业品牌2个以上", "林业部门认定文件", "林业品牌"),
        E("agri.fishery-standardisation", "渔业标准化率", IndicatorUnit.Percent, "%", "002 渔业标准化率达到63%", "海洋与渔业部门统计", "渔业标准化"),
        E("agri.aquaculture-demos", "水产健康养殖示范场（县）数", IndicatorUnit.Count, "家", "002 全年创建示范场和示范县5家以上", "创建名单", "示范场"),
    ];

    private static readonly Dictionary<string, IndicatorDefinition> ByKey = All.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public static IndicatorDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The unit family of a target's unit as the parser read it ("%", "份/千人", "小时", "家" …).</summary>
    public static IndicatorUnit FamilyOf(string unit) =>
        unit.Contains('%', StringComparison.Ordinal) || unit.Contains('％', StringComparison.Ordinal) ? IndicatorUnit.Percent
        : unit.Contains("千人", StringComparison.Ordinal) ? IndicatorUnit.PerThousand
        : unit.Contains("时", StringComparison.Ordinal) ? IndicatorUnit.Hours
        : IndicatorUnit.Count;

    /// <summary>
    /// The indicator a target most likely measures: of the indicators of the target's unit family, the one whose
    /// matching phrase is most specific (most characters matched); ties go to the computed one, then catalogue order.
    /// One sentence often carries several targets ("学校食堂…100%，规模以上餐饮单位…60%"): <paramref name="nth"/> is the
    /// target's place among those read from the same sentence, and the clause holding its figure is matched first, the
    /// whole sentence after. Only a suggestion: a person confirms or changes it.
    /// </summary>
    public static IndicatorDefinition? Suggest(string text, string unit, int nth = 0)
    {
        var family = FamilyOf(unit);
        // The n-th target's words: from the clause of its figure to the clause of the next figure (the words after a
        // figure still describe it: "每5年对…经营单位、品种全部覆盖一次").
        var starts = new List<int>();
        var at = 0;
        foreach (var clause in Clauses.Split(text))
        {
            if (Figure.IsMatch(clause))
            {
                starts.Add(at);
            }

            at += clause.Length + 1;
        }

        var own = nth < starts.Count ? text[starts[nth]..(nth + 1 < starts.Count ? starts[nth + 1] : text.Length)] : null;
        return (own is null ? null : Best(own, family)) ?? Best(text, family);
    }

    private static readonly System.Text.RegularExpressions.Regex Clauses = new("[，,；;。、]", System.Text.RegularExpressions.RegexOptions.Compiled);

    private static readonly System.Text.RegularExpressions.Regex Figure =
        new("[0-9０-９xXｘ]+(?:\\.[0-9]+)?\\s*(?:%|％|小时|学时|份|件|家|个|名|所|次|批|年|场)", System.Text.RegularExpressions.RegexOptions.Compiled);

    private static IndicatorDefinition? Best(string text, IndicatorUnit family)
    {
        IndicatorDefinition? best = null;
        var bestScore = 0;
        foreach (var d in All)
        {
            if ((d.Unit == IndicatorUnit.PerMonth ? IndicatorUnit.Count : d.Unit) != family)
            {
                continue;
            }

            foreach (var phrase in d.Match)
            {
                var words = phrase.Split('+');
                if (!words.All(w => text.Contains(w, StringComparison.Ordinal)))
                {
                    continue;
                }

                var score = words.Sum(w => w.Length) * 2 + (d.Computed ? 1 : 0);
                if (score > bestScore)
                {
                    (best, bestScore) = (d, score);
                }
            }
        }

        return best;
    }
}
