using Shian.Emergencies.Rules;

namespace Shian.Emergencies;

/// <summary>Local settings of the emergencies module (section <c>Emergencies</c>): the local plan's grading and reporting limits.</summary>
public sealed class EmergenciesOptions
{
    public const string Section = "Emergencies";

    public GradeCriteria Grading { get; set; } = new();

    public ReportingLimits Reporting { get; set; } = new();

    /// <summary>The 舆情 alerts' limits, copy detection and the severity that raises an alert.</summary>
    public OpinionLimits Opinion { get; set; } = new();

    /// <summary>The preparedness cycle: drills, training, plan evaluation.</summary>
    public PreparednessCycle Preparedness { get; set; } = new();

    /// <summary>Who upward reports go to, suggested on the form.</summary>
    public string DefaultRecipients { get; set; } = "本级人民政府、上级市场监督管理部门、同级卫生健康部门";

    /// <summary>Who signs the situation report (the office's name at its foot).</summary>
    public string ReportSender { get; set; } = "食品安全事故应急指挥部办公室";

    /// <summary>At most this many photos per direct report.</summary>
    public int MaxPhotos { get; set; } = 6;
}
