using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Sampling.Domain;

// In the module's root namespace so that every file of the module sees its tables without a using, and no other
// module does (ADR 0004): reading another module's table is a compile error, and a dependency the architecture
// test names.
namespace Shian.Sampling;

/// <summary>Sampling's tables on the shared context (one connection and transaction with the audit chain).</summary>
internal static class SamplingTables
{
    extension(ShianDb db)
    {
        public DbSet<FoodCategory> FoodCategories => db.Set<FoodCategory>();

        public DbSet<Analyte> Analytes => db.Set<Analyte>();

        public DbSet<Limit> Limits => db.Set<Limit>();

        public DbSet<CategoryPlacementRow> CategoryPlacements => db.Set<CategoryPlacementRow>();

        public DbSet<SamplingPlan> SamplingPlans => db.Set<SamplingPlan>();

        public DbSet<SamplingQuota> SamplingQuotas => db.Set<SamplingQuota>();

        public DbSet<QuotaAllocation> QuotaAllocations => db.Set<QuotaAllocation>();

        public DbSet<Sample> Samples => db.Set<Sample>();

        public DbSet<SampleResult> SampleResults => db.Set<SampleResult>();

        public DbSet<Disposition> Dispositions => db.Set<Disposition>();

        public DbSet<RapidTest> RapidTests => db.Set<RapidTest>();

        public DbSet<Announcement> Announcements => db.Set<Announcement>();
    }
}
