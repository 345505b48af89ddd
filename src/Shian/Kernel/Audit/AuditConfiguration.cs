using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shian.Kernel.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("kernel_audit_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Chain).HasMaxLength(12);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.RequestId).HasMaxLength(100);
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();

        // The unique sequence per chain is what makes two concurrent writers of one chain fail instead of forking it.
        b.HasIndex(x => new { x.Chain, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}
