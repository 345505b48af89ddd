using Shian.Complaints.Domain;

namespace Shian.Complaints.Rules;

/// <summary>
/// The Open311 GeoReport v2 service list: one service per complaint category (service_code is the category in
/// snake case, a string as the spec's own schema types it), each with the same definition — 投诉 or 举报, the business's
/// name or licence number, when it happened.
/// </summary>
public static class Open311Services
{
    public sealed record Service(string Code, ComplaintCategory Category, string Name, string Description, string Keywords);

    public static IReadOnlyList<Service> All { get; } =
    [
        new("illegal_additive", ComplaintCategory.IllegalAdditive, "非法添加", "在食品中添加非食用物质或药品", "非法添加,非食用物质,瘦肉精,苏丹红"),
        new("additive_overuse", ComplaintCategory.AdditiveOveruse, "超范围超限量使用添加剂", "食品添加剂超范围、超限量使用", "添加剂,防腐剂,甜味剂,色素"),
        new("expired_spoiled", ComplaintCategory.ExpiredOrSpoiled, "过期变质", "销售或使用过期、腐败变质食品或原料", "过期,变质,发霉,异味"),
        new("unlicensed", ComplaintCategory.Unlicensed, "无证经营", "未取得食品生产经营许可从事生产经营", "无证,黑作坊,无照"),
        new("kitchen_waste", ComplaintCategory.KitchenWaste, "餐厨废弃物、地沟油", "餐厨废弃物非法收运处置，使用地沟油", "地沟油,泔水,餐厨垃圾"),
        new("illegal_slaughter", ComplaintCategory.IllegalSlaughter, "私屠滥宰", "私屠滥宰，病死畜禽，注水肉", "私屠滥宰,病死猪,注水肉"),
        new("false_advertising", ComplaintCategory.FalseAdvertising, "虚假宣传", "食品、保健食品虚假宣传", "虚假宣传,保健品,夸大功效"),
        new("school_area", ComplaintCategory.SchoolArea, "校园及周边", "学校食堂、校园周边食品安全", "学校,食堂,校园周边,幼儿园"),
        new("hygiene", ComplaintCategory.Hygiene, "卫生条件差", "经营场所卫生条件差，从业人员无健康证", "卫生,健康证,苍蝇,老鼠"),
        new("labelling", ComplaintCategory.Labelling, "标签标识问题", "标签标识不符合规定，无中文标签", "标签,生产日期,中文标签"),
        new("other", ComplaintCategory.Other, "其他食品安全问题", "其他食品安全问题", "食品安全"),
    ];

    public static Service? Find(string? code) => All.FirstOrDefault(s => string.Equals(s.Code, code?.Trim(), StringComparison.Ordinal));

    public static Service Of(ComplaintCategory category) => All.First(s => s.Category == category);

    public sealed record Attribute(string Code, string Datatype, bool Required, string Description, int Order, IReadOnlyList<(string Key, string Name)> Values);

    /// <summary>The definition every service shares (service_definition's attributes).</summary>
    public static IReadOnlyList<Attribute> Attributes { get; } =
    [
        new("kind", "singlevaluelist", true, "投诉（本人消费争议，需实名）还是举报（违法线索，可匿名）", 1, [("complaint", "投诉"), ("report", "举报")]),
        new("business_name", "string", false, "被投诉举报的经营者名称", 2, []),
        new("business_licence", "string", false, "经营者的许可证编号或统一社会信用代码（与登记在册的经营者匹配）", 3, []),
        new("occurred_on", "datetime", false, "发生时间", 4, []),
    ];

    /// <summary>open for what is still being handled, closed otherwise (the spec knows only these two).</summary>
    public static string Status(ComplaintStatus s) => s is ComplaintStatus.Received or ComplaintStatus.InProgress ? "open" : "closed";
}
