namespace Shian.Registry.Contracts;

/// <summary>Every kind of food business the seed plans name; decides the licence it needs and its static risk.</summary>
public enum BusinessKind
{
    Producer,
    SmallWorkshop,
    Seller,
    Caterer,
    SmallRestaurant,
    Vendor,
    Farm,
    Cooperative,
    LeadingEnterprise,
    MarketOperator,
    CounterLessor,
    FairOrganizer,
    SchoolCanteen,
    KindergartenCanteen,
    CollectiveMealSupplier,
    CentralKitchen,
    FarmStay,
    ElderlyCareCanteen,
    ConstructionSiteCanteen,
    InstitutionCanteen,
    OnlineSeller,
}

/// <summary>
/// Where a business operates, as special campaigns target places (seed 003: 校园周边, 农批市场, 夜市 …); a business may be in several.
/// </summary>
[Flags]
public enum BusinessPlace
{
    None = 0,
    SchoolArea = 1,
    WholesaleMarket = 2,
    FarmersMarket = 4,
    NightMarket = 8,
    ScenicArea = 16,
    UrbanFringe = 32,
    TransportHub = 64,
}

public enum BusinessStatus
{
    /// <summary>在营.</summary>
    Operating,

    /// <summary>停业.</summary>
    Suspended,

    /// <summary>注销.</summary>
    Closed,
}

/// <summary>What kind of licence or registration a business holds.</summary>
public enum LicenceKind
{
    /// <summary>食品生产许可证 (SC…).</summary>
    FoodProduction,

    /// <summary>食品经营许可证 (JY…).</summary>
    FoodOperation,

    /// <summary>食品小作坊登记证 (provincial).</summary>
    WorkshopRegistration,

    /// <summary>小餐饮登记 (provincial).</summary>
    SmallRestaurantRegistration,

    /// <summary>食品摊贩登记卡 (provincial).</summary>
    VendorCard,

    /// <summary>备案 (仅销售预包装食品, 食用农产品市场开办者 …).</summary>
    Filing,
}

public enum LicenceStatus
{
    /// <summary>有效.</summary>
    Valid,

    /// <summary>已换发 (a renewal or change replaced it).</summary>
    Superseded,

    /// <summary>注销/吊销.</summary>
    Cancelled,
}

/// <summary>Chinese names of the kinds, as the register and the import file write them.</summary>
public static class RegistryLabels
{
    public static IReadOnlyDictionary<BusinessKind, string> Kinds { get; } = new Dictionary<BusinessKind, string>
    {
        [BusinessKind.Producer] = "食品生产企业",
        [BusinessKind.SmallWorkshop] = "食品生产加工小作坊",
        [BusinessKind.Seller] = "食品销售经营者",
        [BusinessKind.Caterer] = "餐饮服务经营者",
        [BusinessKind.SmallRestaurant] = "小餐饮",
        [BusinessKind.Vendor] = "食品摊贩",
        [BusinessKind.Farm] = "种养殖基地",
        [BusinessKind.Cooperative] = "食用农产品合作社",
        [BusinessKind.LeadingEnterprise] = "农业产业化龙头企业",
        [BusinessKind.MarketOperator] = "市场开办者",
        [BusinessKind.CounterLessor] = "柜台出租者",
        [BusinessKind.FairOrganizer] = "展销会举办者",
        [BusinessKind.SchoolCanteen] = "学校食堂",
        [BusinessKind.KindergartenCanteen] = "幼儿园食堂",
        [BusinessKind.CollectiveMealSupplier] = "集体用餐配送单位",
        [BusinessKind.CentralKitchen] = "中央厨房",
        [BusinessKind.FarmStay] = "农家乐",
        [BusinessKind.ElderlyCareCanteen] = "养老机构食堂",
        [BusinessKind.ConstructionSiteCanteen] = "建筑工地食堂",
        [BusinessKind.InstitutionCanteen] = "机关企事业单位食堂",
        [BusinessKind.OnlineSeller] = "网络食品经营者",
    };

    public static IReadOnlyDictionary<LicenceKind, string> LicenceKinds { get; } = new Dictionary<LicenceKind, string>
    {
        [LicenceKind.FoodProduction] = "食品生产许可证",
        [LicenceKind.FoodOperation] = "食品经营许可证",
        [LicenceKind.WorkshopRegistration] = "小作坊登记证",
        [LicenceKind.SmallRestaurantRegistration] = "小餐饮登记证",
        [LicenceKind.VendorCard] = "食品摊贩登记卡",
        [LicenceKind.Filing] = "备案凭证",
    };

