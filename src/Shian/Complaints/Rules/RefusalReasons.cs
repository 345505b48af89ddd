namespace Shian.Complaints.Rules;

/// <summary>不予受理 grounds of 市场监督管理投诉举报处理暂行办法 第十五条; a refusal names one of them.</summary>
public static class RefusalReasons
{
    public sealed record Reason(string Code, string Article, string Text);

    public static IReadOnlyList<Reason> All { get; } =
    [
        new("not-ours", "第十五条第（一）项", "投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限"),
        new("handled-elsewhere", "第十五条第（二）项", "法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议"),
        new("not-consumer", "第十五条第（三）项", "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议"),
        new("too-late", "第十五条第（四）项", "投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年"),
        new("no-materials", "第十五条第（五）项", "未提供本办法第九条第一款和第十条规定的材料"),
        new("other-law", "第十五条第（六）项", "法律、法规、规章规定不予受理的其他情形"),
    ];

    public static Reason? Find(string? code) => All.FirstOrDefault(r => r.Code == code);

    /// <summary>How the refusal reads on the record and to the complainant.</summary>
    public static string Describe(Reason r) => $"依据《市场监督管理投诉举报处理暂行办法》{r.Article}：{r.Text}";
}
