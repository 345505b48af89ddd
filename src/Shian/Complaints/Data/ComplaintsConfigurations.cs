using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Complaints.Domain;

namespace Shian.Complaints.Data;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("complaints");
        // Vacuumed after 2 % new or 5 % changed rows (PostgreSQL's default is 20 %), so the visibility map stays fresh and
        // the statistics' scan stays index-only (below) while the hotline files all day; SQLite ignores it.
        b.HasStorageParameter("autovacuum_vacuum_insert_scale_factor", 0.02).HasStorageParameter("autovacuum_vacuum_scale_factor", 0.05);
        b.HasKey(x => x.Id);
        b.Property(x => x.TrackingCode).HasMaxLength(11).IsFixedLength();
        b.HasIndex(x => x.TrackingCode).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.TicketId).HasMaxLength(64);
        b.HasIndex(x => new { x.Channel, x.TicketId });
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.NameMasked).HasMaxLength(20);
        b.Property(x => x.NameSealed).HasMaxLength(1000);
        b.Property(x => x.PhoneMasked).HasMaxLength(24);
        b.Property(x => x.PhoneSealed).HasMaxLength(1000);
        b.Property(x => x.PhoneDigest).HasMaxLength(64);
        b.HasIndex(x => new { x.PhoneDigest, x.ReceivedAtUtc });
        b.Property(x => x.FollowUpKeyHash).HasMaxLength(64);
        b.Property(x => x.RefusalReason).HasMaxLength(300);
        b.Property(x => x.AmountRecovered).HasPrecision(14, 2);
        b.Property(x => x.VerifyExtensionApprover).HasMaxLength(256);
        b.Property(x => x.Reply).HasMaxLength(2000);
        b.Property(x => x.ReplyChannel).HasMaxLength(40);
        b.Property(x => x.Handler).HasMaxLength(256);
        b.Property(x => x.SatisfactionComment).HasMaxLength(500);
        b.HasIndex(x => new { x.RegionCode, x.Status, x.ReceivedOn });
        b.HasIndex(x => new { x.BusinessId, x.ReceivedOn });
        b.HasIndex(x => x.ReceivedAtUtc);
        // The statistics' covering index: every column their two grouped passes name, so PostgreSQL answers them from
        // this narrow index (an index-only scan, ~19 MB for 150 000 complaints) instead of the wide rows (~100 MB):
        // docs/benchmarks.md, issue #16. INCLUDE is PostgreSQL's (SQLite builds the two-column index and ignores it).
        b.HasIndex(x => new { x.RegionCode, x.ReceivedOn })
            .IncludeProperties(x => new
            {
                x.Status, x.Kind, x.Channel, x.Category, x.Substantiated, x.Satisfaction, x.AmountRecovered, x.AcceptBy, x.AcceptedOn, x.RefusedOn,
                x.VerifyBy, x.VerifiedOn, x.ClosedOn, x.LocalReplyBy, x.RepliedOn, x.ReporterToldBy, x.ReporterToldOn, x.BusinessName,
            });
    }
}

internal sealed class ComplaintEntryConfiguration : IEntityTypeConfiguration<ComplaintEntry>
{
    public void Configure(EntityTypeBuilder<ComplaintEntry> b)
    {
        b.ToTable("complaint_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Author).HasMaxLength(256);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.ComplaintId, x.AtUtc });
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintPhotoConfiguration : IEntityTypeConfiguration<ComplaintPhoto>
{
    public void Configure(EntityTypeBuilder<ComplaintPhoto> b)
    {
        b.ToTable("complaint_photos");
        b.HasKey(x => new { x.ComplaintId, x.AttachmentId });
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> b)
    {
        b.ToTable("complaint_open311_clients");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.Property(x => x.KeyPrefix).HasMaxLength(8);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class RewardConfiguration : IEntityTypeConfiguration<Reward>
{
    public void Configure(EntityTypeBuilder<Reward> b)
    {
        b.ToTable("complaint_rewards");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.ComplaintId).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Confiscated).HasPrecision(14, 2);
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.ProposedBy).HasMaxLength(256);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.DecisionNote).HasMaxLength(500);
        b.Property(x => x.ClaimAccountSealed).HasMaxLength(1000);
        b.Property(x => x.ClaimAccountMasked).HasMaxLength(40);
        b.Property(x => x.PaymentReference).HasMaxLength(100);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RespondentRequestConfiguration : IEntityTypeConfiguration<RespondentRequest>
{
    public void Configure(EntityTypeBuilder<RespondentRequest> b)
    {
        b.ToTable("complaint_respondent_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(1000);
        b.Property(x => x.Question).HasMaxLength(500);
        b.Property(x => x.AskedBy).HasMaxLength(256);
        b.Property(x => x.Answer).HasMaxLength(2000);
        b.Property(x => x.OfferAmount).HasPrecision(14, 2);
        b.Property(x => x.AnsweredBy).HasMaxLength(256);
        b.Property(x => x.WithdrawnReason).HasMaxLength(200);
        b.HasIndex(x => new { x.ComplaintId, x.AskedAtUtc });
        b.HasIndex(x => new { x.BusinessUscc, x.Status });
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
