namespace Shian.Governance.Domain;

/// <summary>The state of a unit's part in a task (未开始/进行中/已完成/逾期/持续实施).</summary>
public enum WorkStatus
{
    NotStarted,
    InProgress,
    Completed,
    Overdue,
    Ongoing,
}

public static class WorkStatusLabels
{
    public static string Chinese(WorkStatus s) => s switch
    {
        WorkStatus.NotStarted => "未开始",
        WorkStatus.InProgress => "进行中",
        WorkStatus.Completed => "已完成",
        WorkStatus.Overdue => "逾期",
        _ => "持续实施",
    };
}
