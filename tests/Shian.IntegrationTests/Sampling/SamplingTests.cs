using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.Enforcement.Contracts;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Sampling;

/// <summary>Plan → sample → result → judgement → disposition on the statutory clock → publication, through HTTP on a real database.</summary>
public abstract class SamplingTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => factory.Today;

    private static DateOnly Date(JsonElement e) => DateOnly.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    private string Day(int offset = 0) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<(string BusinessId, string SampleId, string Code)> ReceivedSampleAsync(string name, string? planId = null, string[]? analytes = null, string kind = "Supervision") =>
        ReceivedSampleAsync(factory, name, planId, analytes, kind);

    /// <summary>An officer of 溪湖区 samples spinach from a new business; sent and received by the city lab.</summary>
    internal static async Task<(string BusinessId, string SampleId, string Code)> ReceivedSampleAsync(ShianFactory factory, string name, string? planId = null, string[]? analytes = null, string kind = "Supervision",
        (string Uscc, string Licence)? ids = null, string batch = "散装", string? gtin = null)
    {
        string Day() => factory.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var officer = await factory.ClientAsAsync("officer@210503");
        var business = await RegistryTests.RegisterAsync(officer, "210503001000", name, "食品销售经营者", ids);
        var created = await officer.PostAsJsonAsync($"/api/v1/sampling/businesses/{business}/samples", new
        {
            planId, kind, productName = "菠菜", categoryCode = "VEG.LEAFY.SPINACH", quantity = "2 kg（含备份 1 kg）", sampledOn = Day(), batch, gtin,
            samplers = new[] { "officer@210503", "inspector@210503" }, lab = "本溪市食品检验检测中心", analytes = analytes ?? ["PB", "CD", "OMETHOATE"],
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("id").GetString()!;
        // 5 working days, not calendar days: more than 5 calendar days from a working day (equal from a Sunday, where other tests' clock advances may leave it).
        Assert.True(Date(body.GetProperty("sendBy")) >= factory.Today.AddDays(factory.Today.DayOfWeek == DayOfWeek.Sunday ? 5 : 6), $"sendBy {body.GetProperty("sendBy")} on {factory.Today}");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/sent", new { on = Day() }, Ct)).StatusCode);
        var lab = await factory.ClientAsAsync("lab@210500");
        Assert.Equal(HttpStatusCode.OK, (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/received", new { on = Day() }, Ct)).StatusCode);
        return (business, id, body.GetProperty("code").GetString()!);
    }

    internal static object FailingLead => new
    {
        items = new object[]
        {
            new { analyte = "PB", value = 0.35m, unit = "mg/kg", lod = 0.005m, decimals = 2, method = "GB 5009.12-2017" },
            new { analyte = "CD", value = 0.1m, unit = "mg/kg", lod = 0.001m, decimals = 2 },
            new { analyte = "OMETHOATE", value = (decimal?)null, unit = "mg/kg", lod = 0.005m },
        },
    };

    [Fact]
    public async Task TheLimitLibrary_ShowsWhatAppliesToACategory_AndJudgesATrial()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var limits = await client.GetFromJsonAsync<JsonElement>("/api/v1/standards/limits?category=ANIMAL.MEAT.FRESH.MUSCLE.PORK", Ct);
        var cd = limits.EnumerateArray().Single(l => l.GetProperty("analyte").GetString() == "CD");
        Assert.True(cd.GetProperty("inherited").GetBoolean());
        Assert.Equal("≤0.1 mg/kg", cd.GetProperty("text").GetString());
        Assert.Contains(limits.EnumerateArray(), l => l.GetProperty("analyte").GetString() == "CLEN" && l.GetProperty("text").GetString() == "不得检出（判定值 0.5 μg/kg）");

        var judged = await factory.CreateClient().PostAsJsonAsync("/api/v1/standards/judge", new
        {
            categoryCode = "VEG.BULB.CHIVE", sampledOn = "2026-06-01", items = new[] { new { analyte = "PROCYMIDONE", value = 0.205m, unit = "mg/kg", decimals = 2 } },
        }, Ct);
        var item = (await judged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items")[0];
        Assert.Equal("不合格", item.GetProperty("label").GetString()); // reported 0.20, but 全数值比较法 compares the measured 0.205 > 0.2 (GB/T 8170 §4.3.2)
        Assert.Equal(0.20m, item.GetProperty("roundedValue").GetDecimal());

        // Celery lead under GB 2762 (茎类蔬菜): the fresh-vegetable 0.1, not the leafy 0.3 (review D-10).
        var celery = await factory.CreateClient().PostAsJsonAsync("/api/v1/standards/judge", new
        {
            categoryCode = "VEG.LEAFY.CELERY", sampledOn = "2026-06-01", items = new[] { new { analyte = "PB", value = 0.15m, unit = "mg/kg" } },
        }, Ct);
        var celeryItem = (await celery.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items")[0];
        Assert.Equal("不合格", celeryItem.GetProperty("label").GetString());
        Assert.Equal("≤0.1 mg/kg", celeryItem.GetProperty("limit").GetString());
        var bad = await factory.CreateClient().PostAsJsonAsync("/api/v1/standards/judge", new { categoryCode = "VEG", items = new[] { new { analyte = "PB", value = 1m, unit = "斤" } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("斤", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APrepackagedFood_IsJudgedByItsProductionDate_AndAPathogenPlanOverItsNResults()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var business = await RegistryTests.RegisterAsync(officer, "210503001000", "预包装测试超市" + Guid.NewGuid().ToString("N")[..4], "食品销售经营者");
        async Task<string> ReceivedAsync(string product, string category, string[] analytes, bool prepackaged, string? made)
        {
            var created = await officer.PostAsJsonAsync($"/api/v1/sampling/businesses/{business}/samples", new
            {
                kind = "Supervision", productName = product, categoryCode = category, quantity = "6 瓶", sampledOn = Day(), batch = "B1", prepackaged, productionDate = made,
                samplers = new[] { "officer@210503", "inspector@210503" }, lab = "本溪市食品检验检测中心", analytes,
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
            Assert.True((await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/sent", new { on = Day() }, Ct)).IsSuccessStatusCode);
            Assert.True((await (await factory.ClientAsAsync("lab@210500")).PostAsJsonAsync($"/api/v1/sampling/samples/{id}/received", new { on = Day() }, Ct)).IsSuccessStatusCode);
            return id;
        }

        var lab = await factory.ClientAsAsync("lab@210500");

        // Made before GB 2760-2024 took effect (2025-02-08): judged by GB 2760-2014, and the explanation names both.
        var cola = await ReceivedAsync("可乐型汽水", "BEVERAGE.CARBONATED", ["BENZOIC"], true, "2025-01-20");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{cola}/results", new { items = new[] { new { analyte = "BENZOIC", value = 0.15m, unit = "g/kg", lod = 0.005m, significantDigits = 2 } } }, Ct)).EnsureSuccessStatusCode();
        var result = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{cola}", Ct)).GetProperty("results")[0];
        Assert.Equal("2025-01-20", result.GetProperty("judgedOn").GetString());
        Assert.Contains("按生产日期 2025-01-20 适用GB 2760-2014", result.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Contains("现行GB 2760-2024", result.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, result.GetProperty("significantDigits").GetInt32());

        // 金黄色葡萄球菌 in 熟肉制品 (n=5, c=1, m=100, M=1000 CFU/g): two units above m fail; four results are refused.
        var ham = await ReceivedAsync("西式火腿", "ANIMAL.MEAT.COOKED.HAM", ["SAUR"], true, Day(-3));
        var short4 = await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{ham}/results", new { items = new[] { new { analyte = "SAUR", unit = "CFU/g", values = new decimal?[] { 10, 20, 30, 40 } } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, short4.StatusCode);
        Assert.Contains("应录入 5 份样品的结果", await short4.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{ham}/results", new { items = new[] { new { analyte = "SAUR", unit = "CFU/g", values = new decimal?[] { 10, 150, 200, null, 90 } } } }, Ct)).EnsureSuccessStatusCode();
        var hamSample = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{ham}", Ct);
        Assert.Equal("NonConforming", hamSample.GetProperty("verdict").GetString());
        Assert.Equal("10;150;200;ND;90", hamSample.GetProperty("results")[0].GetProperty("values").GetString());
        Assert.Equal("n=5, c=1, m=100, M=1000 CFU/g", hamSample.GetProperty("results")[0].GetProperty("limitText").GetString());
    }

    [Fact]
    public async Task AnAdministratorImportsLimitRows_AllOrNothing_WithTheRowAndColumnNamed()
    {
        static MultipartFormDataContent Sheet(params Dictionary<string, object?>[] rows)
        {
            var ms = new MemoryStream();
            MiniExcelLibs.MiniExcel.SaveAs(ms, rows);
            var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(ms.ToArray());
            file.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            content.Add(file, "file", "limits.xlsx");
            return content;
        }

        static Dictionary<string, object?> Row(string category, string analyte, string? limit, string? unit, string edition) => new()
        {
            ["食品类别代码"] = category, ["检测项目代码"] = analyte, ["限量值"] = limit, ["单位"] = unit, ["不得检出"] = "否", ["标准号"] = "GB 2763", ["版本"] = edition, ["实施日期"] = "2025-03-03",
        };

        var admin = await factory.ClientAsAsync("admin");
        var bad = await admin.PostAsync("/api/v1/admin/standards/limits", Sheet(Row("VEG.FRUITING.TOMATO", "PROCYMIDONE", "2", "mg/kg", "2025"), Row("VEG.NOPE", "PROCYMIDONE", "-1", "斤", "2025")), Ct);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("standards.import-invalid", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors").GetProperty("第 3 行").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains("食品类别代码", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("限量值", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("单位", StringComparison.Ordinal));
        var officer = await factory.ClientAsAsync("officer@210503");
        Assert.DoesNotContain((await officer.GetFromJsonAsync<JsonElement>("/api/v1/standards/limits?analyte=PROCYMIDONE", Ct)).EnumerateArray(), l => l.GetProperty("category").GetString() == "VEG.FRUITING.TOMATO");

        var good = await admin.PostAsync("/api/v1/admin/standards/limits", Sheet(Row("VEG.FRUITING.TOMATO", "PROCYMIDONE", "2", "mg/kg", "2025")), Ct);
        Assert.Equal(1, (await good.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("imported").GetInt32());
        var judged = await officer.PostAsJsonAsync("/api/v1/standards/judge", new { categoryCode = "VEG.FRUITING.TOMATO", sampledOn = "2025-06-01", items = new[] { new { analyte = "PROCYMIDONE", value = 2.5m, unit = "mg/kg" } } }, Ct);
        Assert.Equal("不合格", (await judged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items")[0].GetProperty("label").GetString());
        var again = await admin.PostAsync("/api/v1/admin/standards/limits", Sheet(Row("VEG.FRUITING.TOMATO", "PROCYMIDONE", "2", "mg/kg", "2025")), Ct);
        Assert.Contains("已在限量库中", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/v1/admin/standards/limits", Sheet(Row("VEG", "PB", "1", "mg/kg", "2030")), Ct)).StatusCode);
    }

    [Fact]
    public async Task APlan_SharesItsQuotasByPopulation_AndCountsTheSamplesTaken()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210500");
        var city = await coordinator.PostAsJsonAsync("/api/v1/sampling/plans", new { regionCode = "210500000000", year = Today.Year, quotas = new[] { new { kind = "Total", perThousand = 4.5m } } }, Ct);
        Assert.Equal("sampling.population-missing", await city.ProblemCodeAsync(Ct));
        Assert.Contains("平山区", await city.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal); // never guesses a population

        // Once an administrator enters the missing figures, the city plan shares its quota among all six districts, and a
        // district sees its own share (with the city plan's title) but not another's.
        var admin = await factory.ClientAsAsync("admin");
        foreach (var (code, n) in new[] { ("210502000000", 265_000L), ("210521000000", 244_000L), ("210522000000", 268_000L) })
        {
            (await admin.PutAsJsonAsync($"/api/v1/admin/regions/{code}/populations/2020", new { population = n, year = 2020, source = "测试录入" }, Ct)).EnsureSuccessStatusCode();
        }

        var cityPlan = await coordinator.PostAsJsonAsync("/api/v1/sampling/plans", new { regionCode = "210500000000", year = Today.Year, title = "本溪市抽检计划（测试）", quotas = new[] { new { kind = "Total", perThousand = 4.5m } } }, Ct);
        Assert.Equal(HttpStatusCode.Created, cityPlan.StatusCode);
        var cityId = (await cityPlan.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var cityQuota = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/plans/{cityId}", Ct)).GetProperty("quotas")[0];
        Assert.Equal(6, cityQuota.GetProperty("districts").GetArrayLength());
        Assert.Equal(cityQuota.GetProperty("required").GetInt32(), cityQuota.GetProperty("districts").EnumerateArray().Sum(d => d.GetProperty("required").GetInt32()));
        var shares = await (await factory.ClientAsAsync("officer@210503")).GetFromJsonAsync<JsonElement>("/api/v1/sampling/allocations", Ct);
        Assert.Contains(shares.EnumerateArray(), a => a.GetProperty("planId").GetString() == cityId && a.GetProperty("regionCode").GetString() == "210503000000"
            && a.GetProperty("planTitle").GetString() == "本溪市抽检计划（测试）");
        Assert.DoesNotContain(shares.EnumerateArray(), a => a.GetProperty("regionCode").GetString() != "210503000000");

        var officer = await factory.ClientAsAsync("officer@210503");
        var created = await officer.PostAsJsonAsync("/api/v1/sampling/plans", new
        {
            regionCode = "210503000000", year = Today.Year,
            quotas = new object[]
            {
                new { kind = "Total", perThousand = 4.5m }, new { kind = "Residue", perThousand = 2m }, new { kind = "RiskMonitoring", perThousand = 1m },
                new { kind = "Fixed", name = "农药残留监测", fixedCount = 100 }, new { kind = "Total", name = "x 份/千人（待定）", perThousand = (decimal?)null },
                new { kind = "Fixed", name = "学校食堂专项", fixedCount = 30, businessKind = "SchoolCanteen" }, new { kind = "Fixed", name = "蔬菜专项", fixedCount = 50, categoryCode = "VEG" },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        await ReceivedSampleAsync("抽检计划测试菜店", planId);

        var plan = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/plans/{planId}", Ct);
        Assert.Equal(204660, plan.GetProperty("population").GetInt64()); // 溪湖区, 7th census
        var quotas = plan.GetProperty("quotas").EnumerateArray().ToList();
        Assert.Equal(921, quotas.First(q => q.GetProperty("kind").GetString() == "Total" && q.GetProperty("perThousand").ValueKind == JsonValueKind.Number).GetProperty("required").GetInt32());
        var residue = quotas.Single(q => q.GetProperty("kind").GetString() == "Residue");
        Assert.Equal(410, residue.GetProperty("required").GetInt32());
        Assert.Equal(1, residue.GetProperty("taken").GetInt32()); // the spinach sample tests omethoate
        Assert.Equal(0, quotas.Single(q => q.GetProperty("kind").GetString() == "RiskMonitoring").GetProperty("taken").GetInt32());
        Assert.Equal(0, quotas.Single(q => q.GetProperty("name").GetString() == "学校食堂专项").GetProperty("taken").GetInt32()); // sampled at a seller
        Assert.Equal(1, quotas.Single(q => q.GetProperty("name").GetString() == "蔬菜专项").GetProperty("taken").GetInt32()); // spinach is a vegetable
        var blank = quotas.Single(q => q.GetProperty("perThousand").ValueKind == JsonValueKind.Null && q.GetProperty("kind").GetString() == "Total");
        Assert.Equal(JsonValueKind.Null, blank.GetProperty("required").ValueKind);

        var set = await officer.PostAsJsonAsync($"/api/v1/sampling/plans/{planId}/quotas/{blank.GetProperty("id").GetString()}/rate", new { perThousand = 3m }, Ct);
        Assert.Equal(614, (await set.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("required").GetInt32());
    }

    [Fact]
    public async Task AFailingResult_IsJudgedOnce_StartsTheStatutoryClock_RaisesTheClue_AndTheRiskGrade()
    {
        var (business, id, _) = await ReceivedSampleAsync("不合格测试菜店" + Guid.NewGuid().ToString("N")[..4]);
        var lab = await factory.ClientAsAsync("lab@210500");

        // Bad input first: an unknown analyte and a negative value are named; nothing is written.
        var bad = await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", new
        {
            items = new object[] { new { analyte = "XYZ", value = 1m, unit = "mg/kg" }, new { analyte = "PB", value = -1m, unit = "mg/kg" }, new { analyte = "CD", value = 0.1m, unit = "mg/m3" } },
        }, Ct);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("sampling.results-invalid", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Contains("XYZ", errors.GetProperty("items[0].analyte")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("负数", errors.GetProperty("items[1].value")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("mg/m3", errors.GetProperty("items[2].unit")[0].GetString(), StringComparison.Ordinal);
        var officer = await factory.ClientAsAsync("officer@210503");
        Assert.Equal("Received", (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct)).GetProperty("status").GetString());

        var entered = await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", FailingLead, Ct);
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        Assert.Equal("不合格", (await entered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("verdictLabel").GetString());
        var twice = await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", FailingLead, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("sampling.results-exist", await twice.ProblemCodeAsync(Ct));

        var sample = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct);
        var lead = sample.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("analyteCode").GetString() == "PB");
        Assert.Equal("不合格", lead.GetProperty("label").GetString());
        Assert.Equal("≤0.3 mg/kg", lead.GetProperty("limitText").GetString()); // leafy vegetables, GB 2762-2022
        Assert.Equal("未检出", sample.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("analyteCode").GetString() == "OMETHOATE").GetProperty("label").GetString());
        var d = sample.GetProperty("disposition");
        Assert.Equal(Today, Date(d.GetProperty("concludedOn")));
        Assert.True(Date(d.GetProperty("notifyBy")) > Today.AddDays(4));
        Assert.Equal(Today.AddDays(90), Date(d.GetProperty("actionBy")));
        Assert.True(Date(d.GetProperty("caseDecisionDue")) > Today.AddDays(15));

        var clue = Assert.Single(factory.CaseClues.Raised, c => c.SourceId == Guid.Parse(id));
        Assert.Equal(CaseClueSource.Sampling, clue.Source);
        var grade = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/risk/businesses/{business}", Ct);
        Assert.Contains(grade.GetProperty("factors").EnumerateArray(), f => f.GetProperty("name").GetString()!.Contains("抽检不合格 1 批次", StringComparison.Ordinal));

        // 复检: applied within 7 working days of receipt; while pending the disposition cannot be closed; a conforming 复检 is final.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/retest-request", new { on = Day() }, Ct)).StatusCode);
        var notified = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/notified", new { on = Day() }, Ct);
        Assert.True(Date((await notified.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("retestApplyBy")) > Today.AddDays(7));
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/retest-request", new { on = Day() }, Ct)).StatusCode);
        var closing = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/actions", new { removedFromSale = true, recalled = false, cause = "产地土壤", completedOn = Day() }, Ct);
        Assert.Equal("sampling.retest-pending", await closing.ProblemCodeAsync(Ct));

        // The department's and labs' sub-clocks (第三十二条): in order; the hand-over extended by 3 working days for
        // objective reasons is due 6 working days after the 复检机构 was fixed (Wednesday 25 November → Thursday 3 December).
        var outOfOrder = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/retest-step", new { step = "BackupHandedOver", on = Day() }, Ct);
        Assert.Equal("sampling.retest-step-order", await outOfOrder.ProblemCodeAsync(Ct));
        (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/retest-step", new { step = "Accepted", on = Day() }, Ct)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/retest-step", new { step = "LabChosen", on = Day(), lab = "辽宁省食品检验检测院" }, Ct)).EnsureSuccessStatusCode();
        var handedOver = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/retest-step", new { step = "BackupHandedOver", on = Day(), extended = true }, Ct);
        handedOver.EnsureSuccessStatusCode();
        Assert.Equal("2026-12-03", (await handedOver.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("backupHandOverBy").GetString());
        var handOverStep = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct)).GetProperty("disposition").GetProperty("steps").EnumerateArray()
            .Single(st => st.GetProperty("name").GetString() == "移交复检备份样品");
        Assert.StartsWith("因客观原因延长 3 个工作日", handOverStep.GetProperty("note").GetString(), StringComparison.Ordinal);

        var retest = await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/retest-results", new
        {
            items = new object[] { new { analyte = "PB", value = 0.28m, unit = "mg/kg", lod = 0.005m, decimals = 2 }, new { analyte = "CD", value = 0.1m, unit = "mg/kg" }, new { analyte = "OMETHOATE", unit = "mg/kg", lod = 0.005m } },
        }, Ct);
        Assert.Equal("合格", (await retest.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("verdictLabel").GetString());
        var after = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct)).GetProperty("disposition");
        Assert.True(after.GetProperty("closed").GetBoolean());
        Assert.True(after.GetProperty("retestConforming").GetBoolean());
    }

    [Fact]
    public async Task ARiskMonitoringFailure_IsNotifiedAndChecked_WithoutRetestObjectionAutomaticClueOrPublication()
    {
        var (_, id, _) = await ReceivedSampleAsync("风险监测菜店" + Guid.NewGuid().ToString("N")[..4], kind: "RiskMonitoring");
        var lab = await factory.ClientAsAsync("lab@210500");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", FailingLead, Ct)).EnsureSuccessStatusCode();
        var officer = await factory.ClientAsAsync("officer@210503");
        var disposition = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct)).GetProperty("disposition");
        Assert.False(disposition.GetProperty("caseClueRaised").GetBoolean());
        Assert.Equal(JsonValueKind.Null, disposition.GetProperty("publishBy").ValueKind);
        Assert.DoesNotContain(disposition.GetProperty("steps").EnumerateArray(), s => s.GetProperty("name").GetString() is "复检申请期" or "信息公开");

        (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/notified", new { on = Day() }, Ct)).EnsureSuccessStatusCode();
        var retest = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/retest-request", new { on = Day() }, Ct);
        Assert.Equal("sampling.retest-excluded", await retest.ProblemCodeAsync(Ct));
        Assert.Contains("第八十八条", await retest.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var objection = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/objection", new { on = Day(), ground = "Method", reason = "方法不当" }, Ct);
        Assert.Equal("sampling.objection-excluded", await objection.ProblemCodeAsync(Ct));

        // An officer may still refer it to enforcement by hand.
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/sampling/samples/{id}/disposition/case-clue", null, Ct)).StatusCode);
        await Eventually.TrueAsync(() => Task.FromResult(factory.CaseClues.Raised.Any(c => c.SourceId == Guid.Parse(id))), "the referred clue to reach enforcement");
        Assert.Contains("人工移送", Assert.Single(factory.CaseClues.Raised, c => c.SourceId == Guid.Parse(id)).Summary, StringComparison.Ordinal); // and no automatic one before it
        Assert.Equal("sampling.clue-exists", await (await officer.PostAsync($"/api/v1/sampling/samples/{id}/disposition/case-clue", null, Ct)).ProblemCodeAsync(Ct));
    }

    [Fact]
    public async Task AnObjectionOnProcedure_IsAcceptedWithinTheWindow_AndWhenUpheldWithdrawsTheConclusion()
    {
        var (business, id, _) = await ReceivedSampleAsync("异议测试菜店" + Guid.NewGuid().ToString("N")[..4]);
        var lab = await factory.ClientAsAsync("lab@210500");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", FailingLead, Ct)).EnsureSuccessStatusCode();
        var officer = await factory.ClientAsAsync("officer@210503");

        // On authenticity, method or standard: counted from the notice, so not before it (第三十七条第三款).
        var early = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/objection", new { on = Day(), ground = "Authenticity", reason = "样品非本店所售" }, Ct);
        Assert.Equal("sampling.objection-too-early", await early.ProblemCodeAsync(Ct));
        var noGround = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/objection", new { on = Day(), reason = "封样时未由被抽样单位签字" }, Ct);
        Assert.Contains("复检", await noGround.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal); // a disputed value is for 复检
        var noReason = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/objection", new { on = Day(), ground = "Procedure", reason = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        // On the sampling procedure: within 7 working days after sampling, no notice needed (第二款); 受理 due in 5 working days.
        var filed = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/objection", new { on = Day(), ground = "Procedure", reason = "封样时未由被抽样单位签字" }, Ct);
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        Assert.True(Date((await filed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("objectionAcceptBy")) > Today.AddDays(5));
        (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/notified", new { on = Day() }, Ct)).EnsureSuccessStatusCode();

        // Decided only once accepted (受理), then within 20 working days of acceptance.
        var coordinator = await factory.ClientAsAsync("coordinator@210503");
        var tooSoon = await coordinator.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/objection-decision", new { on = Day(), upheld = true }, Ct);
        Assert.Equal("sampling.objection-not-accepted", await tooSoon.ProblemCodeAsync(Ct));
        var accepted = await coordinator.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/objection-acceptance", new { on = Day(), accepted = true }, Ct);
        Assert.True(Date((await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("objectionDecisionDue")) > Today.AddDays(20)); // 20 working days

        // Completing the disposition waits for the decision; an officer may not decide it; the coordinator upholds it.
        var closing = await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/actions", new { removedFromSale = true, cause = "x", completedOn = Day() }, Ct);
        Assert.Equal("sampling.objection-pending", await closing.ProblemCodeAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/objection-decision", new { on = Day(), upheld = true }, Ct)).StatusCode);
        var decided = await coordinator.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/objection-decision", new { on = Day(), upheld = true, note = "抽样文书缺少被抽样单位签字" }, Ct);
        Assert.True((await decided.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("closed").GetBoolean());
        var sample = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct);
        Assert.Equal("待判定", sample.GetProperty("verdictLabel").GetString());
        Assert.True(sample.GetProperty("disposition").GetProperty("objectionUpheld").GetBoolean());
        var grade = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/risk/businesses/{business}", Ct);
        Assert.DoesNotContain(grade.GetProperty("factors").EnumerateArray(), f => f.GetProperty("name").GetString()!.Contains("抽检不合格", StringComparison.Ordinal)); // re-graded
    }

    [Fact]
    public async Task AnOverrideNeedsAReason_AndAPublishedAnnouncementListsTheFailureInTheNationalColumns()
    {
        var name = "公告测试菜店" + Guid.NewGuid().ToString("N")[..4];
        var (_, id, code) = await ReceivedSampleAsync(name);
        var lab = await factory.ClientAsAsync("lab@210500");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", new
        {
            items = new object[]
            {
                new { analyte = "PB", value = 0.2m, unit = "mg/kg", decimals = 2 }, new { analyte = "CD", value = 0.1m, unit = "mg/kg" }, new { analyte = "OMETHOATE", value = 0.05m, unit = "mg/kg", lod = 0.005m },
            },
        }, Ct)).EnsureSuccessStatusCode();
        var officer = await factory.ClientAsAsync("officer@210503");
        var sample = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct);
        Assert.Equal("NonConforming", sample.GetProperty("verdict").GetString()); // omethoate 0.05 > 0.02
        var lead = sample.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("analyteCode").GetString() == "PB").GetProperty("id").GetString();

        var silent = await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results/{lead}/override", new { verdict = "NonConforming", reason = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, silent.StatusCode);
        Assert.Contains("理由", await silent.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var overridden = await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results/{lead}/override", new { verdict = "NonConforming", reason = "复核原始记录：报告值誊写错误，实测 0.32 mg/kg" }, Ct);
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        var item = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct)).GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == lead);
        Assert.Equal("Conforming", item.GetProperty("autoVerdict").GetString()); // the automatic verdict stays beside the override
        Assert.Equal("lab@210500", item.GetProperty("overriddenBy").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results/{lead}/override", new { verdict = "Conforming", reason = "我觉得合格了" }, Ct)).StatusCode);

        var published = await officer.PostAsJsonAsync("/api/v1/sampling/announcements", new { regionCode = "210503000000" }, Ct);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var announcement = (await published.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var anonymous = factory.CreateClient();
        var rows = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/sampling/announcements/{announcement}", Ct)).GetProperty("rows").EnumerateArray().ToList();
        var row = rows.Single(r => r.GetProperty("sampleCode").GetString() == code);
        Assert.Equal(name, row.GetProperty("businessName").GetString());
        Assert.Contains("氧乐果║0.05mg/kg║≤0.02 mg/kg", row.GetProperty("failures").GetString(), StringComparison.Ordinal);
        Assert.Equal("新鲜蔬菜", row.GetProperty("category").GetString());
        var xlsx = await anonymous.GetAsync($"/api/v1/public/sampling/announcements/{announcement}.xlsx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Today, Date((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{id}", Ct)).GetProperty("disposition").GetProperty("publishedOn")));
        Assert.Equal("sampling.announcement-empty", await (await officer.PostAsJsonAsync("/api/v1/sampling/announcements", new { regionCode = "210503000000" }, Ct)).ProblemCodeAsync(Ct));

        var stats = await officer.GetFromJsonAsync<JsonElement>("/api/v1/sampling/stats?regionCode=210503000000", Ct);
        Assert.True(stats.GetProperty("overall").GetProperty("nonConforming").GetInt32() >= 1);
        Assert.Contains(stats.GetProperty("byAnalyte").EnumerateArray(), a => a.GetProperty("key").GetString() == "OMETHOATE" && a.GetProperty("nonConforming").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/sampling/stats?regionCode=210504000000", Ct)).StatusCode);

        // 处置率 follows the drill-down (usability finding 7): the district's dispositions are in its figure and the city's,
        // not in another district's, where no sample failed.
        Assert.True(stats.GetProperty("dispositions").GetProperty("total").GetInt32() >= 1);
        var city = await factory.ClientAsAsync("coordinator@210500");
        var whole = await city.GetFromJsonAsync<JsonElement>("/api/v1/sampling/stats?regionCode=210500000000", Ct);
        var mingshan = await city.GetFromJsonAsync<JsonElement>("/api/v1/sampling/stats?regionCode=210504000000", Ct);
        Assert.True(whole.GetProperty("dispositions").GetProperty("total").GetInt32() >= stats.GetProperty("dispositions").GetProperty("total").GetInt32());
        Assert.Equal(mingshan.GetProperty("overall").GetProperty("nonConforming").GetInt32(), mingshan.GetProperty("dispositions").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task APositiveRapidTest_ProposesALabSample_AndASampleOutsideTheRegionIsRefused()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var rapid = await officer.PostAsJsonAsync("/api/v1/sampling/rapid-tests", new
        {
            regionCode = "210503001000", place = "河东农贸市场快检室", productName = "韭菜", item = "有机磷和氨基甲酸酯类农药残留（酶抑制率法）", result = "Positive", reading = "抑制率 62%",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, rapid.StatusCode);
        var body = await rapid.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(body.GetProperty("proposeSample").GetBoolean());
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/sampling/rapid-tests", Ct);
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("id").GetString() == body.GetProperty("id").GetString() && t.GetProperty("proposeSample").GetBoolean());

        var other = await factory.ClientAsAsync("officer@210504");
        var bBusiness = await RegistryTests.RegisterAsync(other, "210504002000", "明山区测试菜店" + Guid.NewGuid().ToString("N")[..4]);
        var refused = await officer.PostAsJsonAsync($"/api/v1/sampling/businesses/{bBusiness}/samples", new
        {
            kind = "Supervision", productName = "韭菜", categoryCode = "VEG.BULB.CHIVE", quantity = "1 kg", sampledOn = Day(), samplers = new[] { "a", "b" }, lab = "x", analytes = new[] { "PROCYMIDONE" },
        }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}

public sealed class SamplingSqliteTests(SqliteShianFactory factory) : SamplingTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class SamplingPostgresTests(PostgresShianFactory factory) : SamplingTests(factory), IClassFixture<PostgresShianFactory>;
