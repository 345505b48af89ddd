using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Emergencies.Domain;

namespace Shian.Emergencies.Data;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("emergency_incidents");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Facts);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Place).HasMaxLength(300);
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.SuspectedFood).HasMaxLength(200);
        b.Property(x => x.Symptoms).HasMaxLength(500);
        b.Property(x => x.GradeDeterminedBy).HasMaxLength(200);
        b.Property(x => x.ReportedBy).HasMaxLength(256);
        b.Property(x => x.ReporterUnit).HasMaxLength(100);
        b.Property(x => x.ReporterPhone).HasMaxLength(24);
        b.Property(x => x.Conclusion).HasMaxLength(2000);
        b.Property(x => x.ComplaintCode).HasMaxLength(40);
        b.HasIndex(x => new { x.RegionCode, x.Status, x.ReceivedAtUtc });
        b.HasIndex(x => x.ComplaintId);
        b.HasIndex(x => x.BusinessId);
    }
}

internal sealed class UpwardReportConfiguration : IEntityTypeConfiguration<UpwardReport>
{
    public void Configure(EntityTypeBuilder<UpwardReport> b)
    {
        b.ToTable("emergency_upward_reports");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.Recipients).HasMaxLength(200);
        b.Property(x => x.Content).HasMaxLength(4000);
        b.HasIndex(x => new { x.IncidentId, x.Kind, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.SubmittedAtUtc, x.DueAtUtc });
        b.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentEntryConfiguration : IEntityTypeConfiguration<IncidentEntry>
{
    public void Configure(EntityTypeBuilder<IncidentEntry> b)
    {
        b.ToTable("emergency_incident_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Author).HasMaxLength(256);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.IncidentId, x.AtUtc });
        b.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentTaskConfiguration : IEntityTypeConfiguration<IncidentTask>
{
    public void Configure(EntityTypeBuilder<IncidentTask> b)
    {
        b.ToTable("emergency_incident_tasks");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.AssignedBy).HasMaxLength(256);
        b.Property(x => x.DoneBy).HasMaxLength(256);
        b.Property(x => x.DoneNote).HasMaxLength(1000);
        b.HasIndex(x => x.IncidentId);
        b.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentPhotoConfiguration : IEntityTypeConfiguration<IncidentPhoto>
{
    public void Configure(EntityTypeBuilder<IncidentPhoto> b)
    {
        b.ToTable("emergency_incident_photos");
        b.HasKey(x => new { x.IncidentId, x.AttachmentId });
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportingPointConfiguration : IEntityTypeConfiguration<ReportingPoint>
{
    public void Configure(EntityTypeBuilder<ReportingPoint> b)
    {
        b.ToTable("emergency_reporting_points");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => new { x.RegionCode, x.Kind });
        b.HasIndex(x => x.BusinessId);
    }
}

internal sealed class PointReporterConfiguration : IEntityTypeConfiguration<PointReporter>
{
    public void Configure(EntityTypeBuilder<PointReporter> b)
    {
        b.ToTable("emergency_point_reporters");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.DisplayName).HasMaxLength(40);
        b.Property(x => x.Phone).HasMaxLength(24);
        b.HasIndex(x => new { x.PointId, x.UserName });
        b.HasIndex(x => x.UserName);
        b.HasOne<ReportingPoint>().WithMany().HasForeignKey(x => x.PointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentLinkConfiguration : IEntityTypeConfiguration<IncidentLink>
{
    public void Configure(EntityTypeBuilder<IncidentLink> b)
    {
        b.ToTable("emergency_incident_links");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Reference).HasMaxLength(40);
        b.Property(x => x.Summary).HasMaxLength(300);
        b.Property(x => x.LinkedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.IncidentId, x.Kind, x.TargetId }).IsUnique();
        b.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpinionFeedConfiguration : IEntityTypeConfiguration<OpinionFeed>
{
    public void Configure(EntityTypeBuilder<OpinionFeed> b)
    {
        b.ToTable("emergency_opinion_feeds");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Url).HasMaxLength(1000);
        b.Property(x => x.KeyPrefix).HasMaxLength(12);
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.LastResult).HasMaxLength(500);
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Kind });
    }
}

internal sealed class OpinionItemConfiguration : IEntityTypeConfiguration<OpinionItem>
{
    public void Configure(EntityTypeBuilder<OpinionItem> b)
    {
        b.ToTable("emergency_opinion_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Source).HasMaxLength(100);
        b.Property(x => x.Url).HasMaxLength(1000);
        b.Property(x => x.CanonicalUrl).HasMaxLength(1000);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(20000);
        b.Property(x => x.Author).HasMaxLength(100);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.Topics).HasMaxLength(200);
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.CollectedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.CollectedAtUtc });
        b.HasIndex(x => x.CollectedAtUtc);
        b.HasIndex(x => x.ContentHash);
        b.HasIndex(x => x.CanonicalUrl);
        b.HasIndex(x => x.BusinessId);
        b.HasOne<OpinionFeed>().WithMany().HasForeignKey(x => x.FeedId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpinionItemBusinessConfiguration : IEntityTypeConfiguration<OpinionItemBusiness>
{
    public void Configure(EntityTypeBuilder<OpinionItemBusiness> b)
    {
        b.ToTable("emergency_opinion_item_businesses");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.Alias).HasMaxLength(200);
        b.HasIndex(x => new { x.ItemId, x.BusinessId }).IsUnique();
        b.HasIndex(x => x.BusinessId);
        b.HasOne<OpinionItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpinionAlertConfiguration : IEntityTypeConfiguration<OpinionAlert>
{
    public void Configure(EntityTypeBuilder<OpinionAlert> b)
    {
        b.ToTable("emergency_opinion_alerts");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Topics).HasMaxLength(200);
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.RaisedBy).HasMaxLength(256);
        b.Property(x => x.VerifiedBy).HasMaxLength(256);
        b.Property(x => x.FindingText).HasMaxLength(2000);
        b.Property(x => x.ResponseText).HasMaxLength(2000);
        b.Property(x => x.PublishedText).HasMaxLength(2000);
        b.HasIndex(x => new { x.RegionCode, x.Status, x.RaisedAtUtc });
        b.HasIndex(x => new { x.ItemId, x.RegionCode }).IsUnique();
        b.HasOne<OpinionItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpinionAlertEntryConfiguration : IEntityTypeConfiguration<OpinionAlertEntry>
{
    public void Configure(EntityTypeBuilder<OpinionAlertEntry> b)
    {
        b.ToTable("emergency_opinion_alert_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Author).HasMaxLength(256);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.AlertId, x.AtUtc });
        b.HasOne<OpinionAlert>().WithMany().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmergencyPlanConfiguration : IEntityTypeConfiguration<EmergencyPlan>
{
    public void Configure(EntityTypeBuilder<EmergencyPlan> b)
    {
        b.ToTable("emergency_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Version).HasMaxLength(50);
        b.Property(x => x.DocumentNumber).HasMaxLength(100);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.Kind, x.SupersededOn });
        b.HasIndex(x => x.LineageId);
    }
}

internal sealed class PreparednessActivityConfiguration : IEntityTypeConfiguration<PreparednessActivity>
{
    public void Configure(EntityTypeBuilder<PreparednessActivity> b)
    {
        b.ToTable("emergency_preparedness_activities");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Form).HasMaxLength(50);
        b.Property(x => x.Departments).HasMaxLength(500);
        b.Property(x => x.Lessons).HasMaxLength(4000);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.Kind, x.HeldOn });
    }
}

internal sealed class ZeroReportScheduleConfiguration : IEntityTypeConfiguration<ZeroReportSchedule>
{
    public void Configure(EntityTypeBuilder<ZeroReportSchedule> b)
    {
        b.ToTable("emergency_zero_report_schedules");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Rule);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Basis).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.From });
    }
}

internal sealed class ZeroReportConfiguration : IEntityTypeConfiguration<ZeroReport>
{
    public void Configure(EntityTypeBuilder<ZeroReport> b)
    {
        b.ToTable("emergency_zero_reports");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => new { x.ScheduleId, x.PointId, x.PeriodStart }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.PeriodStart });
    }
}

internal sealed class IncidentPlaceConfiguration : IEntityTypeConfiguration<IncidentPlace>
{
    public void Configure(EntityTypeBuilder<IncidentPlace> b)
    {
        b.ToTable("emergency_incident_places");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.PlaceRegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.AddedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.IncidentId, x.Kind });
    }
}
