using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shian.Credit.Domain;
using Shian.Credit.Rules;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;

namespace Shian.Credit;

/// <summary>
/// 信用奖惩联动: the lookup other departments' systems call (bidding, loans, honours — seed 000) with a key the administrator
/// issued, every call logged; and the push file of 失信 records for the city credit-exchange platform (seed 001).
/// </summary>
public sealed class CreditExchange(ShianDb db, TimeProvider clock)
{
    private DateOnly Today => ChinaTime.Today(clock);

    public sealed record IssuedKey(Guid Id, string Key, string Prefix);

    /// <summary>SHA-256 of a key, hex: only this is stored.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Issues a key for a holder and purpose; the key itself is returned once and never stored.</summary>
    public async Task<IssuedKey> IssueAsync(string? holder, string? purpose, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var h = CreditLedger.Fit(holder, 101);
        var p = CreditLedger.Fit(purpose, 201);
        if (h is null || h.Length > 100)
        {
            errors["holder"] = ["请填写调用单位（不超过 100 字）"];
        }

        if (p is null || p.Length > 200)
        {
            errors["purpose"] = ["请填写用途（如：招标投标资格审查，不超过 200 字）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("credit.key-invalid", "查询密钥信息有误，未创建", errors);
        }

        var key = "shk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var k = new CreditApiKey { Holder = h!, Purpose = p!, Prefix = key[..10], KeyHash = Hash(key), CreatedBy = db.Request.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.CreditApiKeys.Add(k);
        await db.SaveChangesAsync(ct);
        return new IssuedKey(k.Id, key, k.Prefix);
    }

    public async Task RevokeKeyAsync(Guid id, CancellationToken ct)
    {
        var k = await db.CreditApiKeys.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ShianProblemException.NotFound("credit.key-not-found", "查询密钥不存在");
        if (k.RevokedAtUtc is null)
        {
            k.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
    }

    public Task<List<CreditApiKey>> KeysAsync(CancellationToken ct) => db.CreditApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAtUtc).ToListAsync(ct);

    public sealed record QueryLogRow(DateTime AtUtc, string Holder, string Uscc, bool Listed, int Penalties, string? Client);

    public async Task<List<QueryLogRow>> LogAsync(int max, CancellationToken ct) =>
        (await db.CreditQueryLog.AsNoTracking().OrderByDescending(l => l.Id).Take(max)
            .Join(db.CreditApiKeys.AsNoTracking(), l => l.KeyId, k => k.Id, (l, k) => new { l.AtUtc, k.Holder, l.Uscc, l.Listed, l.Penalties, l.Client }).ToListAsync(ct))
        .Select(x => new QueryLogRow(x.AtUtc, x.Holder, x.Uscc, x.Listed, x.Penalties, x.Client)).ToList();

    public sealed record ListingAnswer(string Party, string Ground, DateOnly Since, DateOnly Until, string DecisionNumber, string Authority);

    public sealed record PenaltyAnswer(string DecisionNumber, DateOnly DecidedOn, string Violation, string Content, DateOnly ShownUntil);

    public sealed record Answer(string Uscc, bool SeriouslyDishonest, IReadOnlyList<ListingAnswer> Listings, IReadOnlyList<PenaltyAnswer> Penalties, DateTime CheckedAtUtc);

    /// <summary>
    /// "Is this USCC on the list, since when, why, until" for a caller with a valid key: reads every region (the list is public
    /// by law; only published, current entries are answered) and logs the call.
    /// </summary>
    public async Task<Answer> LookupAsync(string? key, string? uscc, string? client, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 100
            || await db.CreditApiKeys.FirstOrDefaultAsync(k => k.KeyHash == Hash(key) && k.RevokedAtUtc == null, ct) is not { } k)
        {
            throw new ShianProblemException(StatusCodes.Status401Unauthorized, "credit.key-required", "需要有效的查询密钥", "请在请求头 X-Api-Key 中提供信用信息管理员签发的查询密钥。");
        }

        var code = uscc?.Trim().ToUpperInvariant();
        if (!Kernel.Identifiers.Uscc.IsValid(code))
        {
            throw ShianProblemException.Invalid("credit.uscc-invalid", "统一社会信用代码无效", new Dictionary<string, string[]> { ["uscc"] = ["18 位统一社会信用代码（校验位不符）"] });
        }

        var today = Today;
        var listings = await db.Listings.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(l => l.Uscc == code && l.Status == ListingStatus.Listed && l.ListedOn <= today && l.ExpiresOn >= today).ToListAsync(ct);
        var penalties = await db.Publications.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(p => p.Uscc == code && p.Status == PublicationStatus.Published && p.ShowUntil >= today).OrderByDescending(p => p.DecidedOn).ToListAsync(ct);
        var names = await Authorities.NamesAsync(db, listings.Select(l => l.RegionCode), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        k.LastUsedAtUtc = now;
        db.CreditQueryLog.Add(new CreditQueryLog { KeyId = k.Id, Uscc = code!, AtUtc = now, Listed = listings.Count > 0, Penalties = penalties.Count, Client = CreditLedger.Fit(client, 64) });
        await db.SaveChangesAsync(ct);
        return new Answer(code!, listings.Count > 0,
            listings.Select(l => new ListingAnswer(l.Party, Listings.GroundText(l.Ground ?? ListingGround.Other), l.ListedOn!.Value, l.ExpiresOn!.Value, l.DecisionNumber, names[l.RegionCode])).ToList(),
            penalties.Select(p => new PenaltyAnswer(p.DecisionNumber, p.DecidedOn, p.Violation, p.Content, p.ShowUntil!.Value)).ToList(), now);
    }

    /// <summary>The columns of the push file (docs/credit-exchange.md).</summary>
    public static readonly string[] ExchangeColumns =
        ["变动类型", "信息类别", "统一社会信用代码", "当事人名称", "决定文书号", "违法行为或列入情形", "处罚内容", "决定日期", "公示（列入）截止日期", "变动日期", "决定机关", "记录标识"];

    /// <summary>
    /// The 失信 changes of the caller's regions between two days, inclusive, as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting):
    /// publications started, withdrawn, stopped early or ended; listings made and removed. A natural person's name is masked.
    /// </summary>
    public async Task<string> ExchangeFileAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 1096)
        {
            throw ShianProblemException.Invalid("credit.range-invalid", "日期范围有误：截止日期不早于起始日期，且不超过三年", new Dictionary<string, string[]> { ["to"] = ["截止日期"] });
        }

