using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shian.Kernel.Regions;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("kernel_regions");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.ParentCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Source).HasMaxLength(200);
        b.HasIndex(x => x.ParentCode);
    }
}

internal sealed class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> b)
    {
        b.ToTable("kernel_population_figures");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Source).HasMaxLength(500);
        b.Property(x => x.Status).HasMaxLength(1);
        b.HasIndex(x => new { x.RegionCode, x.Year }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
