using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Surveys.Domain;

namespace Shian.Surveys.Data;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("surveys");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Intro).HasMaxLength(1000);
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Access).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.MarginOfError).HasPrecision(5, 4);
        b.Property(x => x.QuestionsJson).HasMaxLength(100_000);
        b.Property(x => x.QuotasJson).HasMaxLength(20_000);
        b.Property(x => x.PublicCode).HasMaxLength(16);
        b.HasIndex(x => x.PublicCode).IsUnique();
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.Year });
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.ToTable("survey_invitations");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.CodeDigest).HasMaxLength(64);
        b.HasIndex(x => new { x.SurveyId, x.CodeDigest }).IsUnique();
        b.HasIndex(x => new { x.SurveyId, x.RegionCode });
        b.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("survey_responses");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PersonDigest).HasMaxLength(64);
        b.Property(x => x.Interviewer).HasMaxLength(256);
        b.Property(x => x.AnswersJson).HasMaxLength(50_000);
        b.Property(x => x.Score).HasPrecision(9, 6);
        // One response per person and survey (an interviewer's entries carry no person digest).
        b.HasIndex(x => new { x.SurveyId, x.PersonDigest }).IsUnique();
        b.HasIndex(x => new { x.SurveyId, x.RegionCode });
        b.HasIndex(x => new { x.RegionCode, x.SubmittedAtUtc });
        b.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
