using System.Globalization;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;

namespace Shian.Registry.Rules;

/// <summary>主体责任: what each duty is called, which businesses it applies to (a rate's denominator) and when a record meets it.</summary>
public static class DutyRules
{
    /// <summary>Seed 001: 食品安全管理人员培训不低于 40 学时/年.</summary>
    public const int TrainingHoursTarget = 40;

    public static readonly IReadOnlyDictionary<DutyKind, string> Names = new Dictionary<DutyKind, string>
    {
        [DutyKind.SafetyManager] = "食品安全管理员（年培训学时）",
        [DutyKind.ManagementBody] = "食品安全管理机构",
        [DutyKind.Traceability] = "追溯体系",
        [DutyKind.SelfInspectionReport] = "食品安全自查报告",
        [DutyKind.LiabilityInsurance] = "食品安全责任保险",
        [DutyKind.OpenKitchen] = "明厨亮灶",
        [DutyKind.QuantifiedRating] = "量化分级评定",
        [DutyKind.KitchenWasteContract] = "餐厨废弃物收运合同",
        [DutyKind.ModelStore] = "阳光厨房/放心示范店",
    };

    private static readonly BusinessKind[] Catering =
    [
        BusinessKind.Caterer, BusinessKind.SmallRestaurant, BusinessKind.SchoolCanteen, BusinessKind.KindergartenCanteen, BusinessKind.CentralKitchen,
        BusinessKind.CollectiveMealSupplier, BusinessKind.FarmStay, BusinessKind.ElderlyCareCanteen, BusinessKind.ConstructionSiteCanteen, BusinessKind.InstitutionCanteen,
    ];

    /// <summary>
    /// Duties that are the regulator's assessment of a business, not the business's own declaration: 量化分级 is
    /// evaluated by the 食品安全监督管理部门 (餐饮服务食品安全量化分级管理指导意见), 阳光厨房/放心示范店 is awarded by the
    /// regulator (seeds 001, 002). A business records its own insurance or self-inspection, never these.
    /// </summary>
    public static bool IsRegulatorDesignation(DutyKind duty) => duty is DutyKind.QuantifiedRating or DutyKind.ModelStore;

    /// <summary>Which businesses a rate counts (its denominator), per the seeds' wording.</summary>
    public static bool AppliesTo(DutyKind duty, BusinessKind kind) => duty switch
    {
        DutyKind.OpenKitchen or DutyKind.QuantifiedRating or DutyKind.KitchenWasteContract or DutyKind.ModelStore => Catering.Contains(kind),
        DutyKind.Traceability => RegistryLabels.ShouldBeTraceable(kind),
        DutyKind.ManagementBody => kind is BusinessKind.Producer or BusinessKind.LeadingEnterprise or BusinessKind.CentralKitchen or BusinessKind.CollectiveMealSupplier,
        DutyKind.SafetyManager or DutyKind.SelfInspectionReport => kind is not (BusinessKind.Vendor or BusinessKind.Farm),
        _ => true,
    };

    /// <summary>Whether a record counts towards a rate today: confirmed by the regulator (a self-report waits) and meeting its duty.</summary>
    public static bool Counts(Duty d, DateOnly today) => d.ConfirmedBy is not null && d.DeclinedReason is null && Meets(d, today);

    /// <summary>Where a record stands for the business: 已确认, 待确认 or 已退回.</summary>
    public static string State(Duty d) => d.DeclinedReason is not null ? "已退回" : d.ConfirmedBy is not null ? "已确认" : "待监管部门确认";

    /// <summary>Whether a record meets its duty today (in force; a manager with ≥ 40 hours; a rating of A or B counts as rated).</summary>
    public static bool Meets(Duty d, DateOnly today) =>
        d.Since <= today && (d.Until is not DateOnly u || u >= today)
        && (d.Kind != DutyKind.SafetyManager || (int.TryParse(d.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h >= TrainingHoursTarget));
}
