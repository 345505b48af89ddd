using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Shian.Governance.Export;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Governance;

/// <summary>The plan with progress as .xlsx and the 进展情况通报 as .docx: valid OpenXml, one layout for every plan.</summary>
public abstract class ExportTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed002WithAReport_ExportsAValidSheetAndAValidReport()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@330300");
        var created = await coordinator.PostAsync("/api/v1/plans", Seeds.PlanForm(Seeds.Bytes("002"), "温州.txt"), Ct);
        created.EnsureSuccessStatusCode();
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var plan = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}", Ct);
        var firstTask = plan.GetProperty("sections")[0].GetProperty("tasks")[0].GetProperty("id").GetString();
        var officer = await factory.ClientAsAsync("officer@330302");
        (await officer.PostAsJsonAsync($"/api/v1/plans/tasks/{firstTask}/reports",
            new { unitKey = "gov:330302000000", text = "已印发实施细则。", percent = 100, completed = true }, Ct)).EnsureSuccessStatusCode();

        var xlsx = await coordinator.GetAsync($"/api/v1/plans/{planId}/export.xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)), false))
        {
            var problems = new OpenXmlValidator().Validate(doc, Ct).Select(e => e.Description + " @ " + e.Path?.XPath).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal(1 + 1 + 1 + 32, rows.Count); // title, header, one section, 32 tasks
            Assert.Equal(PlanExport.Columns, rows[1].Elements<Cell>().Select(c => c.InnerText));
            var task1 = rows[3].Elements<Cell>().Select(c => c.InnerText).ToList();
            Assert.Equal("1", task1[0]);
            Assert.Contains("温州市鹿城区人民政府（100%", task1[5], StringComparison.Ordinal);
            Assert.StartsWith("已完成 1/13", task1[6], StringComparison.Ordinal);
        }

        var docx = await coordinator.GetAsync($"/api/v1/plans/{planId}/report.docx", Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false))
        {
            var problems = new OpenXmlValidator().Validate(doc, Ct).Select(e => e.Description + " @ " + e.Path?.XPath).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("关于《2018年温州市食品安全工作责任分工一览表》进展情况的通报", text, StringComparison.Ordinal);
            Assert.Contains("已印发实施细则。", text, StringComparison.Ordinal);
            Assert.Contains("逾期未完成情况", text, StringComparison.Ordinal);
        }

        // The timeline: every milestone counted once; seed 002's dates (2018) are past, so all open ones are overdue,
        // except task 1, which 鹿城区 completed — but 12 other units have not, so it is overdue too.
        var timeline = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}/timeline", Ct);
        var months = timeline.EnumerateArray().ToList();
        Assert.Equal(21, months.Sum(m => m.GetProperty("completed").GetInt32() + m.GetProperty("open").GetInt32() + m.GetProperty("overdue").GetInt32()));
        Assert.Equal(0, months.Sum(m => m.GetProperty("open").GetInt32()));
        Assert.Equal("2018-04", months[0].GetProperty("month").GetString());

        // Another region's user gets 404 for the exports, like for the plan.
        var benxi = await factory.ClientAsAsync("coordinator@210500");
        Assert.Equal(HttpStatusCode.NotFound, (await benxi.GetAsync($"/api/v1/plans/{planId}/export.xlsx", Ct)).StatusCode);
    }
}

public sealed class ExportSqliteTests(SqliteShianFactory factory) : ExportTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class ExportPostgresTests(PostgresShianFactory factory) : ExportTests(factory), IClassFixture<PostgresShianFactory>;
