using Shian.Complaints.Domain;
using Shian.Complaints.Rules;

namespace Shian.UnitTests.Complaints;

public sealed class HotlineSheetTests
{
    private static (int, IReadOnlyDictionary<string, string?>) R(int n, params (string K, string? V)[] cells) => (n, cells.ToDictionary(c => c.K, c => c.V));

    [Fact]
    public void TheColumns_AreFoundByTheirUsualNames_InAnyOrder_AndMissingOnesAreNamed()
    {
        var (map, error) = HotlineSheet.MapHeader(["来电号码", "反映内容", "工单号", "类型", "属地"]);
        Assert.Null(error);
        Assert.Equal("工单号", map[HotlineSheet.Column.Ticket]);
        Assert.Equal("反映内容", map[HotlineSheet.Column.Description]);
        Assert.Equal("来电号码", map[HotlineSheet.Column.Phone]);
        Assert.Equal("属地", map[HotlineSheet.Column.District]);

        (_, error) = HotlineSheet.MapHeader(["工单编号", "来电时间"]);
        Assert.StartsWith("缺少列：诉求类型、诉求内容", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_AreComplaintsOrReports_WithAKnownCategory_AndEveryProblemNamesItsRowAndColumn()
    {
        var (map, _) = HotlineSheet.MapHeader(["工单编号", "诉求类型", "问题类别", "诉求内容", "所在区县"]);
        var result = HotlineSheet.Read(map,
        [
            R(2, ("工单编号", "T-1"), ("诉求类型", "投诉"), ("问题类别", "过期变质"), ("诉求内容", "买到过期奶"), ("所在区县", "溪湖区")),
            R(3, ("工单编号", "T-2"), ("诉求类型", "举报（实名）"), ("问题类别", ""), ("诉求内容", "无证经营")),
            R(4, ("工单编号", "T-3"), ("诉求类型", "咨询"), ("问题类别", "地沟油"), ("诉求内容", "问问")),
            R(5, ("工单编号", ""), ("诉求类型", "投诉"), ("问题类别", "不知道"), ("诉求内容", "")),
            R(6, ("工单编号", "T-1"), ("诉求类型", "投诉"), ("问题类别", "过期变质"), ("诉求内容", "再次来电")),
            R(7, ("工单编号", ""), ("诉求类型", ""), ("问题类别", null), ("诉求内容", " ")),
        ]);
        Assert.Equal(["T-1", "T-2"], result.Rows.Select(r => r.Ticket));
        Assert.Equal(ComplaintKind.Complaint, result.Rows[0].Kind);
        Assert.Equal(ComplaintCategory.ExpiredOrSpoiled, result.Rows[0].Category);
        Assert.Equal("溪湖区", result.Rows[0].District);
        Assert.Equal(ComplaintKind.Report, result.Rows[1].Kind);
        Assert.Equal(ComplaintCategory.Other, result.Rows[1].Category); // empty: 其他
        Assert.Equal([(6, "T-1")], result.RepeatedInFile);
        Assert.Equal(
        [
            "第 4 行「诉求类型」：“咨询”不是投诉或举报（咨询、建议等不在此登记）",
            "第 5 行「工单编号」：工单编号为空",
            "第 5 行「问题类别」：“不知道”不是已知的问题类别（如 非法添加、超范围超限量使用添加剂、过期变质、无证经营 …）",
            "第 5 行「诉求内容」：诉求内容为空",
        ], result.Errors);
    }

    [Theory]
    [InlineData("地沟油", ComplaintCategory.KitchenWaste)]
    [InlineData("餐厨废弃物地沟油", ComplaintCategory.KitchenWaste)]
    [InlineData("school_area", ComplaintCategory.SchoolArea)]
    [InlineData("标签标识问题", ComplaintCategory.Labelling)]
    [InlineData(" ", ComplaintCategory.Other)]
    public void ACategory_IsReadFromItsNameCodeOrKeyword(string text, ComplaintCategory expected) => Assert.Equal(expected, HotlineSheet.CategoryOf(text));
}
