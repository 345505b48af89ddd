using Shian.Governance.Domain;

namespace Shian.Governance.Rules;

/// <summary>Points of a 考核 scheme: how they are shared out, what counts of a task's completion, what a valid item is.</summary>
public static class AssessmentWeights
{
    /// <summary>Splits points in equal two-decimal parts whose sum is exact (the last part takes the remainder).</summary>
    public static IReadOnlyList<decimal> Split(decimal total, int parts)
    {
        if (parts <= 0)
        {
            return [];
        }

        var each = Math.Floor(total / parts * 100) / 100;
        var list = Enumerable.Repeat(each, parts).ToList();
        list[^1] = total - (each * (parts - 1));
        return list;
    }

    /// <summary>How much of an assignment counts as done: completed, or ongoing with reports → 1; overdue or not started → 0; else its percent.</summary>
    public static decimal CompletionShare(TaskAssignment a) => a.Status switch
    {
        WorkStatus.Completed => 1,
        WorkStatus.Ongoing => a.LastReportedAtUtc is null ? 0 : 1,
        WorkStatus.InProgress => Math.Clamp(a.Percent, 0, 100) / 100m,
        _ => 0,
    };

    /// <summary>An item's name: required, at most 300 characters.</summary>
    public static void ValidateName(string? name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["请填写项目名称"];
        }
        else if (name.Length > 300)
        {
            errors["name"] = ["项目名称不能超过 300 字"];
        }
    }

    /// <summary>An item's points: more than 0, at most the full 100.</summary>
    public static void ValidateWeight(decimal weight, Dictionary<string, string[]> errors)
    {
        if (weight is <= 0 or > 100)
        {
            errors["weight"] = ["分值应大于 0 且不超过 100"];
        }
    }
}
