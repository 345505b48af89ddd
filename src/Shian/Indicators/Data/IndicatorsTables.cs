using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Domain;

// In the module's root namespace: only the module's own files see its tables (ADR 0004).
namespace Shian.Indicators;

internal static class IndicatorsTables
{
    extension(ShianDb db)
    {
        public DbSet<IndicatorEntry> IndicatorEntries => db.Set<IndicatorEntry>();

        public DbSet<DemonstrationAssessment> DemonstrationAssessments => db.Set<DemonstrationAssessment>();

        public DbSet<DemonstrationThreshold> DemonstrationThresholds => db.Set<DemonstrationThreshold>();

        public DbSet<DemonstrationJudgement> DemonstrationJudgements => db.Set<DemonstrationJudgement>();
    }
}
