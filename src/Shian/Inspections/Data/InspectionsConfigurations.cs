using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Inspections.Domain;

namespace Shian.Inspections.Data;

internal sealed class DrawConfiguration : IEntityTypeConfiguration<Draw>
{
    public void Configure(EntityTypeBuilder<Draw> b)
    {
        b.ToTable("inspections_draws");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Percent).HasPrecision(5, 2);
        b.Property(x => x.FiltersJson).HasMaxLength(2000);
        b.Property(x => x.Seed).HasMaxLength(100);
        b.Property(x => x.Algorithm).HasMaxLength(40);
        b.Property(x => x.PoolHash).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.DrawnOn });
    }
}

internal sealed class PlannedVisitConfiguration : IEntityTypeConfiguration<PlannedVisit>
{
    public void Configure(EntityTypeBuilder<PlannedVisit> b)
    {
        b.ToTable("inspections_visits");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.InspectorIds).HasMaxLength(1000);
        b.Property(x => x.InspectorNames).HasMaxLength(1000);
        b.HasOne<Draw>().WithMany().HasForeignKey(x => x.DrawId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InspectionPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.DrawId);
        b.HasIndex(x => new { x.PlanId, x.DueFrom });
        b.HasIndex(x => x.FollowsRecordId);
        b.HasIndex(x => new { x.BusinessId, x.Status });
    }
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.ToTable("inspections_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.FiltersJson).HasMaxLength(8000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.VisitsPerInspectorPerDay).HasPrecision(6, 2);
        b.HasIndex(x => new { x.RegionCode, x.Year });
    }
}

internal sealed class InspectorConflictConfiguration : IEntityTypeConfiguration<InspectorConflict>
{
    public void Configure(EntityTypeBuilder<InspectorConflict> b)
    {
        b.ToTable("inspections_conflicts");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.InspectorId).HasMaxLength(450);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasIndex(x => new { x.InspectorId, x.BusinessId }).IsUnique();
    }
}

internal sealed class InspectionRecordConfiguration : IEntityTypeConfiguration<InspectionRecord>
{
    public void Configure(EntityTypeBuilder<InspectionRecord> b)
    {
        b.ToTable("inspections_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.ChecklistCode).HasMaxLength(40);
        b.Property(x => x.Findings).HasMaxLength(4000);
        b.Property(x => x.Inspectors).HasMaxLength(1000);
        b.Property(x => x.PhotoIds).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.HeldReason).HasMaxLength(500);
        b.HasIndex(x => x.SubmissionId).IsUnique();
        b.HasIndex(x => new { x.BusinessId, x.InspectedOn });
        b.HasIndex(x => new { x.RegionCode, x.InspectedOn });
        b.HasIndex(x => x.BusinessUscc);
    }
}

internal sealed class InspectionReplyConfiguration : IEntityTypeConfiguration<InspectionReply>
{
    public void Configure(EntityTypeBuilder<InspectionReply> b)
    {
        b.ToTable("inspections_replies");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.Property(x => x.Text).HasMaxLength(InspectionReply.MaxText);
        b.Property(x => x.PhotoIds).HasMaxLength(2000);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.ReviewNote).HasMaxLength(InspectionReply.MaxNote);
        b.HasIndex(x => x.RecordId);
        b.HasIndex(x => new { x.RegionCode, x.Status });
    }
}

internal sealed class ChecklistVersionConfiguration : IEntityTypeConfiguration<ChecklistVersion>
{
    public void Configure(EntityTypeBuilder<ChecklistVersion> b)
    {
        b.ToTable("inspections_checklists");
        b.HasKey(x => x.Id);
        b.Property(x => x.Family).HasMaxLength(20);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Basis).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.Family, x.Version }).IsUnique();
    }
}
