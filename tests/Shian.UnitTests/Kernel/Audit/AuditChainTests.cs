using Shian.Kernel.Audit;

namespace Shian.UnitTests.Kernel.Audit;

public sealed class AuditChainTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static byte[]? KeyOf(string? id) => id == "k1" ? Key : null;
    private static List<AuditEntry> Chain(string chain, int n)
    {
        var list = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var e = Entry(chain, i, previous, after: $"{{\"n\":{i}}}");
            list.Add(e);
            previous = e.Hash;
        }

        return list;
    }

    private static AuditEntry Entry(string chain, long seq, string previous, string after, long id = 0)
    {
        var draft = new AuditEntry
        {
            Id = id == 0 ? seq : id, Chain = chain, Sequence = seq, AtUtc = AuditChain.Truncate(new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc).AddSeconds(seq)),
            UserName = "officer@210503", Action = "create", EntityType = "Attachment", EntityId = "x" + seq, RegionCode = "210503001000",
            Before = null, After = after, RequestId = "r" + seq, PreviousHash = previous, KeyId = "k1", Hash = "",
        };
        return With(draft, hash: AuditChain.ComputeHash(draft, Key));
    }

    private static AuditEntry With(AuditEntry e, string? hash = null, string? after = null, long? seq = null, string? previous = null) => new()
    {
        Id = e.Id, Chain = e.Chain, Sequence = seq ?? e.Sequence, AtUtc = e.AtUtc, UserName = e.UserName, Action = e.Action, EntityType = e.EntityType,
        EntityId = e.EntityId, RegionCode = e.RegionCode, Before = e.Before, After = after ?? e.After, RequestId = e.RequestId,
        PreviousHash = previous ?? e.PreviousHash, KeyId = e.KeyId, Hash = hash ?? e.Hash,
    };

    [Theory]
    [InlineData("210503001000", "210503000000")]
    [InlineData("210503000000", "210503000000")]
    [InlineData("520100901000", "520100901000")]
    [InlineData("210500000000", AuditChain.SystemChain)]
    [InlineData(null, AuditChain.SystemChain)]
    public void ChainFor_IsTheCountyLevelRegion_OrSystem(string? region, string chain) => Assert.Equal(chain, AuditChain.ChainFor(region));

    [Fact]
    public void Verify_AnUntouchedChain_IsIntact()
    {
        var result = AuditChain.Verify("210503000000", Chain("210503000000", 5), KeyOf);
        Assert.True(result.Intact);
        Assert.Equal(5, result.EntriesChecked);
    }

    [Fact]
    public void Verify_AModifiedEntry_IsReportedAtThatSequence()
    {
        var chain = Chain("210503000000", 5);
        chain[2] = With(chain[2], after: "{\"n\":999}");
        var result = AuditChain.Verify("210503000000", chain, KeyOf);
        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAtSequence);
    }

    [Fact]
    public void Verify_AModifiedEntryWithARecomputedHash_BreaksTheNextLink()
    {
        var chain = Chain("210503000000", 5);
        var forged = With(chain[1], after: "{\"n\":999}");
        chain[1] = With(forged, hash: AuditChain.ComputeHash(forged, Key));
        var result = AuditChain.Verify("210503000000", chain, KeyOf);
        Assert.Equal(3, result.BrokenAtSequence);
    }

    [Fact]
    public void Verify_ADeletedEntry_IsReportedAsAGap()
    {
        var chain = Chain("210503000000", 5);
        chain.RemoveAt(3);
        Assert.Equal(5, AuditChain.Verify("210503000000", chain, KeyOf).BrokenAtSequence);
    }

    [Fact]
    public void ComputeHash_ChangesWithEveryField()
    {
        var e = Chain("system", 1)[0];
        var hashes = new[]
        {
            AuditChain.ComputeHash(e, Key),
            AuditChain.ComputeHash(With(e, after: e.After + " "), Key),
            AuditChain.ComputeHash(With(e, seq: 2), Key),
            AuditChain.ComputeHash(With(e, previous: new string('1', 64)), Key),
            AuditChain.ComputeHash(e, [.. Key.Reverse()]),
        };
        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void Verify_AWholeChainRewrittenWithoutTheKey_FailsAtItsFirstEntry()
    {
        // Someone with the database but not the key file recomputes every hash, with any key of their own.
        var chain = Chain("210503000000", 4);
        var forgedKey = new byte[32];
        var previous = AuditChain.Genesis;
        for (var i = 0; i < chain.Count; i++)
        {
            var forged = With(chain[i], after: i == 1 ? "{\"n\":999}" : null, previous: previous);
            chain[i] = With(forged, hash: AuditChain.ComputeHash(forged, forgedKey));
            previous = chain[i].Hash;
        }

        Assert.Equal(1, AuditChain.Verify("210503000000", chain, KeyOf).BrokenAtSequence);
    }

    [Fact]
    public void Verify_TheLastEntriesCutOff_AreCaughtByTheAnchor()
    {
        var chain = Chain("210503000000", 6);
        var anchor = new AuditAnchors.Anchor("210503000000", 6, chain[5].Hash, new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc));
        Assert.True(AuditChain.Verify("210503000000", chain, KeyOf, anchor).Intact);

        var cut = chain.Take(4).ToList();
        Assert.True(AuditChain.Verify("210503000000", cut, KeyOf).Intact); // without the anchor nothing shows
        var result = AuditChain.Verify("210503000000", cut, KeyOf, anchor);
        Assert.False(result.Intact);
        Assert.Contains("链尾被截断", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AnEntryThatDiffersFromItsAnchor_IsReported()
    {
        var chain = Chain("210503000000", 3);
        var anchor = new AuditAnchors.Anchor("210503000000", 2, new string('a', 64), new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal(2, AuditChain.Verify("210503000000", chain, KeyOf, anchor).BrokenAtSequence);
    }
}
