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
