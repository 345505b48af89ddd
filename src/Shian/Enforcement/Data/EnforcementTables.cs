using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Domain;

// In the module's root namespace: only the module's own files see its tables (ADR 0004).
namespace Shian.Enforcement;

/// <summary>Enforcement's tables on the shared context.</summary>
internal static class EnforcementTables
{
    extension(ShianDb db)
    {
        public DbSet<CaseClue> CaseClues => db.Set<CaseClue>();

        public DbSet<EnforcementCase> Cases => db.Set<EnforcementCase>();

        public DbSet<CaseMeasure> CaseMeasures => db.Set<CaseMeasure>();

        public DbSet<CaseEntry> CaseEntries => db.Set<CaseEntry>();

        public DbSet<PoliceTransfer> PoliceTransfers => db.Set<PoliceTransfer>();

        public DbSet<CaseEvidence> CaseEvidence => db.Set<CaseEvidence>();

        public DbSet<CaseAssistance> CaseAssistance => db.Set<CaseAssistance>();

        public DbSet<DiscretionBenchmark> DiscretionBenchmarks => db.Set<DiscretionBenchmark>();

        public DbSet<CasePaymentPlan> CasePaymentPlans => db.Set<CasePaymentPlan>();

        public DbSet<CaseInstalment> CaseInstalments => db.Set<CaseInstalment>();
    }
}
