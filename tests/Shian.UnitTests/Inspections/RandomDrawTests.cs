using Shian.Inspections.Rules;

namespace Shian.UnitTests.Inspections;

public sealed class RandomDrawTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static List<PoolEntry> Pool(int n, int seed = 1)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => new PoolEntry(new Guid(Bytes(rng, 16)), null, []))];
    }

    private static List<Inspector> Inspectors(int n) => [.. Enumerable.Range(0, n).Select(i => new Inspector(new Guid(i + 1, 0, 0, new byte[8]), []))];

    private static byte[] Bytes(Random rng, int n)
    {
        var b = new byte[n];
        rng.NextBytes(b);
        return b;
    }

    [Fact]
    public void TheSameSeedAndPool_GiveTheSameList_WhateverTheOrderOfThePool()
    {
        var pool = Pool(500);
        var inspectors = Inspectors(12);
        var a = RandomDraw.Run(new DrawRequest(pool, inspectors, 20, "2026-seed", Today));
        var shuffled = pool.OrderBy(p => p.BusinessId.GetHashCode()).ToList();
        var b = RandomDraw.Run(new DrawRequest(shuffled, inspectors, 20, "2026-seed", Today));
        Assert.Equal(a.PoolHash, b.PoolHash);
        Assert.Equal(a.Visits.Select(v => (v.BusinessId, string.Join(",", v.Inspectors))), b.Visits.Select(v => (v.BusinessId, string.Join(",", v.Inspectors))));
        var other = RandomDraw.Run(new DrawRequest(pool, inspectors, 20, "another-seed", Today));
        Assert.NotEqual(a.Visits.Select(v => v.BusinessId).Order(), other.Visits.Select(v => v.BusinessId).Order());
    }

    [Theory]
    [InlineData(1000, 20, 200)]
    [InlineData(7, 20, 2)] // rounded up: nobody may be skipped by rounding
    [InlineData(10, 100, 10)]
    public void ItDrawsThePercentOfThePool_RoundedUp(int pool, int percent, int expected) =>
        Assert.Equal(expected, RandomDraw.Run(new DrawRequest(Pool(pool), Inspectors(6), percent, "s", Today)).Drawn);

    [Fact]
    public void ThePreview_CountsWhatTheDrawTakes_AndTheOverdue_WithoutDrawing()
    {
        var pool = Pool(11);
        pool[0] = pool[0] with { LastInspected = new DateOnly(2026, 3, 1) }; // inspected this year
        pool[1] = pool[1] with { LastInspected = new DateOnly(2024, 11, 22) }; // one day past the 2-year window
        var preview = RandomDraw.Preview(pool, 4, 20, Today);
        Assert.Equal(new DrawPreview(11, 3, 10, 4, null), preview);
        Assert.Equal(preview.Count, RandomDraw.Run(new DrawRequest(pool, Inspectors(4), 20, "s", Today)).Drawn);
    }

    [Fact]
    public void ThePreview_SaysWhyTheDrawWouldBeRefused()
    {
        Assert.Equal("执法检查人员名录只有 1 人，不足每次 2 人", RandomDraw.Preview(Pool(5), 1, 20, Today).Refusal);
        Assert.Equal("抽查对象名录为空，无法抽取", RandomDraw.Preview([], 4, 20, Today).Refusal);
        Assert.Equal("抽取比例应在 0–100% 之间", RandomDraw.Preview(Pool(5), 4, 120, Today).Refusal);
        Assert.Equal(0, RandomDraw.Preview(Pool(5), 4, 120, Today).Count);
    }

    [Fact]
    public void TwentyPercentAYear_CoversEveryBusinessWithinFiveYears_Seed000()
    {
        var pool = Pool(1000).ToDictionary(p => p.BusinessId);
        var inspectors = Inspectors(20);
        for (var year = 0; year < 5; year++)
        {
            var today = Today.AddYears(year);
            var result = RandomDraw.Run(new DrawRequest([.. pool.Values], inspectors, 20, $"year-{year}", today, CoverageYears: RandomDraw.LegacyCoverageYears));
            foreach (var v in result.Visits)
            {
                pool[v.BusinessId] = pool[v.BusinessId] with { LastInspected = today, LastInspectors = v.Inspectors };
            }
        }

        Assert.All(pool.Values, p => Assert.NotNull(p.LastInspected));
    }

    [Fact]
    public void TheWindow_IsTheTwoYearLegalFloor_ByDefault()
    {
        // Inspected 2 years and a day ago: overdue under Order 49 第二十二条; a year ago: not.
        var pool = Pool(10).Select((p, i) => p with { LastInspected = i < 3 ? Today.AddYears(-2).AddDays(-1) : Today.AddYears(-1) }).ToList();
        var result = RandomDraw.Run(new DrawRequest(pool, Inspectors(4), 30, "floor", Today));
        Assert.Equal(pool.Take(3).Select(p => p.BusinessId).Order(), result.Visits.Select(v => v.BusinessId).Order());
        Assert.All(result.Visits, v => Assert.True(v.Overdue));
    }

    [Fact]
    public void BusinessesNotCoveredInTheWindow_ComeFirst()
    {
        var pool = Pool(100).Select((p, i) => i < 90 ? p with { LastInspected = Today.AddYears(-1) } : p).ToList();
        var result = RandomDraw.Run(new DrawRequest(pool, Inspectors(4), 10, "s", Today));
        Assert.Equal(pool.Skip(90).Select(p => p.BusinessId).Order(), result.Visits.Select(v => v.BusinessId).Order());
        Assert.All(result.Visits, v => Assert.True(v.Overdue));
    }

    [Fact]
    public void NoVisit_HasAConflictedInspector_OrTheLastOne_AndEveryVisitHasTwoDistinct()
    {
        var inspectors = Inspectors(8);
        var pool = Pool(300);
        var conflicted = inspectors.Select((i, k) => i with { Conflicts = pool.Where((_, j) => j % 8 == k).Select(p => p.BusinessId).ToHashSet() }).ToList();
        var withHistory = pool.Select((p, j) => p with { LastInspected = Today.AddYears(-6), LastInspectors = [inspectors[(j + 1) % 8].Id] }).ToList();
        var result = RandomDraw.Run(new DrawRequest(withHistory, conflicted, 50, "s", Today));
        var byId = withHistory.ToDictionary(p => p.BusinessId);
        foreach (var v in result.Visits)
        {
            Assert.Equal(2, v.Inspectors.Distinct().Count());
            Assert.DoesNotContain(v.Inspectors, i => conflicted.Single(x => x.Id == i).Conflicts.Contains(v.BusinessId));
            Assert.DoesNotContain(v.Inspectors, i => byId[v.BusinessId].LastInspectors.Contains(i));
        }
    }

    [Fact]
    public void TheLastInspectors_AreReusedOnlyWhenNoOneElseIsLeft()
    {
        var two = Inspectors(2);
        var pool = Pool(5).Select(p => p with { LastInspected = Today.AddYears(-1), LastInspectors = [two[0].Id, two[1].Id] }).ToList();
        var result = RandomDraw.Run(new DrawRequest(pool, two, 100, "s", Today));
        Assert.All(result.Visits, v => Assert.Equal(2, v.Inspectors.Count));
        var three = Inspectors(3);
        var withThird = RandomDraw.Run(new DrawRequest(pool, three, 100, "s", Today));
        Assert.All(withThird.Visits, v => Assert.Contains(three[2].Id, v.Inspectors));
    }

    [Fact]
    public void TheWorkIsSpreadEvenlyOverInspectors()
    {
        var result = RandomDraw.Run(new DrawRequest(Pool(1000), Inspectors(7), 20, "s", Today));
        var loads = result.Visits.SelectMany(v => v.Inspectors).GroupBy(i => i).Select(g => g.Count()).ToList();
        Assert.Equal(7, loads.Count);
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }

    [Fact]
    public void ImpossibleDraws_AreRefusedWithAReason()
    {
        Assert.Contains("不足每次 2 人", Assert.Throws<DrawRefused>(() => RandomDraw.Run(new DrawRequest(Pool(10), Inspectors(1), 20, "s", Today))).Message, StringComparison.Ordinal);
        Assert.Contains("0–100%", Assert.Throws<DrawRefused>(() => RandomDraw.Run(new DrawRequest(Pool(10), Inspectors(3), 120, "s", Today))).Message, StringComparison.Ordinal);
        Assert.Contains("名录为空", Assert.Throws<DrawRefused>(() => RandomDraw.Run(new DrawRequest([], Inspectors(3), 20, "s", Today))).Message, StringComparison.Ordinal);
        var pool = Pool(3);
        var allConflicted = Inspectors(3).Select(i => i with { Conflicts = pool.Select(p => p.BusinessId).ToHashSet() }).ToList();
        Assert.Contains("回避后", Assert.Throws<DrawRefused>(() => RandomDraw.Run(new DrawRequest(pool, allConflicted, 100, "s", Today))).Message, StringComparison.Ordinal);
    }
}
