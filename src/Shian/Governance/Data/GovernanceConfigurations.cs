using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Governance.Domain;

namespace Shian.Governance.Data;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("governance_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.IssuerName).HasMaxLength(100);
        b.Property(x => x.ContentHash).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.SourceFileName).HasMaxLength(255);
        b.Property(x => x.ImportedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.ContentHash }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Year });
    }
}

internal sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> b)
    {
        b.ToTable("governance_sections");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PlanId, x.Ordinal });
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("governance_tasks");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Text).HasMaxLength(8000);
        b.Property(x => x.LeadText).HasMaxLength(2000);
        b.Property(x => x.UnitsText).HasMaxLength(2000);
        b.Property(x => x.TimeText).HasMaxLength(1000);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => new { x.PlanId, x.Ordinal });
    }
}

internal sealed class TaskAssignmentConfiguration : IEntityTypeConfiguration<TaskAssignment>
{
    public void Configure(EntityTypeBuilder<TaskAssignment> b)
    {
        b.ToTable("governance_assignments");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.UnitKey).HasMaxLength(80);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.Resolution).HasMaxLength(500);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RegionCode, x.UnitKey });
        b.HasIndex(x => new { x.TaskId, x.UnitKey, x.Role }).IsUnique();
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.ToTable("governance_milestones");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Phrase).HasMaxLength(50);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Rule).HasMaxLength(300);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Date);
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.ToTable("governance_targets");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Unit).HasMaxLength(20);
        b.Property(x => x.Period).HasMaxLength(20);
        b.Property(x => x.IndicatorKey).HasMaxLength(60);
        b.Property(x => x.IndicatorConfirmedBy).HasMaxLength(256);
        b.HasIndex(x => x.IndicatorKey);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnresolvedUnitConfiguration : IEntityTypeConfiguration<UnresolvedUnit>
{
    public void Configure(EntityTypeBuilder<UnresolvedUnit> b)
    {
        b.ToTable("governance_unresolved_units");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Text).HasMaxLength(200);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.ToTable("governance_reports");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.UnitKey).HasMaxLength(80);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.ReportedBy).HasMaxLength(256);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TaskId, x.UnitKey, x.ReportedAtUtc });
    }
}

internal sealed class TargetMeasurementConfiguration : IEntityTypeConfiguration<TargetMeasurement>
{
    public void Configure(EntityTypeBuilder<TargetMeasurement> b)
    {
        b.ToTable("governance_measurements");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.HasOne<ProgressReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Target>().WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportEvidenceConfiguration : IEntityTypeConfiguration<ReportEvidence>
{
    public void Configure(EntityTypeBuilder<ReportEvidence> b)
    {
        b.ToTable("governance_report_evidence");
        b.HasKey(x => new { x.ReportId, x.AttachmentId });
        b.HasOne<ProgressReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> b)
    {
        b.ToTable("governance_sent_reminders");
        b.HasKey(x => new { x.AssignmentId, x.MilestoneId, x.Kind });
        b.Property(x => x.Kind).HasMaxLength(20);
    }
}

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> b)
    {
        b.ToTable("governance_supervision_notices");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.IssuerRegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.UnitKey).HasMaxLength(80);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.Reply).HasMaxLength(4000);
        b.Property(x => x.IssuedBy).HasMaxLength(256);
        b.Property(x => x.RepliedBy).HasMaxLength(256);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RegionCode, x.Status });
    }
}

internal sealed class IncognitoCheckConfiguration : IEntityTypeConfiguration<IncognitoCheck>
{
    public void Configure(EntityTypeBuilder<IncognitoCheck> b)
    {
        b.ToTable("governance_incognito_checks");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.UnitKey).HasMaxLength(80);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(300);
        b.Property(x => x.Findings).HasMaxLength(4000);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.CheckedOn });
    }
}

internal sealed class AssessmentSchemeConfiguration : IEntityTypeConfiguration<AssessmentScheme>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> b)
    {
        b.ToTable("governance_assessment_schemes");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.ExcellentFrom).HasPrecision(6, 2);
        b.Property(x => x.GoodFrom).HasPrecision(6, 2);
        b.Property(x => x.PassFrom).HasPrecision(6, 2);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Ignore(x => x.Thresholds);
        b.HasIndex(x => new { x.RegionCode, x.Year }).IsUnique();
    }
}

internal sealed class AssessmentItemConfiguration : IEntityTypeConfiguration<AssessmentItem>
{
    public void Configure(EntityTypeBuilder<AssessmentItem> b)
    {
        b.ToTable("governance_assessment_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.AppliesTo).HasMaxLength(20);
        b.Property(x => x.Weight).HasPrecision(6, 2);
        b.Property(x => x.DeductionPerProblem).HasPrecision(6, 2);
        b.Ignore(x => x.Spec);
        b.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SchemeId, x.Ordinal });
    }
}

internal sealed class AssessmentManualScoreConfiguration : IEntityTypeConfiguration<AssessmentManualScore>
{
    public void Configure(EntityTypeBuilder<AssessmentManualScore> b)
    {
        b.ToTable("governance_assessment_scores");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.AssesseeKey).HasMaxLength(80);
        b.Property(x => x.Points).HasPrecision(6, 2);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.HasOne<AssessmentItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ItemId, x.AssesseeKey }).IsUnique();
        b.HasIndex(x => x.SchemeId);
    }
}

internal sealed class AssessmentVetoConfiguration : IEntityTypeConfiguration<AssessmentVeto>
{
    public void Configure(EntityTypeBuilder<AssessmentVeto> b)
    {
        b.ToTable("governance_assessment_vetoes");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.AssesseeKey).HasMaxLength(80);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SchemeId, x.AssesseeKey }).IsUnique();
    }
}

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> b)
    {
        b.ToTable("governance_assessment_results");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.SchemeRegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.AssesseeKey).HasMaxLength(80);
        b.Property(x => x.AssesseeName).HasMaxLength(200);
        b.Property(x => x.AssesseeKind).HasMaxLength(20);
        b.Property(x => x.Grade).HasMaxLength(20);
        b.Property(x => x.BaseScore).HasPrecision(7, 2);
        b.Property(x => x.Bonus).HasPrecision(7, 2);
        b.Property(x => x.Total).HasPrecision(7, 2);
        b.Property(x => x.VetoReason).HasMaxLength(1000);
        b.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SchemeId, x.AssesseeKey }).IsUnique();
        b.HasIndex(x => new { x.SchemeRegionCode, x.Year });
    }
}

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> b)
    {
        b.ToTable("governance_interviews");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.IssuerRegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.SubjectKey).HasMaxLength(80);
        b.Property(x => x.SubjectName).HasMaxLength(200);
        b.Property(x => x.Trigger).HasMaxLength(30);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.Attendees).HasMaxLength(1000);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.Status });
        b.HasIndex(x => new { x.SchemeId, x.SubjectKey });
    }
}
