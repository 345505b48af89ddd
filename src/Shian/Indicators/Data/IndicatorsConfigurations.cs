using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Indicators.Domain;

namespace Shian.Indicators.Data;

internal sealed class IndicatorEntryConfiguration : IEntityTypeConfiguration<IndicatorEntry>
{
    public void Configure(EntityTypeBuilder<IndicatorEntry> b)
    {
        b.ToTable("indicator_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.IndicatorKey).HasMaxLength(60);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Numerator).HasPrecision(18, 4);
        b.Property(x => x.Denominator).HasPrecision(18, 4);
        b.Property(x => x.Evidence).HasMaxLength(500);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.HasIndex(x => new { x.Year, x.IndicatorKey, x.RegionCode });
    }
}
