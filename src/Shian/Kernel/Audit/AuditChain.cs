using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Shian.Kernel.Regions;

namespace Shian.Kernel.Audit;

/// <summary>The pure rules of the audit hash chains: which chain, the hash of an entry, and verification.</summary>
public static class AuditChain
{
    public const string SystemChain = "system";

    /// <summary>The hash that the first entry of every chain points back to.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// One chain per county-level region so that writes in different districts never wait for one another;
    /// city-wide, provincial and system records share the system chain.
    /// </summary>
    public static string ChainFor(string? regionCode) =>
        regionCode is not null && RegionCode.IsValid(regionCode) && RegionCode.CountyOf(regionCode) is { } county ? county : SystemChain;

    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>
    /// HMAC-SHA256 (hex), keyed with a key kept outside the database, over every field except the id and the hash
    /// itself, fields length-prefixed. Without the key an edited entry's hash cannot be recomputed.
    /// </summary>
    public static string ComputeHash(AuditEntry e, byte[] key)
    {
        var sb = new StringBuilder();
        void Field(string? value) => sb.Append(value is null ? "-1:" : value.Length.ToString(CultureInfo.InvariantCulture) + ":" + value).Append('|');
        Field(e.Chain);
        Field(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(e.AtUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        Field(e.UserName);
        Field(e.Action);
        Field(e.EntityType);
        Field(e.EntityId);
        Field(e.RegionCode);
        Field(e.Before);
        Field(e.After);
        Field(e.RequestId);
        Field(e.PreviousHash);
        Field(e.KeyId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(sb.ToString())));
    }

    public sealed record Verification(string Chain, bool Intact, int EntriesChecked, long? BrokenAtSequence, long? BrokenEntryId, string? Problem);

    /// <summary>Walks a chain in sequence order and reports the first broken link.</summary>
    public static Verification Verify(string chain, IEnumerable<AuditEntry> entriesInSequenceOrder, Func<string?, byte[]?> keyOf, AuditAnchors.Anchor? anchor = null)
    {
        var walker = new Walker(chain, keyOf, anchor);
        foreach (var e in entriesInSequenceOrder)
        {
            if (walker.Check(e) is { } broken)
            {
                return broken;
            }
        }

        return walker.Intact();
    }

    /// <summary>The same walk over a stream, so that a long chain is never held in memory.</summary>
    public static async Task<Verification> VerifyAsync(string chain, IAsyncEnumerable<AuditEntry> entriesInSequenceOrder, Func<string?, byte[]?> keyOf, AuditAnchors.Anchor? anchor, CancellationToken ct)
    {
        var walker = new Walker(chain, keyOf, anchor);
        await foreach (var e in entriesInSequenceOrder.WithCancellation(ct))
        {
            if (walker.Check(e) is { } broken)
            {
                return broken;
            }
        }

        return walker.Intact();
    }

    private sealed class Walker(string chain, Func<string?, byte[]?> keyOf, AuditAnchors.Anchor? anchor)
    {
        private string _previous = Genesis;
        private long _expected = 1;
        private int _count;

        /// <summary>Intact, unless the chain ends before its last anchor outside the database (entries cut off the end).</summary>
        public Verification Intact() => anchor is not null && _expected - 1 < anchor.Sequence
            ? new(chain, false, _count, _expected, null, $"链尾被截断：库外锚点记录到第 {anchor.Sequence} 条（{anchor.AtUtc:yyyy-MM-dd HH:mm} UTC），数据库只有 {_expected - 1} 条")
            : new(chain, true, _count, null, null, null);

        public Verification? Check(AuditEntry e)
        {
            _count++;
            string? problem = null;
            if (e.Chain != chain)
            {
                problem = $"第 {e.Sequence} 条记录属于链 {e.Chain}";
            }
            else if (e.Sequence != _expected)
            {
                problem = $"序号不连续：应为 {_expected}，实为 {e.Sequence}（记录被删除或插入）";
            }
            else if (e.PreviousHash != _previous)
            {
                problem = $"第 {e.Sequence} 条记录的前序哈希与上一条不符（上一条被修改或删除）";
            }
            else if (keyOf(e.KeyId) is not { } key)
            {
                problem = $"第 {e.Sequence} 条记录的签名密钥 {e.KeyId} 不在密钥文件中";
            }
            else if (ComputeHash(e, key) != e.Hash)
            {
                problem = $"第 {e.Sequence} 条记录的内容与其签名不符（记录被修改）";
            }
            else if (anchor is not null && e.Sequence == anchor.Sequence && e.Hash != anchor.Hash)
            {
                problem = $"第 {e.Sequence} 条记录与库外锚点不符（链被重写）";
            }

            if (problem is not null)
            {
                return new(chain, false, _count, e.Sequence, e.Id, problem);
            }

            _previous = e.Hash;
            _expected++;
            return null;
        }
    }
}
