using Microsoft.EntityFrameworkCore;
using Shian.Bulletins.Domain;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;

namespace Shian.Bulletins;

/// <summary>
/// The office's side of 信息发布: write a draft, edit it, publish it, withdraw a published one with a reason. Every input
/// is validated whole (each wrong field named in Chinese) before one save, in a region the caller may write to; reads go
/// through the region filter (an office sees its own and its districts' bulletins).
/// </summary>
public sealed class BulletinDesk(ShianDb db, TimeProvider clock)
{
    public const int TitleMax = 100;
    public const int BodyMax = 20000;

    public sealed record Input(string? RegionCode, BulletinKind? Kind, string? Title, string? Body);

    public static readonly IReadOnlyDictionary<BulletinKind, string> KindNames = new Dictionary<BulletinKind, string>
    {
        [BulletinKind.ConsumerTip] = "消费提示",
        [BulletinKind.RiskAlert] = "风险警示",
        [BulletinKind.Notice] = "通知公告",
        [BulletinKind.WorkNews] = "工作动态",
    };

    public async Task<IReadOnlyList<Bulletin>> ListAsync(string? regionCode, int take, CancellationToken ct)
    {
        var q = db.Bulletins.AsNoTracking();
        if (regionCode is not null && RegionCode.IsValid(regionCode))
        {
            var prefix = RegionCode.Prefix(regionCode);
            q = q.Where(b => b.RegionCode.StartsWith(prefix));
        }

        return await q.OrderBy(b => b.Status == BulletinStatus.Draft ? 0 : 1).ThenByDescending(b => b.PublishedAtUtc ?? b.CreatedAtUtc).Take(take).ToListAsync(ct);
    }

    public async Task<Bulletin?> FindAsync(Guid id, CancellationToken ct) => await db.Bulletins.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);

    public async Task<Bulletin> DraftAsync(Input input, CancellationToken ct)
    {
        var (kind, title, body) = await ValidateAsync(input, region: true, ct);
        Writable(input.RegionCode!);
        var b = new Bulletin
        {
            RegionCode = input.RegionCode!, Kind = kind, Title = title, Body = body, Status = BulletinStatus.Draft,
            CreatedBy = db.Request.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Bulletins.Add(b);
        await db.SaveChangesAsync(ct);
        return b;
    }

    /// <summary>Edits a draft (kind, title, body; the region stays).</summary>
    public async Task<Bulletin> EditAsync(Guid id, Input input, CancellationToken ct)
    {
        var b = await LoadAsync(id, ct);
        var (kind, title, body) = await ValidateAsync(input, region: false, ct);
        if (b.Status != BulletinStatus.Draft)
        {
            throw ShianProblemException.Conflict("bulletins.not-draft", "已发布或已撤回的信息不能修改；如有错误，请撤回后重新发布");
        }

        Writable(b.RegionCode);
        b.Kind = kind;
        b.Title = title;
        b.Body = body;
        b.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return b;
    }

    public async Task<Bulletin> PublishAsync(Guid id, CancellationToken ct)
    {
        var b = await LoadAsync(id, ct);
        if (b.Status != BulletinStatus.Draft)
        {
            throw ShianProblemException.Conflict("bulletins.not-draft", b.Status == BulletinStatus.Published ? "该信息已发布" : "已撤回的信息不能再发布；请新建一条");
        }

        Writable(b.RegionCode);
        var now = clock.GetUtcNow();
        b.Status = BulletinStatus.Published;
        b.PublishedBy = db.Request.UserName;
        b.PublishedAtUtc = now.UtcDateTime;
        b.PublishedOn = ChinaTime.Today(clock);
        await db.SaveChangesAsync(ct);
        return b;
    }

    public async Task<Bulletin> WithdrawAsync(Guid id, string? reason, CancellationToken ct)
    {
        var b = await LoadAsync(id, ct);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < 2 || reason.Length > 300)
        {
            throw ShianProblemException.Invalid("bulletins.invalid", "请填写撤回原因", new Dictionary<string, string[]> { ["reason"] = ["请填写撤回原因（2–300 字）"] });
        }

        if (b.Status != BulletinStatus.Published)
        {
            throw ShianProblemException.Conflict("bulletins.not-published", "只有已发布的信息可以撤回；草稿可直接修改");
        }

        Writable(b.RegionCode);
        b.Status = BulletinStatus.Withdrawn;
        b.WithdrawnBy = db.Request.UserName;
        b.WithdrawnOn = ChinaTime.Today(clock);
        b.WithdrawnReason = reason;
        await db.SaveChangesAsync(ct);
        return b;
    }

    private async Task<Bulletin> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Bulletins.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw ShianProblemException.NotFound("bulletins.not-found", "信息不存在或不在您的辖区");

    private async Task<(BulletinKind Kind, string Title, string Body)> ValidateAsync(Input input, bool region, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        // An office publishes: a province, city, county or zone — a town's 市场监管所 publishes through its county.
        if (region && (input.RegionCode is not { } code || !RegionCode.IsValid(code)
            || !await db.Regions.AnyAsync(r => r.Code == code && r.Level != RegionLevel.Town && r.Level != RegionLevel.Village, ct)))
        {
            errors["regionCode"] = ["请选择发布单位所在的市或区县（12 位区划代码；乡镇街道的信息由区县发布）"];
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["kind"] = ["请选择类别：消费提示、风险警示、通知公告或工作动态"];
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length < 4 || title.Length > TitleMax || title.Contains('\n', StringComparison.Ordinal))
        {
            errors["title"] = [$"请填写标题（4 到 {TitleMax} 字，一行）"];
        }

        var body = Normalise(input.Body);
        if (body.Length < 10 || body.Length > BodyMax)
        {
            errors["body"] = [$"请填写正文（10 到 {BodyMax} 字）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("bulletins.invalid", "信息内容有误，未保存：" + string.Join("；", errors.Values.SelectMany(x => x)), errors);
        }

        return (input.Kind!.Value, title!, body);
    }

    /// <summary>Line breaks as \n, trailing spaces off each line, at most one blank line between paragraphs.</summary>
    public static string Normalise(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        var kept = new List<string>();
        foreach (var l in lines)
        {
            if (l.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0))
            {
                continue;
            }

            kept.Add(l);
        }

        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join('\n', kept);
    }

    /// <summary>The paragraphs to render (each a text node: the body is never markup).</summary>
    public static IReadOnlyList<string> Paragraphs(string body) =>
        [.. body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private void Writable(string regionCode)
    {
        if (!db.Request.Scope.AllowsCreateIn(regionCode))
        {
            throw ShianProblemException.RegionForbidden($"您无权发布区划 {regionCode} 的信息。");
        }
    }
}
