using Shian.Data;

namespace Shian.UnitTests.Kernel;

public sealed class ConnectionBudgetTests
{
    [Fact]
    public void TwoInstancesWithNpgsqlsDefaultPool_DoNotFitPostgresDefaults()
    {
        var problem = ConnectionBudget.Problem(maxPoolSize: 100, instances: 2, maxConnections: 100, superuserReserved: 3);
        Assert.NotNull(problem);
        Assert.Contains("2 个实例 × 连接池上限 100 = 200，而服务器可用 92", problem, StringComparison.Ordinal);
        Assert.Contains("Maximum Pool Size=46", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoInstancesOf46_Fit() => Assert.Null(ConnectionBudget.Problem(46, 2, 100, 3));

    [Fact]
    public void OneInstanceOf100_DoesNotFitAServerOf100() => Assert.NotNull(ConnectionBudget.Problem(100, 1, 100, 3));
}
