namespace Shian.IntegrationTests.Infrastructure;

/// <summary>The seed work plans (data/seeds), copied next to the tests.</summary>
internal static class Seeds
{
    public static byte[] Bytes(string seed) =>
        File.ReadAllBytes(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), seed + "_*.txt").Single());

    public static MultipartFormDataContent PlanForm(byte[] content, string fileName, int? year = null, string? region = null, string? mappings = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        form.Add(file, "file", fileName);
        if (year is not null)
        {
            form.Add(new StringContent(year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year");
        }

        if (region is not null)
        {
            form.Add(new StringContent(region), "regionCode");
        }

        if (mappings is not null)
        {
            form.Add(new StringContent(mappings), "mappings");
        }

        return form;
    }

    /// <summary>A small district plan with a unique title, for tests that need a fresh document.</summary>
    public static byte[] SmallDistrictPlan(string district, string marker, int year = 2024) => System.Text.Encoding.UTF8.GetBytes(
        $"{district}{year}年食品安全重点工作安排（{marker}）\n\n一、强化监管\n（一）加强餐饮监管。10月底前完成学校食堂明厨亮灶改造，覆盖率达到100%。（责任单位：区市场监督管理局、区教育局、区政府食安办）\n" +
        "（二）加强宣传。全年开展宣传活动不少于12次。（责任单位：区委宣传部）\n");
}
