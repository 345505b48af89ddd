using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;

// In the module's root namespace so that every file of the module sees its tables without a using, and no other
// module does (ADR 0004): reading another module's table is a compile error, and a dependency the architecture
// test names.
namespace Shian.Inspections;

/// <summary>Inspections's tables on the shared context (one connection and transaction with the audit chain).</summary>
internal static class InspectionsTables
{
    extension(ShianDb db)
    {
        public DbSet<Draw> Draws => db.Set<Draw>();

        public DbSet<PlannedVisit> PlannedVisits => db.Set<PlannedVisit>();

        public DbSet<InspectionPlan> InspectionPlans => db.Set<InspectionPlan>();

        public DbSet<InspectorConflict> InspectorConflicts => db.Set<InspectorConflict>();

        public DbSet<InspectionRecord> InspectionRecords => db.Set<InspectionRecord>();

        public DbSet<ChecklistVersion> ChecklistVersions => db.Set<ChecklistVersion>();

        public DbSet<InspectionReply> InspectionReplies => db.Set<InspectionReply>();
    }
}
