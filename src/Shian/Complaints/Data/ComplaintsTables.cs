using Microsoft.EntityFrameworkCore;
using Shian.Complaints.Domain;
using Shian.Data;

// In the module's root namespace: only the module's own files see its tables (ADR 0004).
namespace Shian.Complaints;

/// <summary>Complaints' tables on the shared context.</summary>
internal static class ComplaintsTables
{
    extension(ShianDb db)
    {
        public DbSet<Complaint> Complaints => db.Set<Complaint>();

        public DbSet<ComplaintEntry> ComplaintEntries => db.Set<ComplaintEntry>();

        public DbSet<ComplaintPhoto> ComplaintPhotos => db.Set<ComplaintPhoto>();

        public DbSet<Open311Client> Open311Clients => db.Set<Open311Client>();

        public DbSet<Reward> Rewards => db.Set<Reward>();

        public DbSet<RespondentRequest> RespondentRequests => db.Set<RespondentRequest>();
    }
}
