using Microsoft.EntityFrameworkCore;

namespace Shian.Data;

/// <summary>The PostgreSQL flavour (production); owns Migrations/Postgres.</summary>
public sealed class PostgresShianDb(DbContextOptions<PostgresShianDb> options) : ShianDb(options);
