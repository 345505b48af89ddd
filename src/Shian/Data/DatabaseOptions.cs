using System.ComponentModel.DataAnnotations;

namespace Shian.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations and load missing reference data at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How many instances of the app share the database: PostgreSQL's connection budget is checked against it at start-up.</summary>
    [Range(1, 64)]
    public int Instances { get; set; } = 1;
}

/// <summary>
/// Whether every instance's connection pool fits in PostgreSQL's <c>max_connections</c> (security finding 12): pools that
/// together exceed it make the server refuse connections under load — a denial of service by ordinary traffic.
/// </summary>
public static class ConnectionBudget
{
    /// <summary>Connections kept free for an operator's psql and for maintenance, besides the superuser reserve.</summary>
    public const int OperatorReserve = 5;

    /// <summary>The problem in Chinese and English, or null when <paramref name="instances"/> pools of <paramref name="maxPoolSize"/> fit.</summary>
    public static string? Problem(int maxPoolSize, int instances, int maxConnections, int superuserReserved)
    {
        var available = maxConnections - superuserReserved - OperatorReserve;
        var needed = maxPoolSize * instances;
        if (needed <= available)
        {
            return null;
        }

        var fits = Math.Max(1, available / instances);
        return $"PostgreSQL 连接数不足：{instances} 个实例 × 连接池上限 {maxPoolSize} = {needed}，而服务器可用 {available}（max_connections {maxConnections} − 保留 {superuserReserved} − 运维 {OperatorReserve}）。"
            + $"请在连接串中设 Maximum Pool Size={fits}，或调高 max_connections。"
            + $" (PostgreSQL connections: {instances} instances × pool {maxPoolSize} = {needed} > {available} available; set Maximum Pool Size={fits} or raise max_connections.)";
    }
}

/// <summary>Configuration section <c>Shian</c>.</summary>
public sealed class ShianOptions
{
    public const string Section = "Shian";

    /// <summary>Folder for the SQLite database and attachments; relative paths are under the working directory.</summary>
    [Required]
    public string DataDir { get; set; } = "data";

    public string DataDirFullPath => Path.GetFullPath(DataDir);

    /// <summary>The region dashboards open on for a caller without a region grant (an administrator): the deployment's city.</summary>
    [RegularExpression(@"^\d{12}$", ErrorMessage = "Shian:HomeRegion 应为 12 位区划代码")]
    public string HomeRegion { get; set; } = "210500000000";
}
