using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Domain;

// In the module's root namespace: only the module's own files see its tables (ADR 0004).
namespace Shian.Emergencies;

/// <summary>Emergencies' tables on the shared context.</summary>
internal static class EmergenciesTables
{
    extension(ShianDb db)
    {
        public DbSet<Incident> Incidents => db.Set<Incident>();

        public DbSet<UpwardReport> UpwardReports => db.Set<UpwardReport>();

        public DbSet<IncidentEntry> IncidentEntries => db.Set<IncidentEntry>();

        public DbSet<IncidentTask> IncidentTasks => db.Set<IncidentTask>();

        public DbSet<IncidentPhoto> IncidentPhotos => db.Set<IncidentPhoto>();

        public DbSet<IncidentLink> IncidentLinks => db.Set<IncidentLink>();

        public DbSet<ReportingPoint> ReportingPoints => db.Set<ReportingPoint>();

        public DbSet<PointReporter> PointReporters => db.Set<PointReporter>();

        public DbSet<OpinionFeed> OpinionFeeds => db.Set<OpinionFeed>();

        public DbSet<OpinionItem> OpinionItems => db.Set<OpinionItem>();

        public DbSet<OpinionItemBusiness> OpinionItemBusinesses => db.Set<OpinionItemBusiness>();

        public DbSet<OpinionAlert> OpinionAlerts => db.Set<OpinionAlert>();

        public DbSet<OpinionAlertEntry> OpinionAlertEntries => db.Set<OpinionAlertEntry>();

        public DbSet<ZeroReportSchedule> ZeroReportSchedules => db.Set<ZeroReportSchedule>();

        public DbSet<ZeroReport> ZeroReports => db.Set<ZeroReport>();

        public DbSet<IncidentPlace> IncidentPlaces => db.Set<IncidentPlace>();

        public DbSet<EmergencyPlan> EmergencyPlans => db.Set<EmergencyPlan>();

        public DbSet<PreparednessActivity> PreparednessActivities => db.Set<PreparednessActivity>();
    }
}
