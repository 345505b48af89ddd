namespace Shian.Kernel.Regions;

/// <summary>Levels of the 统计用区划代码 hierarchy, plus Shian's own functional zones.</summary>
public enum RegionLevel
{
    Province,
    City,
    County,
    Town,
    Village,

    /// <summary>
    /// 功能区/开发区 (e.g. 贵阳高新开发区, 温州浙南产业集聚区): a county-level management zone with no official
    /// code of its own in our data. It lives under its city with a Shian-assigned code (see <see cref="RegionCode.IsShianZone"/>).
    /// </summary>
    Zone,
}
