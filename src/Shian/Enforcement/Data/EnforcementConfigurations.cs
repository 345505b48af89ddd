using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Enforcement.Domain;

namespace Shian.Enforcement.Data;

internal sealed class CaseClueConfiguration : IEntityTypeConfiguration<CaseClue>
{
    public void Configure(EntityTypeBuilder<CaseClue> b)
    {
        b.ToTable("enforcement_clues");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.FromWhom).HasMaxLength(200);
        b.Property(x => x.ExtensionApprover).HasMaxLength(256);
        b.Property(x => x.ExtensionReason).HasMaxLength(300);
        b.Property(x => x.ProposalReason).HasMaxLength(1000);
        b.Property(x => x.ProposedBy).HasMaxLength(256);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        // One clue per raising record: the durable event may be delivered twice.
        b.HasIndex(x => new { x.Source, x.SourceId }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Status, x.DecisionDue });
        b.HasIndex(x => x.BusinessId);
    }
}

internal sealed class EnforcementCaseConfiguration : IEntityTypeConfiguration<EnforcementCase>
{
    public void Configure(EntityTypeBuilder<EnforcementCase> b)
    {
        b.ToTable("enforcement_cases");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Party).HasMaxLength(200);
        b.Property(x => x.Cause).HasMaxLength(300);
        b.Property(x => x.Officers).HasMaxLength(1000);
        b.Property(x => x.GoodsValue).HasPrecision(16, 2);
        b.Property(x => x.Fine).HasPrecision(16, 2);
        b.Property(x => x.Confiscated).HasPrecision(16, 2);
        b.Property(x => x.AmountPaid).HasPrecision(16, 2);
        b.Property(x => x.InvestigationReport).HasMaxLength(4000);
        b.Property(x => x.OtherMeasures).HasMaxLength(300);
        b.Property(x => x.DiscretionLevel).HasMaxLength(10);
        b.Property(x => x.DiscretionReason).HasMaxLength(1000);
        b.Property(x => x.Benchmark).HasMaxLength(400);
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.ReviewOpinion).HasMaxLength(1000);
        b.Property(x => x.Statement).HasMaxLength(2000);
        b.Property(x => x.DiscussionConclusion).HasMaxLength(1000);
        b.Property(x => x.RevocationReason).HasMaxLength(300);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.ServiceMethod).HasMaxLength(20);
        b.Property(x => x.County).HasMaxLength(12).IsFixedLength();
        // Existing rows were all decided under the 普通程序.
        b.Property(x => x.Procedure).HasDefaultValue(CaseProcedure.Ordinary);
        b.Property(x => x.LegalBasis).HasMaxLength(300);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.ReceiptNumber).HasMaxLength(60);
        b.Property(x => x.FiledBy).HasMaxLength(256);
        // Numbers per county and year; a proposed case has none (NULLs are distinct on both databases). On-the-spot decisions
        // (当罚〔年〕N 号) are numbered in their own series.
        b.HasIndex(x => new { x.County, x.Year, x.Number }).IsUnique();
        b.HasIndex(x => new { x.County, x.Procedure, x.DecisionYear, x.DecisionNumber }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Stage, x.DecisionDue });
        b.HasIndex(x => x.BusinessId);
        b.HasOne<CaseClue>().WithMany().HasForeignKey(x => x.ClueId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CasePaymentPlanConfiguration : IEntityTypeConfiguration<CasePaymentPlan>
{
    public void Configure(EntityTypeBuilder<CasePaymentPlan> b)
    {
        b.ToTable("enforcement_payment_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Opinion).HasMaxLength(300);
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => new { x.RegionCode, x.Status, x.DecideBy });
        b.HasOne<EnforcementCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseInstalmentConfiguration : IEntityTypeConfiguration<CaseInstalment>
{
    public void Configure(EntityTypeBuilder<CaseInstalment> b)
    {
        b.ToTable("enforcement_instalments");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Amount).HasPrecision(16, 2);
        b.Property(x => x.AmountPaid).HasPrecision(16, 2);
        b.HasIndex(x => new { x.PlanId, x.Seq }).IsUnique();
        b.HasIndex(x => x.CaseId);
        b.HasOne<CasePaymentPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseMeasureConfiguration : IEntityTypeConfiguration<CaseMeasure>
{
    public void Configure(EntityTypeBuilder<CaseMeasure> b)
    {
        b.ToTable("enforcement_measures");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Items).HasMaxLength(1000);
        b.Property(x => x.Outcome).HasMaxLength(300);
        b.HasIndex(x => x.CaseId);
        b.HasOne<EnforcementCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseEntryConfiguration : IEntityTypeConfiguration<CaseEntry>
{
    public void Configure(EntityTypeBuilder<CaseEntry> b)
    {
        b.ToTable("enforcement_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Author).HasMaxLength(256);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.RecordId, x.AtUtc });
    }
}

internal sealed class PoliceTransferConfiguration : IEntityTypeConfiguration<PoliceTransfer>
{
    public void Configure(EntityTypeBuilder<PoliceTransfer> b)
    {
        b.ToTable("enforcement_transfers");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Grounds).HasMaxLength(2000);
        b.Property(x => x.Evidence).HasMaxLength(2000);
        b.Property(x => x.ReportedBy).HasMaxLength(256);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Opinion).HasMaxLength(1000);
        b.Property(x => x.PoliceAgency).HasMaxLength(200);
        b.Property(x => x.PoliceDecision).HasMaxLength(500);
        b.Property(x => x.FollowUp).HasMaxLength(500);
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => new { x.RegionCode, x.Status });
    }
}

internal sealed class CaseEvidenceConfiguration : IEntityTypeConfiguration<CaseEvidence>
{
    public void Configure(EntityTypeBuilder<CaseEvidence> b)
    {
        b.ToTable("enforcement_evidence");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.CollectedBy).HasMaxLength(256);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => new { x.CaseId, x.AttachmentId }).IsUnique();
    }
}

internal sealed class CaseAssistanceConfiguration : IEntityTypeConfiguration<CaseAssistance>
{
    public void Configure(EntityTypeBuilder<CaseAssistance> b)
    {
        b.ToTable("enforcement_assistance");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.CaseRegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.CaseNumber).HasMaxLength(40);
        b.Property(x => x.Addressee).HasMaxLength(100);
        b.Property(x => x.Subject).HasMaxLength(200);
        b.Property(x => x.Matters).HasMaxLength(2000);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.ExtensionReason).HasMaxLength(300);
        b.Property(x => x.Answer).HasMaxLength(2000);
        b.Property(x => x.AnsweredBy).HasMaxLength(256);
        b.Property(x => x.AnswerFileName).HasMaxLength(260);
        b.Property(x => x.AnswerSha256).HasMaxLength(64);
        b.HasIndex(x => x.CaseId);
        // The acting district's list (pending first by date) and the requesting county's (by the case's region).
        b.HasIndex(x => new { x.RegionCode, x.Status, x.DueOn });
        b.HasIndex(x => new { x.CaseRegionCode, x.RequestedOn });
        b.HasOne<EnforcementCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DiscretionBenchmarkConfiguration : IEntityTypeConfiguration<DiscretionBenchmark>
{
    public void Configure(EntityTypeBuilder<DiscretionBenchmark> b)
    {
        b.ToTable("enforcement_benchmarks");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Level).HasMaxLength(10);
        b.Property(x => x.LowerPercent).HasPrecision(5, 2);
        b.Property(x => x.UpperPercent).HasPrecision(5, 2);
        b.Property(x => x.Circumstances).HasMaxLength(300);
        b.Property(x => x.Document).HasMaxLength(200);
        b.Property(x => x.ImportedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.Article, x.Level }).IsUnique();
    }
}