    public static IReadOnlyDictionary<BusinessStatus, string> Statuses { get; } = new Dictionary<BusinessStatus, string>
    {
        [BusinessStatus.Operating] = "在营",
        [BusinessStatus.Suspended] = "停业",
        [BusinessStatus.Closed] = "注销",
    };

    public static IReadOnlyDictionary<BusinessPlace, string> Places { get; } = new Dictionary<BusinessPlace, string>
    {
        [BusinessPlace.SchoolArea] = "校园周边",
        [BusinessPlace.WholesaleMarket] = "农产品批发市场",
        [BusinessPlace.FarmersMarket] = "农贸市场",
        [BusinessPlace.NightMarket] = "夜市",
        [BusinessPlace.ScenicArea] = "旅游景区",
        [BusinessPlace.UrbanFringe] = "城乡结合部",
        [BusinessPlace.TransportHub] = "车站码头",
    };

    /// <summary>Short names the seeds also use ("农批市场").</summary>
    private static readonly IReadOnlyDictionary<string, BusinessPlace> PlaceAliases = new Dictionary<string, BusinessPlace>
    {
        ["农批市场"] = BusinessPlace.WholesaleMarket, ["批发市场"] = BusinessPlace.WholesaleMarket, ["学校周边"] = BusinessPlace.SchoolArea,
        ["景区"] = BusinessPlace.ScenicArea, ["车站"] = BusinessPlace.TransportHub,
    };

    /// <summary>Parses "校园周边、夜市" (separated by 、,，;；/ or spaces); <paramref name="unknown"/> names the first word not recognised.</summary>
    public static bool TryPlaces(string? text, out BusinessPlace places, out string? unknown)
    {
        places = BusinessPlace.None;
        unknown = null;
        foreach (var word in (text ?? "").Split(['、', ',', '，', ';', '；', '/', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(Places, word, out var p) || PlaceAliases.TryGetValue(word, out p))
            {
                places |= p;
            }
            else
            {
                unknown = word;
                return false;
            }
        }

        return true;
    }

    public static string PlacesText(BusinessPlace places) => string.Join("、", Places.Where(p => places.HasFlag(p.Key)).Select(p => p.Value));

    public static bool TryKind(string? text, out BusinessKind kind) => TryParse(Kinds, text, out kind);

    public static bool TryLicenceKind(string? text, out LicenceKind kind) => TryParse(LicenceKinds, text, out kind);

    public static bool TryStatus(string? text, out BusinessStatus status) => TryParse(Statuses, text, out status);

    private static bool TryParse<T>(IReadOnlyDictionary<T, string> labels, string? text, out T value) where T : struct, Enum
    {
        var t = (text ?? "").Trim();
        foreach (var (k, label) in labels)
        {
            if (label == t || string.Equals(k.ToString(), t, StringComparison.OrdinalIgnoreCase))
            {
                value = k;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The kinds seed 000 expects to be traceable ("合作社、龙头企业及重点领域规模以上企业100%实现可追溯"): co-operatives,
    /// leading agricultural enterprises, food producers, central kitchens and collective-meal suppliers. The 主体责任 rate
    /// (a confirmed traceability system) and the capture-coverage indicator count the same businesses.
    /// </summary>
    public static bool ShouldBeTraceable(BusinessKind kind) =>
        kind is BusinessKind.Producer or BusinessKind.Cooperative or BusinessKind.LeadingEnterprise or BusinessKind.CentralKitchen or BusinessKind.CollectiveMealSupplier;

    /// <summary>The licence a kind needs (食品安全法 第三十五条; 小作坊/摊贩 per provincial rules; farms and canteens of some kinds file).</summary>
    public static LicenceKind ExpectedLicence(BusinessKind kind) => kind switch
    {
        BusinessKind.Producer => LicenceKind.FoodProduction,
        BusinessKind.SmallWorkshop => LicenceKind.WorkshopRegistration,
        BusinessKind.SmallRestaurant => LicenceKind.SmallRestaurantRegistration,
        BusinessKind.Vendor => LicenceKind.VendorCard,
        BusinessKind.Farm or BusinessKind.Cooperative or BusinessKind.LeadingEnterprise or BusinessKind.MarketOperator
            or BusinessKind.CounterLessor or BusinessKind.FairOrganizer => LicenceKind.Filing,
        _ => LicenceKind.FoodOperation,
    };
}
