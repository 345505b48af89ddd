using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Bulletins.Domain;

namespace Shian.Bulletins.Data;

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> b)
    {
        b.ToTable("bulletins");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(BulletinDesk.TitleMax);
        b.Property(x => x.Body).HasMaxLength(BulletinDesk.BodyMax);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.WithdrawnBy).HasMaxLength(256);
        b.Property(x => x.WithdrawnReason).HasMaxLength(300);
        b.HasIndex(x => new { x.Status, x.PublishedOn });
        b.HasIndex(x => new { x.RegionCode, x.CreatedAtUtc });
    }
}
