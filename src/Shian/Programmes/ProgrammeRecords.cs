using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Programmes.Domain;

namespace Shian.Programmes;

/// <summary>
/// The seeds' counted programmes as records: volunteers (入队, 培训, 退出) and publicity activities. Each input is
/// validated whole (every wrong field named in Chinese), then written in one save, in a region the caller may write to.
/// </summary>
public sealed class ProgrammeRecords(ShianDb db, TimeProvider clock)
{
    public sealed record VolunteerInput(string? RegionCode, string? Name, string? Organisation, DateOnly? RegisteredOn, DateOnly? TrainedOn);

    public sealed record ActivityInput(string? RegionCode, PublicityKind? Kind, string? Title, DateOnly? HeldOn, string? Place, int? Participants, string? Evidence);

    public sealed record DateInput(DateOnly? On);

    public sealed record TrainingInput(string? RegionCode, string? Title, DateOnly? HeldOn, decimal? Hours, string? Evidence, IReadOnlyList<string>? Attendees);

    /// <summary>The regulator roles whose hours count (监管人员: officers and inspectors).</summary>
    public static readonly string[] RegulatorRoles = [Kernel.Users.ShianRoles.Officer, Kernel.Users.ShianRoles.Inspector];

    /// <summary>
    /// A regulators' training session with its attendees (user names of officers or inspectors, each once): every
    /// attendee must be such an account of the caller's regions; each attendance is counted in the attendee's region.
    /// </summary>
    public async Task<TrainingSession> TrainAsync(TrainingInput t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        await RegionAsync(t.RegionCode, errors, ct);
        if (!errors.ContainsKey("regionCode"))
        {
            Writable(t.RegionCode!); // another region's session is refused as such, not for its attendees
        }

        var title = Clean(t.Title);
        if (title is null || title.Length > 200)
        {
            errors["title"] = ["请填写培训名称（不超过 200 字）"];
        }

        if (t.HeldOn is not { } held || held > Today || held < Today.AddYears(-5))
        {
            errors["heldOn"] = ["请填写培训日期（近 5 年内，不能晚于今天）"];
        }

        if (t.Hours is not (>= 0.5m and <= 80m) || t.Hours * 2 != Math.Floor(t.Hours.Value * 2))
        {
            errors["hours"] = ["学时应在 0.5 到 80 之间，以 0.5 为单位"];
        }

        var evidence = Clean(t.Evidence);
        if (evidence is null || evidence.Length < 2 || evidence.Length > 500)
        {
            errors["evidence"] = ["请填写佐证（通知文号、签到表、课件的名称或编号），2–500 字"];
        }

        var names = (t.Attendees ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var normalized = names.Select(n => n.ToUpperInvariant()).ToList(); // Identity's normalised names: case does not matter
        var found = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where normalized.Contains(u.NormalizedUserName!) && RegulatorRoles.Contains(r.Name!)
                           select new { u.Id, u.UserName }).Distinct().ToListAsync(ct);
        var ids = found.Select(f => f.Id).ToList();
        var grants = (await db.RegionGrants.AsNoTracking().Where(g => ids.Contains(g.UserId)).ToListAsync(ct))
            .GroupBy(g => g.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.RegionCode).Order(StringComparer.Ordinal).First());
        var attendees = found.Where(f => grants.ContainsKey(f.Id) && db.Request.Scope.Allows(grants[f.Id])).ToDictionary(f => f.UserName!, f => grants[f.Id], StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0 || names.Count > 2000)
        {
            errors["attendees"] = ["请填写参训的监管人员账号（用户名，每行一个，最多 2000 人）"];
        }
        else if (names.Where(n => !attendees.ContainsKey(n)).ToList() is { Count: > 0 } unknown)
        {
            errors["attendees"] = [$"以下不是本辖区监管人员或检查员的账号：{string.Join("、", unknown.Take(20))}{(unknown.Count > 20 ? $" 等 {unknown.Count} 个" : "")}"];
        }

