using Shian.Registry.Contracts;

namespace Shian.Inspections.Rules;

public sealed record ChecklistItem(string Code, string Text, bool Key);

public sealed record Checklist(string Code, string Name, IReadOnlyList<ChecklistItem> Items);

public enum ItemResult
{
    /// <summary>是 (符合).</summary>
    Yes,

    /// <summary>否 (不符合).</summary>
    No,

    /// <summary>不适用.</summary>
    NotApplicable,
}

public enum InspectionResult
{
    /// <summary>符合.</summary>
    Conforming,

    /// <summary>基本符合.</summary>
    BasicallyConforming,

    /// <summary>不符合.</summary>
    NonConforming,
}

/// <summary>
/// 表格化检查: one checklist per business type, key items (重点项) marked. The items summarise the structure of the
/// SAMR 日常监督检查要点表 (生产、销售、餐饮) and the seeds' 主体责任 points; they are not the official wording (status U in
/// the domain notes' terms): a bureau replaces them with its province's table. The result follows
/// 《食品生产经营监督检查管理办法》第三十二、三十三条 with the 符合/基本符合/不符合 categories of the repealed Order 23:
/// a key item not met → 不符合; only general items not met → 基本符合; otherwise 符合.
/// </summary>
public static class Checklists
{
    public static readonly Checklist Catering = new("CATERING-v1", "餐饮服务日常监督检查表",
    [
        new("C01", "持有有效食品经营许可证，经营项目与许可内容一致", true),
        new("C02", "公示许可证、监督检查结果记录表和量化分级标识", false),
        new("C03", "建立食品安全管理制度，配备食品安全管理人员", false),
        new("C04", "从业人员持有效健康证明，落实晨检", true),
        new("C05", "采购查验并留存供货者资质和产品合格证明（索证索票）", true),
        new("C06", "无超过保质期、腐败变质、来源不明的食品原料", true),
        new("C07", "原料、半成品、成品分开存放，生熟分开", true),
        new("C08", "冷藏、冷冻设施温度符合要求", false),
        new("C09", "餐用具清洗消毒并保洁存放", true),
        new("C10", "加工场所整洁，防鼠、防蝇、防虫设施完好", false),
        new("C11", "食品添加剂专柜存放、专人管理，使用记录完整", false),
        new("C12", "按规定留样（学校、托幼、集体用餐：每餐每样不少于 125 克，冷藏 48 小时以上）", true),
        new("C13", "餐厨废弃物按规定处置，有收运合同或记录", false),
    ]);

    public static readonly Checklist Sales = new("SALES-v1", "食品销售日常监督检查表",
    [
        new("S01", "持有有效食品经营许可证或备案凭证", true),
        new("S02", "公示许可证和监督检查结果记录表", false),
        new("S03", "进货查验记录完整（索证索票）", true),
        new("S04", "无超过保质期、变质、来源不明的食品", true),
        new("S05", "预包装食品标签标识符合规定", false),
        new("S06", "贮存条件符合要求（温度、离墙离地、分区分架）", false),
        new("S07", "散装食品标明名称、生产日期、保质期和经营者信息", false),
        new("S08", "从业人员持有效健康证明", true),
        new("S09", "市场开办者、柜台出租者审查入场经营者资质并开展抽样检验", false),
        new("S10", "开展食品安全自查并有记录", false),
    ]);

    public static readonly Checklist Production = new("PRODUCTION-v1", "食品生产日常监督检查表",
    [
        new("P01", "生产许可证有效，生产品种在许可范围内", true),
        new("P02", "生产环境、更衣、洗手消毒和防护设施符合要求", false),
        new("P03", "原辅料进货查验记录完整", true),
        new("P04", "食品添加剂按标准使用，专人专柜管理", true),
        new("P05", "关键控制点有生产过程控制记录", false),
        new("P06", "出厂检验记录完整，按规定留样", true),
        new("P07", "产品标签标识符合要求", false),
        new("P08", "建立不合格品管理和召回制度", false),
        new("P09", "从业人员健康管理和培训（食品安全管理人员培训不少于 40 学时/年）", false),
        new("P10", "按时提交食品安全自查报告", false),
    ]);

    public static readonly Checklist Farm = new("FARM-v1", "食用农产品生产经营检查表",
    [
        new("F01", "如实记录农药、兽药使用，遵守安全间隔期、休药期", true),
        new("F02", "不使用禁用农药、兽药和非法添加物", true),
        new("F03", "出具承诺达标合格证或产地证明", false),
        new("F04", "生产、销售台账完整，可追溯", false),
        new("F05", "贮存、运输条件符合要求", false),
        new("F06", "开展自检或快检并有记录", false),
    ]);

    public static IReadOnlyList<Checklist> All { get; } = [Catering, Sales, Production, Farm];

    public static Checklist For(BusinessKind kind) => kind switch
    {
        BusinessKind.Producer or BusinessKind.SmallWorkshop => Production,
        BusinessKind.Farm or BusinessKind.Cooperative or BusinessKind.LeadingEnterprise => Farm,
        BusinessKind.Seller or BusinessKind.OnlineSeller or BusinessKind.MarketOperator or BusinessKind.CounterLessor or BusinessKind.FairOrganizer or BusinessKind.Vendor => Sales,
        _ => Catering,
    };

    public static Checklist? ByCode(string code) => All.FirstOrDefault(c => c.Code == code);

    /// <summary>The family of checklists a kind of business is inspected with (an administrator adds versions of a family).</summary>
    public static string FamilyOf(BusinessKind kind) => For(kind).Code.Split('-')[0];

    /// <summary>The families with their Chinese names (from the built-in first versions).</summary>
    public static IReadOnlyDictionary<string, string> Families { get; } = All.ToDictionary(c => c.Code.Split('-')[0], c => c.Name);

    /// <summary>
    /// The result of a filled checklist (review D-13; Order 49 第三十二、三十三条): a failed item that affects food safety
    /// makes it 不符合 and goes to 调查处理 — key items affect it unless the officer says otherwise, general items only when the
    /// officer says so (<paramref name="affectsSafety"/>, per failed item); failures that do not affect safety are 基本符合
    /// (rectify); nothing failed is 符合. Every item must be answered.
    /// </summary>
    public static InspectionResult Judge(Checklist checklist, IReadOnlyDictionary<string, ItemResult> answers, IReadOnlyDictionary<string, bool>? affectsSafety = null)
    {
        var missing = checklist.Items.Where(i => !answers.ContainsKey(i.Code)).Select(i => i.Code).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"未填写的检查项目：{string.Join("、", missing)}");
        }

        var failed = checklist.Items.Where(i => answers[i.Code] == ItemResult.No).ToList();
        if (failed.Any(i => AffectsSafety(i, affectsSafety)))
        {
            return InspectionResult.NonConforming;
        }

        return failed.Count > 0 ? InspectionResult.BasicallyConforming : InspectionResult.Conforming;
    }

    /// <summary>Whether a failed item affects food safety: the officer's judgement, else yes for a key item and no for a general one.</summary>
    public static bool AffectsSafety(ChecklistItem item, IReadOnlyDictionary<string, bool>? affectsSafety) =>
        affectsSafety is not null && affectsSafety.TryGetValue(item.Code, out var judged) ? judged : item.Key;

    public static string Label(InspectionResult r) => r switch
    {
        InspectionResult.Conforming => "符合",
        InspectionResult.BasicallyConforming => "基本符合",
        _ => "不符合",
    };
}
