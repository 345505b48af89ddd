using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Sampling.Domain;

namespace Shian.Sampling.Data;

internal sealed class FoodCategoryConfiguration : IEntityTypeConfiguration<FoodCategory>
{
    public void Configure(EntityTypeBuilder<FoodCategory> b)
    {
        b.ToTable("sampling_food_categories");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.ParentCode).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => x.ParentCode);
    }
}

internal sealed class AnalyteConfiguration : IEntityTypeConfiguration<Analyte>
{
    public void Configure(EntityTypeBuilder<Analyte> b)
    {
        b.ToTable("sampling_analytes");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
    }
}

internal sealed class LimitConfiguration : IEntityTypeConfiguration<Limit>
{
    public void Configure(EntityTypeBuilder<Limit> b)
    {
        b.ToTable("sampling_limits");
        b.HasKey(x => x.Id);
        b.Property(x => x.CategoryCode).HasMaxLength(60);
        b.Property(x => x.AnalyteCode).HasMaxLength(40);
        b.Property(x => x.Value).HasPrecision(18, 6);
        b.Property(x => x.Unit).HasMaxLength(20);
        b.Property(x => x.Standard).HasMaxLength(100);
        b.Property(x => x.Edition).HasMaxLength(20);
        b.Property(x => x.Excludes).HasMaxLength(1000);
        b.Property(x => x.Basis).HasMaxLength(100);
        b.Property(x => x.Confidence).HasMaxLength(10);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.DecisionValue).HasPrecision(18, 6);
        b.Property(x => x.UpperLimit).HasPrecision(18, 6);
        b.HasIndex(x => new { x.CategoryCode, x.AnalyteCode, x.Standard, x.Edition }).IsUnique();
        b.HasIndex(x => x.AnalyteCode);
    }
}

internal sealed class CategoryPlacementConfiguration : IEntityTypeConfiguration<CategoryPlacementRow>
{
    public void Configure(EntityTypeBuilder<CategoryPlacementRow> b)
    {
        b.ToTable("sampling_category_placements");
        b.HasKey(x => new { x.Standard, x.CategoryCode });
        b.Property(x => x.Standard).HasMaxLength(100);
        b.Property(x => x.CategoryCode).HasMaxLength(60);
        b.Property(x => x.ParentCode).HasMaxLength(60);
        b.Property(x => x.Note).HasMaxLength(500);
    }
}
