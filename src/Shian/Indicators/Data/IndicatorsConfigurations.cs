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

internal sealed class DemonstrationAssessmentConfiguration : IEntityTypeConfiguration<DemonstrationAssessment>
{
    public void Configure(EntityTypeBuilder<DemonstrationAssessment> b)
    {
        b.ToTable("demonstration_assessments");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.Year }).IsUnique();
        b.HasMany(x => x.Thresholds).WithOne().HasForeignKey(t => t.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DemonstrationThresholdConfiguration : IEntityTypeConfiguration<DemonstrationThreshold>
{
    public void Configure(EntityTypeBuilder<DemonstrationThreshold> b)
    {
        b.ToTable("demonstration_thresholds");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.ParameterKey).HasMaxLength(40);
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.HasIndex(x => new { x.AssessmentId, x.ParameterKey }).IsUnique();
    }
}

internal sealed class DemonstrationJudgementConfiguration : IEntityTypeConfiguration<DemonstrationJudgement>
{
    public void Configure(EntityTypeBuilder<DemonstrationJudgement> b)
    {
        b.ToTable("demonstration_judgements");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.CriterionCode).HasMaxLength(10);
        b.Property(x => x.Evidence).HasMaxLength(1000);
        b.Property(x => x.Rectification).HasMaxLength(1000);
        b.Property(x => x.JudgedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.AssessmentId, x.CriterionCode });
        b.HasOne<DemonstrationAssessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
