using Shian.Kernel.Identifiers;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;

namespace Shian.Registry.Demo;

/// <summary>
/// A deterministic, plausible register for demos and benchmarks: businesses spread over the districts of a city (or
/// the towns of a county) in proportion to population, kinds in typical shares, valid USCCs and licence numbers.
/// The same seed gives the same register (System.Random with a seed is stable across runs).
/// </summary>
public static class DemoRegister
{
    public static readonly IReadOnlyDictionary<string, int> Scales = new Dictionary<string, int> { ["county"] = 5_000, ["city"] = 150_000 };

    /// <summary>Shares per 1000 of each kind (a county register is mostly shops and restaurants).</summary>
    private static readonly (BusinessKind Kind, int PerMille)[] KindShares =
    [
        (BusinessKind.Seller, 340), (BusinessKind.Caterer, 240), (BusinessKind.SmallRestaurant, 110), (BusinessKind.Vendor, 60),
        (BusinessKind.Producer, 30), (BusinessKind.SmallWorkshop, 30), (BusinessKind.Farm, 30), (BusinessKind.OnlineSeller, 20),
        (BusinessKind.SchoolCanteen, 20), (BusinessKind.InstitutionCanteen, 20), (BusinessKind.KindergartenCanteen, 15), (BusinessKind.FarmStay, 15),
        (BusinessKind.Cooperative, 10), (BusinessKind.CounterLessor, 10), (BusinessKind.ElderlyCareCanteen, 8), (BusinessKind.ConstructionSiteCanteen, 8),
        (BusinessKind.MarketOperator, 5), (BusinessKind.LeadingEnterprise, 4), (BusinessKind.CollectiveMealSupplier, 3), (BusinessKind.CentralKitchen, 2),
        (BusinessKind.FairOrganizer, 1),
    ];

    private static readonly string[] Words = ["福源", "鑫盛", "顺和", "百味", "惠民", "家乐", "佳禾", "祥瑞", "金穗", "康源", "兴隆", "德丰", "永安", "润达", "美好", "春晖", "红星", "丰收", "天成", "宏远"];
    private static readonly string[] Streets = ["人民路", "解放路", "中心街", "和平路", "建设街", "胜利路", "河沿街", "新华路", "长江路", "朝阳街"];
    private static readonly string[] People = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static IEnumerable<ValidBusiness> Generate(RegionTree tree, IReadOnlyDictionary<string, long> populations, string regionCode, int count, int seed, DateOnly today)
    {
        var root = tree.Find(regionCode) ?? throw new ArgumentException($"区划 {regionCode} 不存在", nameof(regionCode));
        var rng = new Random(seed);
        var placeRng = new Random(unchecked(seed * 31 + 7)); // its own stream: adding places kept the rest of a seed's register unchanged

        // Where: counties of a city by population (a county without a figure gets the mean of those with one), then a town uniformly.
        var counties = root.Level == RegionLevel.County ? [root] : tree.CountiesOf(root.Code).ToList();
        if (counties.Count == 0)
        {
            throw new ArgumentException($"区划 {regionCode} 下没有县（区）", nameof(regionCode));
        }

        var known = counties.Select(c => populations.GetValueOrDefault(RegionCode.Prefix(c.Code))).Where(p => p > 0).ToList();
        var mean = known.Count > 0 ? known.Average() : 1;
        var weights = counties.Select(c => populations.GetValueOrDefault(RegionCode.Prefix(c.Code)) is var p && p > 0 ? p : mean).ToList();
        var towns = counties.ToDictionary(c => c.Code, c => tree.ChildrenOf(c.Code).Where(t => t.Level == RegionLevel.Town).ToList());
        var productionSerial = new Dictionary<(string, int), int>();

        for (var i = 0; i < count; i++)
        {
            var county = Pick(counties, weights, rng);
            var townList = towns[county.Code];
            var town = townList.Count > 0 ? townList[rng.Next(townList.Count)] : county;
            var kind = PickKind(rng);
            var county6 = county.Code[..6];
            var word = Words[rng.Next(Words.Length)] + Words[rng.Next(Words.Length)][..1];
            var place = RegionTree.ShortName(town.Name) ?? town.Name;
            var name = $"{place}{word}{Suffix(kind)}";
            var uscc = kind is BusinessKind.Vendor && rng.Next(2) == 0 ? null : Uscc17(kind, county6, i);
            var person = People[rng.Next(People.Length)] + Words[rng.Next(Words.Length)][1..];
            var issued = today.AddDays(-rng.Next(30, 5 * 365));
            var licence = Licence(kind, county6, i, rng, productionSerial, issued);
            yield return new ValidBusiness(
                name, uscc, kind, town.Code, $"{place}{Streets[rng.Next(Streets.Length)]}{rng.Next(1, 400)}号", person, person, null,
                Phone(i, county6, $"0{rng.Next(10, 99)}-{rng.Next(2_000_000, 8_999_999)}"), FloorArea(kind, rng), rng.Next(1, kind is BusinessKind.Producer or BusinessKind.CentralKitchen ? 300 : 40),
                BusinessValidation.IsSpecialPopulation(kind), rng.Next(100) < 96 ? BusinessStatus.Operating : BusinessStatus.Suspended, licence, Places(kind, placeRng));
        }
    }

