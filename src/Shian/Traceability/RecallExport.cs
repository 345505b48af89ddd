using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>
/// A recall's scope as a spreadsheet: one row per event with the key data elements a recall needs (the FSMA 204 list
/// read for Chinese practice: lot, product, quantity and unit, from where, to where and whom, when, the documents),
/// sorted by the column asked. .xlsx by MiniExcel (streams rows), .csv UTF-8 with BOM so Excel opens it in Chinese.
/// </summary>
internal static class RecallExport
{
    public static readonly IReadOnlyDictionary<string, string> Sorts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["time"] = "事件时间", ["region"] = "所在区划", ["to"] = "收货方", ["step"] = "环节", ["quantity"] = "数量",
    };

    public static IEnumerable<ScopeRow> Sorted(IEnumerable<ScopeRow> rows, string? sort) => sort?.ToLowerInvariant() switch
    {
        null or "" or "time" => rows.OrderBy(r => r.EventTimeUtc),
        "region" => rows.OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.EventTimeUtc),
        "to" => rows.OrderBy(r => r.ToName ?? "\uffff", StringComparer.Ordinal).ThenBy(r => r.EventTimeUtc),
        "step" => rows.OrderBy(r => r.BizStep ?? "\uffff", StringComparer.Ordinal).ThenBy(r => r.EventTimeUtc),
        "quantity" => rows.OrderByDescending(r => r.Quantity ?? -1).ThenBy(r => r.EventTimeUtc),
        _ => throw Kernel.Errors.ShianProblemException.Invalid("recall.sort", $"排序只能是 {string.Join("、", Sorts.Select(s => $"{s.Key}（{s.Value}）"))}"),
    };

    private static IEnumerable<Dictionary<string, object?>> Table(IEnumerable<ScopeRow> rows) => rows.Select((r, i) => new Dictionary<string, object?>
    {
        ["序号"] = i + 1,
        ["事件时间（北京时间）"] = r.EventTimeUtc.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ["环节"] = StepOf(r.Type, r.BizStep),
        ["事件类型"] = r.Type,
        ["产品/批次/标识"] = r.What,
        ["数量"] = r.Quantity,
        ["单位"] = r.Uom,
        ["发出地"] = r.From,
        ["目的地"] = r.To,
        ["收货方"] = r.ToParty,
        ["收货方名称"] = r.ToName,
        ["记录企业"] = r.CapturedBy,
        ["所在区划代码"] = r.RegionCode,
        ["单据"] = r.Documents,
        ["事件ID"] = r.EventId,
    });

    public static void WriteXlsx(Stream output, IEnumerable<ScopeRow> rows) => output.SaveAs(Table(rows));

    public static async Task WriteCsvAsync(Stream output, IEnumerable<ScopeRow> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        await using var csv = global::CsvHelper.CsvWriter.Create(writer, new global::CsvHelper.CsvWriterOptions(), leaveOpen: true);
        var first = true;
        foreach (var row in Table(rows))
        {
            if (first)
            {
                await csv.WriteRecordAsync([.. row.Keys], ct);
                first = false;
            }

            await csv.WriteRecordAsync([.. row.Values.Select(v => v switch { decimal d => d.ToString("0.######", CultureInfo.InvariantCulture), null => "", _ => Cell(v.ToString() ?? "") })], ct);
        }
    }

    /// <summary>A text cell guarded against spreadsheet formulas (names and documents come from businesses' own data).</summary>
    public static string Cell(string text) => Kernel.Documents.Csv.Cell(text);

    /// <summary>An event's step in Chinese: a transformation is 生产加工 whatever its business step.</summary>
    public static string? StepOf(string type, string? bizStep) => type == "TransformationEvent" ? "生产加工" : Step(bizStep);

    /// <summary>The CBV business step in Chinese.</summary>
    public static string? Step(string? bizStep) => bizStep switch
    {
        null => null,
        "accepting" => "验收",
        "arriving" => "到达",
        "assembling" => "组装",
        "collecting" => "收集",
        "commissioning" => "赋码",
        "consigning" => "托运",
        "creating_class_instance" => "生产",
        "cycle_counting" => "盘点",
        "decommissioning" => "注销",
        "departing" => "离开",
        "destroying" => "销毁",
        "disassembling" => "拆解",
        "dispensing" => "发放",
        "encoding" => "编码",
        "entering_exiting" => "出入",
        "holding" => "扣留",
        "inspecting" => "检验",
        "installing" => "安装",
        "killing" => "宰杀",
        "loading" => "装车",
        "other" => "其他",
        "packing" => "装箱",
        "picking" => "拣货",
        "receiving" => "收货",
        "removing" => "移出",
        "repackaging" => "重新包装",
        "repairing" => "维修",
        "replacing" => "替换",
        "reserving" => "预留",
        "retail_selling" => "零售",
        "sampling" => "取样",
        "sensor_reporting" => "传感记录",
        "shipping" => "发货",
        "staging_outbound" => "待发",
        "stock_taking" => "盘存",
        "stocking" => "上架",
        "storing" => "入库",
        "transporting" => "运输",
        "unloading" => "卸车",
        "unpacking" => "拆箱",
        "void_shipping" => "取消发货",
        _ => bizStep,
    };
}
