using Shian.Kernel.Identifiers;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;

namespace Shian.UnitTests.Registry;

public sealed class BusinessValidationTests
{
    private static readonly HashSet<string> Regions = ["210503000000", "210503001000", "210500000000", "330302000000"];

    public static string UsccFor(string first17) => first17 + Uscc.CheckCharacter(first17);

    private static BusinessInput Input(string? name = "本溪市溪湖区好味餐馆", string? uscc = null, string? kind = "餐饮服务经营者", string? region = "210503001000",
        string? licenceKind = null, string? licenceNumber = "JY22105030000017", string? personId = null, DateOnly? issued = null, DateOnly? validTo = null) =>
        new(name, uscc ?? UsccFor("92210503MA0ABCDE1"), kind, region, "溪湖区河沿街 8 号", "王五", "李四", personId, "024-4280000", 80, 6, false, null,
            licenceKind, licenceNumber, "本溪市溪湖区市场监督管理局", issued, validTo, "热食类食品制售");

    [Fact]
    public void AValidCaterer_IsNormalised_WithAnOperatingLicence()
    {
        var (v, errors) = BusinessValidation.Validate(Input(licenceNumber: " jy22105030000017 "), Regions.Contains);
        Assert.Empty(errors);
        Assert.Equal(BusinessKind.Caterer, v!.Kind);
        Assert.Equal(LicenceKind.FoodOperation, v.Licence!.Kind);
        Assert.Equal("JY22105030000017", v.Licence.Number);
    }

    [Theory]
    [InlineData("SC10621050300012", true)]
    [InlineData("SC20621050300012", true)]  // food additive
    [InlineData("SC30621050300012", false)] // category must start 1 or 2
    [InlineData("SC1062105030001", false)]  // 13 digits
    [InlineData("JY22105030000017", false)] // JY for a producer
    public void ProductionLicences_AreSCPlus14Digits(string number, bool valid)
    {
        var (v, errors) = BusinessValidation.Validate(Input(kind: "食品生产企业", licenceNumber: number), Regions.Contains);
        Assert.Equal(valid, v is not null);
        Assert.Equal(!valid, errors.ContainsKey("licenceNumber"));
    }

    [Fact]
    public void ALicenceNamingAnUnknownCounty_IsRefused()
    {
        var (_, errors) = BusinessValidation.Validate(Input(licenceNumber: "JY29999990000017"), Regions.Contains);
        Assert.Contains("行政区划代码 999999 不存在", errors["licenceNumber"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void EachWrongField_GetsItsOwnChineseMessage()
    {
        var (v, errors) = BusinessValidation.Validate(new BusinessInput("", "91210503MA0ABCDE1X", "火锅店", "210599000000", "", null, null, "110105194912310021",
            null, -5, -1, false, "歇业", null, null, null, null, null, null), Regions.Contains);
        Assert.Null(v);
        string[] expected = ["address", "employees", "floorArea", "kind", "name", "regionCode", "responsiblePersonId", "status", "uscc"];
        Assert.Equal(expected, errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("火锅店", errors["kind"][0], StringComparison.Ordinal);
        Assert.Contains("GB 32100", errors["uscc"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void AVendor_MayHaveNoUscc_ButACatererMustHaveOne()
    {
        Assert.Empty(BusinessValidation.Validate(Input(kind: "食品摊贩", uscc: "", licenceNumber: "辽摊登字第0001号"), Regions.Contains).Errors);
        Assert.True(BusinessValidation.Validate(Input(uscc: ""), Regions.Contains).Errors.ContainsKey("uscc"));
    }

    [Fact]
    public void ABusinessIsRegisteredInACountyOrTown_NotACity() =>
        Assert.Contains("县（区）或乡镇", BusinessValidation.Validate(Input(region: "210500000000"), Regions.Contains).Errors["regionCode"][0], StringComparison.Ordinal);

    [Fact]
    public void ALicenceExpiringBeforeItWasIssued_IsRefused() =>
        Assert.True(BusinessValidation.Validate(Input(issued: new DateOnly(2024, 5, 1), validTo: new DateOnly(2024, 4, 30)), Regions.Contains).Errors.ContainsKey("licenceValidTo"));

    [Fact]
    public void SchoolCanteens_ServeASpecialPopulation_ByTheirNature() =>
        Assert.True(BusinessValidation.Validate(Input(kind: "学校食堂"), Regions.Contains).Value!.ServesSpecialPopulation);
}
