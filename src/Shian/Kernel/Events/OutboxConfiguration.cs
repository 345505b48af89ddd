using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shian.Kernel.Events;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.ToTable("kernel_outbox_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Type).HasMaxLength(300);
        b.Property(x => x.RaisedBy).HasMaxLength(100);
        b.Property(x => x.RequestId).HasMaxLength(100);
        b.HasIndex(x => x.RaisedAtUtc);
    }
}

internal sealed class OutboxDeliveryConfiguration : IEntityTypeConfiguration<OutboxDelivery>
{
    public void Configure(EntityTypeBuilder<OutboxDelivery> b)
    {
        b.ToTable("kernel_outbox_deliveries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Handler).HasMaxLength(300);
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => new { x.EventId, x.Handler }).IsUnique();
        b.HasIndex(x => new { x.Status, x.NextAttemptAtUtc });
        b.HasOne<OutboxEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