        var pubs = await db.Publications.AsNoTracking().Where(p => p.PublishedOn >= from && p.PublishedOn <= to || p.EndedOn >= from && p.EndedOn <= to).ToListAsync(ct);
        var lists = await db.Listings.AsNoTracking().Where(l => l.ListedOn >= from && l.ListedOn <= to || l.RemovedOn >= from && l.RemovedOn <= to).ToListAsync(ct);
        var names = await Authorities.NamesAsync(db, pubs.Select(p => p.RegionCode).Concat(lists.Select(l => l.RegionCode)), ct);
        var rows = new List<(DateOnly On, string[] Cells)>();
        foreach (var p in pubs)
        {
            var party = Publications.PublicParty(p);
            string[] Row(string change, DateOnly on) =>
                [change, "行政处罚", p.Uscc ?? "", party, p.DecisionNumber, p.Violation, p.Content, D(p.DecidedOn), p.ShowUntil is DateOnly u ? D(u) : "", D(on), names[p.RegionCode], p.Id.ToString()];
            if (p.PublishedOn is DateOnly po && po >= from && po <= to)
            {
                rows.Add((po, Row("新增", po)));
            }

            if (p.EndedOn is DateOnly eo && eo >= from && eo <= to && p.PublishedOn is not null)
            {
                rows.Add((eo, Row(p.Status switch { PublicationStatus.Withdrawn => "撤销", PublicationStatus.StoppedEarly => "信用修复", _ => "期满" }, eo)));
            }
        }

        foreach (var l in lists)
        {
            var ground = Listings.GroundText(l.Ground ?? ListingGround.Other);
            string[] Row(string change, DateOnly on) =>
                [change, "严重违法失信名单", l.Uscc ?? "", l.Party, l.DecisionNumber, ground, l.Penalty, D(l.DecidedOn ?? l.PenaltyDecidedOn), l.ExpiresOn is DateOnly x ? D(x) : "", D(on), names[l.RegionCode], l.Id.ToString()];
            if (l.ListedOn is DateOnly lo && lo >= from && lo <= to)
            {
                rows.Add((lo, Row("新增", lo)));
            }

            if (l.RemovedOn is DateOnly ro && ro >= from && ro <= to)
            {
                rows.Add((ro, Row(l.RemovalReason switch { RemovalReason.Repaired => "信用修复", RemovalReason.Revoked => "撤销", _ => "期满" }, ro)));
            }
        }

        var sb = new StringBuilder("\uFEFF");
        sb.Append(string.Join(",", ExchangeColumns)).Append("\r\n");
        foreach (var (_, cells) in rows.OrderBy(r => r.On).ThenBy(r => r.Cells[^1], StringComparer.Ordinal))
        {
            sb.Append(string.Join(",", cells.Select(Quote))).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so that spreadsheets do not run it as a formula.</summary>
    private static string Quote(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@')
        {
            s = "'" + s;
        }

        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}

/// <summary>The deciding authority of a record: its county's 市场监督管理局 (the push file, the lookup and the public lists name it so).</summary>
internal static class Authorities
{
    public static async Task<Dictionary<string, string>> NamesAsync(ShianDb db, IEnumerable<string> regionCodes, CancellationToken ct)
    {
        var codes = regionCodes.Distinct().ToList();
        var counties = codes.Select(c => c[..6] + "000000").Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => counties.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return codes.ToDictionary(c => c, c => (names.GetValueOrDefault(c[..6] + "000000") ?? c[..6]) + "市场监督管理局");
    }
}
