using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Registry.Domain;

// In the module's root namespace so that every file of the module sees its tables without a using, and no other
// module does (ADR 0004): reading another module's table is a compile error, and a dependency the architecture
// test names.
namespace Shian.Registry;

/// <summary>Registry's tables on the shared context (one connection and transaction with the audit chain).</summary>
internal static class RegistryTables
{
    extension(ShianDb db)
    {
        public DbSet<Business> Businesses => db.Set<Business>();

        public DbSet<Licence> Licences => db.Set<Licence>();

        public DbSet<BusinessImport> BusinessImports => db.Set<BusinessImport>();

        public DbSet<Duty> Duties => db.Set<Duty>();

        public DbSet<SentRenewalReminder> SentRenewalReminders => db.Set<SentRenewalReminder>();

        public DbSet<BusinessNameGram> BusinessNameGrams => db.Set<BusinessNameGram>();
    }
}
