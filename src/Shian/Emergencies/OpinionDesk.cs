using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Enforcement.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;
using Shian.Kernel.Inbox;

namespace Shian.Emergencies;

/// <summary>
/// The district's work on a 舆情 alert: 核实 (what was found; whether it is the 舆情 of a major incident), 回应 (how the
/// office answered the public, or why it need not), the press conference of a major one, 发布 (the result published), an
/// incident opened from it, a case clue raised to enforcement — each validated first, then written with its timeline
/// line in one transaction.
/// </summary>
public sealed class OpinionDesk(ShianDb db, IOptions<EmergenciesOptions> options, WorkingDayCalendarProvider calendar, TimeProvider clock, DomainEvents events,
    Incidents incidents, Notifier notifier, DistrictRecipients recipients) : Kernel.Events.IDomainEventHandler<CaseClueDecided>
{
    private OpinionLimits Limits => options.Value.Opinion;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string SeverityLabel(OpinionSeverity s) => s switch
    {
        OpinionSeverity.High => "高危",
        OpinionSeverity.Medium => "关注",
        OpinionSeverity.Low => "一般",
        _ => "无关",
    };

    public static string FindingLabel(OpinionFinding f) => f switch
    {
        OpinionFinding.True => "属实",
        OpinionFinding.PartlyTrue => "部分属实",
        OpinionFinding.False => "不属实",
        _ => "无法核实",
    };

    public static string ResponseLabel(OpinionResponse r) => r switch
    {
        OpinionResponse.Statement => "发布权威信息",
        OpinionResponse.Interview => "接受采访/吹风会",
        OpinionResponse.PressConference => "新闻发布会",
        _ => "无需公开回应",
    };

    /// <summary>
    /// A new alert for an item (added to the context with its first timeline line; the caller saves): for the item's own
    /// district and business, or — a story naming businesses of several districts — for another district's business.
    /// </summary>
    internal static OpinionAlert NewAlert(ShianDb db, OpinionItem item, string raisedBy, DateTime now, OpinionLimits limits, BusinessHit? other = null)
    {
        var alert = new OpinionAlert
        {
            RegionCode = other?.RegionCode ?? item.RegionCode, ItemId = item.Id, Title = item.Title, Severity = item.Severity, Topics = item.Topics,
            BusinessId = other?.Id ?? item.BusinessId, BusinessName = other is null ? item.BusinessName : Truncate(other.Name, 200), RaisedBy = raisedBy, RaisedAtUtc = now, VerifyDueUtc = OpinionClock.VerifyDue(now, item.Severity, limits),
            RespondDueUtc = OpinionClock.RespondDue(now, false, limits), Status = OpinionAlertStatus.Open,
        };
        if (other is null)
        {
            item.AlertId = alert.Id;
        }

        db.OpinionAlerts.Add(alert);
        db.OpinionAlertEntries.Add(new OpinionAlertEntry
        {
            AlertId = alert.Id, RegionCode = alert.RegionCode, AtUtc = now, Author = raisedBy,
            Text = $"{(raisedBy == "system" ? "自动预警" : "人工预警")}：{SeverityLabel(item.Severity)}{(item.Topics.Length > 0 ? $"（{item.Topics}）" : "")}"
                   + (alert.BusinessName is null ? "" : $"，涉及 {alert.BusinessName}") + (other is null ? "" : "（同一报道涉及多个区县，各区县分别核实）"),
        });
        return alert;
    }

    /// <summary>An officer raises an alert on an item the matcher left below the line (or found unrelated).</summary>
    public async Task<Guid> RaiseAsync(Guid itemId, CancellationToken ct)
    {
        var item = await db.OpinionItems.FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw ShianProblemException.NotFound("opinion.item-not-found", "该舆情条目不存在");
        if (item.CopyOfId is Guid original)
        {
            item = await db.OpinionItems.FirstOrDefaultAsync(i => i.Id == original, ct) ?? item;
        }

        if (item.AlertId is Guid existing)
        {
            throw ShianProblemException.Conflict("opinion.alert-exists", $"该舆情已生成预警（{existing}）");
        }

        var alert = NewAlert(db, item, db.Request.UserName, Now, Limits);
        notifier.Notify(await recipients.ForAsync(alert.RegionCode, ct), $"舆情预警：{alert.Title}", $"核实时限 {Incidents.Beijing(alert.VerifyDueUtc):MM-dd HH:mm}", $"/opinion/alerts/{alert.Id}");
        await db.SaveChangesAsync(ct);
        return alert.Id;
    }

    /// <summary>
    /// 核实: the finding and what was done; a major incident's 舆情 brings 回应 forward to 5 hours and adds the 24-hour press
    /// conference (from the alert, never later than before). 发布 falls due unless no public response will be needed.
    /// </summary>
    public async Task VerifyAsync(Guid id, OpinionFinding finding, string? text, bool major, CancellationToken ct)
    {
        var alert = await LoadAsync(id, ct);
        var t = Clean(text);
        if (!Enum.IsDefined(finding) || t is null || t.Length > 2000)
        {
            throw ShianProblemException.Invalid("opinion.verify-invalid", "请选择核实结论并写明核实情况（不超过 2000 字）",
                new Dictionary<string, string[]> { [Enum.IsDefined(finding) ? "text" : "finding"] = [Enum.IsDefined(finding) ? "请写明核实情况：谁、何时、到哪里、查了什么" : "请选择核实结论"] });
        }

        if (alert.VerifiedAtUtc is not null)
        {
            throw ShianProblemException.Conflict("opinion.verified", "该预警已核实");
        }

        var now = Now;
        alert.VerifiedAtUtc = now;
        alert.VerifiedBy = db.Request.UserName;
        alert.Finding = finding;
        alert.FindingText = t;
        alert.Status = OpinionAlertStatus.Verified;
        if (major && !alert.Major)
        {
            alert.Major = true;
            alert.RespondDueUtc = OpinionClock.Earlier(alert.RespondDueUtc, OpinionClock.RespondDue(alert.RaisedAtUtc, true, Limits));
            alert.PressDueUtc = OpinionClock.PressDue(alert.RaisedAtUtc, true, Limits);
        }

        if (alert.Response != OpinionResponse.NotNeeded)
        {
            alert.PublishDueUtc = OpinionClock.PublishDue(calendar.Current, now, Limits).DueUtc;
        }

        Entry(alert, $"核实：{FindingLabel(finding)}。{t}" + (alert.Major ? "（重大突发事件舆情：5 小时内发布权威信息、24 小时内举行新闻发布会）" : ""));
        CloseIfDone(alert, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>回应 (or a major one's press conference after a first statement); "no public response" needs its reason.</summary>
    public async Task RespondAsync(Guid id, OpinionResponse response, string? text, CancellationToken ct)
    {
        var alert = await LoadAsync(id, ct);
        var t = Clean(text);
        if (!Enum.IsDefined(response) || t is null || t.Length > 2000)
        {
            throw ShianProblemException.Invalid("opinion.respond-invalid", "请选择回应方式并写明回应内容或链接（无需回应的写明理由，不超过 2000 字）",
                new Dictionary<string, string[]> { [Enum.IsDefined(response) ? "text" : "response"] = [Enum.IsDefined(response) ? "请写明回应内容、发布渠道或链接；无需回应的写明理由" : "请选择回应方式"] });
        }

        var pressAfterStatement = alert.RespondedAtUtc is not null && alert.Major && alert.PressHeldAtUtc is null && response == OpinionResponse.PressConference;
        if (alert.RespondedAtUtc is not null && !pressAfterStatement)
        {
            throw ShianProblemException.Conflict("opinion.responded", "该预警已回应");
        }

        if (response == OpinionResponse.NotNeeded && alert.Major)
        {
            throw ShianProblemException.Conflict("opinion.major-needs-response", "重大突发事件舆情必须公开回应（国办发〔2016〕61号）");
        }

        var now = Now;
        if (!pressAfterStatement)
        {
            alert.RespondedAtUtc = now;
            alert.Response = response;
            alert.ResponseText = t;
        }

        if (response == OpinionResponse.PressConference)
        {
            alert.PressHeldAtUtc = now;
        }

        if (response == OpinionResponse.NotNeeded)
        {
            alert.PublishDueUtc = null;
        }

        Entry(alert, $"回应：{ResponseLabel(response)}。{t}");
        CloseIfDone(alert, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>发布: the verified result published (where, what).</summary>
    public async Task PublishAsync(Guid id, string? text, CancellationToken ct)
    {
        var alert = await LoadAsync(id, ct);
        var t = Clean(text);
        if (t is null || t.Length > 2000)
        {
            throw ShianProblemException.Invalid("opinion.publish-invalid", "请写明发布的内容与渠道（不超过 2000 字）", new Dictionary<string, string[]> { ["text"] = ["请写明发布的内容与渠道"] });
        }

        if (alert.VerifiedAtUtc is null)
        {
            throw ShianProblemException.Conflict("opinion.publish-before-verify", "请先核实，再发布核实处置结果");
        }

        if (alert.PublishedAtUtc is not null || alert.Response == OpinionResponse.NotNeeded)
        {
            throw ShianProblemException.Conflict("opinion.published", alert.PublishedAtUtc is not null ? "处置结果已发布" : "已研判为无需公开回应，无需发布");
        }

        var now = Now;
        alert.PublishedAtUtc = now;
        alert.PublishedText = t;
        Entry(alert, $"发布处置结果：{t}");
        CloseIfDone(alert, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Opens a food-safety incident from the alert (the department learned of it now), linked both ways, in one transaction.</summary>
    public async Task<Guid> ToIncidentAsync(Guid id, Domain.IncidentSetting setting, int harmed, int hospitalised, int deaths, string? symptoms, CancellationToken ct)
    {
        var alert = await LoadAsync(id, ct);
        if (alert.IncidentId is not null)
        {
            throw ShianProblemException.Conflict("opinion.incident-exists", "已由该预警建立事故");
        }

        var item = await OpinionQueries.ItemOfAsync(db, alert, ct);
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var receipt = await incidents.ReportAsync(new Incidents.DirectReport(null,
            Truncate($"舆情监测发现：{item.Title}。{item.Body}", 4000), setting, alert.RegionCode, alert.BusinessId, alert.BusinessName, null, null,
            new DateTimeOffset(now, TimeSpan.Zero), harmed, hospitalised, deaths, symptoms, null, "舆情监测", null), ct);
        alert.IncidentId = receipt.Id;
        Entry(alert, $"转为食品安全事故处置（{Rules.IncidentGrading.Label(receipt.Grade)}）");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return receipt.Id;
    }

    /// <summary>Raises a case clue (立案 decision due in 15 working days) on the alert's business, once the district verified it true.</summary>
    public async Task RaiseClueAsync(Guid id, string? summary, CancellationToken ct)
    {
        var alert = await LoadAsync(id, ct);
        var s = Clean(summary);
        if (s is null || s.Length > 200)
        {
            throw ShianProblemException.Invalid("opinion.clue-invalid", "请写明涉嫌的违法行为（不超过 200 字）", new Dictionary<string, string[]> { ["summary"] = ["请写明涉嫌的违法行为"] });
        }

        if (alert.BusinessId is not Guid businessId)
        {
            throw ShianProblemException.Conflict("opinion.clue-needs-business", "移送案件线索须涉及登记在册的经营者；未匹配到的，请在执法模块手工登记线索");
        }

        if (alert.Finding is not (OpinionFinding.True or OpinionFinding.PartlyTrue))
        {
            throw ShianProblemException.Conflict("opinion.clue-needs-finding", "核实属实或部分属实后才能移送案件线索");
        }

        if (alert.ClueRaisedAtUtc is not null)
        {
            throw ShianProblemException.Conflict("opinion.clue-raised", "已移送案件线索");
        }

        var now = Now;
        var today = ChinaTime.Today(clock);
        var due = CaseClock.DecisionDue(calendar.Current, today);
        alert.ClueRaisedAtUtc = now;
        events.Raise(new CaseClueRaised(CaseClueSource.PublicOpinion, alert.Id, businessId, alert.BusinessName ?? "", alert.RegionCode, today, due, $"舆情核实{FindingLabel(alert.Finding.Value)}：{s}"));
        Entry(alert, $"移送案件线索（立案决定期限 {due:yyyy-MM-dd}）：{s}");
        await db.SaveChangesAsync(ct);
    }

    public async Task NoteAsync(Guid id, string? text, CancellationToken ct)
    {
        var alert = await LoadAsync(id, ct);
        var t = Clean(text);
        if (t is null || t.Length > 2000)
        {
            throw ShianProblemException.Invalid("opinion.note-invalid", "请填写记录内容（不超过 2000 字）", new Dictionary<string, string[]> { ["text"] = ["请填写记录内容"] });
        }

        Entry(alert, t);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Done when verified, answered (and a major one's press conference held) and the result published or not needed.</summary>
    private static void CloseIfDone(OpinionAlert a, DateTime now)
    {
        if (a.VerifiedAtUtc is not null && a.RespondedAtUtc is not null && (!a.Major || a.PressHeldAtUtc is not null)
            && (a.PublishedAtUtc is not null || a.Response == OpinionResponse.NotNeeded))
        {
            a.Status = OpinionAlertStatus.Closed;
            a.ClosedAtUtc = now;
        }
    }

    /// <summary>
    /// The enforcement module decided the clue an alert raised: the decision goes on the alert's timeline, once (a repeated
    /// delivery finds it there already).
    /// </summary>
    public async Task HandleAsync(CaseClueDecided e, CancellationToken ct)
    {
        if (e.Source != CaseClueSource.PublicOpinion || e.SourceId is not Guid id || await db.OpinionAlerts.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } alert)
        {
            return;
        }

        var text = $"案件线索{e.Describe()}（{e.DecidedOn:yyyy-MM-dd}）";
        if (await db.OpinionAlertEntries.AnyAsync(x => x.AlertId == id && x.Text == text, ct))
        {
            return;
        }

        Entry(alert, text);
        await db.SaveChangesAsync(ct);
    }

    private async Task<OpinionAlert> LoadAsync(Guid id, CancellationToken ct) =>
        await db.OpinionAlerts.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw ShianProblemException.NotFound("opinion.alert-not-found", "该舆情预警不存在");

    private void Entry(OpinionAlert a, string text) => db.OpinionAlertEntries.Add(new OpinionAlertEntry
    {
        AlertId = a.Id, RegionCode = a.RegionCode, AtUtc = Now, Author = db.Request.UserName, Text = Truncate(text, 2000),
    });

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}