        Throw(errors);
        Writable(t.RegionCode!);
        var session = new TrainingSession
        {
            RegionCode = t.RegionCode!, Title = title!, HeldOn = t.HeldOn!.Value, Hours = t.Hours!.Value, Evidence = evidence!,
            RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.TrainingSessions.Add(session);
        db.TrainingAttendances.AddRange(attendees.Select(a => new TrainingAttendance { SessionId = session.Id, RegionCode = a.Value, UserName = a.Key, HeldOn = session.HeldOn, Hours = session.Hours }));
        await db.SaveChangesAsync(ct);
        return session;
    }

    public Task<List<TrainingSession>> TrainingsAsync(string? regionCode, int take, CancellationToken ct) =>
        (Prefix(regionCode) is { } p ? db.TrainingSessions.AsNoTracking().Where(s => s.RegionCode.StartsWith(p)) : db.TrainingSessions.AsNoTracking())
            .OrderByDescending(s => s.HeldOn).Take(take).ToListAsync(ct);

    /// <summary>Attendees per session.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> AttendanceAsync(IReadOnlyList<Guid> sessions, CancellationToken ct) =>
        await db.TrainingAttendances.AsNoTracking().Where(a => sessions.Contains(a.SessionId)).GroupBy(a => a.SessionId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<Volunteer> RegisterAsync(VolunteerInput v, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        await RegionAsync(v.RegionCode, errors, ct);
        var name = Clean(v.Name);
        if (name is null || name.Length > 50)
        {
            errors["name"] = ["请填写志愿者姓名（不超过 50 字）"];
        }

        if (Clean(v.Organisation)?.Length > 100)
        {
            errors["organisation"] = ["所在单位或社区不能超过 100 字"];
        }

        if (v.RegisteredOn is not { } registered || registered > Today || registered.Year < 2000)
        {
            errors["registeredOn"] = ["请填写入队日期，不能晚于今天"];
        }
        else if (v.TrainedOn is { } trained && (trained < registered || trained > Today))
        {
            errors["trainedOn"] = ["培训日期应在入队日期与今天之间"];
        }

        Throw(errors);
        Writable(v.RegionCode!);
        var volunteer = new Volunteer
        {
            RegionCode = v.RegionCode!, Name = name!, Organisation = Clean(v.Organisation), RegisteredOn = v.RegisteredOn!.Value, TrainedOn = v.TrainedOn,
            RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync(ct);
        return volunteer;
    }

    public async Task<Volunteer> TrainedAsync(Guid id, DateInput d, CancellationToken ct)
    {
        var v = await db.Volunteers.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound();
        if (d.On is not { } on || on < v.RegisteredOn || on > Today)
        {
            throw ShianProblemException.Invalid("programmes.invalid", "培训日期应在入队日期与今天之间", new Dictionary<string, string[]> { ["on"] = ["培训日期应在入队日期与今天之间"] });
        }

        Writable(v.RegionCode);
        v.TrainedOn = on;
        await db.SaveChangesAsync(ct);
        return v;
    }

    public async Task<Volunteer> LeftAsync(Guid id, DateInput d, CancellationToken ct)
    {
        var v = await db.Volunteers.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound();
        if (v.LeftOn is not null)
        {
            throw ShianProblemException.Conflict("programmes.left", $"{v.Name} 已于 {v.LeftOn:yyyy-MM-dd} 退出");
        }

        if (d.On is not { } on || on < v.RegisteredOn || on > Today)
        {
            throw ShianProblemException.Invalid("programmes.invalid", "退出日期应在入队日期与今天之间", new Dictionary<string, string[]> { ["on"] = ["退出日期应在入队日期与今天之间"] });
        }

        Writable(v.RegionCode);
        v.LeftOn = on;
        await db.SaveChangesAsync(ct);
        return v;
    }

    public async Task<PublicityActivity> RecordAsync(ActivityInput a, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        await RegionAsync(a.RegionCode, errors, ct);
        if (a.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["kind"] = ["请选择活动类型：宣传周、“五进”、科普讲座、媒体专栏或其他"];
        }

        var title = Clean(a.Title);
        if (title is null || title.Length > 200)
        {
            errors["title"] = ["请填写活动名称（不超过 200 字）"];
        }

        if (a.HeldOn is not { } held || held > Today || held < Today.AddYears(-5))
        {
            errors["heldOn"] = ["请填写举办日期（近 5 年内，不能晚于今天）"];
        }

        var place = Clean(a.Place);
        if (place is null || place.Length > 200)
        {
            errors["place"] = ["请填写举办地点（社区、村、学校等，不超过 200 字）"];
        }

        if (a.Participants is not (>= 1 and <= 1_000_000))
        {
            errors["participants"] = ["参加人数应为 1 至 1000000"];
        }

        var evidence = Clean(a.Evidence);
        if (evidence is null || evidence.Length < 2 || evidence.Length > 500)
        {
            errors["evidence"] = ["请填写佐证（照片、签到表、活动报告的名称或编号），2–500 字"];
        }

        Throw(errors);
        Writable(a.RegionCode!);
        var activity = new PublicityActivity
        {
            RegionCode = a.RegionCode!, Kind = a.Kind!.Value, Title = title!, HeldOn = a.HeldOn!.Value, Place = place!, Participants = a.Participants!.Value, Evidence = evidence!,
            RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.PublicityActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }

    public Task<List<Volunteer>> VolunteersAsync(string? regionCode, int take, CancellationToken ct) =>
        Within(db.Volunteers.AsNoTracking(), regionCode).OrderByDescending(v => v.RegisteredOn).ThenBy(v => v.Name).Take(take).ToListAsync(ct);

    public Task<List<PublicityActivity>> ActivitiesAsync(string? regionCode, int take, CancellationToken ct) =>
        Within(db.PublicityActivities.AsNoTracking(), regionCode).OrderByDescending(a => a.HeldOn).Take(take).ToListAsync(ct);

    /// <summary>The team today: active, of them trained, and activities this year.</summary>
    public async Task<(int Active, int Trained, int ActivitiesThisYear)> SummaryAsync(string? regionCode, CancellationToken ct)
    {
        var today = Today;
        var volunteers = Within(db.Volunteers.AsNoTracking(), regionCode).Where(v => v.LeftOn == null);
        var yearStart = new DateOnly(today.Year, 1, 1);
        return (await volunteers.CountAsync(ct), await volunteers.CountAsync(v => v.TrainedOn != null, ct),
            await Within(db.PublicityActivities.AsNoTracking(), regionCode).CountAsync(a => a.HeldOn >= yearStart, ct));
    }

    private static IQueryable<Volunteer> Within(IQueryable<Volunteer> q, string? regionCode) =>
        Prefix(regionCode) is { } p ? q.Where(v => v.RegionCode.StartsWith(p)) : q;

    private static IQueryable<PublicityActivity> Within(IQueryable<PublicityActivity> q, string? regionCode) =>
        Prefix(regionCode) is { } p ? q.Where(a => a.RegionCode.StartsWith(p)) : q;

    private static string? Prefix(string? regionCode) => regionCode is not null && RegionCode.IsValid(regionCode) ? RegionCode.Prefix(regionCode) : null;

    private async Task RegionAsync(string? code, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (code is null || !RegionCode.IsValid(code) || !await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            errors["regionCode"] = ["区划代码应为存在的 12 位区划代码"];
        }
    }

    private void Writable(string regionCode)
    {
        if (!db.Request.Scope.AllowsCreateIn(regionCode))
        {
            throw ShianProblemException.RegionForbidden($"您无权登记区划 {regionCode} 的记录。");
        }
    }

    private static void Throw(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("programmes.invalid", "登记内容有误：" + string.Join("；", errors.Values.SelectMany(x => x)), errors);
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static ShianProblemException NotFound() => ShianProblemException.NotFound("programmes.not-found", "记录不存在或不在您的辖区内");
}
