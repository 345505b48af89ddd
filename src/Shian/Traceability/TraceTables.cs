using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Traceability.Domain;

// In the module's root namespace: only the module's own files see its tables (ADR 0004).
namespace Shian.Traceability;

/// <summary>Traceability's tables on the shared context.</summary>
internal static class TraceTables
{
    extension(ShianDb db)
    {
        public DbSet<TraceEvent> TraceEvents => db.Set<TraceEvent>();

        public DbSet<TraceEventKey> TraceEventKeys => db.Set<TraceEventKey>();

        public DbSet<TraceCapture> TraceCaptures => db.Set<TraceCapture>();

        public DbSet<Gs1Prefix> Gs1Prefixes => db.Set<Gs1Prefix>();

        public DbSet<TraceMasterData> TraceMasterData => db.Set<TraceMasterData>();

        public DbSet<Recall> Recalls => db.Set<Recall>();

        public DbSet<RecallTask> RecallTasks => db.Set<RecallTask>();

        public DbSet<RecallProgress> RecallProgress => db.Set<RecallProgress>();
    }
}
