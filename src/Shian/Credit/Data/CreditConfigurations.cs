using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Credit.Domain;

namespace Shian.Credit.Data;

internal sealed class CreditRecordConfiguration : IEntityTypeConfiguration<CreditRecord>
{
    public void Configure(EntityTypeBuilder<CreditRecord> b)
    {
        b.ToTable("credit_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Party).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(500);
        b.Property(x => x.Article).HasMaxLength(20);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        // One record per source record and kind: the durable events may be delivered twice.
        b.HasIndex(x => new { x.Kind, x.SourceId }).IsUnique();
        b.HasIndex(x => new { x.BusinessId, x.OccurredOn });
    }
}

internal sealed class PenaltyPublicationConfiguration : IEntityTypeConfiguration<PenaltyPublication>
{
    public void Configure(EntityTypeBuilder<PenaltyPublication> b)
    {
        b.ToTable("credit_publications");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Party).HasMaxLength(200);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.DecisionNumber).HasMaxLength(50);
        b.Property(x => x.Violation).HasMaxLength(300);
        b.Property(x => x.Content).HasMaxLength(600);
        b.Property(x => x.Article).HasMaxLength(20);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.WithdrawReason).HasMaxLength(300);
        b.Property(x => x.RepairApplication).HasMaxLength(1000);
        b.Property(x => x.RepairDecidedBy).HasMaxLength(256);
        b.Property(x => x.RepairOpinion).HasMaxLength(1000);
        b.HasIndex(x => x.CaseId).IsUnique();
        b.HasIndex(x => new { x.Uscc, x.Status });
        b.HasIndex(x => new { x.RegionCode, x.Status, x.PublishBy });
        b.HasIndex(x => x.BusinessId);
    }
}

internal sealed class SeriousListingConfiguration : IEntityTypeConfiguration<SeriousListing>
{
    public void Configure(EntityTypeBuilder<SeriousListing> b)
    {
        b.ToTable("credit_listings");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Party).HasMaxLength(200);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.DecisionNumber).HasMaxLength(50);
        b.Property(x => x.Penalty).HasMaxLength(600);
        b.Property(x => x.Facts).HasMaxLength(2000);
        b.Property(x => x.ProposedBy).HasMaxLength(256);
        b.Property(x => x.Statement).HasMaxLength(2000);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.DecisionReason).HasMaxLength(1000);
        b.Property(x => x.RepairApplication).HasMaxLength(1000);
        b.Property(x => x.RepairDecidedBy).HasMaxLength(256);
        b.Property(x => x.RepairOpinion).HasMaxLength(1000);
        b.HasIndex(x => x.CaseId).IsUnique();
        b.HasIndex(x => new { x.Uscc, x.Status });
        b.HasIndex(x => new { x.RegionCode, x.Status });
        b.HasIndex(x => x.BusinessId);
    }
}

internal sealed class CreditEntryConfiguration : IEntityTypeConfiguration<CreditEntry>
{
    public void Configure(EntityTypeBuilder<CreditEntry> b)
    {
        b.ToTable("credit_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Author).HasMaxLength(256);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.RecordId, x.AtUtc });
    }
}

internal sealed class CreditApiKeyConfiguration : IEntityTypeConfiguration<CreditApiKey>
{
    public void Configure(EntityTypeBuilder<CreditApiKey> b)
    {
        b.ToTable("credit_api_keys");
        b.HasKey(x => x.Id);
        b.Property(x => x.Holder).HasMaxLength(100);
        b.Property(x => x.Purpose).HasMaxLength(200);
        b.Property(x => x.Prefix).HasMaxLength(12);
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.KeyHash).IsUnique();
    }
}

internal sealed class CreditQueryLogConfiguration : IEntityTypeConfiguration<CreditQueryLog>
{
    public void Configure(EntityTypeBuilder<CreditQueryLog> b)
    {
        b.ToTable("credit_query_log");
        b.HasKey(x => x.Id);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.Client).HasMaxLength(64);
        b.HasIndex(x => new { x.KeyId, x.AtUtc });
    }
}

internal sealed class BarredPersonConfiguration : IEntityTypeConfiguration<BarredPerson>
{
    public void Configure(EntityTypeBuilder<BarredPerson> b)
    {
        b.ToTable("credit_barred_persons");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.IdMasked).HasMaxLength(18);
        b.Property(x => x.IdSealed).HasMaxLength(1000);
        b.Property(x => x.IdDigest).HasMaxLength(64);
        b.Property(x => x.Role).HasMaxLength(50);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.LiftReason).HasMaxLength(300);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => x.IdDigest);
    }
}
