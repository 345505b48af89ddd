using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;
using Shian.Governance;

namespace Shian.IntegrationTests.Governance;

/// <summary>Import of work plans over HTTP: preview, one-transaction save, duplicates, scope, mapping, a unit's tasks.</summary>
public abstract class PlanImportTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> ImportAsync(HttpClient client, MultipartFormDataContent form)
    {
        var res = await client.PostAsync("/api/v1/plans", form, Ct);
        Assert.True(res.StatusCode == HttpStatusCode.Created, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");
        return await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Seed002_PreviewedThenImported_Gives32TasksWithUnitsMilestonesAndTargets()
    {
        var client = await factory.ClientAsAsync("coordinator@330300");
        int plansBefore;
        await using (var scope = factory.Scope())
        {
            plansBefore = await scope.ServiceProvider.GetRequiredService<ShianDb>().Plans.CountAsync(Ct);
        }

        var preview = await client.PostAsync("/api/v1/plans/preview", Seeds.PlanForm(Seeds.Bytes("002"), "2018温州分工.txt"), Ct);
        preview.EnsureSuccessStatusCode();
        var p = await preview.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(32, p.GetProperty("plan").GetProperty("sections")[0].GetProperty("tasks").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, p.GetProperty("duplicateOf").ValueKind);
        await using (var scope = factory.Scope())
        {
            Assert.Equal(plansBefore, await scope.ServiceProvider.GetRequiredService<ShianDb>().Plans.CountAsync(Ct)); // a preview stores nothing
        }

        var created = await ImportAsync(client, Seeds.PlanForm(Seeds.Bytes("002"), "2018温州分工.txt"));
        var id = created.GetProperty("id").GetString();
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}", Ct);
        Assert.Equal(2018, plan.GetProperty("year").GetInt32());
        Assert.Equal("330300000000", plan.GetProperty("regionCode").GetString());
        var tasks = plan.GetProperty("sections")[0].GetProperty("tasks");
        Assert.Equal(32, tasks.GetArrayLength());
        Assert.Equal(13, tasks[0].GetProperty("units").GetArrayLength());
        Assert.Equal("2018-05-31", tasks[0].GetProperty("milestones")[0].GetProperty("date").GetString());
        Assert.Equal(4.5m, tasks[17].GetProperty("targets")[0].GetProperty("value").GetDecimal());

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            var saved = await db.Plans.SingleAsync(x => x.Id == Guid.Parse(id!), Ct);
            Assert.True(await db.Attachments.AnyAsync(a => a.Id == saved.SourceAttachmentId, Ct)); // the source file is kept
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == "create", Ct));
        }
    }

    [Fact]
    public async Task TheSameDocumentTwice_Is409_AndAddsNothing()
    {
        var client = await factory.ClientAsAsync("coordinator@210503");
        var bytes = Seeds.SmallDistrictPlan("溪湖区", Guid.NewGuid().ToString("N")[..8]);
        await ImportAsync(client, Seeds.PlanForm(bytes, "a.txt"));
        int before;
        await using (var scope = factory.Scope())
        {
            before = await scope.ServiceProvider.GetRequiredService<ShianDb>().PlanTasks.CountAsync(Ct);
        }

        var again = await client.PostAsync("/api/v1/plans", Seeds.PlanForm(bytes, "b.txt"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("governance.plan-duplicate", await again.ProblemCodeAsync(Ct));
        await using (var scope = factory.Scope())
        {
            Assert.Equal(before, await scope.ServiceProvider.GetRequiredService<ShianDb>().PlanTasks.CountAsync(Ct));
        }

        var preview = await (await client.PostAsync("/api/v1/plans/preview", Seeds.PlanForm(bytes, "c.txt"), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.NotEqual(JsonValueKind.Null, preview.GetProperty("duplicateOf").ValueKind);
    }

    [Fact]
    public async Task ImportingAnotherRegionsPlan_Is403()
    {
        var client = await factory.ClientAsAsync("coordinator@210503");
        var res = await client.PostAsync("/api/v1/plans", Seeds.PlanForm(Seeds.Bytes("002"), "温州.txt"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.Equal("scope.region-forbidden", await res.ProblemCodeAsync(Ct));
    }

    [Fact]
    public async Task AThreeYearPlanWithoutYear_IsRefusedNamingTheYear_AndAcceptedWithIt()
    {
        var client = await factory.ClientAsAsync("coordinator@520100");
        var res = await client.PostAsync("/api/v1/plans", Seeds.PlanForm(Seeds.Bytes("003"), "贵阳三年行动.txt"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("governance.plan-invalid", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("year", out _));

        var created = await ImportAsync(client, Seeds.PlanForm(Seeds.Bytes("003"), "贵阳三年行动.txt", year: 2023));
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{created.GetProperty("id").GetString()}", Ct);
        Assert.Equal(3, plan.GetProperty("sections").GetArrayLength());
    }

    [Theory]
    [InlineData("方案.docx")]
    [InlineData("方案.txt")]
    public async Task AnUnreadableOrEmptyFile_IsAClearErrorAndSavesNothing(string name)
    {
        var client = await factory.ClientAsAsync("coordinator@210503");
        var bytes = name.EndsWith(".docx", StringComparison.Ordinal) ? "PK\u0003\u0004garbage"u8.ToArray() : "会议纪要：今天讨论了午饭。"u8.ToArray();
        var res = await client.PostAsync("/api/v1/plans", Seeds.PlanForm(bytes, name, region: "210503000000", year: 2024), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Equal("governance.plan-unreadable", await res.ProblemCodeAsync(Ct));
    }

    [Fact]
    public async Task ALayoutNotRecognised_IsShownAsRead_ThenPreviewedAndImportedAsTheUserMarksIt()
    {
        var client = await factory.ClientAsAsync("coordinator@210503");
        var bytes = System.Text.Encoding.UTF8.GetBytes(
            "溪湖区2025年食品安全专项工作推进表\n\n编码\t事由\t主抓\t截止\n1\t开展校园食品安全专项检查，学校食堂检查覆盖率100%。\t区市场监督管理局\t9月底前\n2\t开展农村集体聚餐指导。\t区卫生健康局\t11月底前\n");
        MultipartFormDataContent Form(string? columns = null)
        {
            var form = Seeds.PlanForm(bytes, "推进表.txt");
            if (columns is not null)
            {
                form.Add(new StringContent(columns), "columns");
                form.Add(new StringContent("2"), "headerRow");
            }

            return form;
        }

        // Not refused: the rows as read come back to be marked.
        var unknown = await client.PostAsync("/api/v1/plans/preview", Form(), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("governance.plan-layout-unknown", problem.GetProperty("code").GetString());
        Assert.Equal(["编码", "事由", "主抓", "截止"], problem.GetProperty("sample")[1].EnumerateArray().Select(c => c.GetString()));

        // A marking that names no task column, or a role that does not exist, is refused by field.
        var bad = await client.PostAsync("/api/v1/plans/preview", Form("number,whatever,units,time"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badProblem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("governance.plan-layout-invalid", badProblem.GetProperty("code").GetString());
        Assert.True(badProblem.GetProperty("errors").TryGetProperty("columns[2]", out _));

        var preview = await client.PostAsync("/api/v1/plans/preview", Form("number,text,units,time"), Ct);
        Assert.True(preview.IsSuccessStatusCode, await preview.Content.ReadAsStringAsync(Ct));
        var tasks = (await preview.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("plan").GetProperty("sections")[0].GetProperty("tasks");
        Assert.Equal(2, tasks.GetArrayLength());

        var created = await ImportAsync(client, Form("number,text,units,time"));
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{created.GetProperty("id").GetString()}", Ct);
        Assert.Equal("210503000000", plan.GetProperty("regionCode").GetString());
        var saved = plan.GetProperty("sections")[0].GetProperty("tasks");
        Assert.Equal(2, saved.GetArrayLength());
        Assert.Equal("2025-09-30", saved[0].GetProperty("milestones")[0].GetProperty("date").GetString());
        Assert.Equal(1, saved[1].GetProperty("units").GetArrayLength());
    }

    private static byte[] PlanNaming(string district, string unit, string marker) => System.Text.Encoding.UTF8.GetBytes(
        $"{district}2025年食品安全重点工作安排（{marker}）\n\n一、强化监管\n（一）加强餐饮监管。10月底前完成学校食堂明厨亮灶改造。（责任单位：{unit}）\n");

    /// <summary>A .xlsx-shaped zip whose sheet inflates to <paramref name="megabytes"/> MB (a compression bomb), or holds broken XML.</summary>
    private static byte[] Package(int megabytes, bool brokenXml = false)
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"></Types>");
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            if (brokenXml)
            {
                sheet.Write("<worksheet><sheetData><row><c>"u8);
            }
            else
            {
                var block = new byte[1024 * 1024];
                Array.Fill(block, (byte)' ');
                for (var i = 0; i < megabytes; i++)
                {
                    sheet.Write(block);
                }
            }
        }

        return ms.ToArray();
    }

    [Fact]
    public async Task ACompressionBomb_OrBrokenXml_IsRefusedWithAReason_WithoutReadingIt()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210503");
        var bomb = Package(300);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        var res = await coordinator.PostAsync("/api/v1/plans/preview", Seeds.PlanForm(bomb, "方案.xlsx", region: "210503000000", year: 2025), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains("压缩", await res.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var broken = await coordinator.PostAsync("/api/v1/plans/preview", Seeds.PlanForm(Package(0, brokenXml: true), "方案.xlsx", region: "210503000000", year: 2025), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("governance.plan-unreadable", await broken.ProblemCodeAsync(Ct));
    }

    [Fact]
    public async Task AMapping_TargetsOnlyTheImportersOwnUnits_AndTheAliasServesOnlyItsRegion()
    {
        var xihu = await factory.ClientAsAsync("coordinator@210503");
        var name = "各有关成员单位" + Guid.NewGuid().ToString("N")[..4];

        // Another district's office is refused, naming the mapping; nothing is saved, no alias is kept.
        var other = await xihu.PostAsync("/api/v1/plans", Seeds.PlanForm(PlanNaming("溪湖区", name, "越权"), "a.txt", year: 2025, region: "210503000000",
            mappings: $"{{\"{name}\":\"fso:210504000000\"}}"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        var errors = (await other.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("只能指定为本方案所属区划内", errors.GetProperty($"mappings[{name}]")[0].GetString(), StringComparison.Ordinal);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            Assert.False(await db.UnitAliases.AnyAsync(a => a.Alias.Contains(name), Ct));
        }

        // Its own office: the alias is kept for 溪湖区's documents only; 明山区's same wording stays unresolved.
        await ImportAsync(xihu, Seeds.PlanForm(PlanNaming("溪湖区", name, "本区"), "b.txt", year: 2025, region: "210503000000",
            mappings: $"{{\"{name}\":\"fso:210503000000\"}}"));
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            Assert.Equal("210503000000", (await db.UnitAliases.SingleAsync(a => a.UnitKey == "fso:210503000000" && a.Alias.Contains(name), Ct)).ScopeRegionCode);
        }

        var mingshan = await factory.ClientAsAsync("coordinator@210504");
        var preview = await mingshan.PostAsync("/api/v1/plans/preview", Seeds.PlanForm(PlanNaming("明山区", name, "明山"), "c.txt", year: 2025, region: "210504000000"), Ct);
        preview.EnsureSuccessStatusCode();
        Assert.Contains(name, await preview.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("fso:210503000000", await preview.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGroupName_MappedToSeveralUnits_AssignsEach_AndIsNotLearnedAsAnAlias()
    {
        var xihu = await factory.ClientAsAsync("coordinator@210503");
        var name = "区食安委有关成员单位" + Guid.NewGuid().ToString("N")[..4];
        var created = await ImportAsync(xihu, Seeds.PlanForm(PlanNaming("溪湖区", name, "多选"), "g.txt", year: 2025, region: "210503000000",
            mappings: $"{{\"{name}\":\"fso:210503000000,210503:market-regulation\"}}"));
        var planId = Guid.Parse(created.GetProperty("id").GetString()!);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var assigned = await db.Set<Shian.Governance.Domain.TaskAssignment>().IgnoreQueryFilters().Where(a => a.PlanId == planId).Select(a => a.UnitKey).ToListAsync(Ct);
        Assert.Equal(["210503:market-regulation", "fso:210503000000"], assigned.Order(StringComparer.Ordinal));
        Assert.False(await db.UnitAliases.AnyAsync(a => a.Alias.Contains(name), Ct));
        Assert.True(Shian.Governance.Rules.UnitGroupNames.IsGroup(name)); // the import page offers it as a multiple choice
    }

    [Fact]
    public async Task Seed000_WithAMapping_AssignsTheMappedUnit_RemembersTheAlias_AndDistrictsSeeTheirTasks()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210500");
        var created = await ImportAsync(coordinator, Seeds.PlanForm(Seeds.Bytes("000"), "本溪分工.txt", year: 2017,
            mappings: "{\"各相关部门\":\"fso:210500000000\"}"));
        var plan = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{created.GetProperty("id").GetString()}", Ct);
        Assert.Equal(7, plan.GetProperty("sections").GetArrayLength());
        var all = plan.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("tasks").EnumerateArray()).ToList();
        Assert.Equal(64, all.Count);
        Assert.Contains(all, t => t.GetProperty("unresolved").EnumerateArray().Any(u => u.GetString() == "各责任单位"));
        Assert.DoesNotContain(all, t => t.GetProperty("unresolved").EnumerateArray().Any(u => u.GetString() == "各相关部门"));

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            Assert.True(await db.UnitAliases.AnyAsync(a => a.UnitKey == "fso:210500000000" && a.Alias == "各相关部门", Ct));
        }

        // The city plan gives "县（区）政府" tasks to 溪湖区's government: 溪湖区 sees them, 明山区 sees its own, not 溪湖区's.
        var xihu = await (await factory.ClientAsAsync("officer@210503")).GetFromJsonAsync<JsonElement>("/api/v1/plans/tasks/mine", Ct);
        Assert.True(xihu.GetArrayLength() >= 10);
        Assert.All(xihu.EnumerateArray(), t => Assert.All(t.GetProperty("units").EnumerateArray(), u => Assert.Contains("210503", u.GetProperty("unitKey").GetString(), StringComparison.Ordinal)));
        Assert.Contains(xihu.EnumerateArray(), t => t.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("unitKey").GetString() == "gov:210503000000"));
        var mingshan = await (await factory.ClientAsAsync("officer@210504")).GetStringAsync("/api/v1/plans/tasks/mine", Ct);
        Assert.DoesNotContain("溪湖区", mingshan, StringComparison.Ordinal);
    }
}

public sealed class PlanImportSqliteTests(SqliteShianFactory factory) : PlanImportTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class PlanImportPostgresTests(PostgresShianFactory factory) : PlanImportTests(factory), IClassFixture<PostgresShianFactory>;
