using Microsoft.EntityFrameworkCore;
using Shian.Kernel.Scoping;

namespace Shian.Data;

/// <summary>The SQLite flavour (embedded default); owns Migrations/Sqlite.</summary>
public sealed class SqliteShianDb(DbContextOptions<SqliteShianDb> options, IRequestContext request, TimeProvider clock, Kernel.Audit.AuditKeys auditKeys) : ShianDb(options, request, clock, auditKeys)
{
    // SQLite transactions begin IMMEDIATE (Microsoft.Data.Sqlite's default), so writers are already serialized.
}
