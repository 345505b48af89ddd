using Shian.Kernel.Audit;

namespace Shian.UnitTests.Kernel.Audit;

public sealed class AuditChainTests
{
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
            Before = null, After = after, RequestId = "r" + seq, PreviousHash = previous, Hash = "",
        };
        return With(draft, hash: AuditChain.ComputeHash(draft));
    }

    private static AuditEntry With(AuditEntry e, string? hash = null, string? after = null, long? seq = null, string? previous = null) => new()
    {
        Id = e.Id, Chain = e.Chain, Sequence = seq ?? e.Sequence, AtUtc = e.AtUtc, UserName = e.UserName, Action = e.Action, EntityType = e.EntityType,
        EntityId = e.EntityId, RegionCode = e.RegionCode, Before = e.Before, After = after ?? e.After, RequestId = e.RequestId,
        PreviousHash = previous ?? e.PreviousHash, Hash = hash ?? e.Hash,
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
        var result = AuditChain.Verify("210503000000", Chain("210503000000", 5));
        Assert.True(result.Intact);
        Assert.Equal(5, result.EntriesChecked);
    }

    [Fact]
    public void Verify_AModifiedEntry_IsReportedAtThatSequence()
    {
        var chain = Chain("210503000000", 5);
        chain[2] = With(chain[2], after: "{\"n\":999}");
        var result = AuditChain.Verify("210503000000", chain);
        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAtSequence);
    }

    [Fact]
    public void Verify_AModifiedEntryWithARecomputedHash_BreaksTheNextLink()
    {
        var chain = Chain("210503000000", 5);
        var forged = With(chain[1], after: "{\"n\":999}");
        chain[1] = With(forged, hash: AuditChain.ComputeHash(forged));
        var result = AuditChain.Verify("210503000000", chain);
        Assert.Equal(3, result.BrokenAtSequence);
    }

    [Fact]
    public void Verify_ADeletedEntry_IsReportedAsAGap()
    {
        var chain = Chain("210503000000", 5);
        chain.RemoveAt(3);
        Assert.Equal(5, AuditChain.Verify("210503000000", chain).BrokenAtSequence);
    }

    [Fact]
    public void ComputeHash_ChangesWithEveryField()
    {
        var e = Chain("system", 1)[0];
        var hashes = new[]
        {
            AuditChain.ComputeHash(e),
            AuditChain.ComputeHash(With(e, after: e.After + " ")),
            AuditChain.ComputeHash(With(e, seq: 2)),
            AuditChain.ComputeHash(With(e, previous: new string('1', 64))),
        };
        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }
}
