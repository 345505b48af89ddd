using Microsoft.EntityFrameworkCore;

namespace Shian.Data;

/// <summary>The SQLite flavour (embedded default); owns Migrations/Sqlite.</summary>
public sealed class SqliteShianDb(DbContextOptions<SqliteShianDb> options) : ShianDb(options);
