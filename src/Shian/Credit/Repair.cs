using Shian.Credit.Domain;
using Shian.Kernel.Errors;

namespace Shian.Credit;

/// <summary>The two halves of a 信用修复 application shared by publications and listings: recording it and deciding it.</summary>
internal static class Repair
{
    /// <summary>The application's text (required, ≤ 1000 characters), read before any state check.</summary>
    public static string Application(string? application) => CreditLedger.Fit(application, 1000)
        ?? throw ShianProblemException.Invalid("credit.repair-invalid", "请填写申请内容（当事人的申请和信用承诺，不超过 1000 字）", new Dictionary<string, string[]> { ["application"] = ["申请内容"] });

    /// <summary>Whether an application is waiting for the head.</summary>
    public static bool Pending(IRepairable r) => r.RepairAppliedOn is not null && r.RepairApproved is null;

    public static void Record(IRepairable r, string text, DateOnly today, DateOnly decideBy)
    {
        r.RepairAppliedOn = today;
        r.RepairApplication = text;
        r.RepairApproved = null;
        r.RepairDecidedOn = null;
        r.RepairDecidedBy = null;
        r.RepairOpinion = null;
        r.RepairDecideBy = decideBy;
    }

    /// <summary>The opinion (required when refusing), checked before the state.</summary>
    public static string? Opinion(bool approve, string? opinion) => CreditLedger.Fit(opinion, 1000) is { } text ? text
        : approve ? null : throw ShianProblemException.Invalid("credit.opinion-required", "不予同意时请写明理由", new Dictionary<string, string[]> { ["opinion"] = ["理由"] });

    /// <summary>Records the head's decision; the " （超过期限 …）" note when it is late.</summary>
    public static string Decide(IRepairable r, bool approve, string? opinion, DateOnly today, string user)
    {
        r.RepairApproved = approve;
        r.RepairDecidedOn = today;
        r.RepairDecidedBy = user;
        r.RepairOpinion = opinion;
        return today > r.RepairDecideBy ? $"（超过期限 {r.RepairDecideBy:yyyy-MM-dd}）" : "";
    }
}
