using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Complaints;

/// <summary>The 12345 export imported as complaints: all rows or none, errors by row and column, known tickets skipped and listed.</summary>
public abstract class HotlineImportTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> UploadAsync(HttpClient browser, string fileName, byte[] bytes)
    {
        var page = await browser.GetStringAsync("/complaints/import", Ct);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(ShianFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "Upload", fileName },
        };
        var res = await browser.PostAsync("/complaints/import", content, Ct);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        return WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync(Ct));
    }

    private async Task<int> CountAsync(string prefix)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>().Set<Shian.Complaints.Domain.Complaint>().IgnoreQueryFilters()
            .CountAsync(c => c.TicketId!.StartsWith(prefix), Ct);
    }

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var ms = new MemoryStream();
        ms.SaveAs(rows);
        return ms.ToArray();
    }

    [Fact]
    public async Task TheExport_IsImportedWhole_OrNotAtAll_WithKnownTicketsSkippedAndListed()
    {
        var p = "T" + Guid.NewGuid().ToString("N")[..6] + "-";
        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        Dictionary<string, object?> Row(string ticket, string kind, string what, string district, string? name = null, string? phone = null) => new()
        {
            ["工单编号"] = p + ticket, ["来电时间"] = "2026-11-27 09:30", ["诉求类型"] = kind, ["问题类别"] = "过期变质", ["诉求内容"] = what, ["被反映单位"] = "某超市",
            ["事发地址"] = "河东街道 1 号", ["所在区县"] = district, ["来电人"] = name, ["联系电话"] = phone,
        };

        // A consultation, a district outside the officer's, a complaint without its caller, a bad phone: nothing is imported.
        var page = await UploadAsync(browser, "12345.xlsx", Xlsx(
        [
            Row("1", "投诉", "买到过期面包", "溪湖区", "孙一", "13811110001"),
            Row("2", "咨询", "问营业时间", "溪湖区"),
            Row("3", "举报", "后厨脏", "明山区"),
            Row("4", "投诉", "过期饮料", "溪湖区"),
            Row("5", "举报", "无证", "河东街道", "周二", "12345"),
        ]));
        var errors = Regex.Matches(page, "<li>(第 \\d+ 行[^<]+)</li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("第 3 行「诉求类型」：“咨询”不是投诉或举报（咨询、建议等不在此登记）", errors);
        Assert.Contains("第 4 行「所在区县」：“明山区”不是您辖区内的区县或街道", errors);
        Assert.Contains("第 5 行「来电人」：投诉须提供姓名和联系电话以便调解；不愿留名的，请选择「举报」", errors);
        Assert.Contains("第 6 行「联系电话」：联系电话应为 11 位手机号或带区号的固定电话", errors);
        Assert.Contains("未导入任何一行", page, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(p));

        // Corrected: all in; imported again with one new row, the known tickets are skipped and listed.
        page = await UploadAsync(browser, "12345.xlsx", Xlsx([Row("1", "投诉", "买到过期面包", "溪湖区", "孙一", "13811110001"), Row("3", "举报", "后厨脏", "溪湖区")]));
        Assert.Contains("data-imported=\"2\"", page, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(p));

        // The same export as a .csv saved by Chinese Excel (GB18030), with a repeated row.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "工单号,类型,反映内容,地址,属地,来电人,电话\n"
            + $"{p}1,投诉,买到过期面包,河东街道 1 号,溪湖区,孙一,13811110001\n{p}6,举报,卖病死猪肉,河东菜市场,河东街道,,\n{p}6,举报,卖病死猪肉,河东菜市场,河东街道,,\n";
        page = await UploadAsync(browser, "12345.csv", Encoding.GetEncoding("GB18030").GetBytes(csv));
        Assert.True(page.Contains("data-imported=\"1\"", StringComparison.Ordinal), ComplaintsTests.Errors(page));
        Assert.Contains($"第 2 行 工单 {p}1：已登记过", page, StringComparison.Ordinal);
        Assert.Contains($"第 4 行 工单 {p}6：文件中重复", page, StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync(p));

        // Wrong columns: named, nothing read.
        page = await UploadAsync(browser, "12345.csv", Encoding.UTF8.GetBytes("编号,内容\n1,x\n"));
        Assert.Contains("缺少列：诉求类型", page, StringComparison.Ordinal);
        Assert.Contains("一次最多导入", (await UploadAsync(browser, "big.csv", Encoding.UTF8.GetBytes("工单编号,诉求类型,诉求内容\n" + string.Concat(Enumerable.Range(0, 5001).Select(i => $"{p}x{i},举报,内容\n"))))), StringComparison.Ordinal);
        Assert.Contains("请上传 12345 热线导出的 .xlsx 或 .csv 文件", await UploadAsync(browser, "a.txt", "x"u8.ToArray()), StringComparison.Ordinal);
    }
}

public sealed class HotlineImportSqliteTests(SqliteShianFactory factory) : HotlineImportTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class HotlineImportPostgresTests(PostgresShianFactory factory) : HotlineImportTests(factory), IClassFixture<PostgresShianFactory>;
