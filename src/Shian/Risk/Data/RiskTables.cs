using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Risk.Domain;

// In the module's root namespace so that every file of the module sees its tables without a using, and no other
// module does (ADR 0004): reading another module's table is a compile error, and a dependency the architecture
// test names.
namespace Shian.Risk;

/// <summary>Risk's tables on the shared context (one connection and transaction with the audit chain).</summary>
internal static class RiskTables
{
    extension(ShianDb db)
    {
        public DbSet<RiskScheme> RiskSchemes => db.Set<RiskScheme>();

        public DbSet<RiskGrade> RiskGrades => db.Set<RiskGrade>();
    }
}
