using MiniExcelLibs;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Import;

namespace Shian.UnitTests.Registry;

public sealed class RegisterWorkbookTests
{
    [Fact]
    public void AnExportedSheet_ReadsBackAsTheSameInput()
    {
        var b = new Business { RegionCode = "210503001000", Name = "好味餐馆", Uscc = "91210503MA0XXXXXXN", Kind = BusinessKind.Caterer, Address = "河沿街 8 号", FloorArea = 80.5m, Employees = 6, ResponsiblePersonIdMasked = "210503********1235" };
        var l = new Licence { RegionCode = b.RegionCode, Kind = LicenceKind.FoodOperation, Number = "JY22105030000017", IssuedOn = new DateOnly(2024, 3, 1), ValidTo = new DateOnly(2029, 2, 28) };
        using var ms = new MemoryStream();
        RegisterWorkbook.Write(ms, [(b, l)], _ => "210503199001011235");
        ms.Position = 0;
        Assert.Empty(RegisterWorkbook.CheckHeader(RegisterWorkbook.Headers(ms)));
        ms.Position = 0;
        var row = Assert.Single(RegisterWorkbook.Rows(ms));
        Assert.Equal(2, row.RowNumber);
        Assert.Empty(row.CellErrors);
        Assert.Equal("好味餐馆", row.Input.Name);
        Assert.Equal("餐饮服务经营者", row.Input.Kind);
        Assert.Equal(80.5m, row.Input.FloorArea);
        Assert.Equal(6, row.Input.Employees);
        Assert.Equal(new DateOnly(2029, 2, 28), row.Input.LicenceValidTo);
        Assert.Equal("210503199001011235", row.Input.ResponsiblePersonId);
    }

    [Fact]
    public void AnExport_ShowsOnlyTheMaskedIdNumber()
    {
        var b = new Business { RegionCode = "210503001000", Name = "好味餐馆", Uscc = "91210503MA0XXXXXXN", Kind = BusinessKind.Caterer, Address = "河沿街 8 号", ResponsiblePersonIdMasked = "210503********1235", ResponsiblePersonIdSealed = "CfDJ8sealed" };
        using var ms = new MemoryStream();
        RegisterWorkbook.Write(ms, [(b, null)]);
        ms.Position = 0;
        Assert.Equal("210503********1235", Assert.Single(RegisterWorkbook.Rows(ms)).Input.ResponsiblePersonId);
    }

    [Fact]
    public void CellsThatAreNotTheirType_AreReportedWithRowAndColumn()
    {
        using var ms = new MemoryStream();
        ms.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["名称"] = "甲", ["主体类型"] = "小餐饮", ["区划代码"] = "210503001000", ["经营地址"] = "x", ["从业人数"] = "六", ["有效期至"] = "明年" },
            new Dictionary<string, object?> { ["名称"] = null, ["主体类型"] = null, ["区划代码"] = null, ["经营地址"] = null, ["从业人数"] = null, ["有效期至"] = null },
            new Dictionary<string, object?> { ["名称"] = "乙", ["主体类型"] = "小餐饮", ["区划代码"] = "210503001000", ["经营地址"] = "y", ["从业人数"] = 2.5, ["有效期至"] = "2026年1月31日" },
        });
        ms.Position = 0;
        var rows = RegisterWorkbook.Rows(ms).ToList();
        Assert.Equal([2, 4], rows.Select(r => r.RowNumber)); // the blank row 3 is skipped
        Assert.Contains(("从业人数", "“六”不是数字"), rows[0].CellErrors);
        Assert.Contains(rows[0].CellErrors, e => e.Column == "有效期至");
        Assert.Contains(("从业人数", "“2.5”不是整数"), rows[1].CellErrors);
        Assert.Equal(new DateOnly(2026, 1, 31), rows[1].Input.LicenceValidTo);
    }

    [Fact]
    public void AHeaderWithoutTheRequiredColumns_IsNamed() =>
        Assert.Equal(["缺少列「主体类型」（第 1 行应为表头）", "缺少列「经营地址」（第 1 行应为表头）"], RegisterWorkbook.CheckHeader(["名称", "区划代码", "备注"]));
}

public sealed class ExportFormulaTests
{
    [Fact]
    public void TextThatLooksLikeAFormula_IsWrittenAsText_NotAsAFormula()
    {
        var b = new Business { RegionCode = "210503001000", Name = "=HYPERLINK(\"http://evil.example\",\"点我\")", Uscc = "91210503MA0XXXXXXN", Kind = BusinessKind.Caterer, Address = "+1+cmd|' /C calc'!A0", LegalRepresentative = "@SUM(1)", ResponsiblePerson = "-2+3" };
        using var ms = new MemoryStream();
        RegisterWorkbook.Write(ms, [(b, null)]);
        ms.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(ms);
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = reader.ReadToEnd();
        Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        ms.Position = 0;
        Assert.Equal(b.Name, Assert.Single(RegisterWorkbook.Rows(new MemoryStream(ms.ToArray()))).Input.Name);
    }
}
