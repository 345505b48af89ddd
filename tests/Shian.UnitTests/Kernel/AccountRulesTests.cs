using Shian.Kernel.Users;

namespace Shian.UnitTests.Kernel;

public sealed class AccountRulesTests
{
    private static readonly Func<string, bool> Known = code => code is "210503000000" or "210500000000";

    private static AccountInput Input(string[] roles, string[]? regions = null, string? uscc = null, string name = "王丽") =>
        new(name, roles, regions ?? [], uscc, RequireTwoFactor: false, Disabled: false);

    [Fact]
    public void AnInspectorWithAKnownDistrict_IsAccepted() =>
        Assert.Empty(AccountRules.Validate(Input([ShianRoles.Inspector], ["210503000000"]), Known));

    [Theory]
    [InlineData(ShianRoles.Coordinator)]
    [InlineData(ShianRoles.Officer)]
    [InlineData(ShianRoles.Inspector)]
    [InlineData(ShianRoles.Lab)]
    public void RegionScopedRoles_NeedARegion(string role) =>
        Assert.Equal(["协调员、监管人员、检查员和检验机构账号须授权至少一个区划"], AccountRules.Validate(Input([role]), Known)["regions"]);

    [Fact]
    public void RegionCodes_MustHaveTwelveDigits_AndExist()
    {
        var errors = AccountRules.Validate(Input([ShianRoles.Officer], ["2105030000", "110101000000"]), Known)["regions"];
        Assert.Equal(["区划代码“2105030000”应为 12 位数字", "区划代码“110101000000”不在区划表中"], errors);
    }

    [Fact]
    public void ABusinessAccount_NeedsAValidUscc_AndNoOtherRole()
    {
        Assert.Equal(["食品生产经营者账号须填写所代表经营者的统一社会信用代码"], AccountRules.Validate(Input([ShianRoles.Business]), Known)["businessUscc"]);
        Assert.Equal(["统一社会信用代码无效（GB 32100，18 位，末位校验）"], AccountRules.Validate(Input([ShianRoles.Business], uscc: "91210503MA0XXXXXX1"), Known)["businessUscc"]);
        Assert.Empty(AccountRules.Validate(Input([ShianRoles.Business], uscc: DemoAccounts.DemoBusinessUscc.ToLowerInvariant()), Known));
        Assert.Contains("不能兼任其他角色", AccountRules.Validate(Input([ShianRoles.Business, ShianRoles.Officer], ["210503000000"], DemoAccounts.DemoBusinessUscc), Known)["roles"][0], StringComparison.Ordinal);
        Assert.Equal(["只有食品生产经营者账号绑定统一社会信用代码"], AccountRules.Validate(Input([ShianRoles.Officer], ["210503000000"], DemoAccounts.DemoBusinessUscc), Known)["businessUscc"]);
    }

    [Fact]
    public void UnknownRoles_AndEmptyNames_AreRefused()
    {
        var errors = AccountRules.Validate(Input(["root"], name: " "), Known);
        Assert.Equal(["未知的角色：root"], errors["roles"]);
        Assert.Equal(["显示名称必填"], errors["displayName"]);
        Assert.Equal(["请至少选择一个角色"], AccountRules.Validate(Input([]), Known)["roles"]);
    }

    [Fact]
    public void ThePublicAccount_HoldsNoRegion() =>
        Assert.Equal(["只有协调员、监管人员、检查员和检验机构账号按区划授权"], AccountRules.Validate(Input([ShianRoles.Public], ["210503000000"]), Known)["regions"]);

    [Fact]
    public void RegionCodes_AreReadFromLinesCommasAndEnumerationCommas() =>
        Assert.Equal(["210502000000", "210503000000", "210504000000"], AccountRules.ParseRegions("210503000000\r\n210502000000，210504000000、210503000000"));
}
