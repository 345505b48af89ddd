using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Programmes.Domain;

// In the module's root namespace: only the module's own files see its tables (ADR 0004).
namespace Shian.Programmes;

internal static class ProgrammesTables
{
    extension(ShianDb db)
    {
        public DbSet<Volunteer> Volunteers => db.Set<Volunteer>();

        public DbSet<PublicityActivity> PublicityActivities => db.Set<PublicityActivity>();

        public DbSet<TrainingSession> TrainingSessions => db.Set<TrainingSession>();

        public DbSet<TrainingAttendance> TrainingAttendances => db.Set<TrainingAttendance>();
    }
}
