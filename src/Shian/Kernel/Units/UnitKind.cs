namespace Shian.Kernel.Units;

/// <summary>What sort of organisation a unit is; decides how group phrases expand.</summary>
public enum UnitKind
{
    /// <summary>人民政府 / 街道办事处 of a region.</summary>
    Government,

    /// <summary>功能区/开发区 管理委员会.</summary>
    ZoneCommittee,

    /// <summary>食品安全委员会 (食安委 / 食药安委).</summary>
    FoodSafetyCommittee,

    /// <summary>食品安全委员会办公室 (食安办 / 食药安办).</summary>
    FoodSafetyOffice,

    /// <summary>A government department (局, 委, 办).</summary>
    Department,

    /// <summary>Party organs (宣传部, 综治办, 编委办 …).</summary>
    PartyOrgan,

    /// <summary>Courts and procuratorates.</summary>
    Judicial,

    /// <summary>Vertically managed or stationed bodies (海关, 人民银行, 铁路, 军分区, 供电公司 …).</summary>
    Stationed,

    /// <summary>Mass and social organisations (工会, 团委, 妇联, 科协, 协会 …).</summary>
    SocialOrganization,
}
