using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Sampling.Domain;

namespace Shian.Sampling.Data;

internal sealed class SamplingPlanConfiguration : IEntityTypeConfiguration<SamplingPlan>
{
    public void Configure(EntityTypeBuilder<SamplingPlan> b)
    {
        b.ToTable("sampling_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.PopulationSource).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.Year });
    }
}

internal sealed class SamplingQuotaConfiguration : IEntityTypeConfiguration<SamplingQuota>
{
    public void Configure(EntityTypeBuilder<SamplingQuota> b)
    {
        b.ToTable("sampling_quotas");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.PerThousand).HasPrecision(9, 3);
        b.Property(x => x.CategoryCode).HasMaxLength(60);
        b.HasOne<SamplingPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuotaAllocationConfiguration : IEntityTypeConfiguration<QuotaAllocation>
{
    public void Configure(EntityTypeBuilder<QuotaAllocation> b)
    {
        b.ToTable("sampling_quota_allocations");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.HasOne<SamplingQuota>().WithMany().HasForeignKey(x => x.QuotaId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.QuotaId, x.RegionCode }).IsUnique();
        b.HasIndex(x => x.PlanId);
    }
}

internal sealed class SampleConfiguration : IEntityTypeConfiguration<Sample>
{
    public void Configure(EntityTypeBuilder<Sample> b)
    {
        b.ToTable("sampling_samples");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.BusinessUscc).HasMaxLength(18).IsFixedLength();
        b.Property(x => x.BusinessAddress).HasMaxLength(300);
        b.Property(x => x.ProductName).HasMaxLength(200);
        b.Property(x => x.CategoryCode).HasMaxLength(60);
        b.Property(x => x.Brand).HasMaxLength(100);
        b.Property(x => x.Specification).HasMaxLength(100);
        b.Property(x => x.Batch).HasMaxLength(100);
        b.Property(x => x.Gtin).HasMaxLength(14).IsFixedLength();
        b.Property(x => x.LabelledProducer).HasMaxLength(200);
        b.Property(x => x.LabelledProducerAddress).HasMaxLength(300);
        b.Property(x => x.Quantity).HasMaxLength(100);
        b.Property(x => x.Samplers).HasMaxLength(300);
        b.Property(x => x.Lab).HasMaxLength(200);
        b.Property(x => x.Analytes).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.Gtin, x.Batch }); // a lot's results (the 追溯码 page, a recall)
        // Covers the dashboard's counts in grouping order (region, category, kind, verdict; status and period filtered inside
        // the index): read in order, without the table and without sorting.
        b.HasIndex(x => new { x.RegionCode, x.CategoryCode, x.BusinessKind, x.Verdict, x.Status, x.SampledOn });
        b.HasIndex(x => new { x.RegionCode, x.SampledOn });
        b.HasIndex(x => x.PlanId);
        b.HasIndex(x => x.BusinessId);
        b.HasIndex(x => x.AnnouncementId);
    }
}

internal sealed class SampleResultConfiguration : IEntityTypeConfiguration<SampleResult>
{
    public void Configure(EntityTypeBuilder<SampleResult> b)
    {
        b.ToTable("sampling_results");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18).IsFixedLength();
        b.Property(x => x.AnalyteCode).HasMaxLength(40);
        b.Property(x => x.Value).HasPrecision(18, 6);
        b.Property(x => x.Unit).HasMaxLength(20);
        b.Property(x => x.Lod).HasPrecision(18, 6);
        b.Property(x => x.Density).HasPrecision(9, 4);
        b.Property(x => x.Method).HasMaxLength(200);
        b.Property(x => x.Explanation).HasMaxLength(500);
        b.Property(x => x.LimitText).HasMaxLength(100);
        b.Property(x => x.OverrideReason).HasMaxLength(1000);
        b.Property(x => x.OverriddenBy).HasMaxLength(256);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.HasOne<Sample>().WithMany().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SampleId, x.AnalyteCode, x.Retest }).IsUnique();

        // Covers the per-item pass rates in grouping order (analyte, verdict; then region, period filtered inside the index):
        // the statistics read the index in order, without the table and without sorting.
        b.HasIndex(x => new { x.AnalyteCode, x.Verdict, x.RegionCode, x.SampledOn, x.Retest });
    }
}

internal sealed class DispositionConfiguration : IEntityTypeConfiguration<Disposition>
{
    public void Configure(EntityTypeBuilder<Disposition> b)
    {
        b.ToTable("sampling_dispositions");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18).IsFixedLength();
        b.Property(x => x.Cause).HasMaxLength(1000);
        b.Property(x => x.ActionNote).HasMaxLength(2000);
        b.Property(x => x.CaseNumber).HasMaxLength(40);
        b.HasOne<Sample>().WithMany().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SampleId).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.ConcludedOn });
    }
}

internal sealed class RapidTestConfiguration : IEntityTypeConfiguration<RapidTest>
{
    public void Configure(EntityTypeBuilder<RapidTest> b)
    {
        b.ToTable("sampling_rapid_tests");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.ProductName).HasMaxLength(200);
        b.Property(x => x.Item).HasMaxLength(200);
        b.Property(x => x.Reading).HasMaxLength(100);
        b.Property(x => x.Tester).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.TestedAtUtc });
    }
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> b)
    {
        b.ToTable("sampling_announcements");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.SampleIds).HasColumnType("text");
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.PublishedOn });
    }
}
