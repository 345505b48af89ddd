using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Programmes.Domain;

namespace Shian.Programmes.Data;

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.ToTable("programme_volunteers");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Organisation).HasMaxLength(100);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class PublicityActivityConfiguration : IEntityTypeConfiguration<PublicityActivity>
{
    public void Configure(EntityTypeBuilder<PublicityActivity> b)
    {
        b.ToTable("programme_publicity");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Evidence).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.HeldOn, x.RegionCode });
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.ToTable("programme_training_sessions");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Hours).HasPrecision(5, 1);
        b.Property(x => x.Evidence).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.HeldOn, x.RegionCode });
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> b)
    {
        b.ToTable("programme_training_attendance");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Hours).HasPrecision(5, 1);
        b.HasIndex(x => new { x.SessionId, x.UserName }).IsUnique();
        b.HasIndex(x => new { x.HeldOn, x.RegionCode });
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
