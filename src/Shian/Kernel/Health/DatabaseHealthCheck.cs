using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shian.Data;

namespace Shian.Kernel.Health;

/// <summary>/health: the database answers and its schema is current.</summary>
internal sealed class DatabaseHealthCheck(ShianDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("数据库无法连接 (database unreachable)");
            }

            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any()
                ? HealthCheckResult.Degraded($"数据库有 {pending.Count()} 个未应用的迁移 (pending migrations)")
                : HealthCheckResult.Healthy(db.Database.ProviderName);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("数据库检查失败 (database check failed)", e);
        }
    }
}
