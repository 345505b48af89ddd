using Microsoft.EntityFrameworkCore;
using Shian.Credit.Domain;
using Shian.Data;

// In the module's root namespace: only the module's own files see its tables (ADR 0004).
namespace Shian.Credit;

/// <summary>Credit's tables on the shared context.</summary>
internal static class CreditTables
{
    extension(ShianDb db)
    {
        public DbSet<CreditRecord> CreditRecords => db.Set<CreditRecord>();

        public DbSet<PenaltyPublication> Publications => db.Set<PenaltyPublication>();

        public DbSet<SeriousListing> Listings => db.Set<SeriousListing>();

        public DbSet<CreditEntry> CreditEntries => db.Set<CreditEntry>();

        public DbSet<CreditApiKey> CreditApiKeys => db.Set<CreditApiKey>();

        public DbSet<CreditQueryLog> CreditQueryLog => db.Set<CreditQueryLog>();

        public DbSet<BarredPerson> BarredPersons => db.Set<BarredPerson>();
    }

    /// <summary>Adds a history line to a publication or listing, by the request's user.</summary>
    public static void AddHistory(this ShianDb db, Guid recordId, string regionCode, DateTime atUtc, string text) =>
        db.CreditEntries.Add(new CreditEntry { RecordId = recordId, RegionCode = regionCode, AtUtc = atUtc, Author = db.Request.UserName, Text = text });
}
