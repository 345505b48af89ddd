using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;

// In the module's root namespace so that every file of the module sees its tables without a using, and no other
// module does (ADR 0004): reading another module's table is a compile error, and a dependency the architecture
// test names.
namespace Shian.Governance;

/// <summary>Governance's tables on the shared context (one connection and transaction with the audit chain).</summary>
internal static class GovernanceTables
{
    extension(ShianDb db)
    {
        public DbSet<Plan> Plans => db.Set<Plan>();

        public DbSet<PlanSection> PlanSections => db.Set<PlanSection>();

        public DbSet<PlanTask> PlanTasks => db.Set<PlanTask>();

        public DbSet<TaskAssignment> TaskAssignments => db.Set<TaskAssignment>();

        public DbSet<Milestone> Milestones => db.Set<Milestone>();

        public DbSet<Target> Targets => db.Set<Target>();

        public DbSet<UnresolvedUnit> UnresolvedUnits => db.Set<UnresolvedUnit>();

        public DbSet<ProgressReport> ProgressReports => db.Set<ProgressReport>();

        public DbSet<TargetMeasurement> TargetMeasurements => db.Set<TargetMeasurement>();

        public DbSet<ReportEvidence> ReportEvidence => db.Set<ReportEvidence>();

        public DbSet<SentReminder> SentReminders => db.Set<SentReminder>();

        public DbSet<SupervisionNotice> SupervisionNotices => db.Set<SupervisionNotice>();

        public DbSet<IncognitoCheck> IncognitoChecks => db.Set<IncognitoCheck>();

        public DbSet<AssessmentScheme> AssessmentSchemes => db.Set<AssessmentScheme>();

        public DbSet<AssessmentItem> AssessmentItems => db.Set<AssessmentItem>();

        public DbSet<AssessmentManualScore> AssessmentManualScores => db.Set<AssessmentManualScore>();

        public DbSet<AssessmentVeto> AssessmentVetoes => db.Set<AssessmentVeto>();

        public DbSet<AssessmentResult> AssessmentResults => db.Set<AssessmentResult>();

        public DbSet<Interview> Interviews => db.Set<Interview>();
    }
}