    /// <summary>
    /// Every third business gives a mobile number (139 + county + serial, made-up), the rest the landline drawn, so the demo
    /// can try self-registration (a code goes to a mobile only). No extra draw: a seed's register stays as it was otherwise.
    /// </summary>
    private static string Phone(int i, string county6, string landline) =>
        i % 3 == 0 ? $"139{county6[2..]}{i % 10_000:D4}" : landline;

    private static Region Pick(List<Region> items, List<double> weights, Random rng)
    {
        var r = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Count; i++)
        {
            r -= weights[i];
            if (r <= 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    private static BusinessKind PickKind(Random rng)
    {
        var r = rng.Next(KindShares.Sum(k => k.PerMille));
        foreach (var (kind, share) in KindShares)
        {
            if ((r -= share) < 0)
            {
                return kind;
            }
        }

        return BusinessKind.Seller;
    }

    private static string Suffix(BusinessKind kind) => kind switch
    {
        BusinessKind.Producer => "食品有限公司",
        BusinessKind.SmallWorkshop => "食品加工坊",
        BusinessKind.Seller => "超市",
        BusinessKind.Caterer => "酒店",
        BusinessKind.SmallRestaurant => "小吃店",
        BusinessKind.Vendor => "小吃摊",
        BusinessKind.Farm => "种植基地",
        BusinessKind.Cooperative => "农产品专业合作社",
        BusinessKind.LeadingEnterprise => "农业发展有限公司",
        BusinessKind.MarketOperator => "农贸市场",
        BusinessKind.CounterLessor => "商城",
        BusinessKind.FairOrganizer => "会展有限公司",
        BusinessKind.SchoolCanteen => "小学食堂",
        BusinessKind.KindergartenCanteen => "幼儿园食堂",
        BusinessKind.CollectiveMealSupplier => "餐饮配送有限公司",
        BusinessKind.CentralKitchen => "中央厨房",
        BusinessKind.FarmStay => "农家乐",
        BusinessKind.ElderlyCareCanteen => "养老院食堂",
        BusinessKind.ConstructionSiteCanteen => "工地食堂",
        BusinessKind.InstitutionCanteen => "机关食堂",
        _ => "网店",
    };

    /// <summary>A valid USCC: 92 (个体工商户) / 93 (农民专业合作社) / 91 (企业) + county + "MA" + the serial in base 31 + check.</summary>
    private static string Uscc17(BusinessKind kind, string county6, int serial)
    {
        var prefix = kind switch
        {
            BusinessKind.Vendor or BusinessKind.SmallRestaurant or BusinessKind.SmallWorkshop or BusinessKind.Farm or BusinessKind.FarmStay => "92",
            BusinessKind.Cooperative => "93",
            _ => "91",
        };
        var body = new char[7];
        var n = serial;
        for (var k = 6; k >= 0; k--)
        {
            body[k] = UsccAlphabet[n % 31];
            n /= 31;
        }

        var first17 = prefix + county6 + "MA" + new string(body);
        return first17 + Uscc.CheckCharacter(first17);
    }

    private static ValidLicence Licence(BusinessKind kind, string county6, int serial, Random rng, Dictionary<(string, int), int> productionSerial, DateOnly issued)
    {
        var expected = RegistryLabels.ExpectedLicence(kind);
        var validTo = issued.AddYears(5).AddDays(-1);
        switch (expected)
        {
            case LicenceKind.FoodProduction:
            {
                var category = 101 + rng.Next(31);
                var next = productionSerial[(county6, category)] = productionSerial.GetValueOrDefault((county6, category)) + 1;
                return new ValidLicence(expected, $"SC{category}{county6}{next % 10000:D4}{serial % 10}", "市场监督管理局", issued, validTo, "食品生产");
            }

            case LicenceKind.FoodOperation:
            {
                var type = kind is BusinessKind.Seller or BusinessKind.OnlineSeller ? 1 : kind.ToString().EndsWith("Canteen", StringComparison.Ordinal) ? 3 : 2;
                return new ValidLicence(expected, $"JY{type}{county6}{serial % 1_000_000:D6}{serial % 10}", "市场监督管理局", issued, validTo,
                    type == 1 ? "预包装食品销售、散装食品销售" : "热食类食品制售");
            }

            default:
                return new ValidLicence(expected, $"{RegistryLabels.LicenceKinds[expected][..2]}{county6}{serial:D7}", "市场监督管理所", issued, expected == LicenceKind.Filing ? null : validTo, null);
        }
    }

    /// <summary>Roughly a tenth of food sellers and small caterers near schools, vendors in night markets, sellers in markets …</summary>
    private static BusinessPlace Places(BusinessKind kind, Random rng)
    {
        var r = rng.Next(100);
        return kind switch
        {
            BusinessKind.Seller or BusinessKind.SmallRestaurant => r < 12 ? BusinessPlace.SchoolArea : r < 22 ? BusinessPlace.FarmersMarket : r < 26 ? BusinessPlace.WholesaleMarket : r < 30 ? BusinessPlace.TransportHub : BusinessPlace.None,
            BusinessKind.Vendor => r < 45 ? BusinessPlace.NightMarket : r < 60 ? BusinessPlace.SchoolArea | BusinessPlace.NightMarket : r < 70 ? BusinessPlace.ScenicArea : BusinessPlace.None,
            BusinessKind.Caterer => r < 6 ? BusinessPlace.SchoolArea : r < 12 ? BusinessPlace.ScenicArea : r < 18 ? BusinessPlace.UrbanFringe : BusinessPlace.None,
            BusinessKind.MarketOperator or BusinessKind.CounterLessor => r < 40 ? BusinessPlace.WholesaleMarket : r < 80 ? BusinessPlace.FarmersMarket : BusinessPlace.None,
            BusinessKind.SmallWorkshop or BusinessKind.FarmStay => r < 30 ? BusinessPlace.UrbanFringe : r < 45 ? BusinessPlace.ScenicArea : BusinessPlace.None,
            _ => BusinessPlace.None,
        };
    }

    private static decimal FloorArea(BusinessKind kind, Random rng) => kind switch
    {
        BusinessKind.Vendor => rng.Next(2, 10),
        BusinessKind.SmallRestaurant or BusinessKind.SmallWorkshop => rng.Next(10, 60),
        BusinessKind.Caterer => rng.Next(60, 2_000),
        BusinessKind.MarketOperator or BusinessKind.Producer or BusinessKind.CentralKitchen => rng.Next(500, 20_000),
        _ => rng.Next(20, 600),
    };
}
